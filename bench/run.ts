/**
 * `npm run bench`: the performance benchmark of Bình xét, and the budgets it is held to.
 *
 *   npm run bench                       # 10k, 100k, 1M initiatives; writes docs/performance.md
 *   npm run bench -- --sizes 10000,100000 --runs 1 --skip cli,adapter --no-doc
 *   npm run bench -- --render bench/.cache/last-result.json   # docs again from the last measurement
 *
 * (a) the domain pipeline from office-js arrays, each size in fresh child processes (best of
 *     --runs, default 3); (b) the Excel adapter on the in-memory fake at the largest size;
 * (c) the headless command on the largest .xlsx beside exceljs's bare streaming read of it.
 * Samples and their office-js arrays are cached under bench/.cache/ (git-ignored).
 */
import { execSync, spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ensureSample, ROOT } from './samples';
import { renderReport, type BareRead, type BenchResult, type CommandRun, type DomainRun } from './report';

interface Options {
  sizes: number[];
  runs: number;
  skip: Set<string>;
  doc: boolean;
  /** Re-render the table and docs/performance.md from a saved result (bench/.cache/last-result.json) without measuring. */
  render: string | null;
}

function options(argv: string[]): Options {
  const o: Options = { sizes: [10_000, 100_000, 1_000_000], runs: 3, skip: new Set(), doc: true, render: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sizes') o.sizes = argv[++i]!.split(',').map(Number);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--skip') argv[++i]!.split(',').forEach((s) => o.skip.add(s));
    else if (a === '--no-doc') o.doc = false;
    else if (a === '--render') o.render = argv[++i]!;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Runs a bench script in a fresh Node process; returns its last stdout line as JSON. */
function child<T>(script: string, args: string[], node: string[] = []): T {
  const r = spawnSync(process.execPath, [...node, '-r', 'tsx/cjs', join(ROOT, 'bench', script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-4000)}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

const sh = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: 'utf8' }).replace(/^\n+|\s+$/g, '');
  } catch {
    return '(unavailable)';
  }
};

/**
 * The command's own Node settings (package.json `cli` and `demo`): a 64 MB young generation. A
 * million initiatives are long-lived objects made in a stream; with V8's default 16 MB semi-space
 * they are copied by ~350 scavenges, a third of the run.
 */
const COMMAND_NODE_FLAGS = ['--max-semi-space-size=64'];

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  if (o.render) {
    const { table, markdown } = renderReport(JSON.parse(readFileSync(o.render, 'utf8')) as BenchResult);
    console.log(table);
    if (o.doc) writeFileSync(join(ROOT, 'docs', 'performance.md'), markdown);
    return;
  }
  const started = new Date();
  const machine = {
    nproc: sh('nproc') || String(cpus().length),
    cpu: cpus()[0]?.model ?? '?',
    free: sh('free -h'),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GB total, ${(freemem() / 2 ** 30).toFixed(1)} GB free at start`,
    node: process.version,
    os: sh('uname -srm'),
    loadBefore: loadavg().map((x) => x.toFixed(2)).join(' '),
    loadAfter: '',
    commit: `${sh('git rev-parse --short HEAD')}${sh('git status --porcelain -- src examples bench') ? ' + uncommitted changes' : ''}`,
    date: started.toISOString(),
  };
  const result: BenchResult = { machine, runs: o.runs, domain: [], adapter: null, cli: null, samples: [] };

  for (const size of o.sizes) {
    const s = await ensureSample(size, log);
    result.samples.push({ initiatives: size, rows: s.summary.initiatives, grassroots: s.summary.grassroots, upper: s.summary.upper, bytes: s.summary.bytes });
    child('arrays.ts', [s.path]); // builds the office-js arrays cache once
  }

  if (!o.skip.has('domain')) {
    for (const size of o.sizes) {
      const runs: DomainRun[] = [];
      for (let i = 0; i < o.runs; i++) {
        const r = child<DomainRun>('domain.ts', [String(size)], ['--expose-gc']);
        runs.push(r);
        log(`(a) ${size.toLocaleString('en-US')}: run ${i + 1}/${o.runs} ${ms(r.ms.total)} (read ${ms(r.ms.read)}, decide ${ms(r.ms.decide)}, sheets ${ms(r.ms.sheets)}, highlights ${ms(r.ms.highlights)}), peak RSS ${r.memory.peakRssMB} MB`);
      }
      result.domain.push({ size, runs });
    }
  }

  const largest = Math.max(...o.sizes);
  if (!o.skip.has('adapter')) {
    log(`(b) Excel adapter on the fake, ${largest.toLocaleString('en-US')} initiatives…`);
    result.adapter = child('adapter.ts', [String(largest)], ['--expose-gc', '--max-old-space-size=12288']);
  }

  if (!o.skip.has('cli')) {
    const s = await ensureSample(largest);
    const outDir = join(CACHE, 'out');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `bench-${largest}.ket-qua.xlsx`);
    // The two alternate, each in a fresh process, so both see the same moments of a shared machine.
    const bares: BareRead[] = [];
    const clis: CommandRun[] = [];
    for (let run = 1; run <= o.runs; run++) {
      log(`(c) run ${run}/${o.runs}: exceljs streaming read of ${s.path}…`);
      bares.push(child<BareRead>('exceljs-read.ts', [s.path]));
      log(`    ${ms(bares[bares.length - 1]!.ms)}, ${bares[bares.length - 1]!.maxRssMB} MB`);
      log(`(c) run ${run}/${o.runs}: the command, run --out …`);
      clis.push(child<CommandRun>('cli.ts', [s.path, out], COMMAND_NODE_FLAGS));
      log(`    ${ms(clis[clis.length - 1]!.ms)}, ${clis[clis.length - 1]!.maxRssMB} MB`);
      rmSync(out, { force: true });
    }
    result.cli = { size: largest, file: s.path.replace(`${ROOT}/`, ''), bytes: s.summary.bytes, bare: fastest(bares), cli: fastest(clis), bareRuns: bares, cliRuns: clis };
  }

  machine.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
  const { table, markdown } = renderReport(result);
  console.log(table);
  if (o.doc) {
    writeFileSync(join(ROOT, 'docs', 'performance.md'), markdown);
    log('wrote docs/performance.md');
  }
  writeFileSync(join(CACHE, 'last-result.json'), JSON.stringify(result, null, 2));
}

const fastest = <T extends { ms: number }>(runs: T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
