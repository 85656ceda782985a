/**
 * Result sheets as data: the summary, nomination and review sheets are built once here as values
 * plus formats, and written by any gateway (.xlsx file or Excel) without knowing what they mean.
 */
export type ColumnFormat = 'text' | 'integer' | 'money' | 'percent1' | 'date' | 'link';

/** A cell of a result sheet. Strings are ALWAYS written as text, never interpreted as formulas. */
export type OutCell = string | number | null | OutLink;

/** An internal hyperlink to a source cell ("'DS sáng kiến'!A12"), shown with `text`. */
export interface OutLink {
  text: string;
  sheet: string;
  row: number;
}

export interface OutColumn {
  header: string;
  format: ColumnFormat;
  width?: number; // characters
}

export type RowStyle = 'normal' | 'section' | 'total' | 'reserve' | 'excluded';

export interface OutRow {
  cells: OutCell[];
  style?: RowStyle;
}

/**
 * One block (table) of a result sheet; a sheet may stack several blocks with a blank row between.
 * Its rows are made when asked for, a page at a time: a review sheet of half a million rows is
 * never held whole, by the engine or by a writer.
 */
export interface OutBlock {
  title?: string;
  columns: OutColumn[];
  rowCount: number;
  /** Data rows [start, end). */
  rows(start: number, end: number): OutRow[];
}

/** A block whose rows are all at hand (the summary's tables, a nomination list). */
export interface ListBlock {
  title?: string;
  columns: OutColumn[];
  rows: OutRow[];
}

export function listBlock({ rows, ...head }: ListBlock): OutBlock {
  return { ...head, rowCount: rows.length, rows: (start, end) => rows.slice(start, end) };
}

export const listBlocks = (blocks: ListBlock[]): OutBlock[] => blocks.map(listBlock);

/** Rows asked of a block at once (about 1 MB of a review sheet). */
export const BLOCK_PAGE_ROWS = 2_000;

/** Every data row of a block, in order, a page at a time. */
export function* blockRows(block: OutBlock, pageRows = BLOCK_PAGE_ROWS): Generator<OutRow> {
  for (let start = 0; start < block.rowCount; start += pageRows) yield* block.rows(start, Math.min(block.rowCount, start + pageRows));
}

export type ResultSheetKind = 'summary' | 'nomination' | 'review';

export interface ResultSheet {
  /** Wanted name (Excel rules: ≤ 31 chars, none of []:*?/\). The gateway may rename to avoid an officer's sheet. */
  name: string;
  kind: ResultSheetKind;
  title: string[]; // title lines above the blocks
  blocks: OutBlock[];
}

/** Number formats per column. Percent cells hold the percent number itself (152.3 shows as "152.3%"). */
export const EXCEL_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  integer: '#,##0',
  money: '#,##0',
  percent1: '0.0"%"',
  date: 'dd/mm/yyyy',
  link: '@',
};
