/**
 * Which source rows each criterion marks, and in which colour: one colour per criterion, a legend
 * for the pane. A unit's verdict marks its own row; a person's marks the rows of their initiatives.
 */
import type { SubjectRef } from './engine/conditions';
import type { Outcome } from './engine/run';

/** Light fills that keep black text readable and stay distinct side by side. */
export const PALETTE = ['#C6EFCE', '#FFEB9C', '#BDD7EE', '#F8CBAD', '#E2CFEA', '#D9E1C2', '#FCE4D6', '#DDEBF7', '#FFF2CC', '#E7E6E6'];

export function criterionColor(o: Outcome, id: string): string {
  const i = o.rules.criteria.findIndex((c) => c.id === id);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length]!;
}

export interface MarkedRows {
  criterion: string;
  color: string;
  /** sheet → ascending 1-based rows */
  rows: Map<string, number[]>;
}

function sourceRows(o: Outcome, s: SubjectRef): { sheet: string; row: number }[] {
  if (s.type === 'unit') return [o.model.units[s.id]!.source];
  if (s.type === 'official') return [o.model.officials[s.id]!.source];
  return o.evaluation.facts.persons[s.index]!.initiativeIds.map((id) => o.model.initiatives[id]!.source);
}

export function allSubjects(o: Outcome): SubjectRef[] {
  return [
    ...o.model.units.map((u) => ({ type: 'unit' as const, id: u.id })),
    ...o.evaluation.facts.persons.map((_, index) => ({ type: 'person' as const, index })),
    ...o.model.officials.map((x) => ({ type: 'official' as const, id: x.id })),
  ];
}

/** Subjects with the given result for a criterion. */
export function subjectsWith(o: Outcome, criterion: string, result: 'met' | 'not_met' | 'unknown' = 'met'): SubjectRef[] {
  return allSubjects(o).filter((s) => o.evaluation.result(s, criterion) === result);
}

export function markedRows(o: Outcome, criterion: string): MarkedRows {
  const rows = new Map<string, Set<number>>();
  for (const s of subjectsWith(o, criterion)) {
    for (const src of sourceRows(o, s)) (rows.get(src.sheet) ?? rows.set(src.sheet, new Set()).get(src.sheet)!).add(src.row);
  }
  return { criterion, color: criterionColor(o, criterion), rows: new Map([...rows].map(([sheet, set]) => [sheet, [...set].sort((a, b) => a - b)])) };
}
