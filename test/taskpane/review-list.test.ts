/**
 * The review list and the nominations stay with the engine (in the browser, its Web Worker): the
 * pane's views are of bounded size however many flags the workbook raises, a page holds at most
 * what was asked, the pages filtered and sorted by the engine are exactly the rows of the whole
 * list the pane used to receive (built here from the domain), and decisions still round-trip
 * through the review sheet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { generateSample } from '../../examples/generate-sample';
import { collator } from '../../src/domain/engine/quotas';
import type { Outcome } from '../../src/domain/engine/run';
import { bi } from '../../src/domain/i18n';
import type { Issue } from '../../src/domain/issues';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { type ReviewRow, subjectKeyOf } from '../../src/domain/sheets/review';
import { RowIndex } from '../../src/taskpane/engine/index-rows';
import { createLocalEngine } from '../../src/taskpane/engine/local';
import { PREVIEW } from '../../src/taskpane/engine/nominations';
import { type Analysis, type FlagFilter, type FlagOrder, type FlagView, MAX_PAGE } from '../../src/taskpane/engine/types';
import { Session } from '../../src/taskpane/session';
import { readInto } from '../../src/taskpane/session/read-workbook';
import { evaluate, readWorkbook } from '../../src/workbook/analyse';
import { ExcelGateway } from '../../src/workbook/excel';
import type { FakeExcel } from '../fake-excel';
import { fakeFromXlsx } from '../fake-excel/from-xlsx';
import { sheetRows } from './helpers';

jest.setTimeout(120_000);

const RULES = LAI_CHAU_82_2023;
const dir = mkdtempSync(join(tmpdir(), 'binhxet-review-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A generated workbook (the sample's shape: 11 upper-level unions, 100 grassroots) with this many initiatives, in a new fake. */
const generated = async (initiatives: number): Promise<FakeExcel> => {
  const out = join(dir, `sample-${initiatives}.xlsx`);
  await generateSample({ out, initiatives, grassroots: 100, upper: 11 });
  return fakeFromXlsx(out);
};

const gatewayOf = (fake: FakeExcel) => new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
const sessionOf = (fake: FakeExcel) => new Session(gatewayOf(fake), { engine: 'local', now: () => new Date(2023, 9, 2, 9, 30) });

/**
 * The whole review list as the engine used to send it to the pane (every flag, then the reviewers'
 * rows), built from the domain's outcome — the reference the pages are checked against.
 */
function wholeList(o: Outcome, rows: ReviewRow[]): FlagView[] {
  const index = new RowIndex(o);
  const auto: Issue[] = [...o.flags, ...o.issues.filter((i) => i.severity !== 'info')];
  const whereOf = (i: Issue) => (i.sheet && i.row ? { sheet: i.sheet, row: i.row } : null);
  const keyOf = (i: Issue) => subjectKeyOf(i.kind ?? 'other', i.subject ?? '', null, whereOf(i));
  const current = new Set(auto.map((i) => `${keyOf(i)}|${i.code}`));
  // A decided automatic row whose flag is gone is kept as a reviewer's row.
  const review = rows.map((r) => (r.source === 'auto' && r.decision && !current.has(`${r.key}|${r.code}`) ? { ...r, source: 'reviewer' as const } : r));
  const earlier = new Map(review.filter((r) => r.source === 'auto').map((r) => [`${r.key}|${r.code}`, r]));
  const at = (where: { sheet: string; row: number } | null) => (where ? index.at(where.sheet, where.row) : null);
  return [
    ...auto.map((i, n): FlagView => {
      const key = keyOf(i);
      const before = earlier.get(`${key}|${i.code}`);
      return {
        id: `auto:${n}:${key}|${i.code}`, key, code: i.code, kind: i.kind ?? 'other', subject: i.subject ?? '', unit: index.unitName(at(whereOf(i))), upper: index.upperName(at(whereOf(i))),
        where: whereOf(i), message: i.message, severity: i.severity, category: n < o.flags.length ? 'evidence' : 'data', source: 'auto',
        award: before?.award ?? null, decision: before?.decision ?? null, who: before?.who ?? null, when: before?.when ?? null, note: before?.note ?? null,
      };
    }),
    ...review.flatMap((r, n): FlagView[] =>
      r.source !== 'reviewer'
        ? []
        : [{
            id: `reviewer:${n}`, key: r.key, code: r.code, kind: r.kind, subject: r.subject, unit: r.unit ?? index.unitName(at(r.where)), upper: index.upperName(at(r.where)) ?? r.unit,
            where: r.where, message: bi(r.issue, r.issue), severity: 'reviewer', category: 'reviewer', source: 'reviewer',
            award: r.award, decision: r.decision, who: r.who, when: r.when, note: r.note,
          }],
    ),
  ];
}

