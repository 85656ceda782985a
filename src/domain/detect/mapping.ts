/** Mapping a sheet's columns to the fields of a role, and telling which role a sheet plays. */
import { foldKey } from '../text';
import { FIELDS_BY_ROLE, SHEET_NAME_HINTS, type FieldDef, type SheetRole } from './fields';
import { columnScore, MATCH_THRESHOLD, type ColumnLabel } from './match';

export interface MappedColumn {
  column: number; // 0-based
  header: string; // header text as written
  confidence: number; // 0..1; 1 for an exact synonym or a confirmed choice
}

export type ColumnMapping = Record<string, MappedColumn>;

/** Greedy best-first assignment: each field to at most one column, each column to at most one field. */
export function mapColumns(labels: ColumnLabel[], fields: FieldDef[]): ColumnMapping {
  const candidates: { field: FieldDef; col: ColumnLabel; score: number }[] = [];
  for (const field of fields) {
    for (const col of labels) {
      const score = columnScore(col, field);
      if (score >= MATCH_THRESHOLD) candidates.push({ field, col, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.col.index - b.col.index);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { field, col, score } of candidates) {
    if (mapping[field.id] || usedColumns.has(col.index)) continue;
    mapping[field.id] = { column: col.index, header: col.text, confidence: Math.round(score * 100) / 100 };
    usedColumns.add(col.index);
  }
  return mapping;
}

/** Whether a mapping has what a role cannot do without. */
export function roleIsUsable(role: SheetRole, m: ColumnMapping): boolean {
  switch (role) {
    case 'units':
      return !!m.name && !!(m.plan || m.count || m.members || m.grassroots);
    case 'initiatives':
      return !!(m.title || m.authors) && !!(m.benefit || m.unit || m.authors);
    case 'officials':
      return !!m.name && !!(m.position || m.role) && !m.plan && !m.count;
  }
}

/** What a mapping lacks for its role to be usable: groups of field ids, one of each group needed. */
export function lackingFields(role: SheetRole, m: ColumnMapping): string[][] {
  const out: string[][] = [];
  const need = (ids: string[]) => {
    if (!ids.some((id) => m[id])) out.push(ids);
  };
  switch (role) {
    case 'units':
      need(['name']);
      need(['plan', 'count', 'members', 'grassroots']);
      break;
    case 'initiatives':
      need(['title', 'authors']);
      need(['benefit', 'unit', 'authors']);
      break;
    case 'officials':
      need(['name']);
      need(['position', 'role']);
      break;
  }
  return out;
}

function roleScore(role: SheetRole, sheetName: string, m: ColumnMapping): number {
  let score = 0;
  for (const [id, col] of Object.entries(m)) if (id !== 'stt') score += col.confidence;
  const name = ` ${foldKey(sheetName)} `;
  if (SHEET_NAME_HINTS[role].some((hint) => name.includes(` ${hint} `) || name.includes(hint))) score += 0.75;
  return score;
}

export interface RoleGuess {
  role: SheetRole;
  mapping: ColumnMapping;
  score: number;
}

/** The role whose fields the header fits best, or null when no role is usable. */
export function detectRole(sheetName: string, labels: ColumnLabel[]): RoleGuess | null {
  let best: RoleGuess | null = null;
  for (const role of Object.keys(FIELDS_BY_ROLE) as SheetRole[]) {
    const mapping = mapColumns(labels, FIELDS_BY_ROLE[role]);
    if (!roleIsUsable(role, mapping)) continue;
    const score = roleScore(role, sheetName, mapping);
    if (!best || score > best.score) best = { role, mapping, score };
  }
  return best;
}
