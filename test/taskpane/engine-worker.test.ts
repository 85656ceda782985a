/**
 * The engine as the browser runs it, in a Web Worker — here its message handler (host.ts) behind an
 * in-process MessageChannel: the same answers as the engine in the pane's thread, chunks handed over
 * one at a time and not kept, one workbook at a time (a new reading lets go of the one before),
 * Cancel while reading and while evaluating, outcomes freed on release, a dead worker replaced.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RowChunk } from '../../src/domain/cells';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import { chooseEngine } from '../../src/taskpane/engine/choose';
import { createLocalEngine } from '../../src/taskpane/engine/local';
import { RELEASED_MESSAGE, WORKER_FAILED_MESSAGE } from '../../src/taskpane/engine/messages';
import { NOT_READ_MESSAGE } from '../../src/taskpane/engine/messages';
import type { Analysis, Engine, EvaluateProgress, ResultSheetKind, ReviewSource } from '../../src/taskpane/engine/types';
import type { Lang } from '../../src/domain/i18n';
import { collectSheet } from '../../src/workbook/sheet-source';
import { blockRows } from '../../src/domain/sheets/model';
import { Session } from '../../src/taskpane/session';
import { readInto } from '../../src/taskpane/session/read-workbook';
import { paramsFor } from '../../src/taskpane/session/settings';
import { ExcelGateway } from '../../src/workbook/excel';
import { WorkbookError, type WorkbookGateway } from '../../src/workbook/gateway';
import { ChannelWorker, settle, type Wire, wire } from './engine-channel';
import { handWrittenReview, sampleFake, sheetRows } from './helpers';

jest.setTimeout(60_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RULES = LAI_CHAU_82_2023;
const input = (review: ReviewSource = 'reading') => ({ rules: RULES, params: paramsFor(RULES, {}), review });

/** The sample in the fake, read through the real Excel adapter in small chunks (many per sheet). */
async function sample(review = false) {
  const fake = await sampleFake();
  if (review) handWrittenReview(fake, [[1, 'Đơn vị', 'CĐCS Trường PTDTBT THCS Bản Bo', 'LĐLĐ huyện Tam Đường', 'CĐCS!5', 'Hồ sơ thiếu', 'manual', 'Người rà soát', '2.1.2a', 'Loại', 'Nguyễn Thị Hoa', '', 'Thiếu hồ sơ', '']]);
  return { fake, gateway: new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings, maxCellsPerRead: 600 }) };
}

/** The gateway, counting the chunks it reads and keeping only weak references to them. */
function tracked(gw: WorkbookGateway) {
  const refs: WeakRef<RowChunk>[] = [];
  const t = {
    refs,
    chunks: 0,
    gateway: {
      listSheets: () => gw.listSheets(),
      headerMerges: (sheet: string, rows: number) => gw.headerMerges(sheet, rows),
      readSheet: (sheet: string, options?: Parameters<WorkbookGateway['readSheet']>[1]) => ({
        async *[Symbol.asyncIterator]() {
          for await (const chunk of gw.readSheet(sheet, options)) {
            t.chunks++;
            refs.push(new WeakRef(chunk));
            yield chunk;
          }
        },
      }),
    } as unknown as WorkbookGateway,
  };
  return t;
}

let wires: Wire[] = [];
function open(): Wire {
  const w = wire();
  wires.push(w);
  return w;
}
afterEach(() => {
  wires.forEach((w) => w.close());
  wires = [];
});

