/**
 * A result sheet as a writer takes it: everything but the data rows up front, the rows a page at a
 * time. The pane's engine holds its result sheets in its worker and sends them page by page, so a
 * 500,000-row review sheet is never held whole in the pane; in one thread (command line, tests) a
 * built ResultSheet is its own source.
 */
import { BLOCK_PAGE_ROWS, listBlock, type OutColumn, type OutRow, type ResultSheet, type ResultSheetKind } from '../domain/sheets/model';
import { columnWidths } from '../domain/sheets/widths';

export interface SheetHead {
  name: string;
  kind: ResultSheetKind;
  title: string[];
  blocks: { title?: string; columns: OutColumn[]; rowCount: number }[];
  /** Column widths in characters, measured on the rows by whoever holds them. */
  widths: number[];
}

export interface SheetSource extends SheetHead {
  /** Data rows [start, end) of block `block`. */
  rows(block: number, start: number, end: number): Promise<OutRow[]>;
}

/** What a gateway's writeSheet takes: a whole sheet, or one whose rows are fetched as written. */
export type WritableSheet = ResultSheet | SheetSource;

export function isSheetSource(sheet: WritableSheet): sheet is SheetSource {
  return typeof (sheet as SheetSource).rows === 'function';
}

export function sheetHead(sheet: ResultSheet): SheetHead {
  return {
    name: sheet.name,
    kind: sheet.kind,
    title: sheet.title,
    blocks: sheet.blocks.map((b) => ({ ...(b.title === undefined ? {} : { title: b.title }), columns: b.columns, rowCount: b.rowCount })),
    widths: columnWidths(sheet),
  };
}

export function sheetSource(sheet: WritableSheet): SheetSource {
  if (isSheetSource(sheet)) return sheet;
  return { ...sheetHead(sheet), rows: async (block, start, end) => sheet.blocks[block]!.rows(start, end) };
}

/** A source's rows, fetched a page at a time, as a sheet the .xlsx writer takes (written whole at save). */
export async function collectSheet(sheet: WritableSheet): Promise<ResultSheet> {
  if (!isSheetSource(sheet)) return sheet;
  const blocks = [];
  for (const [b, head] of sheet.blocks.entries()) {
    const rows: OutRow[] = [];
    for (let start = 0; start < head.rowCount; start += BLOCK_PAGE_ROWS) {
      for (const row of await sheet.rows(b, start, Math.min(head.rowCount, start + BLOCK_PAGE_ROWS))) rows.push(row);
    }
    blocks.push(listBlock({ ...(head.title === undefined ? {} : { title: head.title }), columns: head.columns, rows }));
  }
  return { name: sheet.name, kind: sheet.kind, title: sheet.title, blocks };
}
