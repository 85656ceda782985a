/**
 * Reviewers' decisions as edits of the review sheet's rows (`ReviewRow[]`, as read back from the
 * workbook). A decision on an automatic flag is written on that flag's row; a decision about a
 * candidate is a reviewer's own row. Pure functions, run by the engine (which holds the rows):
 * the pane names the edit (`ReviewEdit`), the engine applies it and evaluates.
 */
import type { DecisionKind } from '../../domain/engine/decisions';
import type { Lang } from '../../domain/i18n';
import { pick } from '../../domain/sheets/common';
import type { ReviewRow } from '../../domain/sheets/review';
import type { DecisionInput, DecisionTarget, FlagView, ReviewEdit } from './types';

/** "2025-11-25 14:03" in local time: what a reviewer would write by hand. */
export function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

const ACTION: Record<DecisionKind, [string, string]> = {
  exclude: ['Loại', 'Excluded'],
  keep: ['Giữ', 'Kept'],
  pin: ['Chọn vào đề cử', 'Pinned into the nominations'],
};

function describe(kind: DecisionKind, award: string | null, lang: Lang): string {
  const [vi, en] = ACTION[kind];
  return award ? pick(lang, `${vi} (${award})`, `${en} (${award})`) : pick(lang, `${vi} (mọi giải thưởng)`, `${en} (every award)`);
}

const clean = (s: string) => {
  const t = s.trim();
  return t === '' ? null : t;
};

/** `when` is the pane's clock, stamped (`stamp`): the engine may run in another thread. */
export function withDecision(rows: ReviewRow[], target: DecisionTarget, d: DecisionInput, lang: Lang, when: string): ReviewRow[] {
  const decided = { decision: d.kind, who: clean(d.reviewer), when, note: clean(d.reason), award: d.award };
  if (target.type === 'flag') {
    const f = target.flag;
    if (f.source === 'reviewer') {
      const n = rows.findIndex((r) => isRowOf(r, f));
      return rows.map((r, i) => (i === n ? { ...r, ...decided } : r));
    }
    const at = rows.findIndex((r) => r.source === 'auto' && r.key === f.key && r.code === f.code);
    if (at >= 0) return rows.map((r, i) => (i === at ? { ...r, ...decided } : r));
    return [...rows, { key: f.key, kind: f.kind, subject: f.subject, unit: f.unit, where: f.where, issue: f.message[lang], code: f.code, source: 'auto', ...decided }];
  }
  const c = target.candidate;
  return [
    ...rows,
    { key: c.key, kind: c.kind, subject: c.name, unit: c.unit, where: c.where, issue: describe(d.kind, d.award, lang), code: 'reviewer', source: 'reviewer', ...decided },
  ];
}

/**
 * Whether a row read back from the sheet is the reviewer row a view shows. Rows are matched by
 * content, not position: the sheet may have been rewritten or edited by hand since.
 */
export function isRowOf(r: ReviewRow, f: FlagView): boolean {
  return r.key === f.key && r.code === f.code && r.issue === f.message.vi && r.decision === f.decision && r.who === f.who && r.when === f.when && r.note === f.note && r.award === f.award;
}

/** Takes back a decision: a reviewer's own row goes, an automatic row loses its decision. */
export function withoutDecision(rows: ReviewRow[], f: FlagView): ReviewRow[] {
  if (f.source === 'reviewer') {
    const n = rows.findIndex((r) => isRowOf(r, f));
    return rows.filter((_, i) => i !== n);
  }
  return rows.map((r) => (r.source === 'auto' && r.key === f.key && r.code === f.code ? { ...r, decision: null, who: null, when: null, note: null, award: null } : r));
}

/** Takes back every decision of a kind about a candidate for an award (unpin, un-exclude). */
export function withoutCandidateDecision(rows: ReviewRow[], key: string, kind: DecisionKind, award: string): ReviewRow[] {
  const concerns = (r: ReviewRow) => r.key === key && r.decision === kind && (kind === 'pin' ? r.award === award : r.award === award || r.award === null);
  return rows
    .filter((r) => !(r.source === 'reviewer' && concerns(r)))
    .map((r) => (r.source === 'auto' && concerns(r) ? { ...r, decision: null, who: null, when: null, note: null, award: null } : r));
}

export function applyEdit(rows: ReviewRow[], edit: ReviewEdit): ReviewRow[] {
  switch (edit.type) {
    case 'decide': return withDecision(rows, edit.target, edit.decision, edit.lang, edit.when);
    case 'undo': return withoutDecision(rows, edit.flag);
    case 'undoCandidate': return withoutCandidateDecision(rows, edit.key, edit.kind, edit.award);
  }
}

/** The edit left every row as it was (the row it names is no longer in the sheet). */
export const unchanged = (before: ReviewRow[], after: ReviewRow[]) => after.length === before.length && after.every((r, i) => r === before[i]);
