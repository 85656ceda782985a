/** A sheet's layout: its role, header rows, where data starts, and which column holds which field. */
import type { CellValue, MergedArea } from '../cells';
import type { UnitLevel } from '../model';
import { foldKey, normalizeText } from '../text';
import { FIELDS_BY_ROLE, type SheetRole } from './fields';
import { findHeader } from './header';
import type { ColumnLabel } from './match';
import { detectRole, lackingFields, mapColumns, roleIsUsable, type ColumnMapping } from './mapping';

export interface SheetLayout {
  sheet: string;
  role: SheetRole;
  headerRows: number[]; // 1-based
  dataStartRow: number; // 1-based
  mapping: ColumnMapping;
  labels: ColumnLabel[]; // every header column, for correcting the mapping
  /** For unit sheets: the level its rows are, when the sheet says so (name or headers). */
  levelHint: UnitLevel | null;
  /** Fields of the role that no column provides. */
  missing: string[];
  /** The first title line above the header ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"), if any. */
  title: string | null;
}

/** The officer's corrections, remembered in the workbook. Column indexes are 0-based; null = "none". */
export interface LayoutOverride {
  sheet: string;
  role?: SheetRole | 'ignore';
  columns?: Record<string, number | null>;
}

/**
 * A sheet left out. For `no_role`, when its header looked like a table of some role, `nearest`
 * says which role, on which header rows, and which fields it lacks (each entry: one of these ids).
 */
export type LayoutResult =
  | { ok: true; layout: SheetLayout }
  | { ok: false; sheet: string; reason: 'empty' | 'no_header' | 'no_role' | 'ignored'; nearest?: { role: SheetRole; headerRows: number[]; lacking: string[][] } };

function levelHintFor(sheet: string, role: SheetRole, mapping: ColumnMapping): UnitLevel | null {
  if (role !== 'units') return null;
  const name = foldKey(sheet);
  const nameHeader = foldKey(mapping.name?.header ?? '');
  if (/\bcdcs\b|co so|grassroots/.test(name) || /cdcs|co so/.test(nameHeader)) return 'grassroots';
  if (/cap tren|upper/.test(name) || /cap tren/.test(nameHeader) || mapping.grassroots) return 'upper';
  return null;
}

function applyOverride(mapping: ColumnMapping, labels: ColumnLabel[], columns: Record<string, number | null> | undefined): ColumnMapping {
  if (!columns) return mapping;
  const out: ColumnMapping = { ...mapping };
  for (const [field, column] of Object.entries(columns)) {
    for (const [other, m] of Object.entries(out)) if (column !== null && m.column === column) delete out[other];
    if (column === null) delete out[field];
    else out[field] = { column, header: labels[column]?.text ?? '', confidence: 1 };
  }
  return out;
}

function titleAbove(head: CellValue[][], headerRow: number): string | null {
  for (const row of head.slice(0, headerRow - 1)) {
    const text = row?.find((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (text) return normalizeText(text);
  }
  return null;
}

export function detectLayout(sheet: string, head: CellValue[][], merges: MergedArea[] = [], override?: LayoutOverride): LayoutResult {
  if (override?.role === 'ignore') return { ok: false, sheet, reason: 'ignored' };
  if (!head.some((row) => row?.some((v) => v !== null && v !== ''))) return { ok: false, sheet, reason: 'empty' };
  const header = findHeader(head, merges);
  if (!header) return { ok: false, sheet, reason: 'no_header' };
  const guess = detectRole(sheet, header.labels);
  const role = override?.role ?? guess?.role;
  if (!role) return { ok: false, sheet, reason: 'no_role', ...nearestRole(header.labels, header.headerRows) };
  const detected = guess && guess.role === role ? guess.mapping : null;
  let mapping = detected ?? mapColumns(header.labels, FIELDS_BY_ROLE[role]);
  mapping = applyOverride(mapping, header.labels, override?.columns);
  if (!override?.role && !roleIsUsable(role, mapping)) return { ok: false, sheet, reason: 'no_role', ...nearestRole(header.labels, header.headerRows) };
  const missing = FIELDS_BY_ROLE[role].map((f) => f.id).filter((id) => id !== 'stt' && !mapping[id]);
  return {
    ok: true,
    layout: { sheet, role, headerRows: header.headerRows, dataStartRow: header.dataStartRow, mapping, labels: header.labels, levelHint: levelHintFor(sheet, role, mapping), missing, title: titleAbove(head, header.headerRows[0]!) },
  };
}

/** The role a header comes closest to (most fields named), and what it lacks; nothing when it names no field of any role. */
function nearestRole(labels: ColumnLabel[], headerRows: number[]): { nearest?: { role: SheetRole; headerRows: number[]; lacking: string[][] } } {
  let best: { role: SheetRole; found: number; lacking: string[][] } | null = null;
  for (const role of Object.keys(FIELDS_BY_ROLE) as SheetRole[]) {
    const mapping = mapColumns(labels, FIELDS_BY_ROLE[role]);
    const found = Object.keys(mapping).filter((id) => id !== 'stt').length;
    const hinted = FIELDS_BY_ROLE[role].some((f) => f.key && mapping[f.id]);
    if (!found || !hinted) continue;
    if (!best || found > best.found) best = { role, found, lacking: lackingFields(role, mapping) };
  }
  return best && best.lacking.length ? { nearest: { role: best.role, headerRows, lacking: best.lacking } } : {};
}