test('the worker answers exactly as the engine in the pane does, on the sample workbook', async () => {
  const { fake, gateway } = await sample(true);
  const local = createLocalEngine();
  const { engine: remote, host } = open();
  const [lw, rw] = [await readInto(local, gateway, { overrides: [] }), await readInto(remote, gateway, { overrides: [] })];
  expect({ ...rw, reading: 0 }).toEqual({ ...lw, reading: 0 });
  expect(rw.counts).toEqual({ upper: 11, grassroots: 100, enterprise: 0, initiatives: 522, officials: 20 });
  expect(host().holding()).toEqual({ reading: false, workbook: true, analyses: 0 });

  const phases: EvaluateProgress[] = [];
  const [la, ra] = [await local.evaluate(input()), await remote.evaluate(input(), undefined, (p) => phases.push(p))];
  expect(phases.map((p) => p.phase)).toEqual(['decide', 'index', 'views']);
  expect(ra.views).toEqual(la.views);
  // The hand-written review row was read into the engine with the workbook.
  expect(ra.views.review.byCategory.reviewer).toBe(1);
  const reviewer = await ra.flagPage({ category: 'reviewer', offset: 0, limit: 10 });
  expect(reviewer.rows).toMatchObject([{ source: 'reviewer', decision: 'exclude', who: 'Nguyễn Thị Hoa' }]);
  expect({ ...ra.workbook, reading: 0 }).toEqual({ ...la.workbook, reading: 0 });

  // Every row of the unit sheets and the first initiatives: the same explanation.
  for (const sheet of ['TH chỉ tiêu', 'CĐCS', 'DS sáng kiến']) {
    const rows = Math.min(sheetRows(fake, sheet).length + 1, 60);
    for (let row = 1; row <= rows; row++) expect(await ra.explainRow(sheet, row)).toEqual(await la.explainRow(sheet, row));
  }
  const ids = RULES.criteria.map((c) => c.id);
  for (const id of ids) for (const result of ['met', 'not_met', 'unknown'] as const) expect(await ra.rowsWith(id, result)).toEqual(await la.rowsWith(id, result));
  expect(await ra.highlightRequests(ids)).toEqual(await la.highlightRequests(ids));
  for (const kind of ['summary', 'nominations', 'review'] as const) {
    for (const lang of ['vi', 'en'] as const) expect(await resultSheets(ra, kind, lang)).toEqual(await resultSheets(la, kind, lang));
  }
  for (const order of ['list', 'unit'] as const) for (const offset of [0, 25, 100]) expect(await ra.flagPage({ order, offset, limit: 25 })).toEqual(await la.flagPage({ order, offset, limit: 25 }));
  for (const n of ra.views.nominations.slice(0, 12)) expect(await ra.candidates(n.id, 'reserve', 0, 50)).toEqual(await la.candidates(n.id, 'reserve', 0, 50));
  expect(host().holding()).toEqual({ reading: false, workbook: true, analyses: 1 });
});

/** An analysis' result sheets, every row fetched, then let go. */
async function resultSheets(a: Analysis, kind: ResultSheetKind, lang: Lang) {
  const held = await a.resultSheets(kind, lang);
  const sheets = await Promise.all(held.sheets.map((s) => collectSheet(s)));
  held.release();
  return sheets.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, rows: [...blockRows(b)] })) }));
}

