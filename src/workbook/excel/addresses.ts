/** A1 addresses the adapter sends to Excel. */
import { columnLetter } from '../../domain/cells';

/** Excel cuts getRange/getRanges addresses at 8,192 characters; stay well below. */
export const MAX_ADDRESS_CHARS = 8_000;

/** `'Sheet name'!A12` with quotes doubled, as Excel writes references. */
export function sheetRef(sheet: string, row: number, column = 1): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(column)}${row}`;
}

/** Consecutive 1-based numbers merged into [first, last] runs (input in any order, duplicates allowed). */
export function runs(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** Joins areas into comma lists, each shorter than `max` characters. */
export function chunkAddresses(areas: string[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur && cur.length + 1 + a.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Whole table rows (columns firstColumn..lastColumn, 1-based) as address lists: "A12:K12,A15:K17". */
export function rowAreaAddresses(rows: Iterable<number>, lastColumn: number, firstColumn = 1, max = MAX_ADDRESS_CHARS): string[] {
  const a = columnLetter(firstColumn);
  const b = columnLetter(Math.max(firstColumn, lastColumn));
  return chunkAddresses(
    runs(rows).map(([s, e]) => `${a}${s}:${b}${e}`),
    max,
  );
}
