/**
 * The bad-input corpus through the Excel adapter, on the in-memory fake of the Excel API: each
 * fixture loaded as Excel would hold it, then read → evaluate → write the result sheets →
 * highlight → clear → run again, as the task pane does. The officer's sheets never change cell
 * for cell (values, formulas, number formats, fills, fonts, merges); result sheets hold values,
 * never formulas; a protected sheet gives a clear WorkbookError; highlight + clear leaves the
 * workbook exactly as before; a second run leaves it exactly as the first. Both adapters read
 * the same file the same way (identical reports).
 */
import { FIXTURES, ensureFixtures, fixturePath, type Fixture } from '../fixtures/make-bad-workbooks';
import { buildReport } from '../../src/domain/report';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { evaluate, highlightRequests } from '../../src/workbook/analyse';
import { WorkbookError } from '../../src/workbook/gateway';
import { markerKey } from '../../src/workbook/excel';
import { FORMULA_LIKE, HIGHLIGHT_CRITERIA, MAX_CELL_CHARS, byName, expectSame, withoutMessages, checkReading, checkReport, excelGateway, passOnFake, readWithXlsx, runExcel, withoutConditionalFormats, type ExcelRun } from './harness';

jest.setTimeout(60_000);

beforeAll(async () => {
  await ensureFixtures();
});

const loadable = FIXTURES.filter((f) => !f.expect.noExcel);

describe.each(loadable.map((f) => [f.name, f] as [string, Fixture]))('%s', (name, fx) => {
  let run: ExcelRun;

  beforeAll(async () => {
    run = await runExcel(fixturePath(name));
  });

  if (fx.expect.exit === 2) {
    test('nothing recognisable: no table is read and the workbook is left exactly as it was', () => {
      expect(run.state.reading.layouts).toEqual([]);
      expect(run.outcome).toBeNull();
      expectSame(run.fake.workbook.snapshotAll(), run.initial);
    });
    return;
  }

  test('the same reading and decisions as the .xlsx adapter (identical reports)', async () => {
    const xlsx = buildReport(evaluate(await readWithXlsx(fixturePath(name)), LAI_CHAU_82_2023), 'vi');
    if (fx.expect.messagesDiffer) expectSame(withoutMessages(run.report!), withoutMessages(xlsx));
    else expectSame(run.report, xlsx);
  });

  test('names each problem with sheet, row and column; verdicts on bad data are unknown', () => {
    checkReport(fx.expect, run.report!, run.state.reading);
  });

  test('finds the tables, header rows, data rows and columns it should, on both adapters', async () => {
    checkReading(fx.expect, run.state.reading);
    checkReading(fx.expect, (await readWithXlsx(fixturePath(name))).reading);
  });

  test("writing the results leaves every officer's sheet unchanged cell for cell; results take other names", () => {
    const before = byName(run.initial);
    const after = byName(run.written);
    for (const [sheet, snap] of before) expectSame(after.get(sheet), snap);
    for (const n of run.names) expect(before.has(n)).toBe(false);
    for (const n of fx.expect.resultNames ?? []) expect(run.names).toContain(n);
    expect(run.fake.workbook.sheetNames().slice(0, run.initial.length)).toEqual(run.initial.map((s) => s.name));
  });

  test('result sheets hold values, never formulas; text that looks like a formula stays text', () => {
    const written = byName(run.written);
    const wrong: string[] = [];
    let formulaLike = 0;
    for (const n of run.names) {
      const snap = written.get(n)!;
      expect(snap.customProperties).toEqual({ 'BinhXet.owned': '1' });
      for (const [address, cell] of Object.entries(snap.cells)) {
        if (cell.f !== undefined) wrong.push(`${n}!${address}: formula ${cell.f}`);
        if (typeof cell.v !== 'string') continue;
        if (cell.v.length > MAX_CELL_CHARS) wrong.push(`${n}!${address}: ${cell.v.length} characters`);
        if (FORMULA_LIKE.test(cell.v)) {
          formulaLike++;
          if (cell.nf !== '@') wrong.push(`${n}!${address}: "${cell.v.slice(0, 40)}" not formatted as text (${cell.nf})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    if (name === 'formula-text') expect(formulaLike).toBeGreaterThan(10); // the workbook's "=…" texts did reach the result sheets
  });

  if (fx.expect.protectedSheet) {
    test('a protected sheet: highlighting stops with a clear WorkbookError and changes nothing', () => {
      const e = run.highlightError;
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as WorkbookError).code).toBe('protected');
      expect((e as WorkbookError).message).toContain(fx.expect.protectedSheet!);
      expect((e as WorkbookError).message).toMatch(/bảo vệ.*protected/s);
      expect((e as WorkbookError).message).not.toMatch(/\n\s+at /);
      expectSame(run.highlighted, run.written);
    });
  } else {
    test('highlights only add the add-in’s conditional formats over whole table rows', () => {
      expect(run.highlightError).toBeNull();
      const written = byName(run.written);
      for (const snap of run.highlighted!) {
        const was = written.get(snap.name)!;
        expectSame(withoutConditionalFormats(snap), withoutConditionalFormats(was));
        const added = snap.conditionalFormats.filter((cf) => !was.conditionalFormats.some((w) => w.address === cf.address && w.formula === cf.formula));
        for (const cf of added) expect(markerKey(cf.formula)).not.toBeNull();
      }
    });
  }

  test('highlight then clear: the workbook is exactly as before highlighting, formats included', async () => {
    await excelGateway(run.fake).clearHighlights();
    expectSame(run.fake.workbook.snapshotAll(), run.written);
  });

  test('run twice: the workbook is identical to the first run', async () => {
    // back to the state after the first run (highlights on), then once more
    if (!fx.expect.protectedSheet) await run.gateway.highlight(highlightRequests(run.outcome!, run.state, HIGHLIGHT_CRITERIA));
    const first = run.fake.workbook.snapshotAll();
    expectSame(first, run.highlighted);
    const again = await passOnFake(run.fake);
    expect(again.names).toEqual(run.names);
    expect(again.highlightError === null).toBe(run.highlightError === null);
    expectSame(run.fake.workbook.snapshotAll(), first);
    // the second run read the first run's result sheets as its own, not as the officer's tables
    expect(again.state.reading.layouts.map((l) => l.sheet)).toEqual(run.state.reading.layouts.map((l) => l.sheet));
    expectSame(buildReport(again.outcome!, 'vi'), run.report);
  });
});
