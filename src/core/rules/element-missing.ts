import { insertElementFix, nearMissFix } from '../fix';
import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

/**
 * Every element of each of the charter's tiers that no heading or item defines. When the user
 * most likely wrote it in a form that does not count (a heading that only resembles its name, a
 * bold line instead of a heading, a table row: the charter's `nearMisses`), the finding is placed
 * there, says what to do, and its fix repairs the user's line; otherwise it is placed on the tier's
 * heading (or the title) and its fix inserts a stub section.
 */
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
      const depth = Math.min(6, (section?.depth ?? (charter.title ? 1 : 1)) + 1);
      for (const el of tier.elements) {
        if (charter.occurrences.some((o) => o.tier === tierId && o.elementId === el.id)) continue;
        const name = el.name[lang];
        const tierName = tier.name[lang];
        const near = charter.nearMisses.find((m) => m.tier === tierId && m.elementId === el.id);
        if (near) {
          const fix = nearMissFix(charter, lookup, near, lang);
          // A resembling heading says "did you mean"; one with an unknown `{#id}` cannot take the fix's id.
          const key = near.kind === 'heading' ? (near.idAt === undefined ? 'element-missing.near-id' : 'element-missing.near') : (`element-missing.${near.kind}` as const);
          report({
            reason: t(lang, key, {
              name,
              suggestion: el.name[charter.lang],
              tier: tierName,
              title: near.title,
              target: near.target ?? '',
              other: near.other ? (lookup.element(near.other)?.name[lang] ?? near.other) : '',
              hashes: '#'.repeat(near.headingDepth ?? depth),
              id: el.id,
            }),
            place: near.place,
            elementId: el.id,
            tier: tierId,
            expected: name,
            actual: near.title,
            related: [{ file: charter.file, place: near.place, message: t(lang, 'element-missing.related', { name }) }],
            ...(fix ? { fix } : {}),
          });
          continue;
        }
        const fix = insertElementFix(charter, lookup, tierId, el.id, lang);
        report({
          reason: t(lang, 'element-missing', { name, tier: tierName }),
          place,
          elementId: el.id,
          tier: tierId,
          expected: name,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
