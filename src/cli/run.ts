/**
 * `run <in.xlsx>`: read the officer's workbook, decide every criterion, allocate quotas, and
 * write the report and a results workbook — never the input file.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildReport } from '../domain/report';
import { XlsxFileGateway } from '../workbook/xlsx';
import { evaluate, highlightRequests, readWorkbook, writeResults } from '../workbook/analyse';
import { WorkbookError } from '../workbook/gateway';
import { formatNumber } from '../domain/i18n';
import { pick } from '../domain/sheets/common';
import type { RunArgs } from './args';
import { describeOutcome, describeReading } from './print';
import { InputError, loadRules, parseParams } from './rules';

export interface RunIO {
  out: (line: string) => void;
  progress: (line: string) => void;
}

export async function runCommand(args: RunArgs, io: RunIO): Promise<number> {
  const { lang } = args;
  if (args.out && resolve(args.out) === resolve(args.input)) throw new InputError(pick(lang, '--out không được trùng tệp đầu vào', '--out must not be the input file'));
  const rules = loadRules(args.rules, lang);
  const params = parseParams(rules, args.params);
  const gw = new XlsxFileGateway(args.input);
  let lastTenth = -1;
  const state = await readWorkbook(gw, {
    onProgress: ({ done, total, phase }) => {
      const tenth = total > 50_000 ? Math.floor((done / total) * 10) : -1;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.progress(`${pick(lang, 'Đang đọc', 'Reading')} ${phase}: ${formatNumber(done, lang)}/${formatNumber(total, lang)}`);
      }
    },
  });
  describeReading(state, lang).forEach(io.out);
  if (!state.reading.layouts.length) throw new WorkbookError(pick(lang, `Không nhận ra trang tính nào là bảng đơn vị, sáng kiến hay cán bộ trong ${args.input}`, `No sheet of ${args.input} is recognisable as units, initiatives or officials`), 'not_workbook');
  const outcome = evaluate(state, rules, params);
  describeOutcome(outcome, lang).forEach(io.out);
  if (args.report) {
    await writeFile(args.report, JSON.stringify(buildReport(outcome, lang), null, 2) + '\n');
    io.out(`${pick(lang, 'Báo cáo JSON', 'JSON report')}: ${args.report}`);
  }
  if (args.out) {
    const names = await writeResults(gw, outcome, state, lang);
    await gw.highlight(highlightRequests(outcome, state, outcome.rules.criteria.filter((c) => !c.partOf).map((c) => c.id)));
    const saved = await gw.save(args.out);
    io.out(`${pick(lang, 'Bảng kết quả', 'Results workbook')}: ${args.out} (${names.join(', ')})`);
    for (const note of saved.notes) io.out(`  ${note[lang]}`);
  }
  return 0;
}
