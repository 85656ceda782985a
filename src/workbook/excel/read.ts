/**
 * Reading source sheets: the used range in row chunks sized from the column count so that no
 * response passes the payload budget; one sync per chunk; a payload error halves the chunk.
 */
import type { CellValue, MergedArea, RowChunk } from '../../domain/cells';
import { type ReadOptions, WorkbookError } from '../gateway';
import { MESSAGES, errorCode, guarded, isPayloadError, throwIfAborted, toWorkbookError } from './errors';
import { narrowExtents, usedExtentOf, type Extent } from './extent';
import type { ExcelRunner, ResolvedOptions } from './types';

/** Deliberately generous: Vietnamese text is 1–3 bytes a character in UTF-8, plus JSON quoting. */
export const BYTES_PER_CELL_ESTIMATE = 60;

export function initialChunkRows(columns: number, opts: Pick<ResolvedOptions, 'maxPayloadBytes' | 'maxCellsPerRead'>, wanted?: number): number {
  const cols = Math.max(1, columns);
  const byPayload = Math.floor(opts.maxPayloadBytes / (cols * BYTES_PER_CELL_ESTIMATE));
  const byCells = Math.floor(opts.maxCellsPerRead / cols);
  return Math.max(1, Math.min(byPayload, byCells, wanted && wanted > 0 ? wanted : Infinity));
}

function missingSheet(sheet: string): WorkbookError {
  return new WorkbookError(`${MESSAGES.missing.vi} [${sheet}] (${MESSAGES.missing.en} [${sheet}])`, 'missing');
}

/** Last row and column (1-based) to read (see extent.ts), or null for an empty sheet. */
async function usedExtent(run: ExcelRunner, sheet: string): Promise<Extent | null> {
  return guarded(() =>
    run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      if (ws.isNullObject) throw missingSheet(sheet);
      const extent = usedExtentOf(used);
      await narrowExtents(ctx, [{ ws, extent }]);
      return extent;
    }),
  );
}

export async function* readSheetChunks(run: ExcelRunner, opts: ResolvedOptions, sheet: string, options: ReadOptions = {}): AsyncGenerator<RowChunk> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const extent = await usedExtent(run, sheet);
  if (!extent) return;
  let chunk = initialChunkRows(extent.cols, opts, options.chunkRows);
  let start = 0; // 0-based row index
  while (start < extent.rows) {
    throwIfAborted(signal);
    const n = Math.min(chunk, extent.rows - start);
    let rows: CellValue[][];
    try {
      rows = await run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(start, 0, n, extent.cols);
        range.load('values');
        await ctx.sync();
        return range.values as CellValue[][];
      });
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        chunk = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw toWorkbookError(e);
    }
    yield { startRow: start + 1, rows };
    start += n;
    onProgress?.({ done: start, total: extent.rows, phase: 'read' });
  }
}

/** Merged areas in the first `rows` rows (ExcelApi 1.13); [] where the host cannot tell. */
export async function readHeaderMerges(run: ExcelRunner, opts: ResolvedOptions, sheet: string, rows: number): Promise<MergedArea[]> {
  if (rows < 1 || !opts.requirements('ExcelApi', '1.13')) return [];
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const merged = ws.getRange(`1:${Math.min(rows, 1_048_576)}`).getMergedAreasOrNullObject();
      await ctx.sync();
      if (merged.isNullObject) return [];
      merged.areas.load('rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      return merged.areas.items.map((a) => ({
        top: a.rowIndex + 1,
        left: a.columnIndex + 1,
        bottom: a.rowIndex + a.rowCount,
        right: a.columnIndex + a.columnCount,
      }));
    });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ItemNotFound') throw missingSheet(sheet);
    if (code === 'InvalidOperationInCellEditMode' || code === 'EditModeNotAllowed') throw toWorkbookError(e);
    return []; // e.g. more than 512 merged areas: header detection works without them
  }
}
