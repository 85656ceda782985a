/**
 * A count computed by a formula as 0 is a count of 0, in the command as in the pane: Excel hands
 * the add-in a formula's result of 0 (`range.values`), and the .xlsx reader now reads the cached
 * result the same way (exceljs read it as blank, so the command fell back to counting the
 * initiative list). The same workbook goes through the command (`main(['run', …])`) and through
 * the Excel adapter on the fake, seeded with what Excel holds: the formula and its value.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { buildReport, type Report } from '../../src/domain/report';
import { XlsxFileGateway } from '../../src/workbook/xlsx';
import { INIT_HEADER, UPPER_HEADER, workbookBytes, type SheetSpec } from '../fixtures/make-bad-workbooks';
import { createFakeExcel, type FakeValue } from '../fake-excel';
import { passOnFake } from '../hardening/harness';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'binhxet-formula-results-'));
const TD = 'LĐLĐ huyện Tam Đường';
const PT = 'LĐLĐ huyện Phong Thổ';

type Formula = { formula: string; result: number | string | boolean };
type Cell = string | number | null | Formula;
const isFormula = (c: Cell): c is Formula => c !== null && typeof c === 'object';

// Tam Đường's count is a formula whose cached result is 0; the list holds 4 of its initiatives
// (its plan is 2, so the list count would make it 200% and meet 2.1.1a).
const UNITS: Cell[][] = [
  ['LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU'],
  [],
  UPPER_HEADER,
  [1, TD, 2, { formula: 'COUNTIFS(\'DS sáng kiến\'!D4:D7,B4,\'DS sáng kiến\'!J4:J7,"<>")', result: 0 }, 5, 100, 1],
  [2, PT, 30, 40, 80, 3000, 2],
];
const INITIATIVES: Cell[][] = [
  ['DANH SÁCH SÁNG KIẾN'],
  [],
  INIT_HEADER,
  ...['Máy thái chè mini', 'Bếp đun tiết kiệm củi', 'Quy trình một cửa', 'Bản đồ số thôn bản'].map((name, i): Cell[] => [i + 1, name, 'Lò Văn Minh', TD, 'Nông nghiệp', 10_000_000 * (i + 1), null, 'x', '15/5/2023', null, 'x']),
];
const SHEETS: [string, Cell[][]][] = [
  ['TH chỉ tiêu', UNITS],
  ['DS sáng kiến', INITIATIVES],
];

async function writeWorkbook(): Promise<string> {
  const specs: SheetSpec[] = SHEETS.map(([name, rows]) => ({ name, rows: rows as SheetSpec['rows'], header: 3 }));
  const path = join(dir, 'count-formula-0.xlsx');
  writeFileSync(path, await workbookBytes(specs));
  return path;
}

/** The same sheets as Excel holds them: each formula with its value (office-js `values` / `formulas`). */
function fakeExcel() {
  const fake = createFakeExcel();
  for (const [name, rows] of SHEETS) {
    fake.workbook.addSheet(name, {
      values: rows.map((r) => r.map((c): FakeValue | null => (isFormula(c) ? c.result : c))),
      formulas: rows.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : null))),
    });
  }
  return fake;
}

async function runCommand(input: string): Promise<{ code: number; report: Report }> {
  const out = join(dir, 'report.json');
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main(['run', input, '--report', out]);
    return { code, report: JSON.parse(readFileSync(out, 'utf8')) as Report };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('a unit count computed by a formula as 0', () => {
  let input: string;
  beforeAll(async () => {
    input = await writeWorkbook();
  });

  it('reads as 0 from the file', async () => {
    const rows: unknown[][] = [];
    for await (const chunk of new XlsxFileGateway(input).readSheet('TH chỉ tiêu')) rows.push(...chunk.rows);
    expect(rows[3]!.slice(0, 4)).toEqual([1, TD, 2, 0]);
  });

  it('is a count of 0 in the command: 0% of the plan, not met (not unknown, not the 4 of the list)', async () => {
    const { code, report } = await runCommand(input);
    expect(code).toBe(0);
    const td = report.units.find((u) => u.name === TD)!;
    expect(td).toMatchObject({ plan: 2, count: 0, pct: 0 });
    expect(td.verdicts['2.1.1a']!.result).toBe('not_met');
    expect(report.units.find((u) => u.name === PT)).toMatchObject({ count: 40 });
    // the list does hold Tam Đường's 4 initiatives: the column's 0 is used, and said so
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'count_mismatch', subject: TD }));
  });

  it('reads the same through the Excel adapter, given the formula and its value as Excel holds them', async () => {
    const pass = await passOnFake(fakeExcel());
    const pane = JSON.parse(JSON.stringify(buildReport(pass.outcome!, 'vi'))) as Report;
    const { report } = await runCommand(input);
    expect(pane.units.find((u) => u.name === TD)).toMatchObject({ count: 0, pct: 0, verdicts: { '2.1.1a': expect.objectContaining({ result: 'not_met' }) } });
    expect(pane).toEqual(report);
  });
});
