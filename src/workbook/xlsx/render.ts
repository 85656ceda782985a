/**
 * A `ResultSheet` as worksheet XML, produced in byte chunks for a streamed zip entry: title lines, then
 * each block as [title] + header + rows, a blank row between blocks; column widths, the header
 * frozen, A4 landscape one page wide. Text is always an inline string (`t="inlineStr"`), so
 * "=SUM(A1)", "+84…", "-5" and "@x" stay text; numbers are numbers; links to a place in the
 * workbook are `<hyperlink location=…>` (no relationship), as Excel writes them.
 */
import { blockRows, EXCEL_FORMATS, type OutCell, type OutColumn, type ResultSheet, type RowStyle } from '../../domain/sheets/model';
import { columnLetter } from '../../domain/cells';
import { columnWidths } from '../../domain/sheets/widths';
import { WorkbookError } from '../gateway';
import type { BorderSpec, FontSpec, XfSpec } from './styles-merge';
import { ByteChunks } from './byte-chunks';
import { escapeAttr, escapeCellText } from './xml-edit';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The same in a Strict Open XML package (a workbook saved by Excel as "Strict"). */
export const STRICT_NAMESPACES = { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };
export const TRANSITIONAL_NAMESPACES = { main: MAIN_NS, rel: REL_NS };
export type Namespaces = typeof TRANSITIONAL_NAMESPACES;
/** Excel's limits: rows and columns of a sheet, characters of a cell, hyperlinks of a sheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_CELL_CHARS = 32_767;
export const MAX_LINKS = 65_530;

const THIN = 'FFBFBFBF';
const BOX: BorderSpec = { left: THIN, right: THIN, top: THIN, bottom: THIN };
const TOTAL_BOX: BorderSpec = { ...BOX, top: 'FF000000' };
const HEADER: XfSpec = { font: { bold: true }, fill: 'FFDDEBF7', border: BOX, alignment: { horizontal: 'center', vertical: 'center', wrapText: true } };
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

/** Rows the sheet will use (the last one written). */
export function sheetRowCount(sheet: ResultSheet): number {
  let r = sheet.title.length > 0 ? sheet.title.length + 1 : 0;
  sheet.blocks.forEach((b, i) => (r += (i > 0 ? 1 : 0) + (b.title ? 1 : 0) + 1 + b.rowCount));
  return r;
}

function rowFont(style: RowStyle | undefined): FontSpec {
  switch (style) {
    case 'section':
    case 'total':
      return { bold: true };
    case 'reserve':
      return { italic: true, color: GREY };
    case 'excluded':
      return { strike: true, color: GREY };
    default:
      return {};
  }
}

function dataStyle(rowStyle: RowStyle | undefined, format: OutColumn['format'], link: boolean): XfSpec {
  const font = rowFont(rowStyle);
  return {
    numFmt: EXCEL_FORMATS[format],
    border: rowStyle === 'total' ? TOTAL_BOX : BOX,
    font: link ? { ...font, color: LINK_COLOR, underline: true } : font,
  };
}

export interface RenderContext {
  /** Sheet name a link may point to in the written file, or null when the link must stay plain text. */
  linkTarget(sheet: string): string | null;
  /** Index of a cell format in the workbook's styles. */
  style(spec: XfSpec): number;
  /** This sheet is the active tab. */
  selected: boolean;
  /** The package's flavour (transitional unless said). */
  namespaces?: Namespaces;
}

export interface RenderStats {
  links: number;
  /** Links past Excel's per-sheet limit, written as plain text. */
  linksDropped: number;
}

const fit = (s: string): string => (s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s);

/** XML keeps leading or trailing white space (space, tab, CR, LF) only with xml:space="preserve". */
function edgeSpace(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a === 32 || a === 9 || a === 10 || a === 13 || b === 32 || b === 9 || b === 10 || b === 13;
}

/** An inline-string cell; `head` is `<c r="A1" s="3"` (ASCII). */
function inlineText(out: ByteChunks, head: string, text: string): void {
  const t = fit(text);
  out.ascii(t.length > 0 && edgeSpace(t) ? `${head} t="inlineStr"><is><t xml:space="preserve">` : `${head} t="inlineStr"><is><t>`);
  out.utf8(escapeCellText(t));
  out.ascii('</t></is></c>');
}

/** Throws when the sheet cannot be an Excel sheet (more rows or columns than Excel has). */
export function checkSheetSize(sheet: ResultSheet, name: string): void {
  const rows = sheetRowCount(sheet);
  const columns = Math.max(1, ...sheet.blocks.map((b) => b.columns.length));
  if (rows > MAX_ROWS || columns > MAX_COLUMNS) {
    throw new WorkbookError(
      `Trang "${name}" có ${rows.toLocaleString('vi-VN')} dòng × ${columns} cột, vượt giới hạn của Excel (1.048.576 × 16.384) / ` +
        `Sheet "${name}" has ${rows.toLocaleString('en-US')} rows × ${columns} columns, beyond Excel's limit (1,048,576 × 16,384)`,
      'other',
    );
  }
}

