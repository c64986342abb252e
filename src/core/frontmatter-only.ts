/**
 * A charter's summary from its frontmatter alone, without parsing the Markdown: what the
 * handbook-level rules need about a charter that someone else lints (another CI shard).
 *
 * The frontmatter block is found exactly as remark-frontmatter finds it (`---` on the first
 * line, optional spaces or tabs, a line ending; closed by a line that is `---` with optional
 * trailing spaces or tabs). Whenever that scan is not sure, whenever `Linter.lintText` would
 * treat the text specially (lone CRs, input it refuses to parse, YAML aliases), or when a
 * charter's tiers can only be known from its headings (no `tier`/`tiers` value, the article's
 * layout), this falls back to `linter.lintText`, so the summary is there exactly when lintText
 * gives one, with the same tiers.
 */
import { markdownComplexity, type Linter } from './lint';
import { charterLikeFrontmatter, frontmatterTiers, loadFrontmatterYaml, ownerField, readLang, stringField } from './parse';
import type { CharterSummary } from './types';

export interface FrontmatterSummaryOptions {
  /** The handbook config says this file is a charter even without `tier` in its frontmatter. */
  forceCharter?: boolean;
}

/**
 * The raw YAML between the fences, `null` when the text has no frontmatter block, or
 * `undefined` when the quick scan cannot tell (the caller then parses the whole document).
 */
export function frontmatterBlock(text: string): string | null | undefined {
  if (!text.startsWith('---')) return null;
  let i = 3;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
  else if (text[i] === '\n') i += 1;
  else return undefined; // `----`, `--- x`, a lone CR: let the real parser decide
  const valueStart = i;
  for (;;) {
    // `i` is the start of a line inside the block: is it the closing fence?
    if (text.startsWith('---', i)) {
      let j = i + 3;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (j === text.length || text[j] === '\n' || text[j] === '\r') {
        let end = i;
        if (end > valueStart && text[end - 1] === '\n') end--;
        if (end > valueStart && text[end - 1] === '\r') end--;
        const raw = text.slice(valueStart, Math.max(valueStart, end));
        // A lone CR or a NUL is a line ending or a replacement for the real parser: not sure.
        return /\r(?!\n)|\0/.test(raw) ? undefined : raw;
      }
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) return undefined; // unclosed: the full parse reports it
    i = nl + 1;
  }
}

/**
 * The summary of a charter from its frontmatter: tiers, unit, owner, next review and language.
 * `elements` is empty and `title` undefined unless the full parse was needed: the summary is
 * meant for handbook-level rules that look at tiers (`tier-without-charter`), not for the matrix.
 * `undefined` when the file is not a charter (as `Linter.lintText`'s `summary`).
 */
export function summaryFromFrontmatter(
  file: string,
  text: string,
  linter: Linter,
  options: FrontmatterSummaryOptions = {},
): CharterSummary | undefined {
  const forceCharter = options.forceCharter === true;
  const full = (): CharterSummary | undefined => linter.lintText(file, text, { forceCharter }).summary;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if ((src.includes('\r') && /\r(?!\n)/.test(src)) || markdownComplexity(src)) return full();
  const raw = frontmatterBlock(src);
  if (raw === undefined) return full();
  if (raw === null) return forceCharter ? full() : undefined;
  if (raw.includes('*')) return full(); // maybe aliases, whose expansion lintText limits
  const loaded = loadFrontmatterYaml(raw, 2);
  if (loaded.error) {
    // Broken YAML: a charter (with no tiers) only if it looks like it names one, as in parseCharter.
    return /^(?:tiers?|taso|tasot)\s*:/im.test(raw) || forceCharter ? full() : undefined;
  }
  const data = loaded.data;
  const hasTierKey = 'tier' in data || 'tiers' in data;
  if (!hasTierKey && !forceCharter) {
    // A frontmatter that looks like a charter's without a `tier` key (`Tier:`, `taso:`): a charter
    // with no tier. Whether the template's fields make one depends on the headings: parse then.
    const likely = charterLikeFrontmatter(data, {}, linter.lookup, undefined) !== undefined;
    const templateKeys = ['owner', 'next-review', 'reviewed', 'unit'].filter((k) => k in data).length >= 2;
    return likely || templateKeys ? full() : undefined;
  }
  const named = frontmatterTiers(data, {}, linter.lookup);
  // No tier value: the article's layout names its tiers in headings, which only the parse sees.
  if (named.rawTiers.length === 0) return full();
  return {
    file,
    tiers: named.tiers,
    unit: stringField(data, 'unit'),
    owner: ownerField(data),
    nextReview: stringField(data, 'next-review'),
    lang: readLang(data, linter.lang),
    title: undefined,
    elements: [],
  };
}
