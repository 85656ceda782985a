/** What the preview grid shows for a cell: text, fill (own fill or an add-in highlight), merges. */
import type { FakeExcel } from '../../test/fake-excel';

export interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export interface GridCell {
  text: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  color?: string;
  numeric: boolean;
  rowSpan?: number;
  colSpan?: number;
  /** Covered by a merge (not drawn). */
  hidden?: boolean;
  /** Text that runs into the empty cell on its right, as Excel draws it. */
  spill?: boolean;
}

const DAY = 86_400_000;

function display(v: string | number | boolean | undefined, nf: string | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') {
    if (nf && /d/i.test(nf) && /y/i.test(nf)) {
      const d = new Date(Math.round((v - 25_569) * DAY));
      return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    }
    if (nf && nf.includes('%') && !nf.includes('"%"')) return `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
    if (nf && nf.includes('"%"')) return `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
    return Number.isInteger(v) && Math.abs(v) >= 1000 ? v.toLocaleString('vi-VN') : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

const inside = (r: Rect, row: number, col: number) => row >= r.r0 && row < r.r0 + r.nr && col >= r.c0 && col < r.c0 + r.nc;

/** The sheet's cells for rows [0, maxRows) and its used columns. */
export function sheetGrid(fake: FakeExcel, sheetName: string, maxRows: number): { rows: GridCell[][]; columns: number; totalRows: number; widths: number[] } {
  const s = fake.model.find(sheetName);
  if (!s) return { rows: [], columns: 0, totalRows: 0, widths: [] };
  const used = s.usedRect(false);
  const totalRows = used ? used.r0 + used.nr : 0;
  const columns = used ? Math.min(used.c0 + used.nc, 40) : 0;
  const nRows = Math.min(totalRows, maxRows);
  // Highlights: the add-in's conditional formats (formula always TRUE) and plain TRUE rules.
  const cfs = [...s.cfs].filter((cf) => cf.fill && /BinhXet:|^=?TRUE$/i.test(cf.formula ?? '')).sort((a, b) => b.priority - a.priority);
  const rows: GridCell[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < columns; c++) {
      const v = s.values.get(r, c);
      const st = s.styles.get(r, c);
      let fill = st?.fill;
      for (const cf of cfs) if (cf.rects.some((rect) => inside(rect, r, c))) fill = cf.fill;
      row.push({ text: display(v, s.numberFormats.get(r, c)), fill, bold: st?.bold, italic: st?.italic, strike: st?.strikethrough, color: st?.color, numeric: typeof v === 'number' });
    }
    rows.push(row);
  }
  for (const m of s.merges) {
    if (m.r0 >= nRows || m.c0 >= columns) continue;
    for (let r = m.r0; r < Math.min(m.r0 + m.nr, nRows); r++) for (let c = m.c0; c < Math.min(m.c0 + m.nc, columns); c++) rows[r]![c]!.hidden = true;
    const top = rows[m.r0]![m.c0]!;
    top.hidden = false;
    top.rowSpan = Math.min(m.nr, nRows - m.r0);
    top.colSpan = Math.min(m.nc, columns - m.c0);
  }
  for (const row of rows) row.forEach((cell, c) => (cell.spill = !cell.numeric && cell.text !== '' && c + 1 < row.length && row[c + 1]!.text === '' && !row[c + 1]!.hidden));
  // Column widths in pixels (office-js points × 4/3), Excel's default 64 px where none is set.
  const widths = Array.from({ length: columns }, (_, c) => Math.max(24, Math.round(((s.columnWidths.get(c) ?? 48) * 4) / 3)));
  return { rows, columns, totalRows, widths };
}

export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
