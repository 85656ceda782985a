/**
 * What the pane needs from the rule engine, as plain data. The engine owns the workbook's data:
 * the pane feeds it chunk by chunk (`WorkbookSink`) and keeps only the shape, the views and small
 * answers. Every argument and result is structured-cloneable (no classes, no functions) and every
 * method is asynchronous, so the same interface is served in the pane's thread (local.ts) and
 * from a Web Worker (remote.ts ↔ host.ts).
 */
import type { Params } from '../../domain/engine/params';
import type { Result } from '../../domain/engine/verdict';
import type { DecisionKind } from '../../domain/engine/decisions';
import type { Bilingual, Lang } from '../../domain/i18n';
import type { Severity } from '../../domain/issues';
import type { RuleSet, Subject } from '../../domain/rules/types';
import type { ResultSheet } from '../../domain/sheets/model';
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

export interface NominationView {
  award: string;
  awardTitle: Bilingual;
  /** Group unit name, or "*" for the whole workbook. */
  group: string;
  /** Slots of the group; null when unknown (data missing) or for an award without a cap. */
  quota: number | null;
  uncapped: boolean;
  quotaReason: Bilingual;
  selected: CandidateView[];
  reserve: CandidateView[];
  excluded: CandidateView[];
  displaced: { pinned: string; displaced: string }[];
}

/** One row of the review list: an automatic flag or data issue, or a reviewer's own row. */
export interface FlagView {
  id: string;
  key: string;
  code: string;
  kind: ReviewRow['kind'];
  subject: string;
  /** The subject's own unit (the grassroots union of an initiative…). */
  unit: string | null;
  /** The upper-level union it belongs to (reviewers split the work by it). */
  upper: string | null;
  where: SheetRow | null;
  message: Bilingual;
  severity: Severity | 'reviewer';
  /** A data issue of the reading, a missing piece of evidence, or a reviewer's own row. */
  category: 'data' | 'evidence' | 'reviewer';
  source: 'auto' | 'reviewer';
  award: string | null;
  decision: DecisionKind | null;
  who: string | null;
  when: string | null;
  note: string | null;
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
  flags: FlagView[];
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

/** The pane's workbook: its shape and the rows of the review sheet (decisions to apply). */
export interface LoadedWorkbook extends WorkbookShape {
  review: ReviewRow[];
}

/** One reading into the engine, fed one chunk at a time from the thread that talks to Excel. */
export interface WorkbookSink {
  /** Starts a sheet (and ends the one before). */
  sheet(name: string, merges: MergedArea[], override: LayoutOverride | undefined): Promise<void>;
  /** Hands a chunk over (the caller keeps no reference to it); resolves when the engine has taken it in. */
  push(chunk: RowChunk): Promise<void>;
  /** Ends the reading: it becomes the workbook that `evaluate` works on. */
  finish(sheets: SheetInfo[]): Promise<WorkbookShape>;
  /** Drops an unfinished reading; the engine keeps the workbook it had. */
  abort(): void;
}

export interface EvaluateInput {
  rules: RuleSet;
  params: Params;
  /** The review sheet's rows (reviewers' decisions); they live in the pane, which edits them. */
  review: ReviewRow[];
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
  readonly views: AnalysisViews;
  /** The workbook it was evaluated on. */
  readonly workbook: WorkbookShape;
  explainRow(sheet: string, row: number): Promise<RowExplanation | null>;
  /** Source rows of the subjects with this result for a criterion, per sheet. */
  rowsWith(criterion: string, result: Result): Promise<{ sheet: string; rows: number[] }[]>;
  highlightRequests(criteria: string[]): Promise<HighlightRequest[]>;
  resultSheets(kind: ResultSheetKind, lang: Lang, review: ReviewRow[]): Promise<ResultSheet[]>;
  /** The pane no longer needs it: the engine may free its outcome (later queries fail). */
  release(): void;
}

export interface Engine {
  /** A new reading; the workbook read before stays until it is finished. */
  beginReading(): WorkbookSink;
  /** Evaluates the last workbook whose reading finished. */
  evaluate(input: EvaluateInput, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis>;
  /** Frees everything (a worker is terminated). */
  dispose(): void;
}