/** The worksheet XML as UTF-8 chunks of about a megabyte. */
export function* renderResultSheet(sheet: ResultSheet, ctx: RenderContext, stats: RenderStats = { links: 0, linksDropped: 0 }): Generator<Buffer> {
  const out = new ByteChunks();
  const ns = ctx.namespaces ?? TRANSITIONAL_NAMESPACES;
  const width = Math.max(1, ...sheet.blocks.map((b) => b.columns.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const lastRow = Math.max(1, sheetRowCount(sheet));
  const freeze = firstHeaderRow(sheet);
  const cols = columnWidths(sheet)
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  out.ascii(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${letters[width - 1]}${lastRow}"/>` +
      `<sheetViews><sheetView${ctx.selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
      `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
  );

  const titleStyle = (size: number): number => ctx.style({ font: { bold: true, size } });
  let r = 1;
  sheet.title.forEach((line, i) => {
    out.ascii(`<row r="${r}">`);
    inlineText(out, `<c r="A${r}" s="${titleStyle(i === 0 ? 14 : 12)}"`, line);
    out.ascii('</row>');
    r++;
  });
  if (sheet.title.length > 0) r++;

  // Link targets resolve once per sheet name; styles once per (row style, column, link) in each block.
  const targets = new Map<string, string | null>();
  const target = (s: string): string | null => {
    if (!targets.has(s)) targets.set(s, ctx.linkTarget(s));
    return targets.get(s)!;
  };
  let links = 0;
  for (let b = 0; b < sheet.blocks.length; b++) {
    const block = sheet.blocks[b];
    if (b > 0) r++;
    if (block.title) {
      out.ascii(`<row r="${r}">`);
      inlineText(out, `<c r="A${r}" s="${titleStyle(12)}"`, block.title);
      out.ascii('</row>');
      r++;
    }
    const header = ctx.style(HEADER);
    out.ascii(`<row r="${r}">`);
    block.columns.forEach((col, i) => inlineText(out, `<c r="${letters[i]}${r}" s="${header}"`, col.header));
    out.ascii('</row>');
    r++;
    const styleCache = new Map<string, number[]>();
    const stylesFor = (rowStyle: RowStyle | undefined, link: boolean): number[] => {
      const key = `${rowStyle ?? ''}|${link ? 1 : 0}`;
      let ids = styleCache.get(key);
      if (!ids) {
        ids = block.columns.map((col) => ctx.style(dataStyle(rowStyle, col.format, link)));
        styleCache.set(key, ids);
      }
      return ids;
    };
    const n = block.columns.length;
    for (const row of blockRows(block)) {
      const plain = stylesFor(row.style, false);
      out.ascii(`<row r="${r}">`);
      for (let i = 0; i < n; i++) {
        const cell: OutCell = row.cells[i] ?? null;
        if (cell === null) out.ascii(`<c r="${letters[i]}${r}" s="${plain[i]}"/>`);
        else if (typeof cell === 'number') out.ascii(Number.isFinite(cell) ? `<c r="${letters[i]}${r}" s="${plain[i]}"><v>${cell}</v></c>` : `<c r="${letters[i]}${r}" s="${plain[i]}"/>`);
        else if (typeof cell === 'string') inlineText(out, `<c r="${letters[i]}${r}" s="${plain[i]}"`, cell);
        else {
          const to = target(cell.sheet);
          const linked = to !== null && links < MAX_LINKS;
          if (to !== null && !linked) stats.linksDropped++;
          if (linked) links++;
          inlineText(out, `<c r="${letters[i]}${r}" s="${linked ? stylesFor(row.style, true)[i] : plain[i]}"`, cell.text);
        }
      }
      out.ascii('</row>');
      r++;
      if (out.pending) yield* out.take();
    }
  }
  out.ascii('</sheetData>');
  stats.links = links;

  // Second pass for the links (they come after sheetData): same walk, same cap, no copy kept.
  if (links > 0) {
    out.ascii('<hyperlinks>');
    let left = links;
    let row = sheet.title.length > 0 ? sheet.title.length + 2 : 1;
    for (let b = 0; b < sheet.blocks.length && left > 0; b++) {
      const block = sheet.blocks[b];
      row += (b > 0 ? 1 : 0) + (block.title ? 1 : 0) + 1;
      for (const data of blockRows(block)) {
        for (let i = 0; i < block.columns.length && left > 0; i++) {
          const cell = data.cells[i];
          if (cell === null || typeof cell !== 'object') continue;
          const to = target(cell.sheet);
          if (to === null) continue;
          out.ascii(`<hyperlink ref="${letters[i]}${row}" location="`);
          out.utf8(escapeAttr(sheetRef(to, cell.row)));
          out.ascii('"/>');
          left--;
        }
        row++;
        if (left === 0) break;
        if (out.pending) yield* out.take();
      }
    }
    out.ascii('</hyperlinks>');
  }
  out.ascii(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      // Officers print these for the dossier: A4 landscape, one page wide.
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      '</worksheet>',
  );
  yield* out.end();
}

/** A sheet of plain text rows (the add-in's very hidden memory). */
export function* renderTextSheet(rows: string[][], ns: Namespaces = TRANSITIONAL_NAMESPACES): Generator<Buffer> {
  const out = new ByteChunks();
  const width = Math.max(1, ...rows.map((r) => r.length));
  out.ascii(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
      `<dimension ref="A1:${columnLetter(width)}${Math.max(1, rows.length)}"/><sheetData>`,
  );
  for (let i = 0; i < rows.length; i++) {
    out.ascii(`<row r="${i + 1}">`);
    rows[i].forEach((text, j) => inlineText(out, `<c r="${columnLetter(j + 1)}${i + 1}"`, text));
    out.ascii('</row>');
    if (out.pending) yield* out.take();
  }
  out.ascii('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  yield* out.end();
}
