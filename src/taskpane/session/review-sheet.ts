/** Reading the add-in's review sheet as it is now (reviewers may have edited it by hand since the last read). */
import type { CellValue } from '../../domain/cells';
import { readReviewRows, type ReviewRow } from '../../domain/sheets/review';
import { foldKey } from '../../domain/text';
import type { SheetInfo, WorkbookGateway } from '../../workbook/gateway';

/** The same test as the reading step's: an owned sheet named "Rà soát…" or "Review…". */
export const isReviewSheet = (s: SheetInfo) => s.owned && /^(ra soat|review)\b/.test(foldKey(s.name));

/** The review sheet's rows, or null when the workbook has none yet. */
export async function readReviewSheet(gateway: WorkbookGateway, signal?: AbortSignal): Promise<ReviewRow[] | null> {
  const sheet = (await gateway.listSheets()).find(isReviewSheet);
  return sheet ? reviewRowsOf(gateway, sheet.name, signal) : null;
}

/** The rows of a review sheet (small: one per flag or decision), read in the pane's thread. */
export async function reviewRowsOf(gateway: WorkbookGateway, name: string, signal?: AbortSignal): Promise<ReviewRow[]> {
  const rows: CellValue[][] = [];
  for await (const chunk of gateway.readSheet(name, { signal })) chunk.rows.forEach((r, i) => (rows[chunk.startRow - 1 + i] = r));
  return readReviewRows(Array.from({ length: rows.length }, (_, i) => rows[i] ?? []));
}
