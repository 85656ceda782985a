/** The session's state: one immutable snapshot per change, for `useSyncExternalStore`. */
import type { Result } from '../../domain/engine/verdict';
import type { Bilingual, Lang } from '../../domain/i18n';
import type { RuleSet } from '../../domain/rules/types';
import type { SelectionPoint, WorkbookError } from '../../workbook/gateway';
import type { DecisionKind } from '../../domain/engine/decisions';
import type { Analysis, AnalysisViews, LoadedWorkbook, RowExplanation } from '../engine/types';
import type { DataView } from './data-view';
import type { StoredSettings } from './settings';

export type SessionAction =
  | 'load'
  | 'reread'
  | 'evaluate'
  | 'highlight'
  | 'clearHighlights'
  | 'select'
  | 'decide'
  | 'writeNominations'
  | 'writeSummary'
  | 'writeReview';

export type BusyStep = 'settings' | 'read' | 'evaluate' | 'highlight' | 'select' | 'write' | 'review';

export interface Busy {
  action: SessionAction;
  step: BusyStep;
  /** The sheet being read or written, when there is one. */
  detail: string | null;
  done: number | null;
  total: number | null;
  cancellable: boolean;
}

export type Notice =
  | { type: 'cancelled' }
  | { type: 'selected'; sheet: string; selected: number; total: number; otherSheets: string[] }
  | { type: 'nothingToSelect' }
  | { type: 'selectionUnsupported' }
  | { type: 'written'; what: 'nominations' | 'summary' | 'review'; sheets: string[] }
  | { type: 'highlighted'; criterion: string; rows: number }
  | { type: 'nothingToHighlight'; criterion: string }
  | { type: 'highlightsCleared' }
  | { type: 'decisionSaved'; kind: DecisionKind | null; sheet: string }
  | { type: 'reviewChanged' }
  | { type: 'settingsNotSaved'; message: string }
  | { type: 'settingsNotRead'; message: string };

export interface SessionError {
  action: SessionAction;
  message: string;
  code: WorkbookError['code'] | 'unexpected';
}

export interface SessionState {
  /**
   * idle: not started; loading: first read; ready: a workbook is read; failed: the first read
   * failed; stale: reading again failed or was cancelled after the engine let go of the workbook
   * read before (it holds one at a time), so it must be read again.
   */
  status: 'idle' | 'loading' | 'ready' | 'failed' | 'stale';
  busy: Busy | null;
  error: SessionError | null;
  notice: Notice | null;
  lang: Lang;
  settings: StoredSettings;
  rules: RuleSet;
  /** Why the remembered or loaded custom rule set was refused. */
  rulesErrors: Bilingual[] | null;
  /** The workbook's shape (its rows and the review sheet's rows are with the engine). */
  workbook: LoadedWorkbook | null;
  analysis: Analysis | null;
  views: AnalysisViews | null;
  data: DataView | null;
  highlighted: string[];
  selection: SelectionPoint | null;
  explanation: RowExplanation | null;
  written: { nominations: string[]; summary: string | null; review: string | null };
  /** The host can select rows and report the user's selection. */
  canSelect: boolean;
}

export type CountKind = Result;
