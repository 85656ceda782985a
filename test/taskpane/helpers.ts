/** Shared set-up of the pane tests: the real session over the real Excel adapter over the fake workbook. */
import { ExcelGateway } from '../../src/workbook/excel';
import type { ExcelRunner } from '../../src/workbook/excel';
import { Session } from '../../src/taskpane/session';
import { type FakeExcel, createFakeExcel } from '../fake-excel';
import { fakeFromXlsx } from '../fake-excel/from-xlsx';

export const SAMPLE = 'examples/sample-lai-chau.xlsx';

let sampleBytes: Promise<Uint8Array> | null = null;

/** The sample workbook in a new fake (the file is read once per test file). */
export async function sampleFake(): Promise<FakeExcel> {
  sampleBytes ??= import('node:fs/promises').then((fs) => fs.readFile(SAMPLE)).then((b) => new Uint8Array(b));
  return fakeFromXlsx(await sampleBytes);
}

export interface Setup {
  fake: FakeExcel;
  gateway: ExcelGateway;
  session: Session;
}

export function sessionOver(fake: FakeExcel, run: ExcelRunner = fake.run): Setup {
  const gateway = new ExcelGateway(run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  const session = new Session(gateway, { now: () => new Date(2023, 9, 2, 9, 30) });
  return { fake, gateway, session };
}

export async function sampleSession(): Promise<Setup> {
  return sessionOver(await sampleFake());
}

export function emptyFake(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Sheet1');
  return fake;
}

/** Highlight formats of the add-in on a sheet: criterion key → addresses. */
export function highlightsOn(fake: FakeExcel, sheet: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const cf of fake.workbook.snapshot(sheet).conditionalFormats) {
    const m = /BinhXet:([^"]+)"/.exec(cf.formula ?? '');
    if (m) (out.get(m[1]!) ?? out.set(m[1]!, []).get(m[1]!)!).push(cf.address);
  }
  return out;
}

/** Values of a sheet as rows of strings (for finding written rows). */
export function sheetRows(fake: FakeExcel, sheet: string): string[][] {
  const snap = fake.workbook.snapshot(sheet);
  const rows: string[][] = [];
  for (const [a1, cell] of Object.entries(snap.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const r = Number(m[2]) - 1;
    let c = 0;
    for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
    (rows[r] ??= [])[c - 1] = cell.v === undefined ? '' : String(cell.v);
  }
  return Array.from({ length: rows.length }, (_, i) => Array.from(rows[i] ?? [], (v) => v ?? ''));
}

/** A gate that holds every Excel batch until opened (to see loading states). */
export function gatedRun(fake: FakeExcel): { run: ExcelRunner; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return { run: (batch) => gate.then(() => fake.run(batch)), open };
}

/** Removes a whole column (values and formulas) from a sheet of the fake: the column whose header cell says `header`. */
export function dropColumn(fake: FakeExcel, sheet: string, header: string): void {
  const s = fake.model.find(sheet)!;
  let col = -1;
  s.values.forEach((v, _r, c) => {
    if (col < 0 && typeof v === 'string' && v.trim() === header) col = c;
  });
  if (col < 0) throw new Error(`no header "${header}" on ${sheet}`);
  s.values.forEach((_v, r, c) => c === col && s.values.set(r, c, undefined));
  s.formulas.forEach((_v, r, c) => c === col && s.formulas.set(r, c, undefined));
}

/** Writes a review sheet by hand (as a reviewer would), marked as the add-in's own like a real one. */
export function handWrittenReview(fake: FakeExcel, rows: (string | number | null)[][]): void {
  const header = ['STT', 'Đối tượng', 'Tên', 'Đơn vị', 'Vị trí', 'Vấn đề', 'Mã vấn đề', 'Nguồn', 'Giải thưởng', 'Quyết định', 'Người rà soát', 'Thời gian', 'Ghi chú', 'Khóa'];
  fake.workbook.addSheet('Rà soát', { values: [['RÀ SOÁT'], header, ...rows], customProperties: { 'BinhXet.owned': '1' } });
}
