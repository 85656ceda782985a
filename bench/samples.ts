/**
 * The benchmark's sample workbooks: the realistic generator at a given number of initiatives
 * (≈ 10,000 grassroots units, 60 upper-level units), cached under bench/.cache/ (git-ignored).
 * The cache key holds the generator's own hash, so a changed generator makes new files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSample, type SampleSummary } from '../examples/generate-sample';

export const ROOT = resolve(__dirname, '..');
export const CACHE = join(ROOT, 'bench', '.cache');
export const GRASSROOTS = 10_000;
export const UPPER = 60;
export const SEED = 2023;

export interface CachedSample {
  path: string;
  initiatives: number;
  summary: Pick<SampleSummary, 'bytes' | 'seconds' | 'upper' | 'grassroots' | 'initiatives' | 'officials'>;
  generated: boolean;
}

function generatorHash(): string {
  return createHash('sha1').update(readFileSync(join(ROOT, 'examples', 'generate-sample.ts'))).digest('hex').slice(0, 8);
}

export function samplePath(initiatives: number): string {
  return join(CACHE, `sample-${initiatives}-g${GRASSROOTS}-u${UPPER}-s${SEED}-${generatorHash()}.xlsx`);
}

/** The cached sample of this size, generated first when missing. */
export async function ensureSample(initiatives: number, log: (s: string) => void = () => undefined): Promise<CachedSample> {
  mkdirSync(CACHE, { recursive: true });
  const path = samplePath(initiatives);
  const meta = `${path}.json`;
  if (existsSync(path) && existsSync(meta)) return { path, initiatives, summary: JSON.parse(readFileSync(meta, 'utf8')), generated: false };
  log(`generating ${initiatives.toLocaleString('en-US')} initiatives → ${path}`);
  const tmp = `${path}.tmp`;
  const s = await generateSample({ out: tmp, initiatives, grassroots: GRASSROOTS, upper: UPPER, seed: SEED });
  renameSync(tmp, path);
  const summary = { bytes: s.bytes, seconds: s.seconds, upper: s.upper, grassroots: s.grassroots, initiatives: s.initiatives, officials: s.officials };
  writeFileSync(meta, JSON.stringify(summary, null, 2));
  return { path, initiatives, summary, generated: true };
}

if (require.main === module) {
  (async () => {
    for (const a of process.argv.slice(2)) {
      const s = await ensureSample(Number(a), (l) => console.error(l));
      console.log(s.path, s.summary);
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
