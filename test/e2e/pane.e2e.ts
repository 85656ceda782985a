/**
 * The pane in the browser preview, end to end: load the sample, check the mapping, highlight a
 * criterion, exclude an entry with a reason, write the nomination and summary sheets — asserting on
 * the in-memory workbook (`window.__binhxet.fake`), and saving screenshots for the README. Last, a
 * larger generated workbook: evaluated in the engine's Web Worker while the page keeps responding,
 * its review list turned a page at a time, and a refresh that lets go of the old workbook first.
 */
import axe from 'axe-core';
import type { Page, Worker } from 'playwright-core';
import { formatNumber } from '../../src/domain/i18n';

export interface Step {
  name: string;
  run: (page: Page, ctx: ScenarioContext) => Promise<void>;
}

export interface ScenarioContext {
  shot: (name: string) => Promise<void>;
  /** The preview's address (http://localhost:port). */
  base: string;
  /** Prints a line under the step (measurements). */
  note: (line: string) => void;
}

/** The larger workbook the runner generates beside the sample (examples/generate-sample.ts). */
export const LARGER = { file: 'larger.xlsx', initiatives: 20_000, grassroots: 1_000, upper: 30 };

export class Failure extends Error {}

export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Failure(message);
}

interface CfInfo {
  sheet: string;
  formula: string;
  fill: string | null;
  address: string;
}

/** Waits until the session is ready and idle. */
async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __binhxet?: { ready: boolean; session: { getState(): { status: string; busy: unknown } } | null } }).__binhxet;
      const s = b?.ready ? b.session?.getState() : null;
      return !!s && s.status === 'ready' && s.busy === null;
    },
    null,
    { timeout, polling: 100 },
  );
}

async function sessionError(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const s = (window as unknown as { __binhxet: { session: { getState(): { error: { message: string } | null } } } }).__binhxet.session.getState();
    return s.error ? s.error.message : null;
  });
}

async function highlights(page: Page): Promise<CfInfo[]> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __binhxet: { fake: { workbook: { sheetNames(): string[]; snapshot(n: string): { conditionalFormats: { formula?: string; fill?: string; address: string }[] } } } } }).__binhxet.fake;
    return fake.workbook.sheetNames().flatMap((sheet) =>
      fake.workbook
        .snapshot(sheet)
        .conditionalFormats.filter((cf) => (cf.formula ?? '').includes('BinhXet:'))
        .map((cf) => ({ sheet, formula: cf.formula ?? '', fill: cf.fill ?? null, address: cf.address })),
    );
  });
}

async function sheetInfo(page: Page, name: string): Promise<{ exists: boolean; owned: string | null; rows: string[][] }> {
  return page.evaluate((n) => {
    const fake = (window as unknown as { __binhxet: { fake: { workbook: { has(n: string): boolean; snapshot(n: string): { customProperties: Record<string, string>; cells: Record<string, { v?: unknown }> } } } } }).__binhxet.fake;
    if (!fake.workbook.has(n)) return { exists: false, owned: null, rows: [] };
    const snap = fake.workbook.snapshot(n);
    const rows: string[][] = [];
    for (const [a1, cell] of Object.entries(snap.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      let c = 0;
      for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
      ((rows[Number(m[2]) - 1] ??= [])[c - 1] = cell.v === undefined ? '' : String(cell.v));
    }
    return { exists: true, owned: snap.customProperties['BinhXet.owned'] ?? null, rows: Array.from({ length: rows.length }, (_, i) => Array.from(rows[i] ?? [], (v) => v ?? '')) };
  }, name);
}

const pane = (page: Page) => page.getByTestId('pane');

/** The engine's Web Worker of the page (webpack names its chunk after the worker: binh-xet-engine). */
async function engineWorker(page: Page): Promise<Worker> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const worker = page.workers().find((w) => /binh-xet-engine/.test(w.url()));
    if (worker) return worker;
    if (Date.now() > deadline) throw new Failure(`the engine's worker did not start (workers: ${page.workers().map((w) => w.url()).join(', ') || 'none'})`);
    await page.waitForTimeout(100);
  }
}

/** Checks what the worker holds (a reading under way, a workbook read, outcomes the pane still queries), waiting a little for messages in flight. */
async function checkHolding(worker: Worker, expected: { reading: boolean; workbook: boolean; analyses: number }, what: string): Promise<void> {
  const want = JSON.stringify(expected);
  let got = '';
  for (let i = 0; i < 20 && got !== want; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    got = JSON.stringify(await worker.evaluate(() => (self as unknown as { binhXetEngine: { holding(): unknown } }).binhXetEngine.holding()));
  }
  check(got === want, `${what}: the worker holds ${got}, expected ${want}`);
}

