import { insertTierFix, insertTierKeyFix } from '../fix';
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
      const tiers = list(lang, lookup.framework.tiers.map((x) => x.name[lang]));
      const hint = charter.tierHint;
      if (!hint) {
        report({ reason: t(lang, 'tier-missing', { tiers }), place: lines.linePlace(line) });
        return;
      }
      // `Tier: supervisors`, `taso: Esihenkilöt`: suggest the key that works, with the value.
      const value = hint.value;
      const reason =
        hint.key !== undefined
          ? value !== undefined
            ? t(lang, 'tier-missing.key', { key: hint.key, value })
            : t(lang, 'tier-missing.key-only', { key: hint.key, tiers })
          : t(lang, 'tier-missing.suggest', { value: value ?? '' });
      const fix = value !== undefined ? insertTierKeyFix(charter, value, hint.line, lang) : undefined;
      report({
        reason,
        place: lines.linePlace(hint.line),
        ...(value !== undefined ? { expected: `tier: ${value}` } : {}),
        ...(hint.key !== undefined ? { actual: hint.key } : {}),
        ...(fix ? { fix } : {}),
      });
      return;
    }
    if (!charter.multiTier) return;
    // A multi-tier charter needs one section per listed tier.
    for (const tierId of charter.tiers) {
      if (charter.tierSections.some((s) => s.tier === tierId)) continue;
      const fix = insertTierFix(charter, lookup, tierId, lang);
      report({
        reason: t(lang, 'tier-missing.section', { tier: lookup.tier(tierId)?.name[lang] ?? tierId }),
        place: lines.linePlace(line),
        tier: tierId,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
