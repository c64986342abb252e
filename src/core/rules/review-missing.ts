import { insertFieldFix } from '../fix';
import { t } from '../i18n';
import { meta, type CharterRule } from './rule';

export const reviewMissing: CharterRule = {
  meta: meta({
    id: 'review-missing',
    scope: 'charter',
    defaultSeverity: 'note',
    fixable: true,
    title: { fi: 'Peruskirjalta puuttuu seuraavan katselmoinnin päivä', en: 'Charter has no next review date' },
  }),
  check({ charter, lines, lookup, lang, report }) {
    if (charter.frontmatter.error || charter.nextReview) return;
    if (!lookup.framework.requiredFields.includes('next-review')) return;
    const fm = charter.frontmatter;
    const fix = insertFieldFix(charter, 'next-review', `"" # ${t(charter.lang, 'stub.date')}`, lang);
    report({
      reason: t(lang, 'review-missing'),
      place: lines.linePlace(fm.keyLines['next-review'] ?? fm.place?.start.line ?? 1),
      ...(charter.tiers[0] ? { tier: charter.tiers[0] } : {}),
      ...(fix ? { fix } : {}),
    });
  },
};
