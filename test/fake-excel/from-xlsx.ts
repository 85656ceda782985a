/**
 * Node only: loads an .xlsx file (path or bytes) with exceljs into a new or given fake.
 * Uses exceljs's full reader, fine for test and preview workbooks (tens of thousands of rows);
 * million-row files need the streaming reader (see docs/toolchain notes).
 */
import ExcelJS from 'exceljs';
import { type FakeExcel, type FakeExcelOptions, createFakeExcel } from './index';
import { loadExcelJsWorkbook } from './from-exceljs';

export async function fakeFromXlsx(source: string | ArrayBuffer | Uint8Array, opts?: FakeExcelOptions, into?: FakeExcel): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load((source instanceof Uint8Array ? Buffer.from(source) : Buffer.from(new Uint8Array(source))) as unknown as ExcelJS.Buffer);
  const fake = into ?? createFakeExcel(opts);
  loadExcelJsWorkbook(fake, wb);
  return fake;
}
