/**
 * (c) The headless command end to end, in this process: `run <file> --out <tmp.xlsx> [--report …]`.
 *   node -r tsx/cjs bench/cli.ts <file.xlsx> <out.xlsx> [report.json]   → one JSON line
 * The command's own output goes to stderr so the JSON line stays alone on stdout.
 */
import { main } from '../src/cli/main';

async function run(): Promise<void> {
  const [file, out, report] = process.argv.slice(2);
  const log = console.log;
  console.log = (...a: unknown[]) => console.error(...a);
  const t = performance.now();
  const code = await main(['run', file!, '--out', out!, ...(report ? ['--report', report] : [])]);
  const ms = performance.now() - t;
  log(JSON.stringify({ file, code, ms, report: !!report, maxRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20) }));
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
