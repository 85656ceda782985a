/** `npm run demo`: the headless command on the bundled sample workbook, results under out/. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from './main';

const root = resolve(__dirname, '..', '..');
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
const input = join(root, 'examples', 'sample-lai-chau.xlsx');
const out = join(outDir, 'sample-lai-chau.ket-qua.xlsx');
const report = join(outDir, 'sample-lai-chau.report.json');

main(['run', input, '--out', out, '--report', report]).then((code) => {
  if (code === 0) {
    console.log('');
    console.log(`Xong / Done. Mở / Open: ${out}`);
    console.log(`Báo cáo JSON / JSON report: ${report}`);
  }
  process.exit(code);
});