/** Every page of a filtered list, one after the other. */
async function allPages(a: Analysis, filter: FlagFilter & { order?: FlagOrder }, limit = MAX_PAGE): Promise<FlagView[]> {
  const rows: FlagView[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await a.flagPage({ ...filter, offset, limit });
    expect(page.offset).toBe(offset);
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...page.rows);
    if (offset + limit >= page.total) {
      expect(rows).toHaveLength(page.total);
      return rows;
    }
  }
}

const matches = (f: FlagView, q: FlagFilter) =>
  (!q.category || f.category === q.category) &&
  (q.code == null || f.code === q.code) &&
  (q.upper == null || f.upper === q.upper) &&
  (!q.decision || (q.decision === 'none' ? f.decision === null : f.decision === q.decision));

/** Reference order of "by unit": upper-level union, unit (Vietnamese collation, none last), then the list's order. */
const byUnit = (list: FlagView[]) => {
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b));
  return list.map((f, n) => ({ f, n })).sort((a, b) => cmp(a.f.upper, b.f.upper) || cmp(a.f.unit, b.f.unit) || a.n - b.n).map((x) => x.f);
};

let small: FakeExcel;
let large: FakeExcel;
beforeAll(async () => {
  [small, large] = [await generated(1_500), await generated(6_000)];
});

test('the views the pane holds do not grow with the number of flags; a page holds what was asked', async () => {
  const sizes: { flags: number; views: number; review: number; state: number }[] = [];
  for (const fake of [small, large]) {
    const session = sessionOf(fake);
    await session.start();
    const { views, workbook, data, error } = session.getState();
    expect(error).toBeNull();
    sizes.push({ flags: views!.review.total, views: serialize(views).length, review: serialize(views!.review).length, state: JSON.stringify({ views, workbook, data }).length });
    // Every list in the views is cut to its preview; the counts say how long it is.
    for (const n of views!.nominations) for (const list of ['selected', 'reserve', 'excluded'] as const) expect(n[list].length).toBeLessThanOrEqual(Math.min(PREVIEW[list], n.counts[list]));
    // A page is at most what was asked, and never more than MAX_PAGE.
    const analysis = session.getState().analysis!;
    expect((await analysis.flagPage({ offset: 0, limit: 25 })).rows).toHaveLength(25);
    expect((await analysis.flagPage({ offset: 0, limit: 100_000 })).rows).toHaveLength(MAX_PAGE);
    session.dispose();
  }
  const [s, l] = sizes as [(typeof sizes)[0], (typeof sizes)[0]];
  expect(l.flags).toBeGreaterThan(3 * s.flags);
  expect(l.flags).toBeGreaterThan(2_500);
  // The review list's summary: counts per category, code, union and decision — only their digits change.
  expect(Math.abs(l.review - s.review)).toBeLessThan(64);
  // Four times the flags; the views grow by a few bytes per added flag at most (a flag of the whole list was ~600),
  // from counts' digits and previews filling up — bounded in all.
  expect((l.views - s.views) / (l.flags - s.flags)).toBeLessThan(8);
  expect(l.views).toBeLessThan(150_000);
  expect(l.state).toBeLessThan(150_000);
});

