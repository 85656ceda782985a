/**
 * The add-in's review sheet read again (reviewers may have edited it by hand since the last read):
 * office-js is in the pane's thread, so its chunks are read here and handed to the engine, which
 * keeps the rows (half a million once every flag has been written).
 */
import { foldKey } from '../../domain/text';
import type { SheetInfo, WorkbookGateway } from '../../workbook/gateway';
import type { Engine } from '../engine/types';

/** The same test as the reading step's: an owned sheet named "Rà soát…" or "Review…". */
export const isReviewSheet = (s: SheetInfo) => s.owned && /^(ra soat|review)\b/.test(foldKey(s.name));

/** Reads the review sheet into the engine (its `'sheet'` review source); false when the workbook has none yet. */
export async function readReviewInto(engine: Engine, gateway: WorkbookGateway, signal?: AbortSignal): Promise<boolean> {
  const sheet = (await gateway.listSheets()).find(isReviewSheet);
  if (!sheet) return false;
  const sink = engine.readReview();
  try {
    for await (const chunk of gateway.readSheet(sheet.name, { signal })) await sink.push(chunk);
    await sink.finish();
    return true;
  } catch (e) {
    sink.abort();
    throw e;
  }
}
