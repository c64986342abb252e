import { insertElementFix } from '../fix';
import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const elementMissing: CharterRule = {
  meta: meta({
    id: 'element-missing',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: true,
    title: { fi: 'Johtotason osa-alue puuttuu peruskirjasta', en: 'A required element of the tier is missing' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    for (const tierId of charter.tiers) {
      const tier = lookup.tier(tierId);
      if (!tier) continue;
      const section = charter.tierSections.find((s) => s.tier === tierId);
      if (charter.multiTier && !section) continue; // tier-missing reports the whole section
      const place = section
        ? section.headingPlace
        : charter.title
          ? charter.title.place
          : lines.linePlace(charter.frontmatter.keyLines['tier'] ?? 1);
      for (const el of tier.elements) {
        if (charter.occurrences.some((o) => o.tier === tierId && o.elementId === el.id)) continue;
        const fix = insertElementFix(charter, lookup, tierId, el.id);
        report({
          reason: t(lang, 'element-missing', { name: el.name[lang], id: el.id, tier: tierId }),
          place,
          elementId: el.id,
          tier: tierId,
          expected: el.name[lang],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
