/**
 * The one door between the domain and a workbook. Adapters: Excel (office-js) in
 * `excel/`, and `.xlsx` files (own streaming reader and zip-level writer) in `xlsx/` for the command line and tests.
 * Everything here is asynchronous and chunked so that a 1,048,576-row sheet never has to
 * be in one request or one array twice.
 */
import type { RowChunk, MergedArea } from '../domain/cells';
import type { WritableSheet } from './sheet-source';

export interface SheetInfo {
  name: string;
  rowCount: number; // last used row (1-based), 0 for an empty sheet
  columnCount: number; // last used column
  visible: boolean;
  /** True for sheets the add-in wrote itself (result sheets); they are never read as source. */
  owned: boolean;
}

export interface Progress {
  done: number;
  total: number;
  phase: string;
}

export interface ReadOptions {
  /** Rows per chunk; adapters may lower it to respect payload limits. */
  chunkRows?: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** A criterion's highlight on source rows: one colour per criterion, whole rows. */
export interface HighlightRequest {
  key: string; // criterion id, e.g. "2.1.2a"
  color: string; // "#RRGGBB"
  sheet: string;
  rows: number[]; // 1-based Excel rows, ascending
  columnCount: number; // width of the table
}

/** Where the user's selection is: the sheet and the first selected row (1-based). */
export interface SelectionPoint {
  sheet: string;
  row: number;
}

export interface WorkbookGateway {
  listSheets(): Promise<SheetInfo[]>;
  /** Merged areas in the first `rows` rows (for header detection); may be empty when unknown. */
  headerMerges(sheet: string, rows: number): Promise<MergedArea[]>;
  /** The sheet's values in ascending row chunks, starting at row 1. */
  readSheet(sheet: string, options?: ReadOptions): AsyncIterable<RowChunk>;
  /** Writes (or replaces, when it is the add-in's own) a result sheet; returns the name actually used. */
  writeSheet(sheet: WritableSheet, options?: ReadOptions): Promise<string>;
  highlight(requests: HighlightRequest[]): Promise<void>;
  /** Removes exactly the add-in's highlights (all, or those of the given keys). */
  clearHighlights(keys?: string[]): Promise<void>;
  loadSettings<T>(key: string): Promise<T | null>;
  saveSettings<T>(key: string, value: T): Promise<void>;
  /**
   * Optional (hosts with a user selection): selects whole rows of a sheet and shows that sheet.
   * Resolves to how many of the rows were selected — fewer than asked when Excel's address limit
   * (8,192 characters) cuts a scattered list; the first rows are always the ones selected.
   */
  selectRows?(sheet: string, rows: number[]): Promise<number>;
  /** Optional: calls `cb` whenever the user selects cells; returns a function that stops listening. */
  onSelectionChanged?(cb: (sel: SelectionPoint) => void): () => void;
}

/** Thrown by adapters with a message fit for the officer (protected sheet, payload too large, …). */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: 'protected' | 'payload' | 'busy' | 'not_workbook' | 'missing' | 'cancelled' | 'other',
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