test('result sheets come to the pane a page at a time while Excel writes them, and the worker lets them go once written', async () => {
  const { fake } = await sample();
  const pageRows = 40;
  const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings, maxCellsPerRead: 600, sheetPageRows: pageRows });
  const w = open();
  const overWorker = new Session(gateway, { engine: w.engine });
  await overWorker.start();
  expect(await overWorker.writeReview()).toBe(true);
  const asked = w.sent.flatMap((r) => (r.query ? [r.query] : []));
  const heads = asked.filter((q) => q.method === 'resultSheets');
  const pages = asked.flatMap((q) => (q.method === 'sheetRows' ? [q] : []));
  expect(heads).toHaveLength(1);
  expect(asked.filter((q) => q.method === 'releaseSheets')).toHaveLength(1); // once written
  const written = fake.workbook.snapshot(overWorker.getState().written.review!);
  const review = await resultSheets(overWorker.getState().analysis!, 'review', 'vi');
  const dataRows = review[0]!.blocks[0]!.rows.length;
  expect(dataRows).toBeGreaterThan(5 * pageRows); // several pages
  // Every page asked once, in order, none larger than the writer's page.
  expect(pages.map((p) => [p.start, p.end])).toEqual(Array.from({ length: Math.ceil(dataRows / pageRows) }, (_, i) => [i * pageRows, Math.min(dataRows, (i + 1) * pageRows)]));
  await settle();
  await expect(w.engine.evaluate(input()).then((a) => a.resultSheets('review', 'vi')).then((h) => (h.release(), settle()).then(() => h.sheets[0]!.rows(0, 0, 1)))).rejects.toThrow(RELEASED_MESSAGE);

  // The same sheet as written from the whole sheet in the pane's thread.
  const inThreadFake = (await sample()).fake;
  const inThread = new Session(new ExcelGateway(inThreadFake.run, { requirements: inThreadFake.isSetSupported, documentSettings: inThreadFake.settings }), { engine: 'local' });
  await inThread.start();
  expect(await inThread.writeReview()).toBe(true);
  expect(written).toEqual(inThreadFake.workbook.snapshot(inThread.getState().written.review!));
});

test('the session over the worker shows what it shows over the engine in its own thread', async () => {
  const { gateway } = await sample(true);
  const { engine } = open();
  const overWorker = new Session(gateway, { engine });
  const inThread = new Session(gateway, { engine: 'local' });
  const busy: string[] = [];
  overWorker.subscribe(() => {
    const b = overWorker.getState().busy;
    const line = b && (b.step === 'evaluate' ? `evaluate ${b.detail} ${b.done}/${b.total}` : b.step === 'read' && b.done === b.total ? `read ${b.total}/${b.total}` : null);
    if (line && busy.at(-1) !== line) busy.push(line);
  });
  await overWorker.start();
  expect(busy).toEqual([expect.stringMatching(/^read (\d+)\/\1$/), 'evaluate null null/null', 'evaluate decide 0/3', 'evaluate index 1/3', 'evaluate views 2/3']);
  await inThread.start();
  const [w, t] = [overWorker.getState(), inThread.getState()];
  expect(w.error).toBeNull();
  expect(w.status).toBe('ready');
  expect(w.views).toEqual(t.views);
  expect(w.data).toEqual(t.data);
  expect({ ...w.workbook, reading: 0 }).toEqual({ ...t.workbook, reading: 0 });
});

test('each chunk is handed over as it arrives and not kept in the pane; at most one is with the worker while the next is read', async () => {
  const { gateway } = await sample();
  const w = open();
  const t = tracked(gateway);
  let kept: RowChunk | undefined; // a control: a chunk still referenced must survive the collection
  const sink = w.engine.beginReading();
  const spy = { ...sink, push: (c: RowChunk) => ((kept ??= c), sink.push(c)) };
  const read = await readInto({ ...w.engine, beginReading: () => spy }, t.gateway, { overrides: [] });
  expect(read.counts.initiatives).toBe(522);
  expect(t.chunks).toBeGreaterThan(8); // small chunks: several per sheet
  expect(w.sent.filter((r) => r.type === 'chunk')).toHaveLength(t.chunks);
  expect(w.maxChunksInFlight()).toBe(1);
  await settle();
  gc();
  await settle();
  gc();
  const alive = t.refs.filter((r) => r.deref() !== undefined);
  expect(alive.map((r) => r.deref())).toEqual([kept]);
});

