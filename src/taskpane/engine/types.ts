/**
 * What the pane needs from the rule engine, as plain data. The engine owns the workbook's data —
 * its rows, the review sheet's rows, every outcome: the pane feeds it chunk by chunk
 * (`WorkbookSink`, `ReviewSink`) and keeps only the shape, views of bounded size (counts, the first
 * few of each list) and the page it shows. Every argument and result is structured-cloneable (no
 * classes, no functions) and every method is asynchronous, so the same interface is served from a
 * Web Worker (remote.ts ↔ host.ts) and in the pane's own thread (local.ts).
 */
import type { Params } from '../../domain/engine/params';
import type { Result } from '../../domain/engine/verdict';
import type { DecisionKind } from '../../domain/engine/decisions';
import type { Bilingual, Lang } from '../../domain/i18n';
import type { Severity } from '../../domain/issues';
import type { RuleSet, Subject } from '../../domain/rules/types';
import type { SheetSource } from '../../workbook/sheet-source';
import type { ReviewRow } from '../../domain/sheets/review';
import type { MergedArea, RowChunk } from '../../domain/cells';
import type { LayoutOverride, SheetLayout } from '../../domain/detect/layout';
import type { WorkbookReading } from '../../domain/read/workbook-reader';
import type { HighlightRequest, SheetInfo } from '../../workbook/gateway';

export interface SheetRow {
  sheet: string;
  row: number;
}

export interface Tally {
  met: number;
  not_met: number;
  unknown: number;
}

export interface CriterionView {
  id: string;
  title: Bilingual;
  /** The award this is a sub-condition of ("2.1.2" for "2.1.2a"), or null for an award itself. */
  partOf: string | null;
  appliesTo: Subject[];
  color: string;
  counts: Tally;
  /** The most frequent reasons of its "unknown" verdicts (from a sample), most frequent first. */
  unknownReasons: { reason: Bilingual; count: number }[];
}

export type SubjectKind = 'unit' | 'person' | 'official';

export interface CandidateView {
  key: string;
  kind: SubjectKind;
  name: string;
  unit: string | null;
  where: SheetRow | null;
  /** The numbers that qualify it: "152% (38/25)", "3 SK; làm lợi cao nhất 120.000.000 đ". */
  figures: Bilingual;
  pinned: boolean;
}

export type CandidateList = 'selected' | 'reserve' | 'excluded';

export interface NominationView {
  /** Which nomination of the outcome this is (to ask for more of its candidates). */
  id: number;
  award: string;
  awardTitle: Bilingual;
  /** Group unit name, or "*" for the whole workbook. */
  group: string;
  /** Slots of the group; null when unknown (data missing) or for an award without a cap. */
  quota: number | null;
  uncapped: boolean;
  quotaReason: Bilingual;
  /** The first candidates of each list, in order (the rest: `Analysis.candidates`). */
  selected: CandidateView[];
  reserve: CandidateView[];
  excluded: CandidateView[];
  /** How many candidates each list has in all. */
  counts: Record<CandidateList, number>;
  /** Pins that pushed a candidate out (at most one per slot of the quota). */
  displaced: { pinned: string; displaced: string }[];
}

/**
 * One row of the review list: an automatic flag or data issue, or a reviewer's own row. The fields
 * it shares with the review sheet's rows mean the same; `unit` is the subject's own unit (the
 * grassroots union of an initiative…).
 */
export interface FlagView extends Pick<ReviewRow, 'key' | 'code' | 'kind' | 'subject' | 'unit' | 'source' | 'award' | 'decision' | 'who' | 'when' | 'note'> {
  id: string;
  /** The upper-level union it belongs to (reviewers split the work by it). */
  upper: string | null;
  where: SheetRow | null;
  message: Bilingual;
  severity: Severity | 'reviewer';
  /** A data issue of the reading, a missing piece of evidence, or a reviewer's own row. */
  category: 'data' | 'evidence' | 'reviewer';
}

export type FlagCategory = FlagView['category'];
export type DecisionFilter = DecisionKind | 'none';

