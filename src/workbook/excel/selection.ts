/**
 * The user's selection: selecting whole rows (RangeAreas within Excel's 8,192-character address
 * limit) and listening to selection changes — `worksheets.onSelectionChanged` (ExcelApi 1.9, every
 * sheet, with the address in the event) or else `workbook.onSelectionChanged` (1.2, then the
 * selected range is read). Every check is by `isSetSupported`, never by platform.
 */
import type { SelectionPoint } from '../gateway';
import { chunkAddresses, runs } from './addresses';
import { guarded } from './errors';
import type { ExcelRunner, ResolvedOptions } from './types';

/** "12:12,15:17": whole rows, chunked below the address limit; the first chunk holds the first rows. */
export function wholeRowAddresses(rows: Iterable<number>): { address: string; rows: number }[] {
  const areas = runs(rows).map(([a, b]) => ({ text: `${a}:${b}`, rows: b - a + 1 }));
  const counts = new Map(areas.map((a) => [a.text, a.rows]));
  return chunkAddresses(areas.map((a) => a.text)).map((address) => ({ address, rows: address.split(',').reduce((n, a) => n + (counts.get(a) ?? 0), 0) }));
}

export async function selectRows(run: ExcelRunner, opts: ResolvedOptions, sheet: string, rows: number[]): Promise<number> {
  const chunks = wholeRowAddresses(rows);
  const first = chunks[0];
  if (!first) return 0;
  const multi = opts.requirements('ExcelApi', '1.9');
  // Without RangeAreas (ExcelApi < 1.9) only the first run of rows can be selected.
  const address = multi ? first.address : first.address.split(',')[0]!;
  const [a, b] = address.split(',')[0]!.split(':').map(Number) as [number, number];
  return guarded(() =>
    run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (multi) ws.getRanges(address).select();
      else ws.getRange(address).select();
      await ctx.sync();
      return multi ? first.rows : b - a + 1;
    }),
  );
}

/** First row of an address such as "B12:C14", "'My sheet'!A5", "12:12,15:17" ("C:E" → row 1). */
export function firstRowOf(address: string): number {
  const first = address.split(',')[0]!;
  const local = first.includes('!') ? first.slice(first.lastIndexOf('!') + 1) : first;
  const m = /^\$?[A-Za-z]*\$?(\d+)/.exec(local.trim());
  return m ? Number(m[1]) : 1;
}

interface Registration {
  remove(): void;
  context: { sync(): Promise<unknown> };
}

/** Starts listening; the returned function stops (it may be called before registration finished). */
export function listenToSelection(run: ExcelRunner, opts: ResolvedOptions, cb: (sel: SelectionPoint) => void): () => void {
  let stopped = false;
  let registration: Registration | null = null;
  const deliver = (sel: SelectionPoint | null) => {
    if (!stopped && sel) cb(sel);
  };
  const byCollection = opts.requirements('ExcelApi', '1.9');
  const onWorksheetEvent = async (args: Excel.WorksheetSelectionChangedEventArgs) => {
    if (stopped) return;
    const name = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(args.worksheetId);
      ws.load('name');
      await ctx.sync();
      return ws.isNullObject ? null : ws.name;
    }).catch(() => null);
    deliver(name === null ? null : { sheet: name, row: firstRowOf(args.address) });
  };
  const onWorkbookEvent = async () => {
    if (stopped) return;
    const sel = await run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load('rowIndex');
      range.worksheet.load('name');
      await ctx.sync();
      return { sheet: range.worksheet.name, row: range.rowIndex + 1 };
    }).catch(() => null);
    deliver(sel);
  };
  const registering = guarded(() =>
    run(async (ctx) => {
      const result = byCollection
        ? ctx.workbook.worksheets.onSelectionChanged.add(onWorksheetEvent)
        : ctx.workbook.onSelectionChanged.add(onWorkbookEvent);
      await ctx.sync();
      return result as unknown as Registration;
    }),
  ).then(
    (r) => {
      registration = r;
      if (stopped) void unregister(r);
    },
    () => undefined, // no events on this host: the pane still works without them
  );
  void registering;
  return () => {
    if (stopped) return;
    stopped = true;
    if (registration) void unregister(registration);
  };
}

async function unregister(r: Registration): Promise<void> {
  try {
    r.remove();
    await r.context.sync();
  } catch {
    // The context may be gone (pane closing); the handler is inert anyway once stopped.
  }
}
