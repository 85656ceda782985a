/**
 * Where one phase of the domain pipeline allocates (V8's sampling heap profiler, counting objects
 * the young and old collections freed too), by function and its caller:
 *   node -r tsx/cjs bench/allocations.ts <initiatives> read|decide|sheets [top] [--survivors]
 * `--survivors` leaves out what the young collections freed: what was allocated in or moved to the
 * old generation (what those collections copied, and what V8 placed there at once: large objects,
 * and objects of an allocation site it has learnt to place there).
 * Allocation drives the young-generation collections that take a fifth of the time at a million
 * initiatives; this found, for example, a closure context allocated per subject and criterion.
 */
import { Session } from 'node:inspector/promises';
import { LAI_CHAU_82_2023 } from '../src/domain/rules/presets';
import { buildResultSheets } from '../src/domain/sheets';
import { blockRows } from '../src/domain/sheets/model';
import { evaluate, readWorkbook } from '../src/workbook/analyse';
import { loadArrays } from './arrays';
import { ArrayGateway } from './array-gateway';
import { ensureSample } from './samples';
import { type CallFrame, frameLabel } from './frames';

interface SampleNode {
  callFrame: CallFrame;
  selfSize: number;
  children: SampleNode[];
}

const PHASES = ['read', 'decide', 'sheets'] as const;
type Phase = (typeof PHASES)[number];

const label = (n: SampleNode) => frameLabel(n.callFrame);

function bySite(head: SampleNode): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (n: SampleNode, caller: string) => {
    const key = `${label(n)}  ← ${caller}`;
    sizes.set(key, (sizes.get(key) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, label(n));
  };
  walk(head, '');
  return sizes;
}

async function main(): Promise<void> {
  const [sizeArg, phaseArg, topArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const size = Number(sizeArg ?? 1_000_000);
  const phase = (phaseArg ?? 'decide') as Phase;
  const top = Number(topArg ?? 25);
  const survivors = process.argv.includes('--survivors');
  if (!PHASES.includes(phase)) throw new Error(`phase: one of ${PHASES.join(', ')}`);
  const sheets = await loadArrays((await ensureSample(size)).path);
  const session = new Session();
  session.connect();
  const profile = (on: Phase) => (phase === on ? session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: !survivors, includeObjectsCollectedByMajorGC: true }) : undefined);

  await profile('read');
  const state = await readWorkbook(new ArrayGateway(sheets));
  if (phase === 'read') return report(session, top, survivors);
  await profile('decide');
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  if (phase === 'decide') return report(session, top, survivors);
  await profile('sheets');
  for (const sheet of buildResultSheets(outcome, state.review, 'vi')) for (const block of sheet.blocks) for (const _row of blockRows(block));
  return report(session, top, survivors);
}

async function report(session: Session, top: number, survivors: boolean): Promise<void> {
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SampleNode } };
  const sizes = bySite(profile.head);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`${survivors ? 'outlived the young generation' : 'allocated'}: ${Math.round(total / 1e6)} MB, sampled (reading includes decoding the office-js arrays)`);
  for (const [site, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(Math.round(bytes / 1e6)).padStart(6)} MB  ${site}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
