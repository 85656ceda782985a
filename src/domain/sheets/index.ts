/** Every result sheet of a run, in the order they are written. */
import type { Outcome } from '../engine/run';
import type { Lang } from '../i18n';
import type { ResultSheet } from './model';
import { buildNominationSheets } from './nominations';
import { buildReviewSheet, type ReviewRow } from './review';
import { buildSummarySheet } from './summary';

export function buildResultSheets(o: Outcome, previousReview: ReviewRow[], lang: Lang): ResultSheet[] {
  return [buildSummarySheet(o, lang), ...buildNominationSheets(o, lang), buildReviewSheet(o, previousReview, lang)];
}
