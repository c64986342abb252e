import { t } from '../i18n';
import { isIsoDate } from '../text';
import { meta, type CharterRule } from './rule';

export const reviewOverdue: CharterRule = {
  meta: meta({
    id: 'review-overdue',
    scope: 'charter',
    defaultSeverity: 'warning',
    fixable: false,
    title: { fi: 'Peruskirjan katselmointi on myöhässä', en: 'The charter is overdue for review' },
  }),
  check({ charter, lines, lang, today, report }) {
    const date = charter.nextReview;
    if (!date || !isIsoDate(date) || date >= today) return;
    const days = Math.round((Date.parse(today) - Date.parse(date)) / 86400000);
    report({
      reason: t(lang, 'review-overdue', { date, ago: days === 1 ? t(lang, 'days.one') : t(lang, 'days.many', { days }) }),
      place: lines.linePlace(charter.frontmatter.keyLines['next-review'] ?? 1),
      ...(charter.tiers[0] ? { tier: charter.tiers[0] } : {}),
      expected: `>= ${today}`,
      actual: date,
    });
  },
};
