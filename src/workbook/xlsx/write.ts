/**
 * Writes the results workbook to a NEW file. When the input is small enough and holds nothing
 * exceljs would lose, the officer's workbook is loaded whole, previous result sheets and
 * highlights are removed, the result sheets are added and highlights become conditional formats
 * (their own fills stay untouched). Otherwise only the result sheets are streamed out.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, basename } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetter } from '../../domain/cells';
import { bi, type Bilingual } from '../../domain/i18n';
import type { ResultSheet } from '../../domain/sheets/model';
import { WorkbookError, type HighlightRequest } from '../gateway';
import { safeSheetName } from '../sheet-names';
import { META_SHEET, metaToRows, type HighlightRecord, type WorkbookMeta } from './meta';
import { installInternalLinks } from './internal-links';
import { firstHeaderRow, renderResultSheet, type RenderContext } from './render';
import { whyNotCopy } from './fidelity';
import { isOwned, openSourceBook, type SourceBook } from './source';

export const DEFAULT_COPY_SOURCES_UP_TO_ROWS = 200_000;

export interface WriteResultOptions {
  output: string;
  sheets: ResultSheet[];
  /** The officer's workbook; read only, never written. */
  input?: string;
  highlights?: HighlightRequest[];
  settings?: Record<string, unknown>;
  /** Source sheets are copied only when their rows add up to at most this (default 200,000). */
  copySourcesUpToRows?: number;
  /** Total source rows when already known (saves a pass over a large input). */
  sourceRowCount?: number;
}

export interface WriteResultReport {
  output: string;
  /** Names actually used, in the order of `options.sheets`. */
  sheetNames: string[];
  sourcesCopied: boolean;
  notes: Bilingual[];
}

/** Names for the result sheets that avoid the officer's sheets (the add-in's own are replaced). */
export function planSheetNames(wanted: string[], sourceNames: string[]): string[] {
  const taken = new Set(sourceNames);
  return wanted.map((w) => {
    const name = safeSheetName(w, taken);
    taken.add(name);
    return name;
  });
}

/** Row runs as a range list: rows [12,13,14,20] of 11 columns → "A12:K14 A20:K20". */
export function rowsToRef(rows: number[], columnCount: number): string {
  const last = columnLetter(Math.max(1, columnCount));
  const sorted = [...new Set(rows)].filter((r) => r >= 1).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(`A${sorted[i]}:${last}${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(' ');
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export async function writeResultWorkbook(options: WriteResultOptions): Promise<WriteResultReport> {
  const { output, sheets, input } = options;
  installInternalLinks();
  const notes: Bilingual[] = [];
  const book = input ? await openSourceBook(input) : null;
  if (input && (await sameFile(input, output))) {
    throw new WorkbookError('Tệp kết quả phải khác tệp gốc / The output file must differ from the input file', 'other');
  }
  const sources = book ? book.parts.sheets.filter((s) => !isOwned(book, s)) : [];
  const names = planSheetNames(
    sheets.map((s) => s.name),
    sources.map((s) => s.name),
  );
  const meta: WorkbookMeta = { owned: names, highlights: [], settings: options.settings ?? {} };
  const highlights = options.highlights ?? [];

  let copy = false;
  if (book) {
    const limit = options.copySourcesUpToRows ?? DEFAULT_COPY_SOURCES_UP_TO_ROWS;
    const note = await whyNotCopy(book, sources, limit, options.sourceRowCount);
    if (note) notes.push(note);
    copy = note === null;
  }

  const tmp = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (copy && book) {
      copy = await writeWithSources(book, tmp, sheets, names, highlights, meta, notes);
    }
    if (!copy) {
      if (highlights.length > 0 && book) notes.push(bi('Không tô màu: các trang gốc không được chép.', 'No highlights: the source sheets were not copied.'));
      await writeResultsOnly(tmp, sheets, names, meta);
    }
    await rename(tmp, output);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { output, sheetNames: names, sourcesCopied: copy, notes };
}

function isOwnHighlight(cf: { ref: string; rules: { type: string; formulae?: unknown[] }[] }, record: HighlightRecord): boolean {
  return cf.ref === record.ref && cf.rules.length === 1 && cf.rules[0].type === 'expression' && String(cf.rules[0].formulae?.[0]) === 'TRUE';
}

async function writeWithSources(
  book: SourceBook,
  tmp: string,
  sheets: ResultSheet[],
  names: string[],
  highlights: HighlightRequest[],
  meta: WorkbookMeta,
  notes: Bilingual[],
): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(book.path);
  } catch {
    notes.push(bi('Không chép được các trang gốc (không đọc trọn được sổ).', 'Source sheets not copied: the workbook could not be loaded whole.'));
    return false;
  }
  for (const ws of [...wb.worksheets]) {
    if (ws.name === META_SHEET || book.meta.owned.includes(ws.name)) wb.removeWorksheet(ws.id);
  }
  for (const record of book.meta.highlights) {
    wb.getWorksheet(record.sheet)?.removeConditionalFormatting((cf: { ref: string; rules: { type: string; formulae?: unknown[] }[] }) => !isOwnHighlight(cf, record));
  }
  const present = new Set(wb.worksheets.map((w) => w.name));
  const ctx = linkContext(sheets, names, present);
  sheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: firstHeaderRow(sheet) }] });
    renderResultSheet(ws, sheet, ctx);
  });
  for (const h of highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws || !present.has(h.sheet) || h.rows.length === 0) {
      if (h.rows.length > 0) notes.push(bi(`Không tô màu ${h.key}: không có trang "${h.sheet}".`, `Highlight ${h.key} skipped: no sheet "${h.sheet}".`));
      continue;
    }
    const record: HighlightRecord = { sheet: h.sheet, key: h.key, color: h.color, ref: rowsToRef(h.rows, h.columnCount) };
    ws.addConditionalFormatting({
      ref: record.ref,
      rules: [{ type: 'expression', priority: 0, formulae: ['TRUE'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(h.color) } } } }],
    } as ExcelJS.ConditionalFormattingOptions);
    meta.highlights.push(record);
  }
  addMetaSheet(wb, meta);
  await wb.xlsx.writeFile(tmp);
  return true;
}

async function writeResultsOnly(tmp: string, sheets: ResultSheet[], names: string[], meta: WorkbookMeta): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: true });
  const ctx = { ...linkContext(sheets, names, new Set<string>()), commitRows: true };
  sheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: firstHeaderRow(sheet) }] });
    renderResultSheet(ws, sheet, ctx);
    ws.commit();
  });
  const metaSheet = addMetaSheet(wb, meta);
  metaSheet.commit();
  await wb.commit();
}

/** Links may point at source sheets present in the output and at the result sheets (by wanted name). */
function linkContext(sheets: ResultSheet[], names: string[], present: Set<string>): RenderContext {
  const renamed = new Map(sheets.map((s, i) => [s.name, names[i]]));
  return {
    commitRows: false,
    linkTarget: (sheet) => (present.has(sheet) ? sheet : (renamed.get(sheet) ?? null)),
  };
}

function addMetaSheet(wb: ExcelJS.Workbook, meta: WorkbookMeta): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  metaToRows(meta).forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((c, j) => (row.getCell(j + 1).value = c));
    row.commit();
  });
  return ws;
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) ? `FF${hex}` : /^[0-9A-F]{8}$/.test(hex) ? hex : 'FFFFFF00';
}
