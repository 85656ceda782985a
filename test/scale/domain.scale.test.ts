/**
 * Complexity of the domain pipeline, counted (no timing): the work done per initiative must stay
 * constant as the list grows. Calls into the parsers and text keys, unit look-ups and criterion
 * decisions are counted on a province at n and at 2n initiatives: doubling the list may at most
 * (about) double them — a pass over all units per initiative, or re-parsing what was parsed, fails.
 */
import type { CellValue } from '../../src/domain/cells';
import { decide } from '../../src/domain/engine/run';
import { Evaluation } from '../../src/domain/engine/evaluate';
import { markedRows } from '../../src/domain/highlights';
import { UnitIndex } from '../../src/domain/read/units';
import { readSheets } from '../../src/domain/read/workbook-reader';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { buildResultSheets } from '../../src/domain/sheets';
import { blockRows } from '../../src/domain/sheets/model';
import { grassrootsSheet, initiativeSheet, upperSheet } from '../helpers/province';

// Every cross-module call into the parsers and the text keys is counted.
jest.mock('../../src/domain/parse/values', () => {
  const actual = jest.requireActual('../../src/domain/parse/values');
  const counted: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(actual)) {
    counted[name] = typeof fn === 'function' ? (...args: unknown[]) => ((globalThis as { mockCalls?: Map<string, number> }).mockCalls?.set(name, ((globalThis as { mockCalls?: Map<string, number> }).mockCalls?.get(name) ?? 0) + 1), (fn as (...a: unknown[]) => unknown)(...args)) : fn;
  }
  return counted;
});
jest.mock('../../src/domain/text', () => {
  const actual = jest.requireActual('../../src/domain/text');
  const counted: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(actual)) {
    counted[name] = typeof fn === 'function' ? (...args: unknown[]) => ((globalThis as { mockCalls?: Map<string, number> }).mockCalls?.set(name, ((globalThis as { mockCalls?: Map<string, number> }).mockCalls?.get(name) ?? 0) + 1), (fn as (...a: unknown[]) => unknown)(...args)) : fn;
  }
  return counted;
});

const UPPERS = 12;
const GRASSROOTS = 240;
const DATES = ['15/5/2023', '2/3/2022', '31/8/2023', '1/9/2021', '20/12/2022', '7/7/2023', '9/1/2023', '30/4/2022'];
const MONEY = ['1.250.000', '50.000.000', '120 triệu', '1,5 tỷ', '-', 'Không', '85.000.000 đ', '3000000'];
const YES = ['x', 'Có', 'Đã', '', 'Chưa', 'X'];

function province(n: number) {
  const uppers = Array.from({ length: UPPERS }, (_, i) => ({ name: `LĐLĐ huyện Số ${i}`, plan: 40 + i, count: String(60 + i * 3), grassroots: 20, members: '2.350', bloc: i % 2 ? 'Khối A' : 'Khối B' }));
  const grass = Array.from({ length: GRASSROOTS }, (_, i) => ({ name: `CĐCS Đơn vị ${i}`, parent: `LĐLĐ huyện Số ${i % UPPERS}`, plan: 5 + (i % 7), count: null, clause: i % 3 ? 'x' : null, rewarded: i % 2 ? 'Có' : 'Chưa' }));
  const initiatives = Array.from({ length: n }, (_, i) => ({
    title: `Sáng kiến cải tiến số ${i}`,
    authors: `Nguyễn Văn ${i % 300}, Trần Thị ${(i * 7) % 211}`,
    unit: `CĐCS Đơn vị ${i % GRASSROOTS}`,
    benefit: MONEY[i % MONEY.length],
    posted: YES[i % YES.length],
    registered: DATES[i % DATES.length],
    doc: i % 5 ? `${100 + (i % 50)}/QĐ-LĐLĐ ngày ${DATES[(i >> 3) % DATES.length]}` : null,
    cert: YES[(i >> 1) % YES.length],
  }));
  return [upperSheet(uppers), grassrootsSheet(grass), initiativeSheet(initiatives)];
}

interface Work {
  calls: Map<string, number>;
  finds: number;
  decisions: number;
  distinctDates: number;
  initiatives: number;
}

function work(n: number): Work {
  const sheets = province(n);
  const calls = new Map<string, number>();
  (globalThis as { mockCalls?: Map<string, number> }).mockCalls = calls;
  const find = jest.spyOn(UnitIndex.prototype, 'find');
  const decideSpy = jest.spyOn(Evaluation.prototype as unknown as { decide: () => unknown }, 'decide');
  try {
    const reading = readSheets(sheets);
    const outcome = decide(reading.model, LAI_CHAU_82_2023);
    // Every row made, as a writer asks for them.
    for (const sheet of buildResultSheets(outcome, [], 'vi')) for (const block of sheet.blocks) for (const _row of blockRows(block));
    for (const c of outcome.rules.criteria) markedRows(outcome, c.id);
    const dates = new Set(sheets[2]!.rows.flat().filter((v: CellValue) => typeof v === 'string' && DATES.includes(v)));
    return { calls: new Map(calls), finds: find.mock.calls.length, decisions: decideSpy.mock.calls.length, distinctDates: dates.size, initiatives: outcome.model.initiatives.length };
  } finally {
    find.mockRestore();
    decideSpy.mockRestore();
    (globalThis as { mockCalls?: Map<string, number> }).mockCalls = undefined;
  }
}

describe('work per initiative stays constant', () => {
  let small: Work;
  let large: Work;
  beforeAll(() => {
    small = work(3_000);
    large = work(6_000);
  });

  it('reads every initiative', () => {
    expect(small.initiatives).toBe(3_000);
    expect(large.initiatives).toBe(6_000);
  });

  it('calls the parsers and text keys at most ~2× as often for 2× the initiatives', () => {
    const names = [...new Set([...small.calls.keys(), ...large.calls.keys()])];
    expect(names.length).toBeGreaterThan(3);
    if (process.env.SCALE_DEBUG) console.log(names.map((n) => `${n}: ${small.calls.get(n)} → ${large.calls.get(n)}`).join("\n"), small.finds, large.finds, small.decisions, large.decisions);
    for (const name of names) {
      const a = small.calls.get(name) ?? 0;
      const b = large.calls.get(name) ?? 0;
      expect(b).toBeLessThanOrEqual(2.2 * a + 50);
    }
  });

  it('parses each distinct date text once (memoised), however many rows repeat it', () => {
    expect(large.distinctDates).toBe(DATES.length);
    expect(large.calls.get('parseDate')).toBe(small.calls.get('parseDate'));
    expect(large.calls.get('parseDate') ?? 0).toBeLessThanOrEqual(large.distinctDates + 5);
    expect(large.calls.get('parseMoney') ?? 0).toBeLessThanOrEqual(MONEY.length + 5);
  });

  it('looks up each distinct unit name once, not once per initiative', () => {
    expect(large.finds).toBeLessThanOrEqual(small.finds * 1.1 + 10);
    expect(large.finds).toBeLessThan(large.initiatives / 5);
  });

  it('decides criteria in proportion to the subjects', () => {
    expect(large.decisions).toBeLessThanOrEqual(2.2 * small.decisions);
  });
});
