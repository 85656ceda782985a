/**
 * Reading the cells of an .xlsx: shared strings, the cell styles' number formats, and the rows of
 * ONE sheet, each streamed from its own zip entry and parsed by our own byte-level XML scanner
 * (sheet-rows.ts, shared-strings.ts, style-formats.ts).
 */
import { CellFormats } from './cell-formats';
import type { SheetPart, WorkbookParts } from './parts';
import { sharedStringsFrom } from './shared-strings';
import { sheetRowBatches, type SheetRow } from './sheet-rows';
import { cellFormatsFrom } from './style-formats';
import type { ZipArchive } from './zip';

export type { SheetRow } from './sheet-rows';

/** What every sheet of a workbook is read with. */
export interface ReadContext {
  sharedStrings: string[];
  formats: CellFormats;
}

/** Shared strings as plain text (rich-text runs joined, phonetic guides dropped). */
export async function readSharedStrings(zip: ZipArchive, path: string | null): Promise<string[]> {
  return path ? sharedStringsFrom(await zip.stream(path)) : [];
}

/** Which cell styles exist and which show numbers as dates. */
export async function readCellFormats(zip: ZipArchive, path: string | null): Promise<CellFormats> {
  return path ? cellFormatsFrom(await zip.stream(path)) : CellFormats.none();
}

/** Rows that hold at least one value, in file order, a batch per chunk of the part. */
export async function* readSheetRowBatches(zip: ZipArchive, parts: WorkbookParts, sheet: SheetPart, context: ReadContext): AsyncGenerator<SheetRow[]> {
  const source = await zip.stream(sheet.path);
  try {
    yield* sheetRowBatches(source, { ...context, date1904: parts.date1904 });
  } finally {
    source.destroy();
  }
}

/** Rows that hold at least one value, in file order. Styled-but-empty rows are skipped. */
export async function* readSheetRows(zip: ZipArchive, parts: WorkbookParts, sheet: SheetPart, context: ReadContext): AsyncGenerator<SheetRow> {
  for await (const batch of readSheetRowBatches(zip, parts, sheet, context)) yield* batch;
}
