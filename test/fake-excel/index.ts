/**
 * An in-memory fake of the Excel JavaScript API subset the adapter uses, shared by unit tests and
 * the browser preview (no Node APIs here; `from-xlsx.ts` is the Node-only loader).
 *
 *   const fake = createFakeExcel();
 *   fake.workbook.addSheet('DS sáng kiến', { values: [['STT', 'Tên'], [1, 'A']] });
 *   const gw = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, settings: fake.settings });
 *   fake.stats.syncs; fake.workbook.snapshot('DS sáng kiến');
 */
import { type Rect, colLetters, formatRect, parseAddressList, parseArea } from './address';
import { type FakeEnv, type FakeStats, type InjectedError, FakeContextCore, emptyStats, versionLE } from './core';
import { type CellStyle, type CfModel, type FakeValue, type HyperlinkModel, type SheetModel, WorkbookModel, SheetModel as SheetModelClass, newId } from './model';
import { validSheetName } from './objects/shared';
import { FakeRequestContext } from './objects/workbook';
import { selectionEventArgs } from './objects/events';

export { FakeOfficeError } from './core';
export type { FakeStats, InjectedError } from './core';
export type { CellStyle, FakeValue, SheetModel } from './model';

export interface FakeExcelOptions {
  /** Request and response limit per sync (default 5,000,000 bytes, Excel on the web). */
  payloadLimitBytes?: number;
  /** Cells per range read (default 5,000,000). */
  cellReadLimit?: number;
  /** Highest ExcelApi requirement set the fake host claims (default "1.17"). */
  apiVersion?: string;
  /** Whether `Office.context.document.settings` exists on this host (default true). */
  documentSettings?: boolean;
}

/** Seed of one sheet; 2-D arrays start at `origin` (default A1); null/undefined = nothing there. */
export interface SheetSeed {
  origin?: string;
  values?: (FakeValue | Date | null | undefined)[][];
  formulas?: (string | null | undefined)[][];
  numberFormats?: (string | null | undefined)[][];
  fills?: (string | null | undefined)[][];
  fonts?: (Partial<CellStyle> | null | undefined)[][];
  merges?: string[];
  conditionalFormats?: { address: string; type?: string; formula?: string; fill?: string; fontColor?: string; bold?: boolean }[];
  columnWidths?: Record<string, number>; // column letters → points
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  customProperties?: Record<string, string>;
}

export interface CellSnapshot {
  v?: FakeValue;
  f?: string;
  nf?: string;
  style?: CellStyle;
  link?: HyperlinkModel;
}

/** A conditional format as a snapshot shows it: its areas as one address instead of rectangles. */
export type CfSnapshot = Omit<CfModel, 'id' | 'rects'> & { address: string };

export interface SheetSnapshot {
  name: string;
  visibility: string;
  protected: boolean;
  cells: Record<string, CellSnapshot>;
  merges: string[];
  columnWidths: Record<string, number>;
  conditionalFormats: CfSnapshot[];
  customProperties: Record<string, string>;
  freeze: { rows: number; columns: number };
}

