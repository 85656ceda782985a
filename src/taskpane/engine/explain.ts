/** The verdicts about the row the user selected in Excel, with their reasons. */
import type { SubjectRef } from '../../domain/engine/conditions';
import type { Outcome } from '../../domain/engine/run';
import { subjectUnitName } from '../../domain/engine/subjects';
import { bi, type Bilingual } from '../../domain/i18n';
import type { RowIndex } from './index-rows';
import type { RowExplanation, VerdictView } from './types';

function verdicts(o: Outcome, s: SubjectRef): VerdictView[] {
  const ev = o.evaluation;
  return ev.applicable(s).map((c) => {
    const v = ev.explain(s, c.id);
    return { id: c.id, title: c.title, result: v.result, reason: v.reason };
  });
}

function initiativeNotes(o: Outcome, id: number): Bilingual[] {
  const st = o.evaluation.facts.status[id]!;
  if (!st.counted) return [bi(`Không được tính: ${st.viaOther.missing.map((m) => m.vi).join('; ')}`, `Not counted: ${st.viaOther.missing.map((m) => m.en).join('; ')}`)];
  const ev = o.model.initiatives[id]!.benefit ? st.viaBenefit : st.viaOther;
  if (ev.result === 'met') return [bi('Được tính, đủ minh chứng', 'Counted, evidenced')];
  const missing = ev.missing;
  return [
    ev.result === 'unknown'
      ? bi(`Được tính; chưa rõ minh chứng: ${missing.map((m) => m.vi).join('; ')}`, `Counted; evidence unknown: ${missing.map((m) => m.en).join('; ')}`)
      : bi(`Được tính; thiếu minh chứng: ${missing.map((m) => m.vi).join('; ')}`, `Counted; missing evidence: ${missing.map((m) => m.en).join('; ')}`),
  ];
}

export function explainRow(o: Outcome, index: RowIndex, sheet: string, row: number): RowExplanation | null {
  const entity = index.at(sheet, row);
  if (!entity) return null;
  const { model, evaluation } = o;
  if (entity.type === 'initiative') {
    const i = model.initiatives[entity.id]!;
    const people = index.persons(entity.id).map((p) => {
      const s: SubjectRef = { type: 'person', index: p };
      return { kind: 'person' as const, name: evaluation.facts.persons[p]!.name, unit: subjectUnitName(model, evaluation.facts, s), verdicts: verdicts(o, s), notes: [] };
    });
    return { sheet, row, subjects: [{ kind: 'initiative', name: i.title, unit: i.unitName, verdicts: [], notes: initiativeNotes(o, entity.id) }, ...people] };
  }
  const s: SubjectRef = entity.type === 'unit' ? { type: 'unit', id: entity.id } : { type: 'official', id: entity.id };
  const name = entity.type === 'unit' ? model.units[entity.id]!.name : model.officials[entity.id]!.name;
  return { sheet, row, subjects: [{ kind: entity.type, name, unit: subjectUnitName(model, evaluation.facts, s), verdicts: verdicts(o, s), notes: [] }] };
}
