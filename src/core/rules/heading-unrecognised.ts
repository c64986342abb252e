import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

/**
 * A heading at the level of a tier's elements that names no element and resembles none (see
 * `Charter.unrecognisedHeadings` for exactly which headings are looked at). With the closest
 * still-missing element when there is one.
 */
export const headingUnrecognised: CharterRule = {
  meta: meta({
    id: 'heading-unrecognised',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: false,
    title: { fi: 'Otsikko ei nimeä yhtään johtotason osa-aluetta', en: 'A heading names no element of the tier' },
  }),
  check({ charter, lookup, lang, report }) {
    for (const h of charter.unrecognisedHeadings) {
      const tier = lookup.tier(h.tier);
      if (!tier) continue;
      const closest = h.closest ? lookup.element(h.closest) : undefined;
      report({
        reason: closest
          ? t(lang, 'heading-unrecognised.closest', { title: h.title, tier: tier.name[lang], closest: closest.name[lang] })
          : t(lang, 'heading-unrecognised', { title: h.title, tier: tier.name[lang] }),
        place: h.place,
        tier: h.tier,
        actual: h.title,
        ...(closest ? { expected: closest.name[lang] } : {}),
      });
    }
  },
};
