/** The Review step's filters: their options (with counts, from the review list's summary) and the engine query they make. */
import type { DecisionKind } from '../../../domain/engine/decisions';
import type { Lang } from '../../../domain/i18n';
import type { FlagCategory, FlagOrder, FlagQuery, ReviewSummary } from '../../engine/types';
import { codeLabel, decisionName, type Strings } from '../../strings';

export interface ReviewFilter {
  category?: FlagCategory;
}

/** What the reviewer chose: `type` is "all", "cat:<category>" or "code:<code>"; `unit` and `decision` "all" or a value. */
export interface FilterState {
  type: string;
  unit: string;
  decision: string;
  order: FlagOrder;
}

export interface Option {
  value: string;
  text: string;
}

const DECISION_KINDS: DecisionKind[] = ['exclude', 'keep', 'pin'];

export const initialFilter = (f: ReviewFilter | null): FilterState => ({ type: f?.category ? `cat:${f.category}` : 'all', unit: 'all', decision: 'all', order: 'list' });

export function typeOptions(summary: ReviewSummary, t: Strings, lang: Lang): Option[] {
  const out = [{ value: 'all', text: `${t.all} (${summary.total})` }];
  for (const [cat, label] of [['data', t.categoryData], ['evidence', t.categoryEvidence], ['reviewer', t.categoryReviewer]] as const) {
    const k = summary.byCategory[cat];
    if (k) out.push({ value: `cat:${cat}`, text: `${label} (${k})` });
  }
  const codes = new Map<string, number>();
  for (const c of summary.byCode) if (c.code !== 'reviewer') codes.set(c.code, (codes.get(c.code) ?? 0) + c.count);
  for (const [code, k] of [...codes].sort((a, b) => b[1] - a[1])) out.push({ value: `code:${code}`, text: `— ${codeLabel(code, lang)} (${k})` });
  return out;
}

export function unitOptions(summary: ReviewSummary, t: Strings): Option[] {
  return [{ value: 'all', text: t.allUnits }, ...summary.byUpper.map(({ name, count }) => ({ value: name, text: `${name} (${count})` }))];
}

export function decisionOptions(t: Strings, lang: Lang): Option[] {
  return [{ value: 'all', text: t.all }, { value: 'none', text: t.undecided }, ...DECISION_KINDS.map((k) => ({ value: k, text: decisionName(k, lang) }))];
}

export function orderOptions(t: Strings): Option[] {
  return [
    { value: 'list', text: t.sortList },
    { value: 'unit', text: t.sortUnit },
  ];
}

export function queryOf(f: FilterState, offset: number, limit: number): FlagQuery {
  return {
    category: f.type.startsWith('cat:') ? (f.type.slice(4) as FlagCategory) : null,
    code: f.type.startsWith('code:') ? f.type.slice(5) : null,
    upper: f.unit === 'all' ? null : f.unit,
    decision: f.decision === 'all' ? null : (f.decision as FlagQuery['decision']),
    order: f.order,
    offset,
    limit,
  };
}
