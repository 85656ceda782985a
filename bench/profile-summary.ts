/**
 * Self time by function (and by file) of a V8 .cpuprofile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof -r tsx/cjs bench/domain.ts 100000
 *   node -r tsx/cjs bench/profile-summary.ts /tmp/prof/*.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';
import { type CallFrame, frameLabel, shortUrl } from './frames';

interface Node {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 40);
const p = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const label = (n: Node) => frameLabel(n.callFrame);
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const url = shortUrl(n.callFrame);
  fn.set(label(n), (fn.get(label(n)) ?? 0) + us);
  files.set(url || '(native)', (files.get(url || '(native)') ?? 0) + us);
}
const show = (m: Map<string, number>, k: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([name, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((us * 100) / total).toFixed(1).padStart(5)}%  ${name}`));
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log('--- by function (self)');
show(fn, top);
console.log('--- by file (self)');
show(files, 15);

// Optional third argument: a file (or function) substring; prints who calls it, by total time below the call.
const focus = process.argv[4];
if (focus) {
  const totalOf = new Map<number, number>();
  const add = (id: number, us: number) => totalOf.set(id, (totalOf.get(id) ?? 0) + us);
  for (const [id, us] of self) for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) add(x, us);
  const callers = new Map<string, number>();
  for (const n of p.nodes) {
    if (!label(n).includes(focus)) continue;
    const par = parent.get(n.id);
    const pl = par === undefined ? '(root)' : label(byId.get(par)!);
    if (pl.includes(focus)) continue;
    const k = `${pl}  →  ${label(n)}`;
    callers.set(k, (callers.get(k) ?? 0) + (totalOf.get(n.id) ?? 0));
  }
  console.log(`--- callers into "${focus}" (total time below the call)`);
  show(callers, 25);
}

// BENCH_INCLUSIVE=1: functions by inclusive time (self + everything they call), counted once per stack.
if (process.env.BENCH_INCLUSIVE) {
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const l = label(byId.get(x)!);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + us);
    }
  }
  console.log('--- inclusive');
  show(new Map([...incl].filter(([k]) => k.includes('src/'))), Number(process.env.BENCH_INCLUSIVE) || 40);
}
