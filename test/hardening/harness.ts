/**
 * Running a fixture of the bad-input corpus the way an officer would: through the command
 * (`main(['run', …])`, console spied, output workbook and report read back) and through the Excel
 * adapter on the in-memory fake (load, read, evaluate, write results, highlight, clear). The
 * expectation checks are shared so both adapters answer to the same record.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FIELDS_BY_ROLE } from '../../src/domain/detect/fields';
import { buildReport, type Report } from '../../src/domain/report';
import type { WorkbookReading } from '../../src/domain/read/workbook-reader';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { evaluate, highlightRequests, readWorkbook, writeResults, type WorkbookState } from '../../src/workbook/analyse';
import { ExcelGateway } from '../../src/workbook/excel';
import { WorkbookError } from '../../src/workbook/gateway';
import { XlsxFileGateway } from '../../src/workbook/xlsx';
import { META_SHEET, metaFromRows } from '../../src/workbook/xlsx/meta';
import type { CellValue } from '../../src/domain/cells';
import type { Outcome } from '../../src/domain/engine/run';
import type { Expectation, Fixture } from '../fixtures/make-bad-workbooks';
import { type FakeExcel, type SheetSnapshot, createFakeExcel } from '../fake-excel';
import { loadExcelJsWorkbook } from '../fake-excel/from-exceljs';

export const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Text that Excel would take for a formula (or a number/formula with a sign) if typed. */
export const FORMULA_LIKE = /^[=+\-@]/;
/** Excel's limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

const ROLE_VI = { units: 'đơn vị', initiatives: 'sáng kiến', officials: 'cán bộ' } as const;

// ---------------------------------------------------------------------------------------------
// The command

export interface CommandRun {
  code: number;
  out: string[];
  err: string[];
  report: Report | null;
  output: string;
  before: string;
  after: string;
}

export async function runCommand(input: string, dir: string, tag: string, extra: string[] = []): Promise<CommandRun> {
  const output = join(dir, `${tag}.out.xlsx`);
  const report = join(dir, `${tag}.report.json`);
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const before = sha(input);
  let code: number;
  try {
    code = await main(['run', input, '--out', output, '--report', report, ...extra]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return { code, out, err, report: code === 0 && existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as Report) : null, output, before, after: sha(input) };
}

const readings = new Map<string, Promise<WorkbookState>>();

/** The command's own reading of a file, through the same adapter (for layout checks); once per path. */
export function readWithXlsx(path: string): Promise<WorkbookState> {
  let r = readings.get(path);
  if (!r) readings.set(path, (r = readWorkbook(new XlsxFileGateway(path))));
  return r;
}

export interface CellFacts {
  value: unknown;
  formula?: string;
  numFmt?: string;
  fill?: string;
}

/** Every non-empty cell of a worksheet: value, formula, number format and solid fill. */
export function sheetCells(ws: ExcelJS.Worksheet): Record<string, CellFacts> {
  const out: Record<string, CellFacts> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
      out[cell.address] = {
        value: cell.value,
        ...(cell.formula ? { formula: cell.formula } : {}),
        ...(cell.numFmt && cell.numFmt !== 'General' ? { numFmt: cell.numFmt } : {}),
        ...(fill?.type === 'pattern' && fill.pattern === 'solid' ? { fill: fill.fgColor?.argb } : {}),
      };
    }),
  );
  return out;
}

const books = new Map<string, Promise<ExcelJS.Workbook>>();

/** An .xlsx loaded whole by exceljs (once per path: inputs and outputs are written once per test run). */
export function loadBook(path: string): Promise<ExcelJS.Workbook> {
  let book = books.get(path);
  if (!book) {
    const wb = new ExcelJS.Workbook();
    book = wb.xlsx.readFile(path).then(() => wb);
    books.set(path, book);
  }
  return book;
}

/** The names the add-in recorded as its own in an output workbook. */
export function ownedSheets(wb: ExcelJS.Workbook): string[] {
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) return [];
  const rows: CellValue[][] = [];
  meta.eachRow({ includeEmpty: false }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as CellValue)));
  });
  return metaFromRows(Array.from(rows, (r) => r ?? [])).owned;
}

// ---------------------------------------------------------------------------------------------
// The Excel adapter on the fake

export interface ExcelRun {
  fake: FakeExcel;
  gateway: ExcelGateway;
  state: WorkbookState;
  outcome: Outcome | null;
  report: Report | null;
  names: string[];
  /** Whole workbook: before anything, after writing results, after highlighting. */
  initial: SheetSnapshot[];
  written: SheetSnapshot[] | null;
  highlighted: SheetSnapshot[] | null;
  /** The error highlighting raised (a protected sheet), if any. */
  highlightError: unknown;
}

