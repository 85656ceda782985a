/**
 * The headless command on real .xlsx files: the bundled sample end to end (report shape of
 * spec/report.md, results workbook that opens, input untouched), and unusable inputs that must
 * end with exit 2 and one line.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-lai-chau.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('cli run on the sample workbook', () => {
  const report = join(dir, 'report.json');
  const output = join(dir, 'out.xlsx');
  let result: Awaited<ReturnType<typeof run>>;
  const before = sha(SAMPLE);

  beforeAll(async () => {
    result = await run(['run', SAMPLE, '--out', output, '--report', report]);
  }, 60_000);

  test('exits 0 and says what it understood', () => {
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    expect(text).toContain('DS sáng kiến — sáng kiến');
    expect(text).toMatch(/Không có cột: .*Mã sáng kiến/);
  });

  test('never modifies the input', () => {
    expect(sha(SAMPLE)).toBe(before);
  });

  test('the report has the shape of spec/report.md', () => {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(r.rules).toBe('lai-chau-82-2023');
    for (const u of r.units) {
      expect(Object.keys(u).sort()).toEqual(['count', 'level', 'name', 'parent', 'pct', 'plan', 'row', 'sheet', 'verdicts']);
      expect(['province', 'upper', 'grassroots', 'enterprise']).toContain(u.level);
      for (const v of Object.values<{ result: string; reason: string }>(u.verdicts)) {
        expect(['met', 'not_met', 'unknown']).toContain(v.result);
        expect(v.reason.length).toBeGreaterThan(5);
      }
    }
    const upper = r.units.filter((u: { level: string }) => u.level === 'upper');
    expect(upper.length).toBeGreaterThan(5);
    for (const u of upper) expect(Object.keys(u.verdicts)).toEqual(expect.arrayContaining(['2.1.1a', '2.1.1b', '2.1.1c', '2.1.1d', '2.1.1']));
    expect(r.people.some((p: { kind: string }) => p.kind === 'official')).toBe(true);
    for (const p of r.people) expect(p.rows.length).toBeGreaterThan(0);
    const capped212 = r.nominations.filter((n: { award: string }) => n.award === '2.1.2');
    expect(capped212).toHaveLength(upper.length);
    // 2.2.1 and 1.2.1 list every tie for the officer to decide; every other group stays within its quota.
    for (const n of r.nominations) if (n.quota !== null && !['2.2.1', '1.2.1'].includes(n.award)) expect(n.selected.length).toBeLessThanOrEqual(n.quota);
    for (const award of ['2.1.1', '2.2.3', '1.1.1', '1.2.2']) expect(r.nominations).toContainEqual(expect.objectContaining({ award, group: '*', quota: null }));
    for (const i of r.issues) expect(['error', 'warning', 'info']).toContain(i.severity);
  });

  test('the results workbook opens and holds the source sheets unchanged plus the result sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['TH chỉ tiêu', 'CĐCS', 'DS sáng kiến', 'Cán bộ', 'Tổng hợp', 'Đề cử 2.1.2', 'Rà soát']));
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(SAMPLE);
    for (const ws of src.worksheets) {
      const copy = wb.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => expect(copy.getCell(r, c).value).toEqual(cell.value)));
    }
  });

  test('same input → byte-identical report', async () => {
    const second = join(dir, 'report2.json');
    await run(['run', SAMPLE, '--report', second]);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(report, 'utf8'));
  }, 60_000);

  test('--lang en writes English reasons', async () => {
    const en = join(dir, 'report-en.json');
    await run(['run', SAMPLE, '--report', en, '--lang', 'en']);
    const r = JSON.parse(readFileSync(en, 'utf8'));
    const reasons = r.units.flatMap((u: { verdicts: Record<string, { reason: string }> }) => Object.values(u.verdicts).map((v) => v.reason)).join('\n');
    expect(reasons).toMatch(/% of plan \(\d+\/\d+\)/);
  }, 60_000);
});

describe('unusable input: exit 2, one line, no stack trace', () => {
  const expectOneLine = (r: Awaited<ReturnType<typeof run>>) => {
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).not.toMatch(/\n\s+at /);
  };

  test('missing file', async () => expectOneLine(await run(['run', join(dir, 'nope.xlsx')])));

  test('a file that is not a workbook', async () => {
    const path = join(dir, 'notes.xlsx');
    writeFileSync(path, 'this is not a zip');
    expectOneLine(await run(['run', path]));
  });

  test('a truncated workbook', async () => {
    const path = join(dir, 'truncated.xlsx');
    const bytes = readFileSync(SAMPLE);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectOneLine(await run(['run', path]));
  });

  test('a workbook with nothing recognisable', async () => {
    const path = join(dir, 'nothing.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Ghi chú: số liệu tạm tính']);
    await wb.xlsx.writeFile(path);
    const r = await run(['run', path]);
    expectOneLine(r);
    expect(r.err[0]).toContain('Không nhận ra');
  });

  test('unknown option and unknown rule set', async () => {
    expectOneLine(await run(['run', SAMPLE, '--bogus']));
    expectOneLine(await run(['run', SAMPLE, '--rules', 'no-such-preset']));
  });
});
