/** Shared pieces of the result sheets: language picking, sheet names, number helpers. */
import type { SubjectRef } from '../engine/conditions';
import type { Outcome } from '../engine/run';
import type { Lang } from '../i18n';
import type { OutColumn, ColumnFormat } from './model';

export const pick = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

export const col = (header: string, format: ColumnFormat, width?: number): OutColumn => ({ header, format, ...(width ? { width } : {}) });

export const SUMMARY_SHEET = { vi: 'Tổng hợp', en: 'Summary' };
export const REVIEW_SHEET = { vi: 'Rà soát', en: 'Review' };
export const nominationSheetName = (award: string, lang: Lang) => `${pick(lang, 'Đề cử', 'Nominations')} ${award}`;

/** The criteria a subject meets, "2.2.2, 2.2.3" (made for each of ~100,000 nominees: no arrays or closures). */
export function metCriteria(o: Outcome, s: SubjectRef): string {
  let out = '';
  for (const c of o.evaluation.applicable(s)) if (o.evaluation.result(s, c.id) === 'met') out = out === '' ? c.id : `${out}, ${c.id}`;
  return out;
}

/** Percent of plan for display (one decimal), null where unknown. */
export function pctOrNull(count: number | null, plan: number | null): number | null {
  return count === null || plan === null ? null : Math.round((count * 1000) / plan) / 10;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
export const dateText = dmy;
