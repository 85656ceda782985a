/**
 * Evaluating a held workbook with some review rows, in slices (decide, index the rows and the
 * review list, build the views), and answering the pane's questions about the outcome — the same
 * code in the worker and in the pane's thread.
 */
import type { Outcome } from '../../domain/engine/run';
import type { Result } from '../../domain/engine/verdict';
import { subjectsWith } from '../../domain/highlights';
import type { Lang } from '../../domain/i18n';
import { BLOCK_PAGE_ROWS, type OutRow, type ResultSheet } from '../../domain/sheets/model';
import { buildNominationSheets } from '../../domain/sheets/nominations';
import { buildReviewSheet, type ReviewRow } from '../../domain/sheets/review';
import { buildSummarySheet } from '../../domain/sheets/summary';
import { evaluate, highlightRequests, type WorkbookState } from '../../workbook/analyse';
import { type HighlightRequest, WorkbookError } from '../../workbook/gateway';
import { sheetHead } from '../../workbook/sheet-source';
import type { HeldSheets } from './protocol';
import { RELEASED_MESSAGE } from './messages';
import { explainRow } from './explain';
import type { HeldWorkbook } from './ingest';
import { RowIndex, sourceRows } from './index-rows';
import { candidatePage } from './nominations';
import { ReviewList } from './review-list';
import type { AnalysisViews, CandidateList, CandidateView, EvaluateInput, EvaluatePhase, EvaluateProgress, FlagPage, FlagQuery, ResultSheetKind, RowExplanation, WorkbookShape } from './types';
import { buildViews } from './views';
import { throwIfAborted, yieldToUi } from './yield';

const PHASES: EvaluatePhase[] = ['decide', 'index', 'views'];

/** The most result-sheet rows one question returns. */
const MAX_SHEET_PAGE = 5 * BLOCK_PAGE_ROWS;

/** The outcome of one evaluation and what answers questions about it. */
export class OutcomeQueries {
  private held: { handle: number; sheets: ResultSheet[] } | null = null;
  private handles = 0;

  private constructor(
    private readonly outcome: Outcome,
    private readonly state: WorkbookState,
    private readonly index: RowIndex,
    private readonly list: ReviewList,
    readonly views: AnalysisViews,
    readonly workbook: WorkbookShape,
  ) {}

  /**
   * Evaluates with these review rows between yields (the caller's thread can take messages or
   * paint), stopping when `signal` is aborted.
   */
  static async evaluate(held: HeldWorkbook, review: ReviewRow[], input: Pick<EvaluateInput, 'rules' | 'params'>, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<OutcomeQueries> {
    const phase = async (done: number) => {
      await yieldToUi(signal);
      onProgress?.({ phase: PHASES[done]!, done, total: PHASES.length });
    };
    const state: WorkbookState = { sheets: held.sheets, reading: held.reading, review };
    await phase(0);
    const outcome = evaluate(state, input.rules, input.params);
    await phase(1);
    const index = new RowIndex(outcome);
    const list = await ReviewList.build(outcome, review, index, signal);
    await phase(2);
    const views = await buildViews(outcome, list, signal);
    throwIfAborted(signal);
    return new OutcomeQueries(outcome, state, index, list, views, held.shape);
  }

  /** The review rows (reviewers' decisions) this outcome applies. */
  get review(): ReviewRow[] {
    return this.state.review;
  }

  flagPage(query: FlagQuery): FlagPage {
    return this.list.page(query);
  }

  candidates(nomination: number, list: CandidateList, offset: number, limit: number): CandidateView[] {
    return candidatePage(this.outcome, nomination, list, offset, limit);
  }

  explainRow(sheet: string, row: number): RowExplanation | null {
    return explainRow(this.outcome, this.index, sheet, row);
  }

  rowsWith(criterion: string, result: Result): { sheet: string; rows: number[] }[] {
    const bySheet = new Map<string, Set<number>>();
    for (const s of subjectsWith(this.outcome, criterion, result)) {
      for (const src of sourceRows(this.outcome, s)) (bySheet.get(src.sheet) ?? bySheet.set(src.sheet, new Set()).get(src.sheet)!).add(src.row);
    }
    return [...bySheet].map(([sheet, rows]) => ({ sheet, rows: [...rows].sort((a, b) => a - b) }));
  }

  highlightRequests(criteria: string[]): HighlightRequest[] {
    return highlightRequests(this.outcome, this.state, criteria);
  }

  resultSheets(kind: ResultSheetKind, lang: Lang, review: ReviewRow[]): ResultSheet[] {
    if (kind === 'summary') return [buildSummarySheet(this.outcome, lang)];
    if (kind === 'nominations') return buildNominationSheets(this.outcome, lang);
    return [buildReviewSheet(this.outcome, review, lang)];
  }

  /**
   * Builds result sheets and keeps them (one set at a time) for `sheetRows`: the pane gets their
   * heads, then their rows a page at a time while it writes them.
   */
  holdResultSheets(kind: ResultSheetKind, lang: Lang, review: ReviewRow[]): HeldSheets {
    const sheets = this.resultSheets(kind, lang, review);
    this.held = { handle: ++this.handles, sheets };
    return { handle: this.held.handle, heads: sheets.map(sheetHead) };
  }

  sheetRows(handle: number, sheet: number, block: number, start: number, end: number): OutRow[] {
    if (this.held?.handle !== handle) throw new WorkbookError(RELEASED_MESSAGE, 'missing');
    const b = this.held.sheets[sheet]?.blocks[block];
    return b ? b.rows(start, Math.min(end, start + MAX_SHEET_PAGE, b.rowCount)) : [];
  }

  releaseSheets(handle: number): void {
    if (this.held?.handle === handle) this.held = null;
  }
}
