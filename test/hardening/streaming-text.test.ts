/**
 * Vietnamese text read back exactly by the command's streaming reader. The reader inflates sheet
 * and shared-string parts in chunks (16 KB); a 2- or 3-byte UTF-8 letter cut by a chunk boundary
 * used to come out as "��" (exceljs's SAX reader decodes each chunk on its own), which turned
 * names into unknown units at random places in any workbook larger than a few hundred rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/domain/cells';
import { XlsxFileGateway } from '../../src/workbook/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'binhxet-utf8-'));
const WORDS = ['Trường', 'Trung tâm', 'Công đoàn', 'Tiết kiệm', 'điện năng', 'Nguyễn Thị Hoa', 'Lò Văn Minh', 'Đồi chè', 'Sìn Hồ', 'Phong Thổ', 'ứng dụng', 'quản lý', 'Ẩm thực', '𝔘nicode 😀'];

/** 4,000 distinct texts, 2–3 bytes a letter: hundreds of kilobytes, so many chunk boundaries fall inside a letter. */
const texts = Array.from({ length: 4000 }, (_, i) => `${i} ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${'đ'.repeat(i % 13)}ữ`);

async function readAll(path: string): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for await (const chunk of new XlsxFileGateway(path).readSheet('DS')) chunk.rows.forEach((r, i) => (rows[chunk.startRow - 1 + i] = r));
  return rows;
}

test('shared strings (as Excel writes them): every text comes back exactly', async () => {
  const path = join(dir, 'shared.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  texts.forEach((t, i) => (ws.getRow(i + 1).values = [i + 1, t]));
  await wb.xlsx.writeFile(path);
  const rows = await readAll(path);
  const bad = texts.filter((t, i) => rows[i]?.[1] !== t);
  expect(bad).toEqual([]);
});

test('inline strings in the sheet part (streaming writers): every text comes back exactly', async () => {
  const path = join(dir, 'inline.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('DS');
  texts.forEach((t, i) => ws.addRow([i + 1, t]).commit());
  ws.commit();
  await wb.commit();
  const rows = await readAll(path);
  const bad = texts.filter((t, i) => rows[i]?.[1] !== t);
  expect(bad).toEqual([]);
});
