/** Review status of a charter, shared by the preview's header card, the matrix and the site. */
import { isIsoDate } from '../text';

/** `ok`: more than 30 days to go; `due-soon`: 0–30 days; `overdue`: the date has passed. */
export type ReviewStatus = 'ok' | 'due-soon' | 'overdue' | 'missing' | 'invalid';

export interface ReviewState {
  status: ReviewStatus;
  /** The `next-review` value as written (undefined when there is none). */
  date: string | undefined;
  /** Days from `today` to the date: negative when overdue; undefined when missing or invalid. */
  days: number | undefined;
}

/** Reviews due within this many days are "due soon". */
export const DUE_SOON_DAYS = 30;

/** The review status of `nextReview` (YYYY-MM-DD) on `today` (YYYY-MM-DD). */
export function reviewState(nextReview: string | undefined, today: string): ReviewState {
  if (nextReview === undefined || nextReview.trim() === '') return { status: 'missing', date: undefined, days: undefined };
  if (!isIsoDate(nextReview) || !isIsoDate(today)) return { status: 'invalid', date: nextReview, days: undefined };
  const days = Math.round((Date.parse(nextReview) - Date.parse(today)) / 86400000);
  const status: ReviewStatus = days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
  return { status, date: nextReview, days };
}