test('a new reading lets go of the workbook and outcomes read before as it begins: one copy at a time', async () => {
  const { gateway } = await sample();
  const w = open();
  await readInto(w.engine, gateway, { overrides: [] });
  const old = await w.engine.evaluate(input());
  expect(w.host().holding()).toEqual({ reading: false, workbook: true, analyses: 1 });
  let during: ReturnType<ReturnType<Wire['host']>['holding']> | null = null;
  let asked: Promise<unknown> | null = null;
  const again = await readInto(w.engine, gateway, {
    overrides: [],
    onProgress: () => {
      if (during) return;
      during = w.host().holding(); // after the first chunk of the new reading
      asked = old.explainRow('CĐCS', 5).catch((e: Error) => e);
    },
  });
  expect(during).toEqual({ reading: true, workbook: false, analyses: 0 });
  // A question about the outcome let go of is refused with a message, not a crash.
  expect(await asked).toMatchObject({ message: RELEASED_MESSAGE, code: 'missing' });
  expect(w.host().holding()).toEqual({ reading: false, workbook: true, analyses: 0 });
  expect((await w.engine.evaluate(input())).workbook.reading).toBe(again.reading);
});

test('Cancel while reading stops asking Excel, and the worker drops the unfinished reading (the one before is gone already)', async () => {
  const { gateway } = await sample();
  const w = open();
  const first = tracked(gateway);
  await readInto(w.engine, first.gateway, { overrides: [] });
  await w.engine.evaluate(input());
  const controller = new AbortController();
  const again = tracked(gateway);
  let progressed = 0;
  const reading = readInto(w.engine, again.gateway, {
    overrides: [],
    signal: controller.signal,
    onProgress: () => ++progressed === 3 && controller.abort(),
  });
  await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  expect(again.chunks).toBeLessThanOrEqual(4);
  expect(again.chunks).toBeLessThan(first.chunks);
  await settle();
  expect(w.sent.at(-1)).toMatchObject({ type: 'abort' });
  expect(w.host().holding()).toEqual({ reading: false, workbook: false, analyses: 0 });
  await expect(w.engine.evaluate(input())).rejects.toThrow(NOT_READ_MESSAGE);
  // Read again, it is all there.
  await readInto(w.engine, gateway, { overrides: [] });
  expect((await w.engine.evaluate(input())).views.figures.initiatives).toBe(522);
});

test('Cancel while evaluating answers at once; the worker stops at its next slice and keeps no outcome', async () => {
  const { gateway } = await sample();
  const w = open();
  await readInto(w.engine, gateway, { overrides: [] });
  const controller = new AbortController();
  const evaluating = w.engine.evaluate(input(), controller.signal, (p) => p.phase === 'index' && controller.abort());
  await expect(evaluating).rejects.toMatchObject({ code: 'cancelled' });
  expect(w.sent.at(-1)).toMatchObject({ type: 'cancel' });
  await settle();
  expect(w.host().holding().analyses).toBe(0);
  // The workbook is still there for the next evaluation.
  expect((await w.engine.evaluate(input())).views.figures.initiatives).toBe(522);
});

test('an outcome the pane releases is freed in the worker; later questions about it are refused', async () => {
  const { gateway } = await sample();
  const w = open();
  await readInto(w.engine, gateway, { overrides: [] });
  const a1 = await w.engine.evaluate(input());
  const a2 = await w.engine.evaluate(input());
  expect(w.host().holding().analyses).toBe(2);
  a1.release();
  await settle();
  expect(w.host().holding().analyses).toBe(1);
  await expect(a1.explainRow('CĐCS', 5)).rejects.toThrow(RELEASED_MESSAGE);
  expect(await a2.explainRow('CĐCS', 5)).not.toBeNull();
});

