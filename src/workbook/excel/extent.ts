/**
 * How much of a sheet the adapter reads: its used range, narrowed on a wide sheet to the columns
 * its first rows (where a header can be found) use. A stray value far to the right — "x" in
 * XFD1048576 — would otherwise make every chunk 16,384 columns wide and a million-row sheet a
 * few rows per request. A column with nothing in the header rows cannot be mapped, so nothing
 * the engine reads is lost; the rows are then counted within the kept columns.
 */
import { HEADER_SCAN_ROWS } from '../../domain/detect/header';

export interface Extent {
  rows: number; // last row read (1-based)
  cols: number; // last column read (1-based)
}

/** Officers' tables are a few dozen columns wide: narrower used ranges are read as they are (no extra sync). */
export const NARROW_FROM_COLUMNS = 64;

/** The extent of a loaded used range (null object: an empty sheet). */
export function usedExtentOf(used: Excel.Range): Extent | null {
  return used.isNullObject ? null : { rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
}

/** Narrows the wide extents in place: two syncs when some sheet is wider than NARROW_FROM_COLUMNS, none otherwise. */
export async function narrowExtents(ctx: Excel.RequestContext, sheets: { ws: Excel.Worksheet; extent: Extent | null }[]): Promise<void> {
  const wide = sheets.filter((s): s is { ws: Excel.Worksheet; extent: Extent } => s.extent !== null && s.extent.cols > NARROW_FROM_COLUMNS);
  if (wide.length === 0) return;
  const heads = wide.map(({ ws }) => {
    const head = ws.getRange(`1:${HEADER_SCAN_ROWS}`).getUsedRangeOrNullObject(true);
    head.load('columnIndex,columnCount');
    return head;
  });
  await ctx.sync();
  const narrowed = wide.flatMap((s, i) => {
    const head = heads[i]!;
    const cols = head.isNullObject ? s.extent.cols : head.columnIndex + head.columnCount;
    if (cols >= s.extent.cols) return [];
    s.extent.cols = cols;
    const body = s.ws.getRangeByIndexes(0, 0, s.extent.rows, cols).getUsedRangeOrNullObject(true);
    body.load('rowIndex,rowCount');
    return [{ extent: s.extent, body }];
  });
  if (narrowed.length === 0) return;
  await ctx.sync();
  for (const { extent, body } of narrowed) extent.rows = body.isNullObject ? 0 : body.rowIndex + body.rowCount;
}