const HOLDS_ONE = { reading: false, workbook: true, analyses: 1 };

/** The officer opens a sheet in Excel (its first cell); the pane goes back to its top. */
async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as { __binhxet: { fake: { userSelect(s: string, a: string): Promise<void> } } }).__binhxet.fake.userSelect(name, 'A1'), sheet);
  await page.locator('[data-testid="pane"] main').evaluate((el) => (el.scrollTop = 0));
}

/** axe-core in the real browser on the pane (colour contrast included), after its script is injected. */
async function accessible(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source); // evaluated by the devtools protocol, not subject to the page's CSP
  const violations = await page.evaluate(async () => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    // Tabster's focus-trap sentinels (data-tabster-dummy) are known false positives of aria-hidden-focus.
    const r = await a.run({ include: [['[data-testid="pane"]']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  check(violations.length === 0, `axe found violations on ${where}:\n      ${violations.join('\n      ')}`);
}

export const STEPS: Step[] = [
  {
    name: 'the sample loads and the Data step shows the mapping',
    run: async (page, { shot, base }) => {
      await settled(page, 60_000);
      const worker = await engineWorker(page);
      check(worker.url().startsWith(`${base}/`), `the engine's worker comes from the page's own origin (${worker.url()})`);
      await checkHolding(worker, HOLDS_ONE, 'the workbook and its outcome are in the worker');
      const p = pane(page);
      await p.getByText('Bảng tính đã đọc').waitFor();
      await p.getByText(/11 CĐ cấp trên · 100 CĐCS · 522 sáng kiến · 20 cán bộ/).waitFor();
      // The first sheet's panel is open: its columns and how sure each match is.
      const first = p.locator('[data-sheet="TH chỉ tiêu"]');
      await first.getByText('Tên đơn vị', { exact: true }).waitFor();
      check(await first.getByRole('combobox').filter({ hasText: 'Cột B: Tên đơn vị' }).count() === 1, 'mapping of "Tên đơn vị" to column B is shown');
      check(await first.getByRole('combobox').filter({ hasText: 'Cột C: Chỉ tiêu giao' }).count() === 1, 'mapping of "Chỉ tiêu" to column C is shown');
      check((await first.getByText('Khớp', { exact: true }).count()) > 0, 'confidence badges are shown');
      await shot('data-step');
      await accessible(page, 'the Data step');
    },
  },
  {
    name: 'highlighting 2.1.2a adds its conditional formats; the count selects its rows',
    run: async (page, { shot }) => {
      const p = pane(page);
      await p.getByRole('tab', { name: 'Tiêu chí' }).click();
      const card = p.locator('[data-criterion="2.1.2a"]');
      await card.getByRole('button', { name: /Tô màu các dòng đạt tiêu chí 2\.1\.2a/ }).click();
      await settled(page);
      check((await sessionError(page)) === null, `no error after highlighting: ${await sessionError(page)}`);
      const cfs = (await highlights(page)).filter((c) => c.formula.includes('BinhXet:2.1.2a'));
      check(cfs.length > 0, 'conditional formats of 2.1.2a exist in the workbook');
      check(cfs.every((c) => c.sheet === 'CĐCS'), `2.1.2a highlights grassroots rows only (got ${[...new Set(cfs.map((c) => c.sheet))].join(', ')})`);
      await card.getByRole('button', { name: /^Đạt \d+ — .* 2\.1\.2a/ }).click();
      await settled(page);
      const sel = await page.evaluate(() => (window as unknown as { __binhxet: { fake: { selection(): { sheet: string; address: string } | null } } }).__binhxet.fake.selection());
      check(sel?.sheet === 'CĐCS', `the rows meeting 2.1.2a are selected on CĐCS (got ${JSON.stringify(sel)})`);
      // The officer clicks a highlighted row in the sheet: the pane explains its verdicts.
      const firstRow = Number(/^(\d+)/.exec(sel!.address.replace(/^[A-Z]*/, ''))?.[1] ?? '0');
      await page.locator(`tr[data-row="${firstRow}"] td`).nth(1).click();
      await p.getByText('Dòng đang chọn trong Excel').waitFor();
      await p.getByText(/^Đơn vị: /).first().waitFor();
      await shot('criteria-selected-row');
      await p.locator('[data-criterion="2.1.2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot('criteria-highlights');
      await accessible(page, 'the Criteria step');
    },
  },
  {
    name: 'excluding an entry with a reason writes the review sheet',
    run: async (page, { shot }) => {
      const p = pane(page);
      await p.getByRole('tab', { name: 'Rà soát' }).click();
      const item = p.locator('li[data-flag="missing_recognition_doc"]').first();
      const subject = (await item.locator('.fui-Text').nth(0).textContent())?.trim() ?? '';
      await item.getByRole('button', { name: 'Loại…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/Lý do/).fill('Không có quyết định công nhận');
      await dialog.getByLabel(/Tên người rà soát/).fill('Nguyễn Thị Hoa');
      await dialog.getByRole('button', { name: 'Lưu vào trang Rà soát' }).click();
      await settled(page);
      check((await sessionError(page)) === null, `no error after the decision: ${await sessionError(page)}`);
      const review = await sheetInfo(page, 'Rà soát');
      check(review.exists && review.owned === '1', 'the review sheet exists and is marked as the add-in\'s own');
      const row = review.rows.find((r) => r.includes('Loại') && r.includes('Nguyễn Thị Hoa') && r.includes('Không có quyết định công nhận'));
      check(row, 'the review sheet has the exclusion with its reason and reviewer');
      check(!subject || row.some((v) => v.includes(subject.slice(0, 12))), `the review row names the excluded entry (${subject})`);
      await p.getByText(/Đã ghi quyết định «Loại»/).waitFor();
      // What the officer checks next: the decision in the list, and the row in the review sheet.
      await p.getByRole('combobox', { name: 'Quyết định' }).click();
      await page.getByRole('option', { name: 'Loại' }).click();
      await p.getByText('Nguyễn Thị Hoa', { exact: false }).first().waitFor();
      const at = review.rows.findIndex((r) => r.includes('Nguyễn Thị Hoa'));
      await page.evaluate((a1) => (window as unknown as { __binhxet: { fake: { userSelect(s: string, a: string): Promise<void> } } }).__binhxet.fake.userSelect('Rà soát', a1), `C${at + 1}`);
      await page.locator('main').evaluate((el) => (el.scrollTop = 0));
      await shot('review-step');
      await accessible(page, 'the Review step');
    },
  },
  {
    name: 'writing the nomination sheets',
    run: async (page, { shot }) => {
      const p = pane(page);
      await p.getByRole('tab', { name: 'Đề cử' }).click();
      await p.getByText(/suất/).first().waitFor();
      await accessible(page, 'the Nominate step');
      await p.getByRole('button', { name: 'Ghi bảng đề cử' }).click();
      await settled(page);
      check((await sessionError(page)) === null, `no error writing nominations: ${await sessionError(page)}`);
      const n = await sheetInfo(page, 'Đề cử 2.1.2');
      check(n.exists, 'sheet "Đề cử 2.1.2" exists');
      check(n.owned === '1', 'sheet "Đề cử 2.1.2" is marked as the add-in\'s own');
      check(n.rows.some((r) => r.some((v) => /^1\/\d+$/.test(v))), 'the nomination sheet has slot numbers');
      await p.getByText(/Đã ghi \d+ trang đề cử/).waitFor();
      await showSheet(page, 'Đề cử 2.1.2');
      await shot('nominate-step');
    },
  },
  {
    name: 'writing the summary sheet',
    run: async (page, { shot }) => {
      const p = pane(page);
      await p.getByRole('tab', { name: 'Tổng hợp' }).click();
      await p.getByRole('button', { name: 'Ghi bảng tổng hợp' }).click();
      await settled(page);
      check((await sessionError(page)) === null, `no error writing the summary: ${await sessionError(page)}`);
      const s = await sheetInfo(page, 'Tổng hợp');
      check(s.exists && s.owned === '1', 'sheet "Tổng hợp" exists and is marked as the add-in\'s own');
      check(s.rows.some((r) => r.includes('Tổng cộng')), 'the summary sheet has its totals row');
      await showSheet(page, 'Tổng hợp');
      await shot('summary-step');
      await accessible(page, 'the Summary step');
    },
  },
  {
    name: '"Xóa tô màu" removes exactly the highlights',
    run: async (page) => {
      const p = pane(page);
      check((await highlights(page)).length > 0, 'highlights exist before clearing');
      await p.getByRole('button', { name: 'Xóa tô màu' }).first().click();
      await settled(page);
      check((await highlights(page)).length === 0, 'no highlight is left after "Xóa tô màu"');
    },
  },
  {
    name: 'keyboard only: tabs with the arrow keys, actions with Tab',
    run: async (page) => {
      const p = pane(page);
      await p.getByRole('tab', { name: 'Dữ liệu' }).click();
      await p.getByRole('tab', { name: 'Dữ liệu' }).focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      check((await p.getByRole('tab', { name: 'Tổng hợp' }).getAttribute('aria-selected')) === 'true', 'the arrow keys and Enter reach the last step');
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Ghi bảng tổng hợp');
      }
      check(reached, '"Ghi bảng tổng hợp" is reached with the Tab key');
    },
  },
  {
    name: 'at 320 px every step fits the pane without sideways scrolling',
    run: async (page, { shot }) => {
      const p = pane(page);
      await page.evaluate(() => ((document.querySelector('[data-testid="pane"]') as HTMLElement).style.width = '320px'));
      for (const tab of ['Dữ liệu', 'Tiêu chí', 'Rà soát', 'Đề cử', 'Tổng hợp']) {
        await p.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(100);
        const overflow = await page.evaluate(() => {
          const root = document.querySelector('[data-testid="pane"]')!;
          const boxes = [root.querySelector('main'), root.querySelector('nav'), root.querySelector('header')] as HTMLElement[];
          return boxes.filter((b) => b && b.scrollWidth > b.clientWidth + 1).map((b) => `${b.tagName} ${b.scrollWidth}>${b.clientWidth}`);
        });
        check(overflow.length === 0, `"${tab}" overflows at 320 px: ${overflow.join(', ')}`);
        if (tab === 'Tiêu chí') await p.screenshot({ path: 'docs/screenshots/pane-320-criteria.png' });
      }
      await page.evaluate(() => ((document.querySelector('[data-testid="pane"]') as HTMLElement).style.width = ''));
      void shot;
    },
  },
  {
    name: 'a larger workbook is evaluated in the Web Worker: the page keeps responding, with progress',
    run: async (page, { base, note }) => {
      await page.goto(`${base}/?file=${LARGER.file}`, { waitUntil: 'load', timeout: 30_000 });
      await settled(page, 90_000);
      check((await sessionError(page)) === null, `no error reading ${LARGER.file}: ${await sessionError(page)}`);
      const worker = await engineWorker(page);
      await checkHolding(worker, HOLDS_ONE, 'the workbook and its outcome are in the worker');
      // The pane keeps the workbook's shape only: a few kB, not the 20,000 rows.
      const kept = await page.evaluate(() => {
        const st = (window as unknown as { __binhxet: { session: { getState(): { workbook: unknown; views: { review: { total: number } } } } } }).__binhxet.session.getState();
        return { workbook: JSON.stringify(st.workbook).length, views: JSON.stringify(st.views).length, flags: st.views.review.total };
      });
      check(kept.workbook < 50_000, `the pane's state holds no rows (${kept.workbook} characters of workbook)`);
      // The review list (thousands of flags) stays in the worker: the views carry its counts and the first few of each list.
      check(kept.flags > 5_000 && kept.views < 250_000, `the pane's views are of bounded size (${kept.views} characters for ${kept.flags} flags)`);
      note(`${kept.flags} flags in the worker; the pane's views ${Math.round(kept.views / 1000)} kB, its workbook shape ${Math.round(kept.workbook / 1000)} kB`);
      // Read again and evaluate, with a 10 ms timer ticking in the page. While the worker decides and
      // indexes (from its "decide" phase to its "views" phase) the page's thread must stay free.
      const m = await page.evaluate(async () => {
        type Busy = { step: string; detail: string | null } | null;
        const s = (window as unknown as { __binhxet: { session: { getState(): { busy: Busy; analysis: unknown; error: unknown }; subscribe(l: () => void): () => void; refresh(): Promise<boolean> } } }).__binhxet.session;
        const ticks: number[] = [];
        const timer = setInterval(() => ticks.push(performance.now()), 10);
        const before = s.getState().analysis;
        const phases: string[] = [];
        let start = 0;
        let deciding = 0;
        let shown = 0;
        const off = s.subscribe(() => {
          const st = s.getState();
          const now = performance.now();
          if (st.busy?.step === 'evaluate' && st.busy.detail) {
            if (!phases.includes(st.busy.detail)) phases.push(st.busy.detail);
            if (st.busy.detail === 'decide') start ||= now;
            if (st.busy.detail === 'views') deciding ||= now - start;
          }
          if (st.analysis !== before) shown ||= now - start;
        });
        await s.refresh();
        off();
        clearInterval(timer);
        const points = [start, ...ticks.filter((t) => t > start && t < start + deciding), start + deciding];
        let gap = 0;
        for (let i = 1; i < points.length; i++) gap = Math.max(gap, points[i]! - points[i - 1]!);
        return { deciding: Math.round(deciding), shown: Math.round(shown), gap: Math.round(gap), ticks: points.length - 2, phases, error: s.getState().error };
      });
      note(`worker decided for ${m.deciding} ms (result shown after ${m.shown} ms); longest pause of the page meanwhile ${m.gap} ms over ${m.ticks} ticks`);
      check(m.error === null, `no error evaluating again: ${JSON.stringify(m.error)}`);
      check(m.phases.join() === 'decide,index,views', `the worker's phases are shown as progress (${m.phases.join()})`);
      check(m.deciding > 0 && m.ticks > 0, `the evaluation was watched (${JSON.stringify(m)})`);
      check(m.gap < 150 && m.gap * 2 < m.deciding, `the page kept responding while the worker decided: longest pause ${m.gap} ms of ${m.deciding} ms`);
      await checkHolding(worker, HOLDS_ONE, 'the outcome shown before was released');
    },
  },
  {
    name: 'the larger review list is turned a page at a time from the worker',
    run: async (page, { note }) => {
      const p = pane(page);
      const total = await page.evaluate(() => (window as unknown as { __binhxet: { session: { getState(): { views: { review: { total: number } } } } } }).__binhxet.session.getState().views.review.total);
      const shown = (from: number, to: number) => `Đang hiện ${formatNumber(from, 'vi')}–${formatNumber(to, 'vi')}/${formatNumber(total, 'vi')}`;
      await p.getByRole('tab', { name: 'Rà soát' }).click();
      await p.getByText(shown(1, 25)).waitFor();
      check((await p.locator('li[data-flag]').count()) === 25, 'the Review step shows one page of 25 rows');
      const t0 = Date.now();
      await p.getByRole('button', { name: 'Trang sau' }).first().click();
      await p.getByText(shown(26, 50)).waitFor();
      const turned = Date.now() - t0;
      await p.getByRole('combobox', { name: 'Sắp xếp' }).click();
      await page.getByRole('option', { name: 'Theo đơn vị' }).click();
      await p.getByText(shown(1, 25)).waitFor();
      check((await p.locator('li[data-flag]').count()) === 25, 'ordered by unit: one page of 25 rows');
      note(`a page of ${total.toLocaleString('en-US')} flags turned in ${turned} ms`);
      await accessible(page, 'the Review step over the larger workbook');
    },
  },
  {
    name: 'a refresh lets go of the old workbook as it begins; cancelled, the pane asks to read again',
    run: async (page, { shot }) => {
      const p = pane(page);
      const worker = await engineWorker(page);
      await p.getByRole('button', { name: 'Đọc lại bảng tính' }).first().click();
      await page.waitForFunction(
        () => {
          const b = (window as unknown as { __binhxet: { session: { getState(): { busy: { step: string; done: number | null } | null } } } }).__binhxet.session.getState().busy;
          return b?.step === 'read' && (b.done ?? 0) > 0;
        },
        null,
        { timeout: 30_000, polling: 20 },
      );
      const during = JSON.stringify(await worker.evaluate(() => (self as unknown as { binhXetEngine: { holding(): unknown } }).binhXetEngine.holding()));
      check(during === JSON.stringify({ reading: true, workbook: false, analyses: 0 }), `while reading again the worker holds the new reading only (${during})`);
      await p.getByRole('button', { name: 'Hủy' }).click();
      await p.getByRole('heading', { name: 'Cần đọc lại bảng tính' }).waitFor();
      await checkHolding(worker, { reading: false, workbook: false, analyses: 0 }, 'after Cancel the worker holds nothing');
      check((await p.locator('li[data-flag]').count()) === 0, 'no stale review rows are shown');
      await shot('refresh-cancelled');
      await accessible(page, 'the pane after a cancelled refresh');
      await p.getByRole('main').getByRole('button', { name: 'Đọc lại bảng tính' }).click();
      await settled(page, 90_000);
      check((await sessionError(page)) === null, `no error reading again: ${await sessionError(page)}`);
      await checkHolding(worker, HOLDS_ONE, 'read again: one workbook and its outcome');
      await p.locator('li[data-flag]').first().waitFor();
    },
  },
];
