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
    for (const u of charter.unknownTiers) {
      const lineText = lines.text.slice(lines.lineStart(u.line), lines.lineEnd(u.line));
      const col = lineText.indexOf(u.value);
      const place =
        col >= 0 ? lines.place(lines.lineStart(u.line) + col, lines.lineStart(u.line) + col + u.value.length) : lines.linePlace(u.line);
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
