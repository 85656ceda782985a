/** What the adapter needs to know about every sheet, in two syncs (names first, then per-sheet data). */
import type { SheetInfo } from '../gateway';
import { narrowExtents, usedExtentOf } from './extent';
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
  const extents = pending.map(({ ws, used }) => ({ ws, extent: usedExtentOf(used) }));
  await narrowExtents(ctx, extents);
  return pending.map(({ ws, owned }, i) => ({
    name: ws.name,
    visible: ws.visibility === 'Visible',
    position: ws.position,
    protected: ws.protection.protected,
    rowCount: extents[i]!.extent?.rows ?? 0,
    columnCount: extents[i]!.extent?.cols ?? 0,
    owned: owned !== null && !owned.isNullObject && owned.value === '1',
  }));
}
