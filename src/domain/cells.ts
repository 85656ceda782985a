/**
 * A cell value as both office-js (`range.values`) and the .xlsx reader hand it over.
 * Empty cells are `null` or `''`. Dates arrive as Excel serial numbers from office-js and as
 * `Date` from exceljs; both are accepted everywhere.
 */
export type CellValue = string | number | boolean | Date | null;

/** A block of consecutive rows of one sheet; `startRow` is the 1-based Excel row of `rows[0]`. */
export interface RowChunk {
  startRow: number;
  rows: CellValue[][];
}

/** A merged area, 1-based inclusive (row, column) corners. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Excel column letters for a 1-based column index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
