/** Which entity a source row is (unit, initiative, official), and who is credited with an initiative. */
import type { SubjectRef } from '../../domain/engine/conditions';
import type { Outcome } from '../../domain/engine/run';

export type RowEntity = { type: 'unit'; id: number } | { type: 'initiative'; id: number } | { type: 'official'; id: number };

export const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

export class RowIndex {
  private readonly rows = new Map<string, RowEntity>();
  private authorsOf: Map<number, number[]> | null = null;

  constructor(private readonly o: Outcome) {
    const m = o.model;
    for (const u of m.units) this.rows.set(rowKey(u.source.sheet, u.source.row), { type: 'unit', id: u.id });
    for (const i of m.initiatives) this.rows.set(rowKey(i.source.sheet, i.source.row), { type: 'initiative', id: i.id });
    for (const x of m.officials) this.rows.set(rowKey(x.source.sheet, x.source.row), { type: 'official', id: x.id });
  }

  at(sheet: string, row: number): RowEntity | null {
    return this.rows.get(rowKey(sheet, row)) ?? null;
  }

  /** Persons (indexes) credited with an initiative. */
  persons(initiativeId: number): number[] {
    if (!this.authorsOf) {
      this.authorsOf = new Map();
      this.o.evaluation.facts.persons.forEach((p, index) => {
        for (const id of p.initiativeIds) (this.authorsOf!.get(id) ?? this.authorsOf!.set(id, []).get(id)!).push(index);
      });
    }
    return this.authorsOf.get(initiativeId) ?? [];
  }

  /** The upper-level union a row belongs to (for filtering by unit), or null. */
  upperName(entity: RowEntity | null): string | null {
    if (!entity) return null;
    const { model, evaluation } = this.o;
    const unitId = entity.type === 'unit' ? entity.id : entity.type === 'initiative' ? model.initiatives[entity.id]!.unitId : model.officials[entity.id]!.unitId;
    if (unitId === null) return null;
    const upper = evaluation.facts.units[unitId]!.upperId ?? evaluation.facts.units[unitId]!.topId;
    return upper === null ? null : model.units[upper]!.name;
  }

  /** The unit's own name for a row (the grassroots union of an initiative, the unit itself…). */
  unitName(entity: RowEntity | null): string | null {
    if (!entity) return null;
    const m = this.o.model;
    if (entity.type === 'unit') return m.units[entity.id]!.name;
    if (entity.type === 'initiative') return m.initiatives[entity.id]!.unitName;
    return m.officials[entity.id]!.unitName;
  }
}

/** Source rows of a subject: its own row, or the rows of a person's initiatives. */
export function sourceRows(o: Outcome, s: SubjectRef): { sheet: string; row: number }[] {
  if (s.type === 'unit') return [o.model.units[s.id]!.source];
  if (s.type === 'official') return [o.model.officials[s.id]!.source];
  return Array.from(o.evaluation.facts.persons[s.index]!.initiativeIds, (id) => o.model.initiatives[id]!.source);
}
