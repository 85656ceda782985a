/** Keys and display names of the subjects verdicts and decisions are about. */
import type { Model } from '../model';
import type { SubjectRef } from './conditions';
import type { Facts } from './facts';

export function subjectKey(model: Model, facts: Facts, s: SubjectRef): string {
  if (s.type === 'person') return facts.persons[s.index]!.key;
  const src = s.type === 'unit' ? model.units[s.id]!.source : model.officials[s.id]!.source;
  return `${s.type}:${src.sheet}!${src.row}`;
}

export function subjectName(model: Model, facts: Facts, s: SubjectRef): string {
  if (s.type === 'person') return facts.persons[s.index]!.name;
  return s.type === 'unit' ? model.units[s.id]!.name : model.officials[s.id]!.name;
}

/** The unit a subject belongs to (its own unit for a person or official; the parent for a unit). */
export function subjectUnitName(model: Model, facts: Facts, s: SubjectRef): string | null {
  if (s.type === 'person') return facts.persons[s.index]!.unitName;
  if (s.type === 'official') return model.officials[s.id]!.unitName;
  const u = model.units[s.id]!;
  return u.parentId === null ? u.parentName : model.units[u.parentId]!.name;
}
