/**
 * Behaviour fingerprint of the whole domain pipeline on a cached sample, for checking that a speed
 * change changed nothing: the JSON report (every verdict explained), every result sheet, every
 * highlight request, every issue and flag. Run it from two trees and compare the digests:
 *   node -r tsx/cjs bench/equivalence.ts <initiatives> [out.json]
 * (the input arrays come from bench/.cache of this tree, or BENCH_CACHE).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { LAI_CHAU_82_2023, TLD_91_2023 } from '../src/domain/rules/presets';
import { buildReport } from '../src/domain/report';
import { buildResultSheets } from '../src/domain/sheets';
import { blockRows } from '../src/domain/sheets/model';
import { evaluate, highlightRequests, readWorkbook } from '../src/workbook/analyse';
import { loadArrays } from './arrays';
import { ArrayGateway } from './array-gateway';
import { samplePath } from './samples';

async function main(): Promise<void> {
  const size = Number(process.argv[2]);
  const outFile = process.argv[3];
  const path = process.env.BENCH_SAMPLE ?? samplePath(size);
  const sheets = await loadArrays(path);
  const state = await readWorkbook(new ArrayGateway(sheets));
  const hash = createHash('sha1');
  const out = outFile ? createWriteStream(outFile) : null;
  const put = (label: string, v: unknown) => {
    const s = `${label}\t${JSON.stringify(v)}\n`;
    hash.update(s);
    out?.write(s);
  };
  put('layouts', state.reading.layouts);
  put('skipped', state.reading.skipped);
  for (const [rules, params] of [[LAI_CHAU_82_2023, {}], [TLD_91_2023, {}], [LAI_CHAU_82_2023, { firstAuthorOnly: true, many: 3 }]] as const) {
    const outcome = evaluate(state, rules, params);
    for (const lang of ['vi', 'en'] as const) {
      const report = buildReport(outcome, lang);
      put(`report.rules.${lang}`, report.rules);
      for (const k of ['units', 'people', 'nominations', 'issues'] as const) report[k].forEach((x: unknown, i: number) => put(`report.${k}.${i}`, x));
      for (const sheet of buildResultSheets(outcome, state.review, lang)) {
        put(`sheet.${sheet.name}.head`, { ...sheet, blocks: sheet.blocks.map(({ rows: _rows, rowCount, ...b }) => ({ ...b, rows: rowCount })) });
        sheet.blocks.forEach((b, bi) => {
          let ri = 0;
          for (const r of blockRows(b)) put(`sheet.${sheet.name}.${bi}.${ri++}`, r);
        });
      }
    }
    put('highlights', highlightRequests(outcome, state, outcome.rules.criteria.map((c) => c.id)));
  }
  out?.end();
  console.log(hash.digest('hex'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
