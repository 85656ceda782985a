/**
 * What the domain pipeline keeps alive, phase by phase (a full GC before each figure), as opposed
 * to the peak RSS of (a), which also counts garbage V8 has not collected yet:
 *   node --expose-gc -r tsx/cjs bench/live-memory.ts 1000000   → heap in use (MB) after each phase
 */
import { LAI_CHAU_82_2023 } from '../src/domain/rules/presets';
import { buildResultSheets } from '../src/domain/sheets';
import { evaluate, readWorkbook } from '../src/workbook/analyse';
import { loadArrays } from './arrays';
import { ArrayGateway } from './array-gateway';
import { samplePath } from './samples';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const h = () => { gc(); return Math.round(process.memoryUsage().heapUsed / 2 ** 20); };
(async () => {
  const size = Number(process.argv[2]);
  const sheets = await loadArrays(samplePath(size));
  const base = h();
  const state = await readWorkbook(new ArrayGateway(sheets));
  const afterRead = h();
  const outcome = evaluate(state, LAI_CHAU_82_2023);
  const afterDecide = h();
  const result = buildResultSheets(outcome, state.review, 'vi');
  const afterSheets = h();
  console.log(JSON.stringify({ inputMB: base, afterReadMB: afterRead, afterDecideMB: afterDecide, afterSheetsMB: afterSheets, resultSheets: result.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
