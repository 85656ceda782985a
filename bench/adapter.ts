/**
 * (b) The Excel adapter (office-js gateway) on the in-memory Excel fake, which enforces Excel on
 * the web's limits (5 MB per request and response, 5,000,000 cells per read) and counts syncs and
 * calls. The sample's sheets are loaded into the fake straight from the office-js arrays.
 *   node --expose-gc -r tsx/cjs bench/adapter.ts <initiatives>   → one JSON line
 */
import { columnLetter } from '../src/domain/cells';
import { LAI_CHAU_82_2023 } from '../src/domain/rules/presets';
import { evaluate, highlightRequests, readWorkbook, writeResults } from '../src/workbook/analyse';
import { ExcelGateway } from '../src/workbook/excel/gateway';
import { initialChunkRows } from '../src/workbook/excel/read';
import { markedRows } from '../src/domain/highlights';
import { buildResultSheets } from '../src/domain/sheets';
import { createFakeExcel, type FakeStats } from '../test/fake-excel';
import { loadArrays } from './arrays';
import { ensureSample } from './samples';

export interface Step {
  ms: number;
  syncs: number;
  calls: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsRead: number;
  maxAddressLength: number;
}

async function main(): Promise<void> {
  const size = Number(process.argv[2]);
  const sample = await ensureSample(size);
  const sheets = await loadArrays(sample.path);
  const fake = createFakeExcel();
  for (const s of sheets) {
    const values = s.chunks.flatMap((c) => c.rows);
    s.chunks = [];
    fake.workbook.addSheet(s.name, { values, merges: s.merges.map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`) });
  }
  const gw = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  const step = async (fn: () => Promise<unknown>): Promise<Step> => {
    fake.resetStats();
    const t = performance.now();
    await fn();
    const s: FakeStats = fake.stats;
    return { ms: performance.now() - t, syncs: s.syncs, calls: s.calls, maxRequestBytes: s.maxRequestBytes, maxResponseBytes: s.maxResponseBytes, maxCellsRead: s.maxCellsRead, maxAddressLength: s.maxAddressLength };
  };

  const list = await gw.listSheets();
  const big = list.reduce((a, b) => (b.rowCount > a.rowCount ? b : a));
  let rows = 0;
  const read = await step(async () => {
    for await (const c of gw.readSheet(big.name)) rows += c.rows.length;
  });
  const chunkRows = initialChunkRows(big.columnCount, { maxPayloadBytes: 5_000_000, maxCellsPerRead: 5_000_000 });

  let state!: Awaited<ReturnType<typeof readWorkbook>>;
  const pipeline = await step(async () => {
    state = await readWorkbook(gw);
  });
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  let written: string[] = [];
  const resultRows = buildResultSheets(outcome, state.review, 'vi').reduce((a, sh) => a + sh.blocks.reduce((b, bl) => b + bl.rowCount, 0), 0);
  const write = await step(async () => {
    written = await writeResults(gw, outcome, state, 'vi');
  });
  // The criterion that marks the most rows, highlighted alone, then every criterion as the command does.
  const criteria = outcome.rules.criteria.map((c) => c.id);
  const counts = criteria.map((id) => [id, [...markedRows(outcome, id).rows.values()].reduce((a, r) => a + r.length, 0)] as const);
  const [topId, topRows] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  const requestsOne = highlightRequests(outcome, state, [topId]);
  const highlightOne = await step(() => gw.highlight(requestsOne));
  const clearOne = await step(() => gw.clearHighlights());
  const top = outcome.rules.criteria.filter((c) => !c.partOf).map((c) => c.id);
  const requestsAll = highlightRequests(outcome, state, top);
  const highlightAll = await step(() => gw.highlight(requestsAll));
  const clearAll = await step(() => gw.clearHighlights());

  console.log(
    JSON.stringify({
      size,
      sheet: big.name,
      rows,
      columns: big.columnCount,
      chunkRows,
      read,
      pipeline,
      write: { ...write, sheets: written.length, resultRows },
      highlightOne: { ...highlightOne, criterion: topId, rows: topRows },
      clearOne,
      highlightAll: { ...highlightAll, criteria: top.length, rows: requestsAll.reduce((a, r) => a + r.rows.length, 0) },
      clearAll,
      maxRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
