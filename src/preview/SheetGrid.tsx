/** A read-only picture of one sheet of the fake workbook: values, fills, highlights, merges, selection. */
import { makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { FakeExcel } from '../../test/fake-excel';
import { columnName, sheetGrid } from './cells';

const MAX_ROWS = 1500;

const useStyles = makeStyles({
  scroller: { flexGrow: 1, overflow: 'auto', backgroundColor: '#ffffff', minHeight: 0 },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontFamily: 'Calibri, Carlito, "Liberation Sans", Arial, sans-serif', fontSize: '13px', tableLayout: 'fixed' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: '#f3f3f3', width: '44px', minWidth: '44px', borderRight: '1px solid #d4d4d4', borderBottom: '1px solid #d4d4d4' },
  colHead: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: '#f3f3f3', color: '#444', fontWeight: 400, borderRight: '1px solid #d4d4d4', borderBottom: '1px solid #d4d4d4', height: '20px', padding: 0 },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: '#f3f3f3', color: '#444', textAlign: 'center', borderRight: '1px solid #d4d4d4', borderBottom: '1px solid #d4d4d4', cursor: 'pointer', fontVariantNumeric: 'tabular-nums' },
  rowHeadSelected: { backgroundColor: '#d3e3d0', color: '#0f5132', fontWeight: 600 },
  cell: { borderRight: '1px solid #e1e1e1', borderBottom: '1px solid #e1e1e1', padding: '1px 4px', height: '20px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', cursor: 'cell', color: '#000' },
  numeric: { textAlign: 'right' },
  selected: { boxShadow: 'inset 0 0 0 2px #107c41', backgroundColor: 'rgba(16,124,65,0.10)' },
  note: { padding: '8px', color: tokens.colorNeutralForeground3 },
});

export function SheetGrid({ fake, sheet, version }: { fake: FakeExcel; sheet: string; version: number }) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const grid = useMemo(() => sheetGrid(fake, sheet, MAX_ROWS), [fake, sheet, version]);
  const sel = fake.model.selection && fake.model.selection.sheet.name === sheet ? fake.model.selection.rects : [];
  const isSelected = (r: number, c: number) => sel.some((x) => r >= x.r0 && r < x.r0 + x.nr && c >= x.c0 && c < x.c0 + x.nc);
  const rowSelected = (r: number) => sel.some((x) => r >= x.r0 && r < x.r0 + x.nr);
  const firstSelected = sel.length ? Math.min(...sel.map((x) => x.r0)) : -1;

  useEffect(() => {
    if (firstSelected < 0) return;
    const el = scroller.current?.querySelector(`[data-row="${firstSelected + 1}"]`);
    (el as HTMLElement | null)?.scrollIntoView({ block: 'center' });
  }, [firstSelected, sheet, version]);

  const select = (address: string) => void fake.userSelect(sheet, address);
  if (grid.rows.length === 0) return <div className={s.note}>(trang trống)</div>;
  return (
    <div className={s.scroller} ref={scroller}>
      {/* Fixed layout needs a width: the sum of the columns, as in Excel (long text is cut at the cell edge). */}
      <table className={s.table} style={{ width: 44 + grid.widths.reduce((a, b) => a + b, 0) }} aria-label={`Trang ${sheet}`}>
        <colgroup>
          <col style={{ width: 44 }} />
          {grid.widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={s.corner} />
            {Array.from({ length: grid.columns }, (_, c) => (
              <th key={c} className={s.colHead} scope="col">
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r} data-row={r + 1}>
              <th scope="row" className={mergeClasses(s.rowHead, rowSelected(r) ? s.rowHeadSelected : '')} onClick={() => select(`${r + 1}:${r + 1}`)}>
                {r + 1}
              </th>
              {row.map((cell, c) =>
                cell.hidden ? null : (
                  <td
                    key={c}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className={mergeClasses(s.cell, cell.numeric ? s.numeric : '', isSelected(r, c) ? s.selected : '')}
                    style={{
                      backgroundColor: cell.fill,
                      fontWeight: cell.bold ? 700 : undefined,
                      fontStyle: cell.italic ? 'italic' : undefined,
                      textDecoration: cell.strike ? 'line-through' : undefined,
                      color: cell.color,
                      whiteSpace: cell.rowSpan || cell.colSpan ? 'normal' : undefined,
                      overflow: cell.spill ? 'visible' : undefined,
                      textOverflow: cell.spill ? 'clip' : undefined,
                      textAlign: cell.colSpan ? 'center' : undefined,
                    }}
                    title={cell.text}
                    onClick={() => select(`${columnName(c)}${r + 1}`)}
                  >
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {grid.totalRows > MAX_ROWS && <div className={s.note}>… {grid.totalRows - MAX_ROWS} dòng nữa không hiện trong bản xem trước.</div>}
    </div>
  );
}
