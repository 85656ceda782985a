/**
 * Reading the cells of an .xlsx: shared strings, the cell styles' number formats, and the rows of
 * ONE sheet, each streamed from its own zip entry (exceljs's WorkbookReader would inflate every
 * sheet of the file, to temp files when the strings come after the sheets, on every read).
 * Sheets and shared strings go through our own byte-level XML scanner (sheet-rows.ts,
 * shared-strings.ts); only the small styles part is still parsed by exceljs.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import { CellFormats, cellFormatsOf } from './cell-formats';
import type { SheetPart, WorkbookParts } from './parts';
import { sharedStringsFrom } from './shared-strings';
import { sheetRowBatches, type SheetRow } from './sheet-rows';
import type { ZipArchive } from './zip';

export type { SheetRow } from './sheet-rows';

/** What every sheet of a workbook is read with. */
export interface ReadContext {
  sharedStrings: string[];
  formats: CellFormats;
}

/**
 * The part's bytes as UTF-8 text chunks, a character split by a chunk boundary kept whole
 * (exceljs's SAX reader decodes each Buffer on its own). For the styles part.
 */
export function utf8Text(bytes: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk);
      done(null, s === '' ? undefined : s);
    },
    flush(done) {
      const s = decoder.end();
      done(null, s === '' ? undefined : s);
    },
  });
  bytes.on('error', (error) => text.destroy(error));
  return bytes.pipe(text);
}

/** Shared strings as plain text (rich-text runs joined, phonetic guides dropped). */
export async function readSharedStrings(zip: ZipArchive, path: string | null): Promise<string[]> {
  return path ? sharedStringsFrom(await zip.stream(path)) : [];
}

/** Which cell styles exist and which show numbers as dates. */
export async function readCellFormats(zip: ZipArchive, path: string | null): Promise<CellFormats> {
  if (!path) return CellFormats.none();
  const styles = new StylesXform();
  await styles.parseStream(utf8Text(await zip.stream(path)));
  return cellFormatsOf(styles);
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