/** Which rows of the review list to show; an absent or null field does not filter. */
export interface FlagFilter {
  category?: FlagCategory | null;
  code?: string | null;
  /** An upper-level union's name. */
  upper?: string | null;
  decision?: DecisionFilter | null;
}

/** `list`: as the review sheet lists them; `unit`: by upper-level union, then unit, then list order. */
export type FlagOrder = 'list' | 'unit';

export interface FlagQuery extends FlagFilter {
  order?: FlagOrder;
  offset: number;
  /** At most `MAX_PAGE` rows come back, whatever is asked. */
  limit: number;
}

export interface FlagPage {
  /** Rows matching the filter in all. */
  total: number;
  offset: number;
  rows: FlagView[];
}

/** Counts of the review list for the Review step's headings and filters (its rows are asked a page at a time). */
export interface ReviewSummary {
  total: number;
  /** Rows without a decision. */
  open: number;
  byCategory: Record<FlagCategory, number>;
  /** Rows per issue code and category (reviewers' own rows have the code "reviewer"), most frequent first. */
  byCode: { code: string; category: FlagCategory; count: number }[];
  /** Rows per upper-level union, in Vietnamese alphabetical order. */
  byUpper: { name: string; count: number }[];
  byDecision: Record<DecisionFilter, number>;
}

export interface Figures {
  units: number;
  upper: number;
  grassroots: number;
  initiatives: number;
  counted: number;
  withBenefit: number;
  evidenced: number;
  totalBenefit: number;
  authors: number;
  officials: number;
  /** Sum over the top of the hierarchy; null when a plan or count is unknown. */
  plan: number | null;
  count: number | null;
  issues: number;
  flags: number;
}

export interface AwardTotal {
  award: string;
  title: Bilingual;
  selected: number;
  reserve: number;
  /** Sum of known quotas; null for uncapped awards. */
  quota: number | null;
  uncapped: boolean;
}

export interface AnalysisViews {
  rulesTitle: Bilingual;
  criteria: CriterionView[];
  nominations: NominationView[];
  awards: AwardTotal[];
  /** The review list's counts; its rows: `Analysis.flagPage`. */
  review: ReviewSummary;
  figures: Figures;
}

export interface VerdictView {
  id: string;
  title: Bilingual;
  result: Result;
  reason: Bilingual;
}

/** What the row the user selected in Excel is, and every verdict about it with its reason. */
export interface RowExplanation {
  sheet: string;
  row: number;
  subjects: { kind: SubjectKind | 'initiative'; name: string; unit: string | null; verdicts: VerdictView[]; notes: Bilingual[] }[];
}

export interface WorkbookCounts {
  upper: number;
  grassroots: number;
  enterprise: number;
  initiatives: number;
  officials: number;
}

/** What the pane keeps of a workbook the engine has read: its sheets and layouts, a few counts (the rows stay in the engine). */
export interface WorkbookShape {
  /** Which reading this is (a newer reading has another number). */
  reading: number;
  sheets: SheetInfo[];
  layouts: SheetLayout[];
  skipped: WorkbookReading['skipped'];
  counts: WorkbookCounts;
  /** Some unit's bloc was read from section rows ("I. Khối LĐLĐ huyện…"). */
  blocs: boolean;
}

/** The pane's workbook: its shape (the review sheet's rows stay with the engine too). */
export type LoadedWorkbook = WorkbookShape;

/** One reading into the engine, fed one chunk at a time from the thread that talks to Excel. */
export interface WorkbookSink {
  /** Starts a sheet (and ends the one before). */
  sheet(name: string, merges: MergedArea[], override: LayoutOverride | undefined): Promise<void>;
  /** Starts the add-in's review sheet: the chunks that follow are reviewers' rows, not data. */
  review(name: string): Promise<void>;
  /** Hands a chunk over (the caller keeps no reference to it); resolves when the engine has taken it in. */
  push(chunk: RowChunk): Promise<void>;
  /** Ends the reading: it becomes the workbook that `evaluate` works on. */
  finish(sheets: SheetInfo[]): Promise<WorkbookShape>;
  /** Drops an unfinished reading (the workbook read before was dropped when this one began). */
  abort(): void;
}

