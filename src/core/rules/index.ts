/** The ordered rule registry. A retired id is never reused. */
import { elementDuplicate } from './element-duplicate';
import { elementEmpty } from './element-empty';
import { elementIdUnknown } from './element-id-unknown';
import { elementMissing } from './element-missing';
import { elementPlaceholder } from './element-placeholder';
import { frontmatterInvalid } from './frontmatter-invalid';
import { goalMissing } from './goal-missing';
import { headingUnrecognised } from './heading-unrecognised';
import { ownerMissing } from './owner-missing';
import { reviewMissing } from './review-missing';
import { reviewOverdue } from './review-overdue';
import type { CharterRule, HandbookRule, Rule } from './rule';
import { tierMissing } from './tier-missing';
import { tierUnknown } from './tier-unknown';
import { tierWithoutCharter } from './tier-without-charter';

export const CHARTER_RULES: CharterRule[] = [
  frontmatterInvalid,
  tierMissing,
  tierUnknown,
  elementMissing,
  elementEmpty,
  elementPlaceholder,
  elementDuplicate,
  elementIdUnknown,
  goalMissing,
  ownerMissing,
  reviewMissing,
  reviewOverdue,
  headingUnrecognised,
];

export const HANDBOOK_RULES: HandbookRule[] = [tierWithoutCharter];

export const RULES: Rule[] = [...CHARTER_RULES, ...HANDBOOK_RULES];