test('the session releases the analysis it stops showing, and one it could not show', async () => {
  const { gateway } = await sample();
  const w = open();
  let refuseWrites = false;
  const writes: WorkbookGateway = {
    listSheets: () => gateway.listSheets(),
    headerMerges: (sheet, rows) => gateway.headerMerges(sheet, rows),
    readSheet: (sheet, options) => gateway.readSheet(sheet, options),
    writeSheet: (sheet, options) => (refuseWrites ? Promise.reject(new WorkbookError('Trang tính đang được bảo vệ. (The sheet is protected.)', 'protected')) : gateway.writeSheet(sheet, options)),
    highlight: (requests) => gateway.highlight(requests),
    clearHighlights: (keys) => gateway.clearHighlights(keys),
    loadSettings: (key) => gateway.loadSettings(key),
    saveSettings: (key, value) => gateway.saveSettings(key, value),
  };
  const session = new Session(writes, { engine: w.engine });
  await session.start();
  const first = session.getState().analysis!;
  await session.setParam('many', RULES.params.many!.value); // evaluates again
  expect(session.getState().analysis).not.toBe(first);
  await settle();
  expect(w.host().holding().analyses).toBe(1);
  // A decision whose review sheet cannot be written: the new outcome is freed, the shown one stays.
  refuseWrites = true;
  const [flag] = (await session.getState().analysis!.flagPage({ offset: 0, limit: 1 })).rows;
  await session.decide({ type: 'flag', flag: flag! }, { kind: 'keep', award: null, reviewer: 'A', reason: 'ok' });
  expect(session.getState().error).toMatchObject({ action: 'decide', code: 'protected' });
  await settle();
  expect(w.host().holding().analyses).toBe(1);
  expect(await session.getState().analysis!.explainRow('CĐCS', 5)).not.toBeNull();
});

/** The gateway, failing every read of a sheet after its first chunk while `failing` is on (Excel busy). */
function flaky(gw: WorkbookGateway) {
  const f = {
    failing: false,
    gateway: {
      ...Object.fromEntries((['listSheets', 'headerMerges', 'writeSheet', 'highlight', 'clearHighlights', 'loadSettings', 'saveSettings'] as const).map((m) => [m, (...a: unknown[]) => (gw[m] as (...x: unknown[]) => unknown)(...a)])),
      readSheet: (sheet: string, options?: Parameters<WorkbookGateway['readSheet']>[1]) => ({
        async *[Symbol.asyncIterator]() {
          for await (const chunk of gw.readSheet(sheet, options)) {
            yield chunk;
            if (f.failing) throw new WorkbookError('Excel đang bận. (Excel is busy.)', 'busy');
          }
        },
      }),
    } as unknown as WorkbookGateway,
  };
  return f;
}

test('a refresh cancelled after the engine let go of the workbook: the pane says it must be read again, and stale questions crash nothing', async () => {
  const { fake, gateway } = await sample();
  const w = open();
  const session = new Session(gateway, { engine: w.engine });
  await session.start();
  const old = session.getState().analysis!;
  // Cancel once the new reading is under way (the worker then holds no workbook).
  const off = session.subscribe(() => {
    const b = session.getState().busy;
    if (b?.step === 'read' && (b.done ?? 0) > 0) session.cancel();
  });
  await session.refresh();
  off();
  expect(session.getState()).toMatchObject({ status: 'stale', workbook: null, analysis: null, views: null, data: null, error: null, notice: { type: 'cancelled' } });
  await settle();
  expect(w.host().holding()).toEqual({ reading: false, workbook: false, analyses: 0 });
  // A step still holding the old analysis gets a refusal, not a crash; the session's own questions are skipped.
  await expect(old.flagPage({ offset: 0, limit: 25 })).rejects.toThrow(RELEASED_MESSAGE);
  await expect(old.candidates(0, 'reserve', 0, 5)).rejects.toThrow(RELEASED_MESSAGE);
  await fake.userSelect('CĐCS', 'B5');
  expect(session.getState()).toMatchObject({ selection: { sheet: 'CĐCS', row: 5 }, explanation: null });
  for (const act of [() => session.toggleHighlight('2.1.2a'), () => session.selectSubjects('2.1.2a', 'met'), () => session.writeSummary(), () => session.setParam('many', 3)]) await act();
  expect(session.getState().error).toBeNull();
  // Read again: everything is back.
  await session.refresh();
  expect(session.getState()).toMatchObject({ status: 'ready', error: null });
  expect(session.getState().views!.figures.initiatives).toBe(522);
  expect(w.host().holding()).toEqual({ reading: false, workbook: true, analyses: 1 });
});