/** The review sheet read again (reviewers may have edited it by hand), into the engine. */
export interface ReviewSink {
  push(chunk: RowChunk): Promise<void>;
  /** Resolves with the number of review rows read; they are the `'sheet'` review source from now on. */
  finish(): Promise<number>;
  abort(): void;
}

/**
 * Which review rows (reviewers' decisions) an evaluation applies — they stay in the engine:
 * those read with the workbook, those of the review sheet read last (`readReview`), or those an
 * earlier analysis was evaluated with (by its id).
 */
export type ReviewSource = 'reading' | 'sheet' | { analysis: number };

/** A reviewer's change of the review rows, applied by the engine (engine/review-edits.ts). */
export type ReviewEdit =
  | { type: 'decide'; target: DecisionTarget; decision: DecisionInput; lang: Lang; when: string }
  | { type: 'undo'; flag: FlagView }
  | { type: 'undoCandidate'; key: string; kind: DecisionKind; award: string };

export type DecisionTarget = { type: 'flag'; flag: FlagView } | { type: 'candidate'; candidate: CandidateView; award: string };

export interface DecisionInput {
  kind: DecisionKind;
  reason: string;
  reviewer: string;
  /** The award the decision is about; null = every award. */
  award: string | null;
}

export interface EvaluateInput {
  rules: RuleSet;
  params: Params;
  review: ReviewSource;
}

export type EvaluatePhase = 'decide' | 'index' | 'views';

/** `done` phases of `total` are finished; `phase` is the one running. */
export interface EvaluateProgress {
  phase: EvaluatePhase;
  done: number;
  total: number;
}

export type ResultSheetKind = 'summary' | 'nominations' | 'review';

/** One evaluated workbook (outcome), queried without handing out engine objects. */
export interface Analysis {
  /** How the engine knows it (a `ReviewSource` can name it). */
  readonly id: number;
  readonly views: AnalysisViews;
  /** The workbook it was evaluated on. */
  readonly workbook: WorkbookShape;
  explainRow(sheet: string, row: number): Promise<RowExplanation | null>;
  /** Source rows of the subjects with this result for a criterion, per sheet. */
  rowsWith(criterion: string, result: Result): Promise<{ sheet: string; rows: number[] }[]>;
  highlightRequests(criteria: string[]): Promise<HighlightRequest[]>;
  /** One page of the review list, filtered and sorted by the engine. */
  flagPage(query: FlagQuery): Promise<FlagPage>;
  /** More candidates of a nomination's list (`NominationView.id`), from `offset`. */
  candidates(nomination: number, list: CandidateList, offset: number, limit: number): Promise<CandidateView[]>;
  /**
   * Result sheets to write; the review sheet keeps the decisions of the rows this analysis was
   * evaluated with, or of the review sheet read last (`'sheet'`).
   */
  resultSheets(kind: ResultSheetKind, lang: Lang, review?: 'analysis' | 'sheet'): Promise<HeldResultSheets>;
  /** The pane no longer needs it: the engine may free its outcome (later queries fail). */
  release(): void;
}

/** Result sheets the engine holds while the pane writes them: their rows come a page at a time. */
export interface HeldResultSheets {
  sheets: SheetSource[];
  /** Written (or given up): the engine lets go of them. */
  release(): void;
}

export interface Engine {
  /** A new reading. The engine drops the workbook and outcomes it held at once: one copy of the data at a time. */
  beginReading(): WorkbookSink;
  /** Reads the review sheet as it is now (the workbook read before stays). */
  readReview(): ReviewSink;
  /** Evaluates the last workbook whose reading finished. */
  evaluate(input: EvaluateInput, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis>;
  /** Applies a reviewer's edit to the review rows of `input.review` and evaluates with them; null when the edit changes nothing. */
  evaluateEdit(input: EvaluateInput, edit: ReviewEdit, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis | null>;
  /** Frees everything (a worker is terminated). */
  dispose(): void;
}

/** The most review rows or candidates one question returns. */
export const MAX_PAGE = 200;
