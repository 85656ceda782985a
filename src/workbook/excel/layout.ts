/**
 * A result sheet laid out as rows of values and number formats (pure, no office-js), a page of data
 * rows at a time: where everything goes is known from the sheet's head alone.
 */
import { EXCEL_FORMATS, type OutCell, type OutColumn, type OutLink, type RowStyle } from '../../domain/sheets/model';
import { SHEET_PAGE_ROWS, type SheetHead, type SheetSource } from '../sheet-source';

/** Excel's limit for one cell's text. */
export const MAX_CELL_CHARS = 32_767;

export type WriteValue = string | number | null;

export interface LaidRow {
  values: WriteValue[];
  formats: (string | null)[];
}

export interface LaidLink {
  row: number; // 1-based
  col: number; // 1-based
  link: OutLink;
}

export interface BlockFrame {
  headerRow: number; // 1-based
  lastRow: number;
  columns: number;
}

/** Where everything of a sheet goes, known before any data row is fetched. */
export interface SheetFrame {
  width: number;
  /** Every row the sheet will have. */
  rowCount: number;
  titleRows: number[];
  blockTitleRows: number[];
  blocks: BlockFrame[];
  /** Rows above and including the first header, for freezePanes. */
  freezeRows: number;
  /** Column widths in characters (index 0 = column A). */
  widths: number[];
}

/** What the data rows ask of the formatting: styled rows, and the first links (each link is one call). */
export class RowMarks {
  readonly styled = new Map<RowStyle, { row: number; columns: number }[]>();
  readonly links: LaidLink[] = [];

  constructor(private readonly maxLinks: number) {}

  style(style: RowStyle, row: number, columns: number): void {
    const list = this.styled.get(style);
    if (list) list.push({ row, columns });
    else this.styled.set(style, [{ row, columns }]);
  }

  link(row: number, col: number, link: OutLink): void {
    if (this.links.length < this.maxLinks) this.links.push({ row, col, link });
  }
}

/** Text that Excel would otherwise read as a formula, number or date — kept as text by the "@" format. */
export function looksLikeInput(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

function textCell(s: string): { v: string; nf: string } {
  return { v: s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s, nf: '@' };
}

/**
 * Every string gets "@" so Excel stores it verbatim ("=1+1", "+84…", "-5", "@x", "31/8/2023" stay
 * text); numbers get their column's format.
 */
export function cellOut(cell: OutCell, col: OutColumn | undefined): { v: WriteValue; nf: string | null; link?: OutLink } {
  const fmt = EXCEL_FORMATS[col?.format ?? 'text'];
  if (cell === null) return { v: null, nf: fmt };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { v: cell, nf: fmt === '@' ? 'General' : fmt } : { v: null, nf: fmt };
  if (typeof cell === 'string') return textCell(cell);
  return { ...textCell(cell.text), link: cell };
}


export function frameSheet(head: SheetHead): SheetFrame {
  const frame: SheetFrame = {
    width: Math.max(1, ...head.blocks.map((b) => b.columns.length)),
    rowCount: 0,
    titleRows: [],
    blockTitleRows: [],
    blocks: [],
    freezeRows: 0,
    widths: head.widths,
  };
  let row = 0;
  head.title.forEach(() => frame.titleRows.push(++row));
  if (head.title.length > 0) row++;
  head.blocks.forEach((block, b) => {
    if (b > 0) row++;
    if (block.title) frame.blockTitleRows.push(++row);
    const headerRow = ++row;
    if (b === 0) frame.freezeRows = headerRow;
    row += block.rowCount;
    frame.blocks.push({ headerRow, lastRow: row, columns: block.columns.length });
  });
  frame.rowCount = row;
  return frame;
}

/**
 * Every row of the sheet as values and number formats, in order (Excel row i + 1 is the i-th):
 * title lines, a blank row, then each block as [title] + header + data rows with a blank row
 * between blocks — the same layout as the .xlsx writer. Data rows are fetched `pageRows` at a time.
 */
export async function* laidRows(source: SheetSource, width: number, marks: RowMarks, pageRows = SHEET_PAGE_ROWS): AsyncGenerator<LaidRow> {
  const blank = (): LaidRow => ({ values: new Array(width).fill(null), formats: new Array(width).fill(null) });
  const textRow = (s: string): LaidRow => {
    const r = blank();
    const t = textCell(s);
    r.values[0] = t.v;
    r.formats[0] = t.nf;
    return r;
  };
  let row = 0; // the last row given, 1-based
  for (const line of source.title) {
    row++;
    yield textRow(line);
  }
  if (source.title.length > 0) {
    row++;
    yield blank();
  }
  for (const [b, block] of source.blocks.entries()) {
    if (b > 0) {
      row++;
      yield blank();
    }
    if (block.title) {
      row++;
      yield textRow(block.title);
    }
    const header = blank();
    block.columns.forEach((col, i) => {
      const t = textCell(col.header);
      header.values[i] = t.v;
      header.formats[i] = t.nf;
    });
    row++;
    yield header;
    for (let start = 0; start < block.rowCount; start += pageRows) {
      for (const dataRow of await source.rows(b, start, Math.min(block.rowCount, start + pageRows))) {
        const r = blank();
        row++;
        block.columns.forEach((col, i) => {
          const c = cellOut(dataRow.cells[i] ?? null, col);
          r.values[i] = c.v;
          r.formats[i] = c.nf;
          if (c.link) marks.link(row, i + 1, c.link);
        });
        if (dataRow.style && dataRow.style !== 'normal') marks.style(dataRow.style, row, block.columns.length);
        yield r;
      }
    }
  }
}
