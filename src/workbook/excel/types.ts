/** Shared types of the Excel (office-js) adapter. */

/** `Excel.run` in production; the fake's `run` in tests and in the browser preview. */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, injectable so tests can play older hosts. */
export type Requirements = (set: string, version: string) => boolean;

/** The subset of `Office.Settings` (document settings) the adapter uses. */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: unknown }) => void): void;
}

export interface ExcelGatewayOptions {
  /** Bytes per request/response the adapter plans for (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /** Cells per range read (all platforms: 5,000,000). */
  maxCellsPerRead?: number;
  /** Default: Office.context.requirements.isSetSupported when Office is loaded, else "nothing supported". */
  requirements?: Requirements;
  /** Default: Office.context.document.settings when present; null forces the custom-XML fallback. */
  documentSettings?: OfficeSettingsLike | null;
  /** Internal links set per result sheet (each is one API call). */
  maxLinksPerSheet?: number;
  /** Data rows of a result sheet asked of its source at once (the pane's engine sends them a page at a time). */
  sheetPageRows?: number;
}

export interface ResolvedOptions {
  maxPayloadBytes: number;
  maxCellsPerRead: number;
  requirements: Requirements;
  maxLinksPerSheet: number;
  sheetPageRows: number;
}

/** Worksheet custom property that marks sheets the add-in wrote (ExcelApi 1.12). */
export const OWNED_KEY = 'BinhXet.owned';