/** Criteria to highlight: every non-partial criterion of the preset, as the command does. */
export const HIGHLIGHT_CRITERIA = LAI_CHAU_82_2023.criteria.filter((c) => !c.partOf).map((c) => c.id);

export function excelGateway(fake: FakeExcel): ExcelGateway {
  return new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
}

export async function loadFake(path: string): Promise<FakeExcel> {
  // As fakeFromXlsx does, from the workbook already loaded for the other checks.
  const wb = await loadBook(path);
  const fake = createFakeExcel();
  loadExcelJsWorkbook(fake, wb);
  // The fake's loader does not carry sheet protection: take it from the file (the protection element).
  for (const ws of wb.worksheets) if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) fake.workbook.setProtected(ws.name);
  return fake;
}

/** One full pass as the pane does it: read, evaluate, write the result sheets, highlight. */
export async function passOnFake(fake: FakeExcel): Promise<{ state: WorkbookState; outcome: Outcome | null; names: string[]; written: SheetSnapshot[] | null; highlighted: SheetSnapshot[] | null; highlightError: unknown; gateway: ExcelGateway }> {
  const gateway = excelGateway(fake);
  const state = await readWorkbook(gateway);
  if (state.reading.layouts.length === 0) return { state, outcome: null, names: [], written: null, highlighted: null, highlightError: null, gateway };
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  const names = await writeResults(gateway, outcome, state, 'vi');
  const written = fake.workbook.snapshotAll();
  let highlightError: unknown = null;
  try {
    await gateway.highlight(highlightRequests(outcome, state, HIGHLIGHT_CRITERIA));
  } catch (e) {
    highlightError = e;
  }
  return { state, outcome, names, written, highlighted: fake.workbook.snapshotAll(), highlightError, gateway };
}

export async function runExcel(path: string): Promise<ExcelRun> {
  const fake = await loadFake(path);
  const initial = fake.workbook.snapshotAll();
  const pass = await passOnFake(fake);
  return { fake, initial, ...pass, report: pass.outcome ? buildReport(pass.outcome, 'vi') : null };
}

export const byName = (snaps: SheetSnapshot[] | null) => new Map((snaps ?? []).map((s) => [s.name, s]));

export function withoutConditionalFormats(s: SheetSnapshot): SheetSnapshot {
  return { ...s, conditionalFormats: [] };
}

// ---------------------------------------------------------------------------------------------
// Expectation checks shared by both adapters

/** Sheets read, header rows, data rows, what was left out and why, the mapping, what is missing. */
export function checkReading(e: Expectation, reading: WorkbookReading): void {
  for (const r of e.read ?? []) {
    const layout = reading.layouts.find((l) => l.sheet === r.sheet);
    expect({ sheet: r.sheet, role: layout?.role }).toEqual({ sheet: r.sheet, role: r.role });
    if (r.header !== undefined) expect({ sheet: r.sheet, header: layout!.headerRows[layout!.headerRows.length - 1] }).toEqual({ sheet: r.sheet, header: r.header });
    if (r.data !== undefined) {
      const model = reading.model;
      const rows = new Set([...model.units.filter((u) => !u.derived).map((u) => u.source), ...model.initiatives.map((i) => i.source), ...model.officials.map((o) => o.source)].filter((s) => s.sheet === r.sheet).map((s) => s.row));
      expect({ sheet: r.sheet, data: rows.size }).toEqual({ sheet: r.sheet, data: r.data });
    }
  }
  for (const s of e.skipped ?? []) expect(reading.skipped.map((x) => x.sheet)).toContain(s.sheet);
  for (const m of e.missing ?? []) {
    const layout = reading.layouts.find((l) => l.sheet === m.sheet);
    expect(layout?.missing).toEqual(expect.arrayContaining(m.fields));
  }
  for (const m of e.mapped ?? []) {
    const layout = reading.layouts.find((l) => l.sheet === m.sheet)!;
    expect(layout).toBeDefined();
    const got = Object.fromEntries(Object.keys(m.fields).map((id) => [id, layout.mapping[id]?.header ?? null]));
    for (const [id, header] of Object.entries(m.fields)) expect({ field: id, header: got[id] }).toEqual({ field: id, header: expect.stringContaining(header) });
  }
}

