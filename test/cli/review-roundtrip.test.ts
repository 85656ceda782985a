/**
 * The reviewer's loop through files: run → a reviewer writes "Loại" in the results workbook's
 * `Rà soát` sheet (by hand, as in Excel) → run again on that workbook → the decision is applied
 * (the next reserve is promoted) and kept in the new review sheet.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-lai-chau.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'binhxet-review-'));

async function run(args: string[]) {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await main(args);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

type Nom = { award: string; group: string; selected: string[]; reserve: string[] };
const nominations = (path: string): Nom[] => JSON.parse(readFileSync(path, 'utf8')).nominations;

test('a reviewer exclusion written by hand in Rà soát promotes the first reserve on the next run, and stays in the sheet', async () => {
  const first = join(dir, 'first.xlsx');
  const firstReport = join(dir, 'first.json');
  expect(await run(['run', SAMPLE, '--out', first, '--report', firstReport])).toBe(0);
  const before = nominations(firstReport).find((n) => n.award === '2.1.2' && n.selected.length >= 2 && n.reserve.length >= 1)!;
  const victim = before.selected[0]!;

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first);
  const units = wb.getWorksheet('CĐCS')!;
  let victimRow = 0;
  units.eachRow((row, r) => {
    if (row.values && (row.values as unknown[]).includes(victim)) victimRow = r;
  });
  expect(victimRow).toBeGreaterThan(0);
  const review = wb.getWorksheet('Rà soát')!;
  const header = (review.getRow(3).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  const row = review.getRow(review.rowCount + 1);
  row.getCell(col('Đối tượng')).value = 'Đơn vị';
  row.getCell(col('Tên')).value = victim;
  row.getCell(col('Vị trí')).value = `CĐCS!${victimRow}`;
  row.getCell(col('Giải thưởng')).value = '2.1.2';
  row.getCell(col('Quyết định')).value = 'Loại';
  row.getCell(col('Người rà soát')).value = 'Nguyễn Thị Rà Soát';
  row.getCell(col('Ghi chú')).value = 'Hồ sơ thiếu biên bản';
  row.commit();
  const edited = join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);

  const second = join(dir, 'second.xlsx');
  const secondReport = join(dir, 'second.json');
  expect(await run(['run', edited, '--out', second, '--report', secondReport])).toBe(0);
  const after = nominations(secondReport).find((n) => n.award === '2.1.2' && n.group === before.group)!;
  expect(after.selected).not.toContain(victim);
  expect(after.selected).toEqual([...before.selected.slice(1), before.reserve[0]]);

  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(second);
  const names = out.worksheets.map((w) => w.name);
  expect(names.filter((n) => n.startsWith('Rà soát'))).toEqual(['Rà soát']); // replaced, not duplicated
  const kept: unknown[][] = [];
  out.getWorksheet('Rà soát')!.eachRow((r) => kept.push(r.values as unknown[]));
  expect(kept.some((r) => r.includes(victim) && r.includes('Loại') && r.includes('Nguyễn Thị Rà Soát'))).toBe(true);
}, 120_000);

test('"Loại" on an automatic flag excludes the initiative, and the decision survives the rewrite although the flag is gone', async () => {
  const first = join(dir, 'flag-first.xlsx');
  expect(await run(['run', SAMPLE, '--out', first])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first);
  const review = wb.getWorksheet('Rà soát')!;
  const header = (review.getRow(3).values as unknown[]).map(String);
  let target = 0;
  review.eachRow((row, r) => {
    if (!target && r > 3 && row.getCell(header.indexOf('Mã vấn đề')).value === 'missing_recognition_doc') target = r;
  });
  const flagged = review.getRow(target);
  const title = String(flagged.getCell(header.indexOf('Tên')).value);
  flagged.getCell(header.indexOf('Quyết định')).value = 'Loại';
  flagged.getCell(header.indexOf('Người rà soát')).value = 'Lê Văn Kiểm';
  flagged.commit();
  const edited = join(dir, 'flag-edited.xlsx');
  await wb.xlsx.writeFile(edited);

  let current = edited;
  for (const round of [1, 2]) {
    const next = join(dir, `flag-round-${round}.xlsx`);
    expect(await run(['run', current, '--out', next])).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(next);
    const rows: unknown[][] = [];
    out.getWorksheet('Rà soát')!.eachRow((r) => rows.push(r.values as unknown[]));
    expect(rows.some((r) => r.includes(title) && r.includes('Loại') && r.includes('Lê Văn Kiểm'))).toBe(true);
    current = next;
  }
}, 120_000);
