import { insertTierFix } from '../fix';
import { list, t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const tierMissing: CharterRule = {
  meta: meta({
    id: 'tier-missing',
    scope: 'charter',
    defaultSeverity: 'error',
    fixable: true,
    title: { fi: 'Peruskirja ei nimeä johtotasoa', en: 'Charter names no tier' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    if (charter.frontmatter.error) return;
    const fm = charter.frontmatter;
    const line = fm.keyLines['tier'] ?? fm.keyLines['tiers'] ?? fm.place?.start.line ?? 1;
    if (charter.tiers.length === 0 && charter.unknownTiers.length === 0) {
      const tiers = list(lang, lookup.framework.tiers.map((x) => x.id));
      report({ reason: t(lang, 'tier-missing', { tiers }), place: lines.linePlace(line) });
      return;
    }
    if (!charter.multiTier) return;
    // A multi-tier charter needs one section per listed tier.
    for (const tierId of charter.tiers) {
      if (charter.tierSections.some((s) => s.tier === tierId)) continue;
      const fix = insertTierFix(charter, lookup, tierId);
      report({
        reason: t(lang, 'tier-missing.section', { tier: tierId }),
        place: lines.linePlace(line),
        tier: tierId,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
