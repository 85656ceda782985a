/**
 * One phase of the domain pipeline in this tree and in another checkout, alternating in one
 * process on the same input: on a shared machine, where separate runs differ by ±20 %, this is
 * what tells a change of a few per cent from noise.
 *   node --expose-gc -r tsx/cjs bench/compare.ts <other tree> <initiatives> read|decide|sheets [rounds]
 * The other tree needs its node_modules (a link to this one's will do). Each tree runs its own
 * code on the same office-js arrays, decoded afresh for every reading run (decoding not counted);
 * deciding and result sheets start from this tree's reading.
 */
import { resolve } from 'node:path';
import { LAI_CHAU_82_2023 } from '../src/domain/rules/presets';
import { blockRows } from '../src/domain/sheets/model';
import { readWorkbook } from '../src/workbook/analyse';
import { decoding, loadArrays } from './arrays';
import { ArrayGateway } from './array-gateway';
import { ensureSample } from './samples';

type Phase = 'read' | 'decide' | 'sheets';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The phase as the other tree's code runs it (its own modules, loaded from its path). */
function phaseOf(tree: string, phase: Phase, samplePath: string, state: Awaited<ReturnType<typeof readWorkbook>>): () => Promise<unknown> {
  const load = (path: string) => require(`${tree}/${path}`);
  if (phase === 'read') {
    const { readWorkbook: read } = load('src/workbook/analyse.ts') as typeof import('../src/workbook/analyse');
    // Freshly decoded arrays every run, as office-js parses each response: texts read before
    // would keep the hash a map look-up computed for them and flatter any code that hashes.
    return async () => read(new ArrayGateway(await loadArrays(samplePath)));
  }
  const { evaluate } = load('src/workbook/analyse.ts') as typeof import('../src/workbook/analyse');
  if (phase === 'decide') return async () => evaluate(state, LAI_CHAU_82_2023);
  const { buildResultSheets } = load('src/domain/sheets/index.ts') as typeof import('../src/domain/sheets');
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  return async () => {
    let rows = 0;
    for (const sheet of buildResultSheets(outcome, state.review, 'vi')) for (const block of sheet.blocks) for (const _row of blockRows(block)) rows++;
    return rows;
  };
}

async function main(): Promise<void> {
  const [other, sizeArg, phaseArg, roundsArg] = process.argv.slice(2);
  const phase = (phaseArg ?? 'read') as Phase;
  if (!other || !['read', 'decide', 'sheets'].includes(phase)) throw new Error('usage: compare.ts <other tree> <initiatives> read|decide|sheets [rounds]');
  const samplePath = (await ensureSample(Number(sizeArg ?? 1_000_000))).path;
  const state = await readWorkbook(new ArrayGateway(await loadArrays(samplePath)));
  const trees = [resolve(__dirname, '..'), resolve(other)];
  const runs = trees.map((t) => phaseOf(t, phase, samplePath, state));
  const wall: number[][] = [[], []];
  const cpu: number[][] = [[], []];
  for (let r = 0; r < Number(roundsArg ?? 5); r++) {
    for (let k = 0; k < 2; k++) {
      gc();
      const c = process.cpuUsage();
      const decoded = decoding.ms;
      const t = performance.now();
      await runs[k]!();
      // Decoding the responses is office-js's part, not the pipeline's (as bench/domain.ts counts it).
      const decodeMs = decoding.ms - decoded;
      wall[k]!.push(performance.now() - t - decodeMs);
      const used = process.cpuUsage(c);
      cpu[k]!.push((used.user + used.system) / 1000 - decodeMs);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  for (let k = 0; k < 2; k++) {
    console.log(`${trees[k]}: ${phase} best ${Math.round(Math.min(...wall[k]!))} ms, median ${Math.round(median(wall[k]!))} ms (CPU median ${Math.round(median(cpu[k]!))} ms); runs ${wall[k]!.map(Math.round).join(', ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
