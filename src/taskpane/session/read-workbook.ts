/**
 * Reading the workbook into the engine: office-js stays in the pane's thread, so this loop asks
 * Excel for one chunk at a time and hands each to the engine's sink at once (to a worker, that is
 * one structured clone; no reference is kept here). At most one chunk is with the engine while
 * the next is read, so a slow engine cannot pile chunks up in its message queue.
 */
import type { LayoutOverride } from '../../domain/detect/layout';
import type { ReviewRow } from '../../domain/sheets/review';
import { sheetMerges } from '../../workbook/analyse';
import type { Progress, WorkbookGateway } from '../../workbook/gateway';
import type { Engine, LoadedWorkbook } from '../engine/types';
import { throwIfAborted } from '../engine/yield';
import { isReviewSheet, reviewRowsOf } from './review-sheet';

export interface ReadIntoOptions {
  overrides: LayoutOverride[];
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const ignore = () => undefined;

export async function readInto(engine: Engine, gw: WorkbookGateway, { overrides, signal, onProgress }: ReadIntoOptions): Promise<LoadedWorkbook> {
  const sheets = await gw.listSheets();
  const sink = engine.beginReading();
  try {
    const total = sheets.reduce((n, s) => n + (s.owned ? 0 : s.rowCount), 0);
    let done = 0;
    let review: ReviewRow[] = [];
    for (const sheet of sheets) {
      throwIfAborted(signal);
      if (sheet.owned) {
        if (isReviewSheet(sheet)) review = await reviewRowsOf(gw, sheet.name, signal);
        continue;
      }
      const merges = sheet.rowCount ? await sheetMerges(gw, sheet) : [];
      await sink.sheet(sheet.name, merges, overrides.find((o) => o.sheet === sheet.name));
      let taking: Promise<void> | null = null;
      for await (const chunk of gw.readSheet(sheet.name, { signal })) {
        if (taking) await taking;
        done += chunk.rows.length;
        taking = sink.push(chunk);
        taking.catch(ignore); // awaited above, before the next chunk goes
        onProgress?.({ done, total, phase: sheet.name });
      }
      if (taking) await taking;
    }
    throwIfAborted(signal);
    return { ...(await sink.finish(sheets)), review };
  } catch (e) {
    sink.abort();
    throw e;
  }
}
