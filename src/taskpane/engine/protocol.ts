/**
 * The messages between the pane (remote.ts) and the engine's worker (host.ts). Every request has an
 * id and gets exactly one `done` or `failed` reply with that id (evaluations also send `progress`).
 * Chunks travel one per message and are structured-cloned: the pane drops its copy once posted.
 * Answers are of bounded size (views, one page of review rows, candidates or result-sheet rows)
 * except the row numbers Excel itself must be given (rows to select or highlight).
 */
import type { MergedArea, RowChunk } from '../../domain/cells';
import type { LayoutOverride } from '../../domain/detect/layout';
import type { Result } from '../../domain/engine/verdict';
import type { Lang } from '../../domain/i18n';
import type { SheetInfo, WorkbookError } from '../../workbook/gateway';
import type { SheetHead } from '../../workbook/sheet-source';
import type { AnalysisViews, CandidateList, EvaluateInput, EvaluateProgress, FlagQuery, ResultSheetKind, ReviewEdit, WorkbookShape } from './types';

export type Query =
  | { method: 'explainRow'; sheet: string; row: number }
  | { method: 'rowsWith'; criterion: string; result: Result }
  | { method: 'highlightRequests'; criteria: string[] }
  | { method: 'flagPage'; query: FlagQuery }
  | { method: 'candidates'; nomination: number; list: CandidateList; offset: number; limit: number }
  /** Builds result sheets for writing and holds them: answers their heads and a handle. */
  | { method: 'resultSheets'; kind: ResultSheetKind; lang: Lang; review: 'analysis' | 'sheet' }
  | { method: 'sheetRows'; handle: number; sheet: number; block: number; start: number; end: number }
  | { method: 'releaseSheets'; handle: number };

/**
 * `reading` is the id of the `begin` (a workbook: the engine drops what it held) or `beginReview`
 * (the review sheet again) request that opened the reading.
 */
export type Request =
  | { type: 'begin'; id: number }
  | { type: 'sheet'; id: number; reading: number; name: string; merges: MergedArea[]; override: LayoutOverride | undefined }
  | { type: 'review'; id: number; reading: number; name: string }
  | { type: 'chunk'; id: number; reading: number; chunk: RowChunk }
  | { type: 'finish'; id: number; reading: number; sheets: SheetInfo[] }
  | { type: 'beginReview'; id: number }
  | { type: 'finishReview'; id: number; reading: number }
  | { type: 'abort'; id: number; reading: number }
  /** With an edit: applied to the review rows first; answered null when it changes nothing. */
  | { type: 'evaluate'; id: number; input: EvaluateInput; edit?: ReviewEdit }
  | { type: 'query'; id: number; analysis: number; query: Query }
  | { type: 'release'; id: number; analysis: number }
  /** Stops the evaluation of request `target` at its next slice. */
  | { type: 'cancel'; id: number; target: number };

/** What an evaluation answers: the id to query it by, its views and the workbook it was evaluated on. */
export interface Evaluated {
  analysis: number;
  views: AnalysisViews;
  workbook: WorkbookShape;
}

/** Result sheets built for writing: their heads, and the handle their rows are asked by. */
export interface HeldSheets {
  handle: number;
  heads: SheetHead[];
}

export interface ErrorData {
  message: string;
  /** A WorkbookError's code (cancelled, missing…), or null for any other error. */
  code: WorkbookError['code'] | null;
}

export type Reply =
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: ErrorData }
  | { type: 'progress'; id: number; progress: EvaluateProgress };

/** One end of the channel: a Worker, the worker's own scope, or a MessagePort (tests). */
export interface Endpoint {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
