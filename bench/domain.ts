/**
 * (a) The domain pipeline from office-js arrays to verdicts, quotas, result-sheet models and
 * highlight rows, in this (fresh) process: `node --expose-gc -r tsx/cjs bench/domain.ts <initiatives>`.
 * Prints one JSON line. The input chunks are loaded encoded before the clock starts and decoded as
 * they are handed over (office-js parses each response when it arrives); `decodeMs` is that part.
 */
import { LAI_CHAU_82_2023 } from '../src/domain/rules/presets';
import { buildResultSheets } from '../src/domain/sheets';
import { blockRows, type OutBlock } from '../src/domain/sheets/model';
import { evaluate, highlightRequests, readWorkbook } from '../src/workbook/analyse';
import { decoding, loadArrays } from './arrays';
import { ArrayGateway } from './array-gateway';
import { ensureSample } from './samples';
import { MemoryProbe } from './memory';
import { GcClock } from './gc-clock';

function countRows(block: OutBlock): number {
  let n = 0;
  for (const _row of blockRows(block)) n++;
  return n;
}

async function main(): Promise<void> {
  const size = Number(process.argv[2]);
  const sample = await ensureSample(size);
  const sheets = await loadArrays(sample.path);
  const inputRows = sheets.reduce((n, s) => n + s.rowCount, 0);
  const probe = new MemoryProbe();
  probe.baseline();

  const gw = new ArrayGateway(sheets);
  const gc = new GcClock();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const state = await readWorkbook(gw, { onProgress: () => probe.sample() });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  probe.sample();
  const g1 = await gc.total();
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  probe.sample();
  const g2 = await gc.total();
  const result = buildResultSheets(outcome, state.review, 'vi');
  // Every row made, the way a writer asks for them: a page at a time, each page let go once written.
  const resultRows = result.map((s) => ({ name: s.name, rows: s.blocks.reduce((n, b) => n + countRows(b), 0) }));
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  probe.sample();
  const g3 = await gc.total();
  const criteria = outcome.rules.criteria.filter((c) => !c.partOf).map((c) => c.id);
  const requests = highlightRequests(outcome, state, criteria);
  const t4 = performance.now();
  const c4 = process.cpuUsage();
  probe.sample();
  const g4 = await gc.total();
  gc.stop();
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1000;

  const m = outcome.model;
  console.log(
    JSON.stringify({
      size,
      inputRows,
      initiatives: m.initiatives.length,
      units: m.units.length,
      persons: outcome.evaluation.facts.persons.length,
      issues: outcome.issues.length,
      flags: outcome.flags.length,
      resultRows,
      highlightRows: requests.reduce((a, r) => a + r.rows.length, 0),
      decodeMs: decoding.ms,
      // The pipeline starts at the arrays: decoding office-js's responses is not part of it.
      ms: { read: t1 - t0 - decoding.ms, decide: t2 - t1, sheets: t3 - t2, highlights: t4 - t3, total: t4 - t0 - decoding.ms },
      gcMs: { read: g1, decide: g2 - g1, sheets: g3 - g2, highlights: g4 - g3, total: g4 },
      cpuMs: { read: cpu(c0, c1) - decoding.ms, decide: cpu(c1, c2), sheets: cpu(c2, c3), highlights: cpu(c3, c4), total: cpu(c0, c4) - decoding.ms },
      memory: probe.report(),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