/** Office.Settings subset (get/set/remove/saveAsync) kept in memory; `saved` is what the document holds. */
export class FakeDocumentSettings {
  private live = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saveCount = 0;
  get(name: string): unknown {
    return this.live.has(name) ? structuredCloneJson(this.live.get(name)) : null;
  }
  set(name: string, value: unknown): void {
    this.live.set(name, structuredCloneJson(value));
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(options?: unknown, callback?: (r: { status: string; error?: unknown }) => void): void {
    const cb = typeof options === 'function' ? (options as typeof callback) : callback;
    Promise.resolve().then(() => {
      this.saved = new Map([...this.live].map(([k, v]) => [k, structuredCloneJson(v)]));
      this.saveCount++;
      cb?.({ status: 'succeeded' });
    });
  }
}

function structuredCloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Excel serial number of a JS Date (1900 date system, UTC calendar day). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

export type FakeRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface FakeExcel {
  run: FakeRun;
  workbook: FakeWorkbookHandle;
  stats: FakeStats;
  /** Zeroes every counter (keeps the same object). */
  resetStats(): void;
  /** Office.context.document.settings of this host, or undefined when `documentSettings: false`. */
  settings: FakeDocumentSettings | undefined;
  /** Office.context.requirements.isSetSupported for this host. */
  isSetSupported: (name: string, version?: string) => boolean;
  /** Makes the next matching sync fail with this error code (nothing of that sync is applied). */
  injectError(e: InjectedError): void;
  model: WorkbookModel;
  /**
   * Plays the user selecting `address` ("B12", "A5:K7", "12:12") on `sheet`: activates the sheet,
   * sets the selection and calls every registered selection-changed handler (awaited in turn).
   */
  userSelect(sheet: string, address: string): Promise<void>;
  /** The current selection as "sheet" + A1 areas, or null before anything was selected. */
  selection(): { sheet: string; address: string } | null;
  /** The sheet the user sees (activated by the API or by `userSelect`). */
  activeSheet(): string | null;
  /** Errors thrown by selection handlers (Excel swallows them; tests can look). */
  eventErrors: unknown[];
}

export function createFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel();
  const stats = emptyStats();
  const apiVersion = opts.apiVersion ?? '1.17';
  const env: FakeEnv = {
    model,
    apiVersion,
    stats,
    injected: [],
    limits: { payloadBytes: opts.payloadLimitBytes ?? 5_000_000, cellsPerRead: opts.cellReadLimit ?? 5_000_000 },
  };
  const run: FakeRun = async (batch) => {
    stats.runs++;
    const core = new FakeContextCore(env);
    const ctx = new FakeRequestContext(core);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (core._hasPending) await core.sync(); // Excel.run flushes what the batch left queued
    return result;
  };
  const eventErrors: unknown[] = [];
  const userSelect = async (sheetName: string, address: string) => {
    const sheet = model.find(sheetName);
    if (!sheet) throw new Error(`no sheet '${sheetName}'`);
    const rects = parseAddressList(address).rects;
    model.activeSheet = sheet;
    model.selection = { sheet, rects };
    const text = rects.map(formatRect).join(',');
    for (const h of [...model.selectionHandlers]) {
      const args = selectionEventArgs(h.scope, sheet, text);
      if (args === null) continue;
      try {
        await h.handler(args);
      } catch (e) {
        eventErrors.push(e);
      }
    }
  };
  return {
    run,
    stats,
    model,
    eventErrors,
    userSelect,
    selection: () => (model.selection && !model.selection.sheet.deleted ? { sheet: model.selection.sheet.name, address: model.selection.rects.map(formatRect).join(',') } : null),
    activeSheet: () => (model.activeSheet && !model.activeSheet.deleted ? model.activeSheet.name : (model.sheets.find((s) => s.visibility === 'Visible')?.name ?? null)),
    workbook: new FakeWorkbookHandle(model),
    settings: opts.documentSettings === false ? undefined : new FakeDocumentSettings(),
    isSetSupported: (name, version = '1.1') => name === 'ExcelApi' && versionLE(version, apiVersion),
    injectError: (e) => void env.injected.push(e),
    resetStats: () => void Object.assign(stats, emptyStats()),
  };
}

/** Seeding and inspection of the fake workbook, outside any request context. */
export class FakeWorkbookHandle {
  constructor(readonly model: WorkbookModel) {}

  addSheet(name: string, seed: SheetSeed = {}): SheetModel {
    if (!validSheetName(name)) throw new Error(`invalid sheet name '${name}'`);
    if (this.model.find(name)) throw new Error(`sheet '${name}' exists`);
    const s = new SheetModelClass(name);
    this.model.sheets.push(s);
    seedSheet(s, seed);
    return s;
  }

  sheet(name: string): SheetModel {
    const s = this.model.find(name);
    if (!s) throw new Error(`no sheet '${name}' (have: ${this.sheetNames().join(', ')})`);
    return s;
  }

