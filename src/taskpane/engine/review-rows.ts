/**
 * The add-in's review sheet as the engine takes it in: chunks of its cells, parsed into review rows
 * when it ends. Half a million rows once "Ghi bảng rà soát" has written every flag, so they are
 * kept here, never in the pane.
 */
import type { CellValue, RowChunk } from '../../domain/cells';
import { readReviewRows, type ReviewRow } from '../../domain/sheets/review';

export class ReviewCollector {
  private rows: CellValue[][] = [];

  push(chunk: RowChunk): void {
    chunk.rows.forEach((r, i) => (this.rows[chunk.startRow - 1 + i] = r));
  }

  finish(): ReviewRow[] {
    const rows = this.rows;
    this.rows = [];
    return readReviewRows(Array.from({ length: rows.length }, (_, i) => rows[i] ?? []));
  }
}
