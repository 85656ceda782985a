/**
 * Lays out a `ResultSheet` on an exceljs worksheet (full or streaming): title lines, then each
 * block as [title] + header + rows, a blank row between blocks. Strings are always written as
 * plain string values, so "=SUM(A1)" stays text.
 */
import type { Borders, Cell, Fill, Font, Style, Worksheet } from 'exceljs';
import { EXCEL_FORMATS, type OutBlock, type OutCell, type OutColumn, type OutRow, type ResultSheet, type RowStyle } from '../../domain/sheets/model';
import { columnLetter } from '../../domain/cells';
import { columnWidths } from '../../domain/sheets/widths';

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LINK_COLOR = 'FF0563C1';
const GREY = 'FF808080';

/** Row number of the first block's header (for the frozen pane), before anything is written. */
export function firstHeaderRow(sheet: ResultSheet): number {
  const titleRows = sheet.title.length > 0 ? sheet.title.length + 1 : 0;
  return titleRows + (sheet.blocks[0]?.title ? 1 : 0) + 1;
}

/** `'Sheet name'!A12` with quotes doubled, as Excel writes references. */
export function sheetRef(sheet: string, row: number, column = 1): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(column)}${row}`;
}


function rowFont(style: RowStyle | undefined): Partial<Font> {
  switch (style) {
    case 'section':
      return { bold: true };
    case 'total':
      return { bold: true };
    case 'reserve':
      return { italic: true, color: { argb: GREY } };
    case 'excluded':
      return { strike: true, color: { argb: GREY } };
    default:
      return {};
  }
}

export interface RenderContext {
  /** Sheet name a link may point to in the written file, or null when the link must stay plain text. */
  linkTarget(sheet: string): string | null;
  /** Streaming worksheets need each finished row committed. */
  commitRows: boolean;
}

/** Writes the sheet; returns the number of rows used. */
export function renderResultSheet(ws: Worksheet, sheet: ResultSheet, ctx: RenderContext): number {
  ws.columns = columnWidths(sheet).map((width) => ({ width }));
  // Officers print these for the dossier: A4 landscape, one page wide.
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  let r = 1;
  const finish = (row: ReturnType<Worksheet['getRow']>): void => {
    if (ctx.commitRows) row.commit();
  };
  sheet.title.forEach((line, i) => {
    const row = ws.getRow(r++);
    const cell = row.getCell(1);
    cell.value = fit(line);
    cell.font = { bold: true, size: i === 0 ? 14 : 12 };
    finish(row);
  });
  if (sheet.title.length > 0) r++;
  sheet.blocks.forEach((block, b) => {
    if (b > 0) r++;
    r = renderBlock(ws, block, r, ctx, finish);
  });
  return r - 1;
}

function renderBlock(ws: Worksheet, block: OutBlock, start: number, ctx: RenderContext, finish: (row: ReturnType<Worksheet['getRow']>) => void): number {
  let r = start;
  if (block.title) {
    const row = ws.getRow(r++);
    const cell = row.getCell(1);
    cell.value = fit(block.title);
    cell.font = { bold: true, size: 12 };
    finish(row);
  }
  const header = ws.getRow(r++);
  block.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = fit(col.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  finish(header);
  for (const out of block.rows) {
    const row = ws.getRow(r++);
    writeRow(row, out, block, ctx);
    finish(row);
  }
  return r;
}

/**
 * The style of a data cell (number format, border, font), one object per kind of cell shared by
 * every cell of that kind: exceljs then registers a style once per object instead of rendering
 * its XML for each of a million cells. Shared styles are never changed after they are made.
 */
const cellStyles = new Map<string, Partial<Style>>();
function cellStyle(rowStyle: RowStyle | undefined, format: OutColumn['format'], link: boolean): Partial<Style> {
  const key = `${rowStyle ?? ''}|${format}|${link ? 1 : 0}`;
  let style = cellStyles.get(key);
  if (!style) {
    const font = rowFont(rowStyle);
    const border: Partial<Borders> = rowStyle === 'total' ? { ...BOX, top: { style: 'thin', color: { argb: 'FF000000' } } } : BOX;
    style = link ? { font: { ...font, color: { argb: LINK_COLOR }, underline: true }, numFmt: EXCEL_FORMATS[format], border } : { numFmt: EXCEL_FORMATS[format], border, font };
    cellStyles.set(key, style);
  }
  return style;
}

function writeRow(row: ReturnType<Worksheet['getRow']>, out: OutRow, block: OutBlock, ctx: RenderContext): void {
  block.columns.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    const link = setValue(cell, out.cells[i] ?? null, ctx);
    cell.style = cellStyle(out.style, col.format, link);
  });
}

/** Excel's limit for the text of one cell: a longer string makes Excel "repair" (drop) the file's content. */
const MAX_CELL_CHARS = 32_767;
const fit = (s: string) => (s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s);

/** Sets the cell's value; true when it became an internal link (which takes the link font). */
function setValue(cell: Cell, value: OutCell, ctx: RenderContext): boolean {
  if (value === null) return false;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) cell.value = value;
    return false;
  }
  if (typeof value === 'string') {
    cell.value = fit(value); // a plain string value is never a formula in exceljs
    return false;
  }
  const target = ctx.linkTarget(value.sheet);
  if (target === null) {
    cell.value = fit(value.text);
    return false;
  }
  // Written as a proper internal link (`location`, no relationship) by `internal-links.ts`.
  cell.value = { text: fit(value.text), hyperlink: `#${sheetRef(target, value.row)}` };
  return true;
}
