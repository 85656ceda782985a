/** What the adapter needs to know about every sheet, in two syncs (names first, then per-sheet data). */
import type { SheetInfo } from '../gateway';
import { OWNED_KEY, type ResolvedOptions } from './types';

export interface SheetState extends SheetInfo {
  position: number;
  protected: boolean;
}

export async function loadSheetStates(ctx: Excel.RequestContext, opts: ResolvedOptions): Promise<SheetState[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position,items/protection/protected');
  await ctx.sync();
  // Worksheet custom properties are ExcelApi 1.12, which checkHost requires; without them no sheet counts as ours.
  const withProps = opts.requirements('ExcelApi', '1.12');
  const pending = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const owned = withProps ? ws.customProperties.getItemOrNullObject(OWNED_KEY) : null;
    owned?.load('value');
    return { ws, used, owned };
  });
  await ctx.sync();
  return pending.map(({ ws, used, owned }) => ({
    name: ws.name,
    visible: ws.visibility === 'Visible',
    position: ws.position,
    protected: ws.protection.protected,
    rowCount: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
    columnCount: used.isNullObject ? 0 : used.columnIndex + used.columnCount,
    owned: owned !== null && !owned.isNullObject && owned.value === '1',
  }));
}
