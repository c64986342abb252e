import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const elementIdUnknown: CharterRule = {
  meta: meta({
    id: 'element-id-unknown',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: false,
    title: { fi: 'Otsikon {#tunniste} ei nimeä johtotason osa-aluetta', en: 'A heading’s {#id} names no element of its tier' },
  }),
  check({ charter, lookup, lang, report }) {
    for (const u of charter.unknownIds) {
      const el = u.matched ? lookup.element(u.matched) : undefined;
      const tierName = lookup.tier(u.tier)?.name[lang] ?? u.tier;
      report({
        reason: el
          ? t(lang, 'element-id-unknown', { id: u.id, tier: tierName, name: el.name[lang] })
          : t(lang, 'element-id-unknown.none', { id: u.id, tier: tierName }),
        place: u.place,
        ...(el ? { elementId: el.id } : {}),
        tier: u.tier,
        actual: u.id,
        expected: lookup.framework.tiers.find((x) => x.id === u.tier)?.elements.map((e) => e.id).join(' | ') ?? '',
      });
    }
  },
};
