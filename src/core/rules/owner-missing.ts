import { insertFieldFix } from '../fix';
import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const ownerMissing: CharterRule = {
  meta: meta({
    id: 'owner-missing',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: true,
    title: { fi: 'Peruskirjalla ei ole omistajaa', en: 'Charter names no owner' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    if (charter.frontmatter.error || charter.owner) return;
    if (!lookup.framework.requiredFields.includes('owner')) return;
    const fm = charter.frontmatter;
    const fix = insertFieldFix(charter, 'owner', `"" # ${t(charter.lang, 'stub.owner')}`);
    report({
      reason: t(lang, 'owner-missing'),
      place: lines.linePlace(fm.keyLines['owner'] ?? fm.place?.start.line ?? 1),
      ...(charter.tiers[0] ? { tier: charter.tiers[0] } : {}),
      ...(fix ? { fix } : {}),
    });
  },
};
