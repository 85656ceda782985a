/**
 * What copying the officer's package part for part must still adapt so that the file opens under
 * the output's name. Every part is copied as stored, so nothing of the workbook is lost — except
 * macros when the output is an .xlsx: Excel refuses an .xlsx whose workbook part is macro-enabled
 * (or a template), so the workbook part takes the plain type and the VBA project is left out.
 */
import { extname } from 'node:path';
import { bi, type Bilingual } from '../../domain/i18n';

export const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const MACRO_WORKBOOK_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

export interface PackageKind {
  /** New content type for the workbook part, or null to keep it. */
  workbookType: string | null;
  dropMacros: boolean;
  note: Bilingual | null;
}

export function packageKind(output: string, workbookType: string | null, hasMacros: boolean): PackageKind {
  const ext = extname(output).toLowerCase();
  const want = ext === '.xlsx' ? WORKBOOK_TYPE : ext === '.xlsm' ? MACRO_WORKBOOK_TYPE : null;
  const dropMacros = hasMacros && ext === '.xlsx';
  return {
    workbookType: want && want !== workbookType ? want : null,
    dropMacros,
    note: dropMacros
      ? bi('Không chép macro: tệp kết quả là .xlsx (đặt tên .xlsm để giữ macro).', 'Macros not copied: the output is an .xlsx file (name it .xlsm to keep them).')
      : null,
  };
}
