/**
 * A charter split over several files: two files of one handbook that are the charter of the same
 * tier and unit, each holding part of the tier's elements (a long charter cut in two, a section
 * saved apart). Each file alone misses what the other holds, so `element-missing` would say
 * "missing" of a section the user did write. This step rewrites those findings at the handbook
 * level: the message names the file that holds the element and says what to do (one charter per
 * tier and unit: move the section, or give each file its own `unit:`), the other file's section is
 * the related location, and the fix that would insert a second, empty copy of the element is
 * dropped. No finding is added or removed: a split charter is still incomplete in each file.
 *
 * Pure: findings and summaries in, findings out. Needs the other files' element lists, so a CI
 * shard that knows the other shards' charters only from their frontmatter does not explain them.
 */
import { t } from './i18n';
import type { CharterSummary, Finding, Lang } from './types';

/** The unit as a key: case, spacing and an absent unit folded. */
function unitKey(unit: string | undefined): string {
  return (unit ?? '').normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** A charter's tiers, each with its unit: two files with a key in common are the same charter. */
export function charterKeys(s: CharterSummary): string[] {
  const unit = unitKey(s.unit);
  return s.tiers.map((t) => `${t}\u0000${unit}`);
}

/** Where each element of a tier and unit is written: `tier\0unit\0element` → [file, line] of its first holder per file. */
function holders(summaries: readonly CharterSummary[]): Map<string, { file: string; line: number }[]> {
  const map = new Map<string, { file: string; line: number }[]>();
  for (const s of summaries) {
    const unit = unitKey(s.unit);
    for (const e of s.elements) {
      if (e.status === 'missing') continue;
      const key = `${e.tier}\u0000${unit}\u0000${e.elementId}`;
      const list = map.get(key) ?? [];
      if (!list.some((h) => h.file === s.file)) list.push({ file: s.file, line: e.line });
      map.set(key, list);
    }
  }
  return map;
}

export function explainSplitCharters(findings: readonly Finding[], summaries: readonly CharterSummary[], lang: Lang): Finding[] {
  if (summaries.length < 2 || !findings.some((f) => f.ruleId === 'element-missing')) return [...findings];
  const byFile = new Map(summaries.map((s) => [s.file, s]));
  const held = holders(summaries);
  return findings.map((f) => {
    // Only an element that is truly absent here; a near miss already points at the user's line.
    if (f.ruleId !== 'element-missing' || f.related || f.elementId === undefined || f.tier === undefined) return f;
    const own = byFile.get(f.file);
    if (!own) return f;
    const others = (held.get(`${f.tier}\u0000${unitKey(own.unit)}\u0000${f.elementId}`) ?? []).filter((h) => h.file !== f.file);
    const other = others[0];
    if (!other) return f;
    const name = f.expected ?? f.elementId;
    const at = { line: other.line, column: 1, offset: 0 };
    const { fix: _dropped, ...rest } = f;
    return {
      ...rest,
      reason: t(lang, own.unit ? 'element-missing.split-unit' : 'element-missing.split', { name, other: other.file, unit: own.unit ?? '' }),
      related: [{ file: other.file, place: { start: at, end: at }, message: t(lang, 'element-missing.split-related', { name }) }],
    };
  });
}
