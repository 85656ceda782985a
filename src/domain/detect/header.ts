/**
 * Finding the header of a table under its title rows: the row that names the most fields,
 * with a group row above it or a sub-header row below it (two-row merged headers), and an
 * optional row of column numbers "(1) (2) (3)" that Vietnamese forms put under headers.
 */
import { isBlank, type CellValue, type MergedArea } from '../cells';
import { foldKey, normalizeText } from '../text';
import { FIELDS_BY_ROLE } from './fields';
import { labelScore, MATCH_THRESHOLD, type ColumnLabel } from './match';

export const HEADER_SCAN_ROWS = 40;

export interface HeaderInfo {
  /** 1-based Excel rows of the header (one or two). */
  headerRows: number[];
  /** 1-based Excel row where data may start. */
  dataStartRow: number;
  labels: ColumnLabel[];
}

const ALL_FIELDS = Object.values(FIELDS_BY_ROLE).flat();

function cellText(v: CellValue | undefined): string {
  if (isBlank(v ?? null)) return '';
  if (v instanceof Date) return '';
  return normalizeText(String(v));
}

function isTextCell(v: CellValue | undefined): boolean {
  return typeof v === 'string' && v.trim() !== '' && !/^[\d.,\s%()-]+$/.test(v.trim());
}

function matchesAnyField(text: string): boolean {
  const label = foldKey(text);
  return label !== '' && ALL_FIELDS.some((def) => labelScore(label, def) >= MATCH_THRESHOLD);
}

function headerScore(row: CellValue[]): number {
  let n = 0;
  for (const v of row) if (isTextCell(v) && matchesAnyField(String(v))) n++;
  return n;
}

function nonBlankCount(row: CellValue[] | undefined): number {
  return row ? row.filter((v) => !isBlank(v)).length : 0;
}

/** A row holding only text (no numbers, no dates): a header row, never a data row. */
function isTextOnlyRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  const filled = row.filter((v) => !isBlank(v));
  return filled.length > 0 && filled.every(isTextCell);
}

/** "1 2 3 4 …" or "(1) (2) (3)" or "A B C" under a header. */
function isColumnNumberRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  const filled = row.filter((v) => !isBlank(v)).map((v) => String(v).trim());
  if (filled.length < 3) return false;
  const numbers = filled.map((s) => /^\(?(\d{1,2})\)?$/.exec(s)?.[1]).filter(Boolean).map(Number);
  if (numbers.length === filled.length) return numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
  return filled.every((s) => /^\(?[A-Z]\)?$/.test(s)) && filled.length === new Set(filled).size;
}

/** Text of the group row above each column, spread across the columns its merged (or blank) cell covers. */
function spreadGroupLabels(group: CellValue[], lower: CellValue[], groupRow: number, merges: MergedArea[], width: number): string[] {
  const out: string[] = new Array(width).fill('');
  for (let c = 0; c < width; c++) out[c] = cellText(group[c]);
  for (const m of merges) {
    if (m.top > groupRow || m.bottom < groupRow || m.right === m.left) continue;
    const text = cellText(group[m.left - 1]);
    for (let c = m.left; c <= m.right && c <= width; c++) out[c - 1] = text;
  }
  // Without merge information: a group label also covers the blank cells to its right while the
  // lower row has labels there and the group row is blank.
  for (let c = 1; c < width; c++) {
    if (out[c] === '' && cellText(group[c]) === '' && out[c - 1] !== '' && cellText(lower[c]) !== '' && cellText(lower[c - 1]) !== '') {
      const vertical = merges.some((m) => m.left === c + 1 && m.top <= groupRow && m.bottom > groupRow);
      if (!vertical) out[c] = out[c - 1]!;
    }
  }
  return out;
}

function buildLabels(top: string[], bottom: string[], width: number): ColumnLabel[] {
  const labels: ColumnLabel[] = [];
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? '';
    const b = bottom[c] ?? '';
    // A vertically merged header cell repeats nowhere: the lower cell is blank and the top one names it.
    const text = t && b && t !== b ? `${t} / ${b}` : t || b;
    labels.push({ index: c, text, top: foldKey(t), bottom: foldKey(b), combined: foldKey(t && b && t !== b ? `${t} ${b}` : t || b) });
  }
  return labels;
}

/**
 * `rows` are the first rows of a sheet starting at Excel row 1. Returns null when no row
 * names at least two known fields.
 */
export function findHeader(rows: CellValue[][], merges: MergedArea[] = []): HeaderInfo | null {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const score = headerScore(rows[r] ?? []);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const width = Math.max(...rows.slice(0, limit + 2).map((r) => r?.length ?? 0));
  const header = rows[best] ?? [];
  const below = rows[best + 1];
  const above = best > 0 ? rows[best - 1] : undefined;

  let topRow = best;
  let bottomRow = best;
  if (isTextOnlyRow(below) && !isColumnNumberRow(below) && (headerScore(below!) > 0 || hasHorizontalMerge(merges, best + 1)) && nonBlankCount(below) < nonBlankCount(header) + 1) {
    bottomRow = best + 1;
  } else if (isTextOnlyRow(above) && nonBlankCount(above) >= 2 && (headerScore(above!) > 0 || hasHorizontalMerge(merges, best))) {
    topRow = best - 1;
  }
  let labels: ColumnLabel[];
  if (topRow === bottomRow) {
    labels = buildLabels([], header.map(cellText), width);
  } else {
    const lower = rows[bottomRow] ?? [];
    const top = spreadGroupLabels(rows[topRow] ?? [], lower, topRow + 1, merges, width);
    labels = buildLabels(top, lower.map(cellText), width);
  }
  let dataStart = bottomRow + 1;
  if (isColumnNumberRow(rows[dataStart])) dataStart++;
  const headerRows = topRow === bottomRow ? [topRow + 1] : [topRow + 1, bottomRow + 1];
  return { headerRows, dataStartRow: dataStart + 1, labels };
}

function hasHorizontalMerge(merges: MergedArea[], excelRow: number): boolean {
  return merges.some((m) => m.top === excelRow && m.right > m.left);
}

