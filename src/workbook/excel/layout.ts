/**
 * A ResultSheet laid out as rows of values and number formats (pure, no office-js): title lines,
 * a blank row, then each block as [title] + header + data rows with a blank row between blocks —
 * the same layout as the .xlsx writer.
 */
import { EXCEL_FORMATS, type OutCell, type OutColumn, type OutLink, type ResultSheet, type RowStyle } from '../../domain/sheets/model';
import { columnWidths } from '../../domain/sheets/widths';

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

export interface Layout {
  width: number;
  rows: LaidRow[]; // rows[i] is Excel row i + 1
  titleRows: number[];
  blockTitleRows: number[];
  blocks: BlockFrame[];
  styled: Map<RowStyle, { row: number; columns: number }[]>;
  links: LaidLink[];
  /** Rows above and including the first header, for freezePanes. */
  freezeRows: number;
  /** Column widths in characters (index 0 = column A). */
  widths: number[];
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


export function layoutSheet(sheet: ResultSheet): Layout {
  const width = Math.max(1, ...sheet.blocks.map((b) => b.columns.length));
  const rows: LaidRow[] = [];
  const out: Layout = {
    width,
    rows,
    titleRows: [],
    blockTitleRows: [],
    blocks: [],
    styled: new Map(),
    links: [],
    freezeRows: 0,
    widths: columnWidths(sheet),
  };
  const blank = (): LaidRow => ({ values: new Array(width).fill(null), formats: new Array(width).fill(null) });
  const textRow = (s: string): LaidRow => {
    const r = blank();
    const t = textCell(s);
    r.values[0] = t.v;
    r.formats[0] = t.nf;
    return r;
  };
  for (const line of sheet.title) {
    rows.push(textRow(line));
    out.titleRows.push(rows.length);
  }
  if (sheet.title.length > 0) rows.push(blank());
  sheet.blocks.forEach((block, b) => {
    if (b > 0) rows.push(blank());
    if (block.title) {
      rows.push(textRow(block.title));
      out.blockTitleRows.push(rows.length);
    }
    const header = blank();
    block.columns.forEach((col, i) => {
      const t = textCell(col.header);
      header.values[i] = t.v;
      header.formats[i] = t.nf;
    });
    rows.push(header);
    const headerRow = rows.length;
    if (b === 0) out.freezeRows = headerRow;
    for (const dataRow of block.rows) {
      const r = blank();
      block.columns.forEach((col, i) => {
        const c = cellOut(dataRow.cells[i] ?? null, col);
        r.values[i] = c.v;
        r.formats[i] = c.nf;
        if (c.link) out.links.push({ row: rows.length + 1, col: i + 1, link: c.link });
      });
      rows.push(r);
      if (dataRow.style && dataRow.style !== 'normal') {
        const list = out.styled.get(dataRow.style) ?? [];
        list.push({ row: rows.length, columns: block.columns.length });
        out.styled.set(dataRow.style, list);
      }
    }
    out.blocks.push({ headerRow, lastRow: rows.length, columns: block.columns.length });
  });
  return out;
}