/** Issues (with sheet, row, column), verdicts, units and initiatives read. */
export function checkReport(e: Expectation, report: Report, reading?: WorkbookReading): void {
  for (const want of e.issues ?? []) {
    const match = report.issues.filter((i) => Object.entries(want).every(([k, v]) => (i as Record<string, unknown>)[k] === v));
    if (match.length === 0) throw new Error(`expected issue ${JSON.stringify(want)}; have:\n${report.issues.map((i) => `  ${i.code} ${i.sheet}!${i.column ?? ''}${i.row} ${i.subject ?? ''}`).join('\n')}`);
    // every issue names where it is
    for (const i of match) {
      expect(i.sheet).toBeTruthy();
      expect(i.row).toBeGreaterThan(0);
      expect(i.message.length).toBeGreaterThan(5);
    }
  }
  const codes = new Set(report.issues.map((i) => i.code));
  for (const code of e.absentIssues ?? []) expect({ code, present: codes.has(code) }).toEqual({ code, present: false });
  for (const v of e.verdicts ?? []) {
    const subject = report.units.find((u) => u.name === v.subject) ?? report.people.find((p) => p.name === v.subject);
    if (!subject) throw new Error(`no unit or person "${v.subject}" in the report`);
    for (const [criterion, result] of Object.entries(v.results)) {
      expect({ subject: v.subject, criterion, result: subject.verdicts[criterion]?.result, reason: subject.verdicts[criterion]?.reason }).toEqual({ subject: v.subject, criterion, result, reason: expect.any(String) });
    }
  }
  if (e.units?.count !== undefined) expect(report.units).toHaveLength(e.units.count);
  const names = new Set(report.units.map((u) => u.name));
  for (const n of e.units?.include ?? []) expect({ unit: n, found: names.has(n) }).toEqual({ unit: n, found: true });
  for (const n of e.units?.exclude ?? []) expect({ unit: n, found: names.has(n) }).toEqual({ unit: n, found: false });
  if (e.initiatives !== undefined && reading) expect(reading.model.initiatives).toHaveLength(e.initiatives);
  // Every verdict is one of the three, with its reason.
  for (const s of [...report.units, ...report.people]) {
    for (const v of Object.values(s.verdicts)) {
      expect(['met', 'not_met', 'unknown']).toContain(v.result);
      expect(v.reason).not.toBe('');
    }
  }
}

/** What the command prints: the sheets it read, what it left out and why, the fields it could not find. */
export function checkPrinted(e: Expectation, lines: string[]): void {
  const text = lines.join('\n');
  for (const r of e.read ?? []) expect(text).toContain(`✓ ${r.sheet} — ${ROLE_VI[r.role]}, tiêu đề dòng `);
  for (const s of e.skipped ?? []) {
    const line = lines.find((l) => l.startsWith(`  – ${s.sheet}: `));
    expect({ sheet: s.sheet, line }).toEqual({ sheet: s.sheet, line: expect.any(String) });
    if (s.says) expect(line).toContain(s.says);
  }
  for (const m of e.missing ?? []) {
    const at = lines.findIndex((l) => l.startsWith(`  ✓ ${m.sheet} — `));
    const notFound = lines.slice(at + 1).find((l) => /^\s+Không có cột: /.test(l) || l.startsWith('  ✓') || l.startsWith('  –'));
    for (const id of m.fields) {
      const label = Object.values(FIELDS_BY_ROLE).flat().find((f) => f.id === id)!.label.vi;
      expect({ sheet: m.sheet, notFound }).toEqual({ sheet: m.sheet, notFound: expect.stringContaining(label) });
    }
  }
  for (const s of e.says ?? []) expect(text).toContain(s);
}

/** Long strings shortened, so a failing comparison of 32,767-character cells stays readable. */
export function clipDeep(x: unknown): unknown {
  if (typeof x === 'string') return x.length > 80 ? `${x.slice(0, 40)}…(${x.length} chars)…${x.slice(-20)}` : x;
  if (Array.isArray(x)) return x.map(clipDeep);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clipDeep(v)]));
  return x;
}

/** Deep equality with a readable diff; texts that differ only past their first 40 characters are still caught. */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(clipDeep(actual)).toEqual(clipDeep(expected));
  // Equal once shortened: the same content in another key order, or a difference inside a long text.
  expect(actual).toEqual(expected);
}

export function withoutMessages(r: Report): Report {
  return { ...r, issues: r.issues.map((i) => ({ ...i, message: '' })) };
}

export function isWorkbookError(e: unknown, code: WorkbookError['code']): e is WorkbookError {
  return e instanceof WorkbookError && e.code === code;
}

export type { Fixture };