test('pages, filters and the unit order give exactly the rows of the whole list built from the domain', async () => {
  // Decisions of every kind first: on automatic flags, and a reviewer's own row (a pin), written to the review sheet.
  const session = sessionOf(large);
  await session.start();
  const first = session.getState().analysis!;
  const evidence = await first.flagPage({ category: 'evidence', offset: 200, limit: 2 });
  const data = await first.flagPage({ category: 'data', offset: 0, limit: 1 });
  await session.decide({ type: 'flag', flag: evidence.rows[0]! }, { kind: 'exclude', reason: 'Không có QĐ', reviewer: 'A', award: null });
  await session.decide({ type: 'flag', flag: evidence.rows[1]! }, { kind: 'keep', reason: 'Đã đăng bản giấy', reviewer: 'B', award: '2.2.2' });
  await session.decide({ type: 'flag', flag: data.rows[0]! }, { kind: 'keep', reason: 'Đã kiểm tra', reviewer: 'C', award: null });
  const n = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.counts.reserve > 0)!;
  await session.pin(n.reserve[0]!, '2.1.2', 'D');
  expect(session.getState().error).toBeNull();
  session.dispose();

  // The reference: the domain reads and evaluates the same workbook (review sheet included) in one piece.
  const state = await readWorkbook(gatewayOf(large));
  const whole = wholeList(evaluate(state, RULES, {}), state.review);
  expect(whole.some((f) => f.decision === 'exclude') && whole.some((f) => f.decision === 'keep') && whole.some((f) => f.category === 'reviewer' && f.decision === 'pin')).toBe(true);

  const engine = createLocalEngine();
  await readInto(engine, gatewayOf(large), { overrides: [] });
  const a = await engine.evaluate({ rules: RULES, params: {}, review: 'reading' });
  expect(await allPages(a, {})).toEqual(whole);
  expect(await allPages(a, {}, 25)).toEqual(whole);

  const summary = a.views.review;
  expect(summary.total).toBe(whole.length);
  expect(summary.open).toBe(whole.filter((f) => f.decision === null).length);
  expect(summary.byUpper.reduce((k, u) => k + u.count, 0)).toBe(whole.filter((f) => f.upper !== null).length);
  const filters: FlagFilter[] = [
    ...(['data', 'evidence', 'reviewer'] as const).map((category) => ({ category })),
    ...summary.byCode.map(({ code, category }) => ({ code, category })),
    ...summary.byUpper.slice(0, 4).map(({ name }) => ({ upper: name })),
    ...(['none', 'exclude', 'keep', 'pin'] as const).map((decision) => ({ decision })),
    { category: 'evidence', upper: summary.byUpper[1]!.name, decision: 'none' },
    { code: 'no-such-code' },
    { upper: 'Không có đơn vị này' },
  ];
  for (const filter of filters) {
    const expected = whole.filter((f) => matches(f, filter));
    expect(await allPages(a, filter)).toEqual(expected);
    if ('code' in filter && filter.code !== 'no-such-code') expect(summary.byCode.find((c) => c.code === filter.code && c.category === filter.category)!.count).toBe(expected.length);
  }
  expect(await allPages(a, { order: 'unit' })).toEqual(byUnit(whole));
  expect(await allPages(a, { order: 'unit', category: 'evidence' })).toEqual(byUnit(whole.filter((f) => f.category === 'evidence')));
  // Past the end: the last page.
  const last = await a.flagPage({ offset: whole.length + 500, limit: 100 });
  expect(last.offset).toBe(Math.floor((whole.length - 1) / 100) * 100);
  expect(last.rows).toEqual(whole.slice(last.offset));
  engine.dispose();
});

test('more candidates of a long list come from the engine, in the order of the whole list', async () => {
  const engine = createLocalEngine();
  const gateway = gatewayOf(large);
  await readInto(engine, gateway, { overrides: [] });
  const a = await engine.evaluate({ rules: RULES, params: {}, review: 'reading' });
  const state = await readWorkbook(gateway);
  const o = evaluate(state, RULES, {});
  const n = a.views.nominations.reduce((best, x) => (x.counts.reserve > best.counts.reserve ? x : best));
  const reserve = o.nominations[n.id]!.reserve;
  expect(n.counts.reserve).toBe(reserve.length);
  expect(n.counts.reserve).toBeGreaterThan(PREVIEW.reserve + 25);
  const rest = await a.candidates(n.id, 'reserve', n.reserve.length, 25);
  expect([...n.reserve, ...rest].map((c) => c.key)).toEqual(reserve.slice(0, n.reserve.length + 25).map((c) => c.key));
  expect(await a.candidates(n.id, 'reserve', 0, 100_000)).toHaveLength(Math.min(MAX_PAGE, reserve.length));
  expect(await a.candidates(9_999, 'reserve', 0, 10)).toEqual([]);
  expect(a.views.awards.find((x) => x.award === n.award)!.reserve).toBe(o.nominations.filter((x) => x.award === n.award).reduce((k, x) => k + x.reserve.length, 0));
  engine.dispose();
});

test('a decision on a row of a page is written to the review sheet and read back by a new pane', async () => {
  const fake = await generated(3_000);
  const first = sessionOf(fake);
  await first.start();
  const page = await first.getState().analysis!.flagPage({ code: 'not_posted', offset: 50, limit: 25 });
  const flag = page.rows[7]!;
  const open = first.getState().views!.review.open;
  await first.decide({ type: 'flag', flag }, { kind: 'keep', reason: 'Đã đăng bản giấy', reviewer: 'Hà Văn Nam', award: null });
  expect(first.getState().notice).toMatchObject({ type: 'decisionSaved', kind: 'keep' });
  expect(first.getState().views!.review.open).toBe(open - 1);
  expect(sheetRows(fake, 'Rà soát').filter((r) => r.includes('Hà Văn Nam'))).toHaveLength(1);
  first.dispose();

  const again = sessionOf(fake);
  await again.start();
  const kept = await again.getState().analysis!.flagPage({ decision: 'keep', offset: 0, limit: 25 });
  expect(kept.total).toBe(1);
  expect(kept.rows[0]).toMatchObject({ key: flag.key, code: flag.code, decision: 'keep', who: 'Hà Văn Nam', when: '2023-10-02 09:30', note: 'Đã đăng bản giấy' });
  // Taken back from the page it is on.
  await again.undoDecision(kept.rows[0]!);
  expect(again.getState().views!.review.byDecision.keep).toBe(0);
  expect(sheetRows(fake, 'Rà soát').some((r) => r.includes('Hà Văn Nam'))).toBe(false);
  again.dispose();
});
