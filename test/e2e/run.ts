/**
 * `npm run test:e2e`: builds the browser preview, serves it on localhost (with a larger generated
 * workbook beside the sample), drives Debian's Chromium with playwright-core through the pane
 * (pane.e2e.ts), saves screenshots to docs/screenshots/, and fails on any request that leaves
 * localhost. Bounded: the whole run is stopped after 170 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSample } from '../../examples/generate-sample';
import { launch, type Watched } from './browser';
import { LARGER, STEPS } from './pane.e2e';
import { serveStatic, type StaticServer } from './server';

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'docs/screenshots');
const LIMIT_MS = 170_000;

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function build(outDir: string): Promise<void> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'development', '--env', 'preview', '--env', `outDir=${outDir}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code === 0) {
        log(`  built the preview in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        ok();
      } else fail(new Error(`webpack failed (${code}):\n${output.slice(-4000)}`));
    });
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), 'binhxet-preview-'));
  let server: StaticServer | null = null;
  let w: Watched | null = null;
  const failures: string[] = [];
  const watchdog = setTimeout(() => {
    log(`\n✗ e2e: stopped after ${LIMIT_MS / 1000} s`);
    process.exit(1);
  }, LIMIT_MS);
  try {
    log('e2e: building the preview…');
    await build(out);
    const t0 = Date.now();
    await generateSample({ out: join(out, LARGER.file), initiatives: LARGER.initiatives, grassroots: LARGER.grassroots, upper: LARGER.upper });
    log(`  generated ${LARGER.file} (${LARGER.initiatives.toLocaleString('en-US')} initiatives) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    server = await serveStatic(out);
    const base = server.url;
    log(`  serving ${base}`);
    w = await launch();
    mkdirSync(SHOTS, { recursive: true });
    const page = w.page;
    const shot = async (name: string) => {
      await page.waitForTimeout(150); // let the last paint land
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      log(`    screenshot docs/screenshots/${name}.png`);
    };
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 30_000 });
    for (const step of STEPS) {
      const t0 = Date.now();
      try {
        await step.run(page, { shot, base, note: (line) => log(`    ${line}`) });
        log(`  ✓ ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failures.push(`${step.name}: ${e instanceof Error ? e.message : String(e)}`);
        log(`  ✗ ${step.name}\n      ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        await page.screenshot({ path: join(out, 'failure.png') }).catch(() => undefined);
        break; // later steps depend on earlier ones
      }
    }
    if (w.external.length) failures.push(`requests left localhost: ${w.external.join(', ')}`);
    if (w.errors.length) failures.push(`errors in the page:\n      ${w.errors.slice(0, 10).join('\n      ')}`);
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(watchdog);
    await w?.browser.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (!failures.length) rmSync(out, { recursive: true, force: true });
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    log(`\n✗ e2e failed in ${secs} s:\n  - ${failures.join('\n  - ')}\n  (build and failure screenshot kept in ${out})`);
    return 1;
  }
  log(`\n✓ e2e passed in ${secs} s; no request left localhost`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(String(e));
    process.exit(1);
  },
);
