/**
 * A result sheet laid out as rows of values and number formats (pure, no office-js), a page of data
 * rows at a time: where everything goes is known from the sheet's head alone.
 */
import { EXCEL_FORMATS, type OutCell, type OutColumn, type OutLink, type RowStyle } from '../../domain/sheets/model';
import { BLOCK_PAGE_ROWS } from '../../domain/sheets/model';
import type { SheetHead, SheetSource } from '../sheet-source';

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
  // Not `{ ...textCell(), link }`: a spread then a new key costs ~1 µs a cell in V8 (a link per review row).
  const { v, nf } = textCell(cell.text);
  return { v, nf, link: cell };
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
 * Every row of the sheet as values and number formats, in order (Excel row i + 1 is the i-th), at
 * the places \`frameSheet\` gave them; rows between are blank. Data rows are fetched \`pageRows\` at a time.
 */
export async function* laidRows(source: SheetSource, frame: SheetFrame, marks: RowMarks, pageRows = BLOCK_PAGE_ROWS): AsyncGenerator<LaidRow> {
  const { width } = frame;
  const blank = (): LaidRow => ({ values: new Array(width).fill(null), formats: new Array(width).fill(null) });
  const textRow = (...texts: string[]): LaidRow => {
    const r = blank();
    texts.forEach((s, i) => {
      const t = textCell(s);
      r.values[i] = t.v;
      r.formats[i] = t.nf;
    });
    return r;
  };
  let given = 0; // rows given so far
  /** Blank rows up to (not including) 1-based row \`row\`, then \`r\` there. */
  function* at(row: number, r: LaidRow): Generator<LaidRow> {
    while (++given < row) yield blank();
    yield r;
  }
  for (const [i, line] of source.title.entries()) yield* at(frame.titleRows[i]!, textRow(line));
  let blockTitle = 0;
  for (const [b, block] of source.blocks.entries()) {
    const { headerRow } = frame.blocks[b]!;
    if (block.title) yield* at(frame.blockTitleRows[blockTitle++]!, textRow(block.title));
    yield* at(headerRow, textRow(...block.columns.map((c) => c.header)));
    for (let start = 0; start < block.rowCount; start += pageRows) {
      const page = await source.rows(b, start, Math.min(block.rowCount, start + pageRows));
      for (const [k, dataRow] of page.entries()) {
        const row = headerRow + 1 + start + k;
        const r = blank();
        block.columns.forEach((col, i) => {
          const c = cellOut(dataRow.cells[i] ?? null, col);
          r.values[i] = c.v;
          r.formats[i] = c.nf;
          if (c.link) marks.link(row, i + 1, c.link);
        });
        if (dataRow.style && dataRow.style !== 'normal') marks.style(dataRow.style, row, block.columns.length);
        yield* at(row, r);
      }
    }
  }
}
