/**
 * Writing a result sheet: replace the add-in's own sheet of that name, or pick another name when
 * the officer has one; values and number formats as 2-D arrays in chunks within the payload
 * budget (formats queued before values, so "@" cells keep strings as text); styles per block or per
 * group of rows (RangeAreas), never per cell.
 */
import { columnLetter } from '../../domain/cells';
import type { RowStyle } from '../../domain/sheets/model';
import type { SheetSource } from '../sheet-source';
import type { ReadOptions } from '../gateway';
import { safeSheetName, sheetNameKey } from '../sheet-names';
import { chunkAddresses, rowAreaAddresses, runs, sheetRef } from './addresses';
import { guarded, isPayloadError, throwIfAborted } from './errors';
import { type LaidRow, RowMarks, type SheetFrame, frameSheet, laidRows } from './layout';
import { loadSheetStates } from './sheets';
import { type ExcelRunner, OWNED_KEY, type ResolvedOptions } from './types';

const HEADER_FILL = '#DDEBF7';
const BORDER_COLOR = '#BFBFBF';
const LINK_COLOR = '#0563C1';
const GREY = '#808080';

const ROW_STYLES: Record<Exclude<RowStyle, 'normal'>, { bold?: boolean; italic?: boolean; strikethrough?: boolean; color?: string; fill?: string }> = {
  section: { bold: true, fill: '#EDEDED' },
  total: { bold: true, fill: '#E2EFDA' },
  reserve: { italic: true, color: GREY },
  excluded: { strikethrough: true, color: GREY },
};

/** Share of the payload budget one write request may use (JSON framing, object paths, formats of styles). */
const BUDGET_SHARE = 0.8;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

function rowBytes(r: LaidRow): number {
  return utf8Length(JSON.stringify(r.values)) + utf8Length(JSON.stringify(r.formats)) + 2;
}

