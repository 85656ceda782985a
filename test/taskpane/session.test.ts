/** The pane's controller over the real Excel adapter and the fake sample workbook (no React). */
import { createLocalEngine } from '../../src/taskpane/engine/local';
import type { Engine } from '../../src/taskpane/engine/types';
import { Session } from '../../src/taskpane/session';
import { ExcelGateway } from '../../src/workbook/excel';
import { gatedRun, highlightsOn, sampleFake, sampleSession, sessionOver, sheetRows } from './helpers';

jest.setTimeout(60_000);

async function until(ok: () => boolean, timeout = 2_000): Promise<void> {
  for (const end = Date.now() + timeout; !ok(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('the whole flow: load, highlight, select, explain, decide, write', async () => {
  const { fake, session } = await sampleSession();
  await session.start();
  const s = session.getState();
  expect(s.error).toBeNull();
  expect(s.status).toBe('ready');
  expect(s.data!.sheets.map((x) => [x.name, x.status, x.role])).toEqual([
    ['TH chỉ tiêu', 'used', 'units'],
    ['CĐCS', 'used', 'units'],
    ['DS sáng kiến', 'used', 'initiatives'],
    ['Cán bộ', 'used', 'officials'],
  ]);
  await session.toggleHighlight('2.1.2a');
  expect(highlightsOn(fake, 'CĐCS').get('2.1.2a')!.length).toBeGreaterThan(0);
  await session.selectSubjects('2.1.2a', 'met');
  expect(fake.selection()!.sheet).toBe('CĐCS');
  await fake.userSelect('CĐCS', 'B5');
  // The selection event does not wait for the engine's answer: it comes a moment later.
  await until(() => session.getState().explanation !== null);
  expect(session.getState().explanation!.subjects[0]!.verdicts.map((v) => v.id)).toContain('2.1.2a');
  await session.writeNominations();
  await session.writeSummary();
  expect(session.getState().error).toBeNull();
  expect(fake.workbook.snapshot('Tổng hợp').customProperties['BinhXet.owned']).toBe('1');
  expect(session.getState().data!.sheets.filter((x) => x.status === 'result').map((x) => x.name)).toContain('Tổng hợp');
  session.dispose();
});

test('a new pane over the same workbook restores the mapping, rule set, parameters and highlights', async () => {
  const fake = await sampleFake();
  const first = sessionOver(fake).session;
  await first.start();
  await first.setColumn('TH chỉ tiêu', 'members', 5);
  await first.choosePreset('lai-chau-82-2023');
  await first.setParam('many', 3);
  await first.toggleHighlight('2.1.2b');
  first.dispose();
  expect(fake.settings!.saved.get('binhxet.settings')).toEqual({
    version: 1,
    overrides: [{ sheet: 'TH chỉ tiêu', columns: { members: 5 } }],
    rules: { preset: 'lai-chau-82-2023' },
    params: { many: 3 },
    highlighted: ['2.1.2b'],
  });
  const before = highlightsOn(fake, 'CĐCS').get('2.1.2b');
  const again = sessionOver(fake).session;
  await again.start();
  const s = again.getState();
  expect(s.settings.params).toEqual({ many: 3 });
  expect(s.highlighted).toEqual(['2.1.2b']);
  expect(s.data!.sheets[0]!.fields.find((f) => f.id === 'members')!.column).toBe(5);
  // Highlights are redrawn from this reading, not stacked on the earlier ones.
  expect(highlightsOn(fake, 'CĐCS').get('2.1.2b')).toEqual(before);
});

test('a custom rule set is remembered as JSON; one that no longer validates falls back to the preset with the reasons', async () => {
  const fake = await sampleFake();
  const { PRESETS } = await import('../../src/domain/rules/presets');
  const mine = { ...PRESETS['lai-chau-82-2023']!, id: 'lai-chau-rieng', title: { vi: 'Bộ riêng', en: 'Own' } };
  const s1 = sessionOver(fake).session;
  await s1.start();
  await expect(s1.loadCustomRules(JSON.stringify(mine))).resolves.toBe(true);
  expect(s1.getState().rules.id).toBe('lai-chau-rieng');
  s1.dispose();
  const s2 = sessionOver(fake).session;
  await s2.start();
  expect(s2.getState().rules.id).toBe('lai-chau-rieng');
  s2.dispose();
  fake.settings!.set('binhxet.settings', { rules: { custom: { id: 'x' } } });
  const s3 = sessionOver(fake).session;
  await s3.start();
  expect(s3.getState().rules.id).toBe('lai-chau-82-2023');
  expect(s3.getState().rulesErrors!.length).toBeGreaterThan(0);
});

test('an exclusion that removes its own flag is kept when the review sheet is rewritten', async () => {
  const { fake, session } = await sampleSession();
  await session.start();
  const page = (code: string) => session.getState().analysis!.flagPage({ code, offset: 0, limit: 25 });
  const doc = (await page('missing_recognition_doc')).rows[0]!;
  await session.decide({ type: 'flag', flag: doc }, { kind: 'exclude', reason: 'Không có QĐ', reviewer: 'A', award: null });
  const counted = session.getState().views!.figures.counted;
  // Another decision rewrites the sheet: the first exclusion must survive it.
  const other = (await page('not_posted')).rows.find((f) => f.key !== doc.key)!;
  await session.decide({ type: 'flag', flag: other }, { kind: 'keep', reason: 'Đã đăng bản giấy', reviewer: 'B', award: null });
  expect(sheetRows(fake, 'Rà soát').filter((r) => r.includes('Không có QĐ'))).toHaveLength(1);
  expect(session.getState().views!.figures.counted).toBe(counted);
  // And on a fresh load.
  const again = sessionOver(fake).session;
  await again.start();
  expect(again.getState().views!.figures.counted).toBe(counted);
  expect(again.getState().views!.review.byDecision).toMatchObject({ exclude: 1, keep: 1 });
});

test('Cancel stops writing between sheets; one action at a time', async () => {
  const { fake, session } = await sampleSession();
  await session.start();
  const writing = session.writeNominations();
  expect(await session.writeSummary()).toBe(false); // refused while busy
  session.cancel();
  await writing;
  expect(session.getState().notice).toEqual({ type: 'cancelled' });
  expect(session.getState().error).toBeNull();
  expect(fake.workbook.sheetNames().filter((n) => n.startsWith('Đề cử')).length).toBeLessThan(session.getState().views!.awards.length);
});

test('the engine answers with plain data only (a Web Worker hosts it in the browser)', async () => {
  const fake = await sampleFake();
  const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  const engine = createLocalEngine();
  const calls: string[] = [];
  const spy: Engine = {
    beginReading() {
      const sink = engine.beginReading();
      return {
        sheet: (...args) => (structuredClone(args), sink.sheet(...args)),
        review: (name) => (structuredClone(name), sink.review(name)),
        push: (chunk) => (calls.push('chunk'), structuredClone(chunk), sink.push(chunk)),
        finish: async (sheets) => structuredClone(await sink.finish(sheets)),
        abort: () => sink.abort(),
      };
    },
    readReview: () => engine.readReview(),
    async evaluate(...args) {
      calls.push('evaluate');
      structuredClone(args[0]); // the input crosses too
      const a = await engine.evaluate(...args);
      structuredClone(a.views);
      structuredClone(a.workbook);
      return a;
    },
    evaluateEdit: (...args) => (structuredClone(args[0]), structuredClone(args[1]), engine.evaluateEdit(...args)),
    dispose: () => engine.dispose(),
  };
  const session = new Session(gateway, { engine: spy });
  await session.start();
  const a = session.getState().analysis!;
  structuredClone(await a.explainRow('CĐCS', 5));
  structuredClone(await a.rowsWith('2.1.2a', 'met'));
  structuredClone(await a.highlightRequests(['2.1.2a']));
  const held = await a.resultSheets('summary', 'vi');
  structuredClone(held.sheets.map(({ rows: _rows, ...head }) => head));
  structuredClone(await held.sheets[0]!.rows(0, 0, held.sheets[0]!.blocks[0]!.rowCount));
  held.release();
  structuredClone(await a.flagPage({ category: 'evidence', order: 'unit', offset: 0, limit: 25 }));
  structuredClone(await a.candidates(0, 'reserve', 0, 25));
  structuredClone(session.getState().workbook);
  expect(calls.filter((c) => c === 'evaluate')).toEqual(['evaluate']);
  expect(calls.filter((c) => c === 'chunk').length).toBeGreaterThanOrEqual(4); // each of the four source sheets sends one at least
});

test('a load that fails first leaves the pane "failed" with the error, and a retry works', async () => {
  const fake = await sampleFake();
  fake.injectError({ code: 'AccessDenied' });
  const { session } = sessionOver(fake);
  await session.start();
  expect(session.getState().status).toBe('failed');
  expect(session.getState().error).toMatchObject({ action: 'load', code: 'protected' });
  await session.refresh();
  expect(session.getState().status).toBe('ready');
});

test('while a read waits on Excel the state says so', async () => {
  const fake = await sampleFake();
  const gate = gatedRun(fake);
  const { session } = sessionOver(fake, gate.run);
  const started = session.start();
  await new Promise((r) => setTimeout(r, 10));
  expect(session.getState()).toMatchObject({ status: 'loading', busy: { action: 'load', cancellable: true } });
  gate.open();
  await started;
  expect(session.getState().status).toBe('ready');
});

test('over a gateway without selection (the .xlsx adapter) the pane works and says rows cannot be selected', async () => {
  const { XlsxFileGateway } = await import('../../src/workbook/xlsx');
  const session = new Session(new XlsxFileGateway('examples/sample-lai-chau.xlsx'));
  await session.start();
  expect(session.getState()).toMatchObject({ status: 'ready', canSelect: false, error: null });
  await session.selectSubjects('2.1.2a', 'met');
  expect(session.getState().notice).toEqual({ type: 'selectionUnsupported' });
});

test('a selection port given apart from the gateway is used', async () => {
  const fake = await sampleFake();
  const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  const asked: [string, number[]][] = [];
  const session = new Session(gateway, { selection: { selectRows: async (sheet, rows) => (asked.push([sheet, rows]), rows.length) } });
  await session.start();
  await session.goTo({ sheet: 'CĐCS', row: 9 });
  expect(asked).toEqual([['CĐCS', [9]]]);
  expect(session.getState().explanation!.subjects[0]!.kind).toBe('unit');
});
