/** The status of an element occurrence, shared by rules, summaries, preview and matrix. */
import type { FrameworkLookup } from './framework/lookup';
import { isBlank, isPlaceholder, stripComments } from './placeholder';
import type { Charter, CharterSummary, ElementOccurrence, ElementStatus } from './types';

/**
 * Remembered per occurrence (and framework): three rules, the summary, the preview and the
 * matrix all ask, and the placeholder test reads the element's whole text. Occurrences are
 * never changed after parsing, so the answer cannot go stale.
 */
const statusMemo = new WeakMap<ElementOccurrence, { lookup: FrameworkLookup; status: ElementStatus }>();

export function occurrenceStatus(occ: ElementOccurrence, lookup: FrameworkLookup): ElementStatus {
  const known = statusMemo.get(occ);
  if (known && known.lookup === lookup) return known.status;
  const status = computeStatus(occ, lookup);
  statusMemo.set(occ, { lookup, status });
  return status;
}

function computeStatus(occ: ElementOccurrence, lookup: FrameworkLookup): ElementStatus {
  // An ellipsis alone ("…", "...") stands for text still to be written: a placeholder, not empty.
  if (isBlank(occ.contentText)) return /…|\.\.\./.test(stripComments(occ.contentText)) ? 'placeholder' : 'empty';
  if (isPlaceholder(occ.contentText, (l) => lookup.isGoalLabel(l))) return 'placeholder';
  if (occ.goals.length === 0) return 'no-goal';
  return 'defined';
}

/** Status of every framework element of every tier of the charter (missing ones included). */
export function summarize(charter: Charter, lookup: FrameworkLookup): CharterSummary {
  const elements: CharterSummary['elements'] = [];
  for (const tierId of charter.tiers) {
    const tier = lookup.tier(tierId);
    if (!tier) continue;
    for (const el of tier.elements) {
      const occ = charter.occurrences.find((o) => o.tier === tierId && o.elementId === el.id);
      elements.push({
        elementId: el.id,
        tier: tierId,
        status: occ ? occurrenceStatus(occ, lookup) : 'missing',
        line: occ ? occ.headingPlace.start.line : 1,
      });
    }
  }
  return {
    file: charter.file,
    // A charter whose YAML is broken still counts for the tier its `tier:` line names (its
    // rules wait for the YAML; the handbook does not call its tier uncovered).
    tiers: charter.tiers.length === 0 && charter.frontmatter.error ? recoverTiers(charter.frontmatter.raw, lookup) : charter.tiers,
    unit: charter.unit,
    owner: charter.owner,
    nextReview: charter.nextReview,
    lang: charter.lang,
    title: charter.title?.text,
    elements,
  };
}

/**
 * The tiers a broken frontmatter names on its own lines: `tier: x`, `tiers: [x, y]` or `tiers:`
 * followed by `- x` lines, read line by line without YAML (quotes dropped), resolved against the
 * framework. Only for counting the charter in the handbook; unknown values are left out.
 */
export function recoverTiers(raw: string | undefined, lookup: FrameworkLookup): string[] {
  if (!raw) return [];
  const values: string[] = [];
  const lines = raw.split('\n').slice(0, 1000);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const key = line.startsWith('tiers:') ? 'tiers:' : line.startsWith('tier:') ? 'tier:' : undefined;
    if (!key) continue;
    const value = line.slice(key.length).trim();
    if (value.startsWith('[')) values.push(...value.slice(1, value.endsWith(']') ? -1 : undefined).split(','));
    else if (value !== '' && !value.startsWith('#')) values.push(value);
    else {
      for (let j = i + 1; j < lines.length && /^\s+-\s/.test(lines[j]!); j++) values.push(lines[j]!.trim().slice(1));
    }
  }
  const tiers: string[] = [];
  for (const v of values) {
    const id = lookup.resolveTier(v.trim().replace(/^["']|["']$/g, '').trim())?.id;
    if (id && !tiers.includes(id)) tiers.push(id);
  }
  return tiers;
}

