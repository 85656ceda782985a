/**
 * Reading the workbook into the engine: office-js stays in the pane's thread, so this loop asks
 * Excel for one chunk at a time and hands each to the engine's sink at once (to a worker, that is
 * one structured clone; no reference is kept here). At most one chunk is with the engine while
 * the next is read, so a slow engine cannot pile chunks up in its message queue. The add-in's
 * review sheet goes to the engine the same way; the other sheets the add-in wrote are not read.
 * The engine drops the workbook it held as the reading begins.
 */
import type { LayoutOverride } from '../../domain/detect/layout';
import { sheetMerges } from '../../workbook/analyse';
import type { Progress, WorkbookGateway } from '../../workbook/gateway';
import type { Engine, LoadedWorkbook } from '../engine/types';
import { throwIfAborted } from '../engine/yield';
import { isReviewSheet } from './review-sheet';

export interface ReadIntoOptions {
  overrides: LayoutOverride[];
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Called as the engine is told a new reading begins (from then on it holds no workbook until the reading ends). */
  onBegin?: () => void;
}

const ignore = () => undefined;

export async function readInto(engine: Engine, gw: WorkbookGateway, { overrides, signal, onProgress, onBegin }: ReadIntoOptions): Promise<LoadedWorkbook> {
  const sheets = await gw.listSheets();
  throwIfAborted(signal);
  const review = sheets.find(isReviewSheet);
  const read = sheets.filter((s) => !s.owned || s === review);
  const sink = engine.beginReading();
  onBegin?.();
  try {
    const total = read.reduce((n, s) => n + s.rowCount, 0);
    let done = 0;
    for (const sheet of read) {
      throwIfAborted(signal);
      if (sheet === review) await sink.review(sheet.name);
      else await sink.sheet(sheet.name, sheet.rowCount ? await sheetMerges(gw, sheet) : [], overrides.find((o) => o.sheet === sheet.name));
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
    return await sink.finish(sheets);
  } catch (e) {
    sink.abort();
    throw e;
  }
}
