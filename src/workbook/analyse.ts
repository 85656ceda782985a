/**
 * The one-way flow over any gateway: workbook → tables → entities → verdicts → nominations → sheets.
 * Used by the command line (xlsx gateway) and the task pane (Excel gateway) alike.
 */
import { decisionsFrom, readReviewRows, type ReviewRow } from '../domain/sheets/review';
import { decide, type Outcome } from '../domain/engine/run';
import type { Params } from '../domain/engine/params';
import type { LayoutOverride } from '../domain/detect/layout';
import { SheetFeeder, WorkbookAssembler, type WorkbookReading } from '../domain/read/workbook-reader';
import { HEADER_SCAN_ROWS } from '../domain/detect/header';
import type { RuleSet } from '../domain/rules/types';
import type { Lang } from '../domain/i18n';
import { buildResultSheets } from '../domain/sheets';
import { markedRows } from '../domain/highlights';
import { foldKey } from '../domain/text';
import type { HighlightRequest, Progress, SheetInfo, WorkbookGateway } from './gateway';
import type { CellValue } from '../domain/cells';

export interface ReadOptions {
  overrides?: LayoutOverride[];
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface WorkbookState {
  sheets: SheetInfo[];
  reading: WorkbookReading;
  /** Rows of the add-in's review sheet from an earlier run (decisions to apply). */
  review: ReviewRow[];
}

const isReviewSheet = (s: SheetInfo) => s.owned && /^(ra soat|review)\b/.test(foldKey(s.name));

export async function readWorkbook(gw: WorkbookGateway, options: ReadOptions = {}): Promise<WorkbookState> {
  const sheets = await gw.listSheets();
  const assembler = new WorkbookAssembler();
  const total = sheets.reduce((n, s) => n + (s.owned ? 0 : s.rowCount), 0);
  let done = 0;
  let review: ReviewRow[] = [];
  for (const sheet of sheets) {
    if (sheet.owned) {
      if (isReviewSheet(sheet)) review = await readOwnedRows(gw, sheet.name, options.signal);
      continue;
    }
    const merges = sheet.rowCount ? await sheetMerges(gw, sheet) : [];
    const feeder = new SheetFeeder(sheet.name, merges, options.overrides?.find((o) => o.sheet === sheet.name));
    for await (const chunk of gw.readSheet(sheet.name, { signal: options.signal })) {
      feeder.push(chunk);
      done += chunk.rows.length;
      options.onProgress?.({ done, total, phase: sheet.name });
    }
    assembler.add(feeder);
  }
  return { sheets, reading: assembler.finish(), review };
}

/**
 * Merged areas of the header rows and of the data below them (a parent merged down over its rows).
 * Asked in two steps: a host that cannot list a whole sheet's merges (Excel refuses too many areas)
 * still gives the header's.
 */
export async function sheetMerges(gw: WorkbookGateway, sheet: SheetInfo) {
  const head = await gw.headerMerges(sheet.name, HEADER_SCAN_ROWS);
  if (sheet.rowCount <= HEADER_SCAN_ROWS) return head;
  const all = await gw.headerMerges(sheet.name, sheet.rowCount);
  return all.length >= head.length ? all : head;
}

async function readOwnedRows(gw: WorkbookGateway, name: string, signal?: AbortSignal): Promise<ReviewRow[]> {
  const rows: CellValue[][] = [];
  for await (const chunk of gw.readSheet(name, { signal })) chunk.rows.forEach((r, i) => (rows[chunk.startRow - 1 + i] = r));
  return readReviewRows(Array.from({ length: rows.length }, (_, i) => rows[i] ?? []));
}

export function evaluate(state: WorkbookState, rules: RuleSet, params: Params = {}): Outcome {
  return decide(state.reading.model, rules, params, decisionsFrom(state.review));
}

/** Highlight requests for the given criteria, sized to each sheet's table width. */
export function highlightRequests(outcome: Outcome, state: WorkbookState, criteria: string[]): HighlightRequest[] {
  const width = new Map(state.sheets.map((s) => [s.name, s.columnCount]));
  const out: HighlightRequest[] = [];
  for (const id of criteria) {
    const marked = markedRows(outcome, id);
    for (const [sheet, rows] of marked.rows) out.push({ key: id, color: marked.color, sheet, rows, columnCount: width.get(sheet) ?? 1 });
  }
  return out;
}

/** Writes every result sheet; returns the names actually used. */
export async function writeResults(gw: WorkbookGateway, outcome: Outcome, state: WorkbookState, lang: Lang): Promise<string[]> {
  const names: string[] = [];
  for (const sheet of buildResultSheets(outcome, state.review, lang)) names.push(await gw.writeSheet(sheet));
  return names;
}