/** Points for a width in characters (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a pixel). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function tempName(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const n = `BinhXet-tmp-${i}`;
    if (!taken.has(sheetNameKey(n))) return n;
  }
}

export async function writeResultSheet(run: ExcelRunner, opts: ResolvedOptions, sheet: SheetSource, options: ReadOptions = {}): Promise<string> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const frame = frameSheet(sheet);
  const suspendCalc = opts.requirements('ExcelApi', '1.6');
  const suspendScreen = opts.requirements('ExcelApi', '1.9');
  return guarded(() =>
    run(async (ctx) => {
      const states = await loadSheetStates(ctx, opts);
      const name = safeSheetName(sheet.name, new Set(states.filter((s) => !s.owned).map((s) => s.name)));
      const old = states.find((s) => s.owned && sheetNameKey(s.name) === sheetNameKey(name));
      const sheets = ctx.workbook.worksheets;
      if (suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync(); // once: repeated calls flicker
      // New sheet first under a temporary name, so a refused add (protected structure) changes nothing
      // and the old sheet is never the last one when it is deleted.
      const ws = old ? sheets.add(tempName(new Set(states.map((s) => sheetNameKey(s.name))))) : sheets.add(name);
      if (opts.requirements('ExcelApi', '1.12')) ws.customProperties.add(OWNED_KEY, '1');
      if (old) {
        ws.position = old.position;
        sheets.getItem(old.name).delete();
        ws.name = name;
      }
      await ctx.sync();

      const writeRows = async (first: number, rows: LaidRow[]): Promise<void> => {
        const range = ws.getRangeByIndexes(first, 0, rows.length, frame.width);
        range.numberFormat = rows.map((r) => r.formats); // before values: "@" must be in place first
        range.values = rows.map((r) => r.values);
        if (suspendCalc) ctx.application.suspendApiCalculationUntilNextSync();
        try {
          await ctx.sync();
        } catch (e) {
          if (!isPayloadError(e) || rows.length < 2) throw e;
          const mid = Math.floor(rows.length / 2);
          await writeRows(first, rows.slice(0, mid));
          await writeRows(first + mid, rows.slice(mid));
        }
      };
      // Rows are laid out as they come and written in requests within the payload budget and the
      // cell limit: only one request's rows are held at a time.
      const budget = Math.floor(opts.maxPayloadBytes * BUDGET_SHARE);
      const maxRows = Math.max(1, Math.floor(opts.maxCellsPerRead / frame.width));
      const marks = new RowMarks(opts.maxLinksPerSheet);
      let pending: LaidRow[] = [];
      let bytes = 0;
      let written = 0;
      const flush = async () => {
        throwIfAborted(signal); // a cancelled write leaves a partial sheet that is still marked ours
        await writeRows(written, pending);
        written += pending.length;
        pending = [];
        bytes = 0;
        onProgress?.({ done: written, total: frame.rowCount, phase: 'write' });
      };
      for await (const row of laidRows(sheet, frame, marks, opts.sheetPageRows)) {
        const b = rowBytes(row);
        if (pending.length > 0 && (bytes + b > budget || pending.length >= maxRows)) await flush();
        pending.push(row);
        bytes += b;
      }
      if (pending.length > 0) await flush();
      await applyStyles(ctx, ws, frame, marks, opts);
      return name;
    }),
  );
}

/** Queues the formatting; syncs whenever the queued request grows past half the budget. */
async function applyStyles(ctx: Excel.RequestContext, ws: Excel.Worksheet, layout: SheetFrame, marks: RowMarks, opts: ResolvedOptions): Promise<void> {
  let queued = 0;
  const spend = async (bytes: number) => {
    queued += bytes + 200;
    if (queued > opts.maxPayloadBytes / 2) {
      await ctx.sync();
      queued = 0;
    }
  };

  // Column widths: adjacent columns of equal width share one call.
  const widths = layout.widths;
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] !== undefined) ws.getRange(`${columnLetter(i + 1)}:${columnLetter(j + 1)}`).format.columnWidth = charsToPoints(widths[i]!);
    await spend(20);
    i = j + 1;
  }

  for (const address of rowAreaAddresses([...layout.titleRows, ...layout.blockTitleRows], 1)) {
    ws.getRanges(address).format.font.bold = true;
    await spend(address.length);
  }

  for (const b of layout.blocks) {
    const header = ws.getRangeByIndexes(b.headerRow - 1, 0, 1, b.columns).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.wrapText = true;
    header.horizontalAlignment = 'Center';
    const frame = ws.getRangeByIndexes(b.headerRow - 1, 0, b.lastRow - b.headerRow + 1, b.columns).format.borders;
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (b.lastRow > b.headerRow) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (b.columns > 1) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const edge of edges) {
      const border = frame.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOR;
    }
    await spend(400);
  }

  for (const [style, list] of marks.styled) {
    const look = ROW_STYLES[style as Exclude<RowStyle, 'normal'>];
    if (!look) continue;
    const byWidth = new Map<number, number[]>();
    for (const { row, columns } of list) byWidth.set(columns, [...(byWidth.get(columns) ?? []), row]);
    for (const [columns, rows] of byWidth) {
      for (const address of rowAreaAddresses(rows, columns)) {
        const f = ws.getRanges(address).format;
        if (look.bold) f.font.bold = true;
        if (look.italic) f.font.italic = true;
        if (look.strikethrough) f.font.strikethrough = true;
        if (look.color) f.font.color = look.color;
        if (look.fill) f.fill.color = look.fill;
        await spend(address.length);
      }
    }
  }

  // Each hyperlink is its own call, so only the first `maxLinksPerSheet` links become clickable;
  // the rest keep their text (sheet and row), which is still readable.
  const links = marks.links;
  for (const { row, col, link } of links) {
    ws.getCell(row - 1, col - 1).hyperlink = { documentReference: sheetRef(link.sheet, link.row), textToDisplay: link.text };
    await spend(link.text.length + link.sheet.length + 40);
  }
  const linkCols = new Map<number, number[]>();
  for (const { row, col } of links) linkCols.set(col, [...(linkCols.get(col) ?? []), row]);
  for (const [col, rows] of linkCols) {
    const L = columnLetter(col);
    for (const address of chunkAddresses(runs(rows).map(([s, e]) => `${L}${s}:${L}${e}`))) {
      const font = ws.getRanges(address).format.font;
      font.color = LINK_COLOR;
      font.underline = 'Single';
      await spend(address.length);
    }
  }

  if (layout.freezeRows > 0) ws.freezePanes.freezeRows(layout.freezeRows);
  await ctx.sync();
}
