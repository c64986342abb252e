import { resemblance, headingKey, LIKELY } from '../framework/lookup';
import { list, t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const tierUnknown: CharterRule = {
  meta: meta({
    id: 'tier-unknown',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Otsaketietojen johtotasoa ei ole viitekehyksessä', en: 'The frontmatter names a tier the framework does not have' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    const ids = lookup.framework.tiers.map((x) => x.id);
    const names = list(lang, lookup.framework.tiers.map((x) => x.name[lang]));
    const lastLine = charter.frontmatter.place?.end.line ?? u0(charter.unknownTiers);
    // Where the search for the next block-list item of each key resumes (items come in order: linear).
    const resume = new Map<number, number>();
    for (const u of charter.unknownTiers) {
      // On the key's line (`tier: x`, `tiers: [x, y]`), or on its item below (`tiers:` then `- x`).
      let line = u.line;
      let col = lines.text.slice(lines.lineStart(line), lines.lineEnd(line)).indexOf(u.value);
      for (let l = resume.get(u.line) ?? u.line + 1; col < 0 && l < lastLine; l++) {
        const text = lines.text.slice(lines.lineStart(l), lines.lineEnd(l));
        if (!/^\s/.test(text)) break;
        if (/^\s*-\s/.test(text) && text.includes(u.value)) {
          line = l;
          col = text.indexOf(u.value);
          resume.set(u.line, l + 1);
        }
      }
      const place = col >= 0 ? lines.place(lines.lineStart(line) + col, lines.lineStart(line) + col + u.value.length) : lines.linePlace(u.line);
      // A typo of a tier's name or alias (`Esihenkilö`, `supervisor`): suggest it, written as the user writes.
      let best: { name: string; score: number } | undefined;
      for (const tier of lookup.framework.tiers) {
        for (const n of [tier.name.fi, tier.name.en, ...tier.aliases, tier.id]) {
          const score = resemblance(headingKey(u.value), headingKey(n));
          if (score >= LIKELY && (!best || score > best.score)) best = { name: n === tier.id ? tier.id : n, score };
        }
      }
      const reason = best
        ? t(lang, 'tier-unknown.suggest', { value: u.value, suggestion: best.name, tiers: names })
        : t(lang, 'tier-unknown', { value: u.value, tiers: names });
      report({ reason, place, actual: u.value, expected: ids.join(' | ') });
    }
  },
};

/** The last line an unknown tier can stand on when the frontmatter's end is not known: the last key line. */
function u0(unknown: readonly { line: number }[]): number {
  return Math.max(0, ...unknown.map((u) => u.line)) + 1;
}
