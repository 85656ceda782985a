/**
 * The command's reading phase alone: `XlsxFileGateway` lists the sheets (sizes and merges, one raw
 * pass each) and reads every row of every sheet, nothing else.
 *   node -r tsx/cjs bench/read-only.ts <file.xlsx> [--digest]   → one JSON line
 * `--digest` also hashes every value read (type-tagged), to compare two readers' output.
 */
import { createHash } from 'node:crypto';
import type { CellValue } from '../src/domain/cells';
import { XlsxFileGateway } from '../src/workbook/xlsx';

function tag(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return `d${v.getTime()}`;
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const digest = process.argv.includes('--digest') ? createHash('sha1') : null;
  const t0 = performance.now();
  const gateway = new XlsxFileGateway(file);
  const sheets = await gateway.listSheets();
  const listMs = performance.now() - t0;
  let rows = 0;
  let cells = 0;
  for (const sheet of sheets) {
    digest?.update(`#${sheet.name}:${sheet.rowCount}x${sheet.columnCount}\n`);
    for await (const chunk of gateway.readSheet(sheet.name)) {
      chunk.rows.forEach((r, i) => {
        if (r.length === 0) return;
        rows++;
        for (const v of r) if (v !== null) cells++;
        digest?.update(`${chunk.startRow + i}\t${r.map(tag).join('\t')}\n`);
      });
    }
  }
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      file,
      sheets: sheets.map((s) => `${s.name}:${s.rowCount}x${s.columnCount}`),
      rows,
      cells,
      listMs: Math.round(listMs),
      readMs: Math.round(ms - listMs),
      ms: Math.round(ms),
      maxRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
      ...(digest ? { digest: digest.digest('hex') } : {}),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
