/** Opening an .xlsx for reading, with failures turned into `WorkbookError`s the officer can act on. */
import { basename } from 'node:path';
import type { CellValue } from '../../domain/cells';
import { WorkbookError } from '../gateway';
import { emptyMeta, META_SHEET, metaFromRows, type WorkbookMeta } from './meta';
import { readWorkbookParts, type SheetPart, type SheetScan, type WorkbookParts } from './parts';
import { readCellFormats, readSharedStrings, readSheetRows, type ReadContext } from './read-sheet';
import { scanSheet } from './sheet-scan';
import { XmlFormatError } from './xml-scanner';
import { ZipArchive, ZipFormatError } from './zip';

export function notWorkbookError(path: string): WorkbookError {
  const name = basename(path);
  return new WorkbookError(
    `Tệp "${name}" không phải sổ tính .xlsx hợp lệ hoặc đã hỏng (tệp .xls cũ hay có mật khẩu: hãy lưu lại dạng .xlsx) / ` +
      `"${name}" is not a valid .xlsx workbook or is damaged (an old .xls or password-protected file: save it as .xlsx)`,
    'not_workbook',
  );
}

/** Maps file-system and format failures to WorkbookError; other errors pass through. */
export function asWorkbookError(error: unknown, path: string): unknown {
  if (error instanceof WorkbookError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new WorkbookError(`Không tìm thấy tệp "${path}" / File not found: "${path}"`, 'missing');
  if (code === 'EISDIR') return notWorkbookError(path);
  if (code === 'EACCES' || code === 'EPERM') return new WorkbookError(`Không có quyền đọc tệp "${path}" / No permission to read "${path}"`, 'other');
  const message = String((error as Error | null)?.message ?? '');
  // Our zip reader and XML scanner, and zlib ("Z_DATA_ERROR", "invalid stored block lengths…") all mean a damaged file.
  const damaged =
    error instanceof ZipFormatError ||
    error instanceof XmlFormatError ||
    /^Z_/.test(String(code ?? '')) ||
    /incorrect header|invalid (block|stored|distance|code|literal)|unexpected end of file/i.test(message);
  if (damaged) return notWorkbookError(path);
  return error;
}

export interface SourceBook {
  path: string;
  zip: ZipArchive;
  parts: WorkbookParts;
  meta: WorkbookMeta;
}

export async function openSourceBook(path: string): Promise<SourceBook> {
  try {
    const zip = await ZipArchive.open(path);
    const parts = await readWorkbookParts(zip);
    return { path, zip, parts, meta: await readMeta(zip, parts) };
  } catch (error) {
    throw asWorkbookError(error, path);
  }
}

async function readMeta(zip: ZipArchive, parts: WorkbookParts): Promise<WorkbookMeta> {
  const sheet = parts.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return emptyMeta();
  const rows: CellValue[][] = [];
  for await (const r of readSheetRows(zip, parts, sheet, await readContext(zip, parts))) rows[r.row - 1] = r.values;
  return metaFromRows(Array.from(rows, (r) => r ?? []));
}

export async function readContext(zip: ZipArchive, parts: WorkbookParts): Promise<ReadContext> {
  const [sharedStrings, formats] = await Promise.all([readSharedStrings(zip, parts.sharedStrings), readCellFormats(zip, parts.styles)]);
  return { sharedStrings, formats };
}

/** Source sheets = every sheet the add-in did not write itself. */
export function isOwned(book: SourceBook, sheet: SheetPart): boolean {
  return sheet.name === META_SHEET || book.meta.owned.includes(sheet.name);
}

export async function scanSource(book: SourceBook, sheet: SheetPart): Promise<SheetScan> {
  try {
    return await scanSheet(book.zip, sheet.path);
  } catch (error) {
    throw asWorkbookError(error, book.path);
  }
}