  has(name: string): boolean {
    return this.model.find(name) !== undefined;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  setProtected(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** One cell by A1 address. */
  cell(sheet: string, a1: string): CellSnapshot {
    const s = this.sheet(sheet);
    const r = parseArea(a1);
    return cellSnapshot(s, r.r0, r.c0) ?? {};
  }

  /** Values of a rectangle as office-js would return them ('' for empty). */
  values(sheet: string, address: string): FakeValue[][] {
    const s = this.sheet(sheet);
    const r = parseArea(address);
    return Array.from({ length: r.nr }, (_, i) => Array.from({ length: r.nc }, (_, j) => s.values.get(r.r0 + i, r.c0 + j) ?? ''));
  }

  snapshot(name: string): SheetSnapshot {
    return snapshotSheet(this.sheet(name));
  }

  /** Every sheet in order: the whole workbook, for exact before/after comparison. */
  snapshotAll(): SheetSnapshot[] {
    return this.model.sheets.map(snapshotSheet);
  }
}

function seedSheet(s: SheetModel, seed: SheetSeed): void {
  const o = parseArea(seed.origin ?? 'A1');
  const each = <V>(grid: (V | null | undefined)[][] | undefined, fn: (r: number, c: number, v: V) => void) =>
    grid?.forEach((row, i) => row?.forEach((v, j) => v !== null && v !== undefined && fn(o.r0 + i, o.c0 + j, v)));
  each(seed.values, (r, c, v) => v !== '' && s.values.set(r, c, v instanceof Date ? dateToSerial(v) : v));
  each(seed.formulas, (r, c, f) => s.formulas.set(r, c, f));
  each(seed.numberFormats, (r, c, nf) => nf !== 'General' && s.numberFormats.set(r, c, nf));
  each(seed.fills, (r, c, fill) => s.patchStyle(r, c, { fill: fill.toUpperCase() }));
  each(seed.fonts, (r, c, font) => s.patchStyle(r, c, font));
  s.merges.push(...(seed.merges ?? []).map(parseArea));
  for (const cf of seed.conditionalFormats ?? []) {
    for (const x of s.cfs) x.priority++;
    s.cfs.push({
      id: newId('cf'),
      type: cf.type ?? 'Custom',
      rects: parseAddressList(cf.address).rects,
      priority: 0,
      stopIfTrue: false,
      formula: cf.formula,
      fill: cf.fill?.toUpperCase(),
      fontColor: cf.fontColor?.toUpperCase(),
      bold: cf.bold,
    });
  }
  for (const [col, w] of Object.entries(seed.columnWidths ?? {})) s.columnWidths.set(parseArea(`${col}1`).c0, w);
  if (seed.visibility) s.visibility = seed.visibility;
  if (seed.protected) s.protected = true;
  for (const [k, v] of Object.entries(seed.customProperties ?? {})) s.customProperties.set(k, v);
}

function cellSnapshot(s: SheetModel, r: number, c: number): CellSnapshot | null {
  const out: CellSnapshot = {};
  const v = s.values.get(r, c);
  const f = s.formulas.get(r, c);
  const nf = s.numberFormats.get(r, c);
  const st = s.styles.get(r, c);
  const link = s.hyperlinks.get(r, c);
  if (v !== undefined) out.v = v;
  if (f !== undefined) out.f = f;
  if (nf !== undefined) out.nf = nf;
  if (st) {
    const clean = Object.fromEntries(Object.entries(st).filter(([, x]) => x !== undefined)) as CellStyle;
    if (Object.keys(clean).length) out.style = clean;
  }
  if (link) out.link = link;
  return Object.keys(out).length ? out : null;
}

function snapshotSheet(s: SheetModel): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const keys = new Set<string>();
  for (const g of [s.values, s.formulas, s.numberFormats, s.styles, s.hyperlinks] as const) {
    (g as { forEach(fn: (v: unknown, r: number, c: number) => void): void }).forEach((_v, r, c) => keys.add(`${r},${c}`));
  }
  for (const k of keys) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    const snap = cellSnapshot(s, r, c);
    if (snap) cells[`${colLetters(c)}${r + 1}`] = snap;
  }
  const rectsText = (rects: Rect[]) => rects.map(formatRect).join(',');
  return {
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    cells,
    merges: s.merges.map(formatRect).sort(),
    columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colLetters(c), w])),
    conditionalFormats: [...s.cfs]
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => ({
        type: cf.type,
        address: rectsText(cf.rects),
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
        formula: cf.formula,
        fill: cf.fill,
        fontColor: cf.fontColor,
        bold: cf.bold,
      })),
    customProperties: Object.fromEntries(s.customProperties),
    freeze: { rows: s.freezeRows, columns: s.freezeColumns },
  };
}
