import { normalizeText, nameKey, foldKey } from '../src/domain/text';
import { parseMoney, parseText, parseDate, parseYesNo, parseDocument, parseInteger } from '../src/domain/parse/values';
const N = 200000;
const strs = Array.from({ length: N }, (_, i) => `Nguyễn Văn ${i % 5000}`);
function time(name: string, f: (s: string, i: number) => unknown) { const t = performance.now(); for (let i = 0; i < N; i++) f(strs[i]!, i); console.log(name, ((performance.now() - t) * 1000 / N).toFixed(2), 'µs/call'); }
time('normalizeText', (s) => normalizeText(s));
time('nameKey', (s) => nameKey(s));
time('foldKey', (s) => foldKey(s));
time('parseText', (s) => parseText(s));
time('parseMoney text', (_, i) => parseMoney(`${(i % 900) + 1}.000.000`));
time('parseMoney num', (_, i) => parseMoney(i * 1000));
time('parseDate', () => parseDate('15/5/2023'));
time('parseYesNo', () => parseYesNo('x'));
time('parseDocument', () => parseDocument('125/QĐ-LĐLĐ ngày 12/6/2023'));
time('parseInteger', (_, i) => parseInteger(String(i)));
