/** Column widths of a result sheet in characters — the same for every writer. */
import type { OutCell, ResultSheet } from './model';

const WIDTH_SAMPLE_ROWS = 500;

/** What a cell shows, for measuring: numbers with Vietnamese grouping, links by their text. */
export function displayText(cell: OutCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.text;
  return typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell;
}

/** The column's own width, else fitted to its header and first rows (widest block wins). */
export function columnWidths(sheet: ResultSheet): number[] {
  const widths: number[] = [];
  for (const block of sheet.blocks) {
    block.columns.forEach((col, i) => {
      let w = col.width;
      if (w === undefined) {
        const longestWord = Math.max(...col.header.split(/\s+/).map((s) => s.length));
        w = Math.max(8, Math.min(14, col.header.length), longestWord + 2);
        for (const row of block.rows(0, Math.min(block.rowCount, WIDTH_SAMPLE_ROWS))) w = Math.max(w, Math.min(60, displayText(row.cells[i] ?? null).length + 2));
      }
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return widths;
}
