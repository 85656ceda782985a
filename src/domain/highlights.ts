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
  // Same walk as subjectsWith (units, persons, officials), straight over the results: a million
  // initiatives' rows are collected per sheet, then sorted once and de-duplicated.
  const rows = new Map<string, number[]>();
  // Rows come sheet by sheet: the list of the row before is reused without a look-up.
  let sheet: string | undefined;
  let list: number[] = [];
  const add = (src: { sheet: string; row: number }) => {
    if (src.sheet !== sheet) {
      sheet = src.sheet;
      const known = rows.get(sheet);
      if (known) list = known;
      else rows.set(sheet, (list = []));
    }
    list.push(src.row);
  };
  const ev = o.evaluation;
  for (const id of ev.indexesWith('unit', criterion, 'met')) add(o.model.units[id]!.source);
  for (const index of ev.indexesWith('person', criterion, 'met')) for (const id of ev.facts.persons[index]!.initiativeIds) add(o.model.initiatives[id]!.source);
  for (const id of ev.indexesWith('official', criterion, 'met')) add(o.model.officials[id]!.source);
  return { criterion, color: criterionColor(o, criterion), rows: new Map([...rows].map(([sheet, list]) => [sheet, sortedUnique(list)])) };
}

function sortedUnique(list: number[]): number[] {
  const sorted = Float64Array.from(list).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}
