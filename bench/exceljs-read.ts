/**
 * (c) The yardstick: exceljs's own streaming reader over the same file, reading every row of every
 * sheet and nothing else. `node -r tsx/cjs bench/exceljs-read.ts <file.xlsx>` → one JSON line.
 */
import ExcelJS from 'exceljs';

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const t = performance.now();
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'emit' } as never);
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += row.cellCount;
    }
  }
  const ms = performance.now() - t;
  console.log(JSON.stringify({ file, rows, cells, ms, maxRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
