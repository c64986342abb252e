import { t } from '../i18n';
import type { ElementOccurrence } from '../types';
import { meta, type CharterRule } from './rule';

export const elementDuplicate: CharterRule = {
  meta: meta({
    id: 'element-duplicate',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: false,
    title: { fi: 'Sama osa-alue on määritelty kahdesti', en: 'The same element is defined twice' },
  }),
  check({ charter, lookup, lang, report }) {
    const first = new Map<string, ElementOccurrence>();
    for (const occ of charter.occurrences) {
      const key = `${occ.tier}\u0000${occ.elementId}`;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, occ);
        continue;
      }
      const el = lookup.element(occ.elementId)!;
      report({
        reason: t(lang, 'element-duplicate', { name: el.name[lang], tier: lookup.tier(occ.tier)?.name[lang] ?? occ.tier }),
        place: occ.headingPlace,
        elementId: el.id,
        tier: occ.tier,
        related: [{ file: charter.file, place: prev.headingPlace, message: t(lang, 'element-duplicate.related', { name: el.name[lang] }) }],
      });
    }
  },
};
