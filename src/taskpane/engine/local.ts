/**
 * The engine in the pane's own thread (tests, jsdom, hosts without Web Workers): the same reading
 * and evaluation code as the worker (ingest.ts, evaluation.ts), yielding to the browser between
 * slices so the progress bar moves and Cancel can be pressed.
 */
import { WorkbookError } from '../../workbook/gateway';
import { type HeldWorkbook, Ingest } from './ingest';
import { OutcomeQueries } from './evaluation';
import { NOT_READ_MESSAGE } from './messages';
import type { Analysis, Engine, WorkbookSink } from './types';

function analysisOf(q: OutcomeQueries): Analysis {
  return {
    views: q.views,
    workbook: q.workbook,
    explainRow: async (sheet, row) => q.explainRow(sheet, row),
    rowsWith: async (criterion, result) => q.rowsWith(criterion, result),
    highlightRequests: async (criteria) => q.highlightRequests(criteria),
    resultSheets: async (kind, lang, review) => q.resultSheets(kind, lang, review),
    release: () => undefined, // the garbage collector frees it with the last reference
  };
}

export function createLocalEngine(): Engine {
  let held: HeldWorkbook | null = null;
  let readings = 0;
  return {
    beginReading(): WorkbookSink {
      let ingest: Ingest | null = new Ingest(++readings);
      const open = (): Ingest => {
        if (!ingest) throw new Error('This reading has ended.');
        return ingest;
      };
      return {
        sheet: async (name, merges, override) => open().sheet(name, merges, override),
        push: async (chunk) => open().push(chunk),
        finish: async (sheets) => {
          held = open().finish(sheets);
          ingest = null;
          return held.shape;
        },
        abort: () => void (ingest = null),
      };
    },
    async evaluate(input, signal, onProgress) {
      if (!held) throw new WorkbookError(NOT_READ_MESSAGE, 'missing');
      return analysisOf(await OutcomeQueries.evaluate(held, input, signal, onProgress));
    },
    dispose() {
      held = null;
    },
  };
}
