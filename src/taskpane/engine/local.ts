/**
 * The engine in the pane's own thread: evaluation runs between yields to the browser, and every
 * answer is plain data (see types.ts), so a Web Worker host can replace this one without the
 * session noticing.
 */
import type { Result } from '../../domain/engine/verdict';
import type { Outcome } from '../../domain/engine/run';
import type { Lang } from '../../domain/i18n';
import { subjectsWith } from '../../domain/highlights';
import { buildNominationSheets } from '../../domain/sheets/nominations';
import { buildReviewSheet, type ReviewRow } from '../../domain/sheets/review';
import { buildSummarySheet } from '../../domain/sheets/summary';
import type { ResultSheet } from '../../domain/sheets/model';
import { evaluate, highlightRequests, type WorkbookState } from '../../workbook/analyse';
import type { HighlightRequest } from '../../workbook/gateway';
import { explainRow } from './explain';
import { RowIndex, sourceRows } from './index-rows';
import type { Analysis, AnalysisViews, Engine, EngineInput, ResultSheetKind, RowExplanation } from './types';
import { buildViews } from './views';
import { throwIfAborted, yieldToUi } from './yield';

class LocalAnalysis implements Analysis {
  constructor(
    private readonly outcome: Outcome,
    private readonly state: WorkbookState,
    private readonly index: RowIndex,
    readonly views: AnalysisViews,
  ) {}

  async explainRow(sheet: string, row: number): Promise<RowExplanation | null> {
    return explainRow(this.outcome, this.index, sheet, row);
  }

  async rowsWith(criterion: string, result: Result): Promise<{ sheet: string; rows: number[] }[]> {
    const bySheet = new Map<string, Set<number>>();
    for (const s of subjectsWith(this.outcome, criterion, result)) {
      for (const src of sourceRows(this.outcome, s)) (bySheet.get(src.sheet) ?? bySheet.set(src.sheet, new Set()).get(src.sheet)!).add(src.row);
    }
    return [...bySheet].map(([sheet, rows]) => ({ sheet, rows: [...rows].sort((a, b) => a - b) }));
  }

  async highlightRequests(criteria: string[]): Promise<HighlightRequest[]> {
    return highlightRequests(this.outcome, this.state, criteria);
  }

  async resultSheets(kind: ResultSheetKind, lang: Lang, review: ReviewRow[]): Promise<ResultSheet[]> {
    if (kind === 'summary') return [buildSummarySheet(this.outcome, lang)];
    if (kind === 'nominations') return buildNominationSheets(this.outcome, lang);
    return [buildReviewSheet(this.outcome, review, lang)];
  }
}

export function createLocalEngine(): Engine {
  return {
    async evaluate({ state, rules, params }: EngineInput, signal?: AbortSignal): Promise<Analysis> {
      await yieldToUi(signal);
      const outcome = evaluate(state, rules, params);
      await yieldToUi(signal);
      const index = new RowIndex(outcome);
      const views = await buildViews(outcome, state.review, index, signal);
      throwIfAborted(signal);
      return new LocalAnalysis(outcome, state, index, views);
    },
  };
}