test('a refresh that fails while reading: the error says what happened, the pane asks to read again, and "Thử lại" does', async () => {
  const { gateway } = await sample();
  const f = flaky(gateway);
  const w = open();
  const session = new Session(f.gateway, { engine: w.engine });
  await session.start();
  f.failing = true;
  await session.refresh();
  expect(session.getState()).toMatchObject({ status: 'stale', workbook: null, analysis: null, views: null, error: { action: 'reread', code: 'busy' } });
  await settle();
  expect(w.host().holding()).toEqual({ reading: false, workbook: false, analyses: 0 });
  f.failing = false;
  await session.refresh();
  expect(session.getState()).toMatchObject({ status: 'ready', error: null });
  expect(session.getState().views!.figures.initiatives).toBe(522);
});

test('a refresh that fails before reading begins (listing the sheets) keeps what the pane shows', async () => {
  const { gateway } = await sample();
  const w = open();
  let refuse = false;
  const gw = { ...flaky(gateway).gateway, listSheets: () => (refuse ? Promise.reject(new WorkbookError('Excel đang bận. (Excel is busy.)', 'busy')) : gateway.listSheets()) } as WorkbookGateway;
  const session = new Session(gw, { engine: w.engine });
  await session.start();
  const shown = session.getState().analysis!;
  refuse = true;
  await session.refresh();
  expect(session.getState()).toMatchObject({ status: 'ready', analysis: shown, error: { action: 'reread', code: 'busy' } });
  expect(await shown.explainRow('CĐCS', 5)).not.toBeNull();
});

test('a worker that dies fails what was waiting on it; the next reading starts a new one', async () => {
  const { gateway } = await sample();
  const w = open();
  await readInto(w.engine, gateway, { overrides: [] });
  const evaluating = w.engine.evaluate(input());
  w.kill('out of memory');
  await expect(evaluating).rejects.toThrow(WORKER_FAILED_MESSAGE);
  expect(w.hosts).toHaveLength(1);
  await readInto(w.engine, gateway, { overrides: [] });
  expect(w.hosts).toHaveLength(2);
  expect((await w.engine.evaluate(input())).views.figures.initiatives).toBe(522);
});

describe('which engine the session starts', () => {
  const g = globalThis as { Worker?: unknown };
  afterEach(() => {
    delete g.Worker;
    ChannelWorker.urls = [];
    ChannelWorker.terminated = 0;
  });

  test('a worker from engine/worker.ts where the browser has Worker; disposing of the session ends it', async () => {
    g.Worker = ChannelWorker;
    const { gateway } = await sample();
    const session = new Session(gateway);
    await session.start();
    expect(session.getState()).toMatchObject({ status: 'ready', error: null });
    expect(ChannelWorker.urls).toHaveLength(1);
    expect(ChannelWorker.urls[0]).toMatch(/\/taskpane\/engine\/worker\.ts$/);
    session.dispose();
    expect(ChannelWorker.terminated).toBe(1);
  });

  test('the pane\'s own thread without Worker, when the host refuses to start one, or when asked', async () => {
    const isLocal = (e: Engine) => {
      const sink = e.beginReading(); // a local engine posts nothing anywhere
      sink.abort();
      return ChannelWorker.urls.length === 0;
    };
    expect(isLocal(chooseEngine())).toBe(true);
    g.Worker = class {
      constructor() {
        throw new Error('SecurityError: worker-src');
      }
    };
    expect(isLocal(chooseEngine())).toBe(true);
    expect(() => chooseEngine('worker')).toThrow('worker-src');
    g.Worker = ChannelWorker;
    const local = chooseEngine('local');
    expect(isLocal(local)).toBe(true);
    const worker = chooseEngine('auto');
    expect(ChannelWorker.urls).toHaveLength(1);
    worker.dispose();
  });
});
