/**
 * The bad-input corpus through the headless command: for every fixture, no exception escapes;
 * unusable files end with exit 2 and one line; usable ones exit 0, name every problem with
 * sheet/row/column, leave verdicts that depend on bad data `unknown`, never touch the input,
 * copy the officer's sheets cell for cell, write no formula into result sheets, keep the officer's
 * same-named sheets, and give the same result sheets when run again on their own output.
 */
import { mkdtempSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES, ensureFixtures, fixturePath, type Fixture } from '../fixtures/make-bad-workbooks';
import { FORMULA_LIKE, MAX_CELL_CHARS, checkPrinted, checkReport, expectSame, loadBook, ownedSheets, runCommand, sheetCells, type CommandRun } from './harness';
import { META_SHEET } from '../../src/workbook/xlsx/meta';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'binhxet-hardening-cli-'));

/**
 * The command run again on its own output, for the fixtures whose sheets carry what a copy could
 * lose or double (officer's same-named sheets, merges, tables, hidden rows, protection, formulas,
 * formula-like text, long and wide cells, odd names). The Excel adapter's second run is checked
 * on every fixture (excel.test.ts); a second command run costs three whole-workbook loads.
 */
const RERUN = new Set([
  'officer-result-names', 'protected-sheet', 'merged-over-data', 'excel-tables', 'hidden-rows', 'formula-text',
  'formulas-and-errors', 'long-cells', 'wide-600-columns', 'odd-sheet-names', 'text-in-numbers', 'foreign-long-title-signature',
]);

beforeAll(async () => {
  await ensureFixtures();
});

/** What a copy must keep of a sheet besides its cells. */
function shape(ws: ExcelJS.Worksheet) {
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hiddenRows.push(n));
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  return {
    state: ws.state,
    merges: [...(ws.model.merges ?? [])].sort(),
    hiddenRows,
    hiddenColumns,
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  };
}

/** Every cell of the result sheets is a value: no formula, text ≤ 32,767 characters, "=…" stored as a string. */
function expectNoFormulaInResults(wb: ExcelJS.Workbook, names: string[]): number {
  const wrong: string[] = [];
  let formulaLike = 0;
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      wrong.push(`${name}: missing`);
      continue;
    }
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.formula || cell.type === ExcelJS.ValueType.Formula) wrong.push(`${name}!${cell.address}: formula ${cell.formula}`);
        const v = cell.value;
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : null;
        if (text === null) return;
        if (text.length > MAX_CELL_CHARS) wrong.push(`${name}!${cell.address}: ${text.length} characters`);
        if (FORMULA_LIKE.test(text)) {
          formulaLike++;
          if (![ExcelJS.ValueType.String, ExcelJS.ValueType.Hyperlink, ExcelJS.ValueType.RichText].includes(cell.type)) wrong.push(`${name}!${cell.address}: "${text.slice(0, 40)}" stored as type ${cell.type}`);
        }
      }),
    );
  }
  expect(wrong).toEqual([]);
  return formulaLike;
}

describe.each(FIXTURES.map((f) => [f.name, f] as [string, Fixture]))('%s', (name, fx) => {
  const input = fixturePath(name);
  let first: CommandRun;

  beforeAll(async () => {
    first = await runCommand(input, dir, name);
  });

  test(`${fx.expect.exit === 2 ? 'exit 2 with one line, no stack trace' : 'exit 0'}; the input file is not modified`, () => {
    expect(first.after).toBe(first.before);
    if (fx.expect.exit === 2) {
      expect(first.code).toBe(2);
      expect(first.err).toHaveLength(1);
      expect(first.err[0]).not.toMatch(/\n|\s+at\s+\S+\s+\(/);
      expect(first.err[0]).toContain(fx.expect.error!);
      expect(existsSync(first.output)).toBe(false);
    } else {
      expect({ code: first.code, err: first.err.filter((l) => !/^Đang đọc/.test(l)) }).toEqual({ code: 0, err: [] });
    }
  });

  if (fx.expect.exit === 2) return;

  test('names each problem with sheet, row and column; verdicts on bad data are unknown', () => {
    checkReport(fx.expect, first.report!);
  });

  // (The layouts behind these lines — header rows, data rows, the mapping — are checked on both
  // adapters' readings in excel.test.ts.)
  test('says what it read and what it could not map', () => {
    checkPrinted(fx.expect, first.out);
  });

  test("copies the officer's sheets cell for cell, writes no formula in result sheets, keeps same-named sheets", async () => {
    const [src, out] = await Promise.all([loadBook(input), loadBook(first.output)]);
    const owned = ownedSheets(out);
    const printed = first.out.find((l) => l.startsWith('Bảng kết quả: '))!;
    expect(owned.length).toBeGreaterThan(0);
    for (const n of owned) expect(printed).toContain(n);
    for (const n of fx.expect.resultNames ?? []) expect(owned).toContain(n);
    // result sheets never take an officer's sheet name
    for (const ws of src.worksheets) expect(owned).not.toContain(ws.name);
    const formulaLike = expectNoFormulaInResults(out, owned);
    if (name === 'formula-text') expect(formulaLike).toBeGreaterThan(10); // the workbook's "=…" texts did reach the result sheets
    const copied = src.worksheets.every((ws) => out.getWorksheet(ws.name));
    const note = first.out.find((l) => /Không chép các trang gốc/.test(l));
    expect({ copied, note: note ?? null }).toEqual({ copied: true, note: null });
    for (const ws of src.worksheets) {
      const copy = out.getWorksheet(ws.name)!;
      expectSame({ sheet: ws.name, cells: sheetCells(copy) }, { sheet: ws.name, cells: sheetCells(ws) });
      expect({ sheet: ws.name, ...shape(copy) }).toEqual({ sheet: ws.name, ...shape(ws) });
    }
    expect(out.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET).sort()).toEqual([...src.worksheets.map((w) => w.name), ...owned].sort());
  });

  (RERUN.has(name) ? test : test.skip)('run again on its own output: the same result sheets, highlights replaced not stacked', async () => {
    const second = await runCommand(first.output, dir, `${name}.again`);
    expect(second.code).toBe(0);
    const [src, a, b] = await Promise.all([loadBook(input), loadBook(first.output), loadBook(second.output)]);
    const owned = ownedSheets(a);
    expect(ownedSheets(b)).toEqual(owned);
    for (const n of owned) expectSame({ sheet: n, cells: sheetCells(b.getWorksheet(n)!) }, { sheet: n, cells: sheetCells(a.getWorksheet(n)!) });
    for (const ws of src.worksheets) {
      expectSame({ sheet: ws.name, cells: sheetCells(b.getWorksheet(ws.name)!) }, { sheet: ws.name, cells: sheetCells(ws) });
      const cfs = (w: ExcelJS.Worksheet) => ((w as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? []).map((c) => c.ref).sort();
      expect({ sheet: ws.name, cf: cfs(b.getWorksheet(ws.name)!) }).toEqual({ sheet: ws.name, cf: cfs(a.getWorksheet(ws.name)!) });
    }
    expectSame(second.report, first.report);
  });
});
