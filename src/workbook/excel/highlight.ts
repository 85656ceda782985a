/**
 * Highlights are conditional formats of type Custom whose (always TRUE) formula carries a marker,
 * `=N("BinhXet:<key>")=0`, on RangeAreas of whole table rows. They sit on top of the officer's
 * cells without touching fills, fonts, borders or their own conditional formats, and clearing deletes
 * exactly the formats whose formula carries the marker.
 */
import { type HighlightRequest, WorkbookError } from '../gateway';
import { rowAreaAddresses } from './addresses';
import { MESSAGES, guarded, protectedError } from './errors';
import type { ExcelRunner, ResolvedOptions } from './types';

const MARKER = 'BinhXet:';

export function markerFormula(key: string): string {
  return `=N("${MARKER}${key.replace(/"/g, '""')}")=0`;
}

/** The criterion key a formula marks, or null for a formula that is not ours. */
export function markerKey(formula: string | null | undefined): string | null {
  const m = /N\(\s*"BinhXet:((?:[^"]|"")*)"\s*\)/i.exec(formula ?? '');
  return m ? m[1]!.replace(/""/g, '"') : null;
}

export async function addHighlights(run: ExcelRunner, opts: ResolvedOptions, requests: HighlightRequest[]): Promise<void> {
  const work = requests.filter((r) => r.rows.length > 0);
  if (work.length === 0) return;
  // A criterion highlighted again replaces its earlier highlight instead of stacking on it.
  await clearMarkedFormats(run, opts, new Set(work.map((r) => r.key)));
  await guarded(() =>
    run(async (ctx) => {
      const names = [...new Set(work.map((r) => r.sheet))];
      const sheets = new Map(names.map((n) => [n, ctx.workbook.worksheets.getItemOrNullObject(n)]));
      for (const ws of sheets.values()) ws.load('name,protection/protected');
      await ctx.sync();
      for (const [n, ws] of sheets) {
        if (ws.isNullObject) throw new WorkbookError(`${MESSAGES.missing.vi} [${n}] (${MESSAGES.missing.en} [${n}])`, 'missing');
        if (ws.protection.protected) throw protectedError(n);
      }
      if (opts.requirements('ExcelApi', '1.9')) ctx.application.suspendScreenUpdatingUntilNextSync();
      let queued = 0;
      for (const req of work) {
        const ws = sheets.get(req.sheet)!;
        // One conditional format per address chunk (< 8,000 characters): 50,000 scattered rows cost
        // a few hundred calls, not 50,000.
        for (const address of rowAreaAddresses(req.rows, Math.max(1, req.columnCount))) {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          cf.custom.rule.formula = markerFormula(req.key);
          cf.custom.format.fill.color = req.color;
          queued += address.length + 300;
          if (queued > opts.maxPayloadBytes / 2) {
            await ctx.sync();
            queued = 0;
          }
        }
      }
      await ctx.sync();
    }),
  );
}

/** Deletes the add-in's highlight formats (all, or those of `keys`) on every sheet, in four syncs. */
export async function clearMarkedFormats(run: ExcelRunner, opts: ResolvedOptions, keys?: Set<string>): Promise<void> {
  await guarded(() =>
    run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      await ctx.sync();
      const perSheet = sheets.items.map((ws) => {
        const cfs = ws.getRange().conditionalFormats; // the whole sheet, not only the used range
        cfs.load('items/type');
        return { ws, cfs };
      });
      await ctx.sync();
      // Only Custom formats have a rule formula; reading `custom` of another type is an error.
      const custom: { ws: Excel.Worksheet; cf: Excel.ConditionalFormat }[] = [];
      for (const { ws, cfs } of perSheet) {
        for (const cf of cfs.items) {
          if (cf.type !== 'Custom') continue;
          cf.custom.rule.load('formula');
          custom.push({ ws, cf });
        }
      }
      if (custom.length === 0) return;
      await ctx.sync();
      const doomed = custom.filter(({ cf }) => {
        const key = markerKey(cf.custom.rule.formula);
        return key !== null && (!keys || keys.has(key));
      });
      const locked = doomed.find(({ ws }) => ws.protection.protected);
      if (locked) throw protectedError(locked.ws.name);
      let queued = 0;
      for (const { cf } of doomed) {
        cf.delete();
        queued += 100;
        if (queued > opts.maxPayloadBytes / 2) {
          await ctx.sync();
          queued = 0;
        }
      }
      if (doomed.length) await ctx.sync();
    }),
  );
}
