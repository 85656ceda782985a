/** The fake workbook's state: plain data, no office-js semantics (those live in proxies.ts). */
import { type Rect, intersects } from './address';

export type FakeValue = string | number | boolean;

/** Sparse rows of sparse cells, 0-based. */
export class Grid<T> {
  rows: (Array<T | undefined> | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (row) delete row[c];
      return;
    }
    if (!row) row = this.rows[r] = [];
    row[c] = v;
  }

  /** Bounding box of the set cells, or null. */
  /** Bounding box of the set cells, within `within` when given. */
  bounds(within?: Rect): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row || (within && (r < within.r0 || r >= within.r0 + within.nr))) return;
      let any = false;
      row.forEach((v, c) => {
        if (v === undefined || (within && (c < within.c0 || c >= within.c0 + within.nc))) return;
        any = true;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
      if (any) {
        if (r0 < 0) r0 = r;
        r1 = r;
      }
    });
    return r0 < 0 ? null : { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  forEach(fn: (v: T, r: number, c: number) => void): void {
    this.rows.forEach((row, r) => row?.forEach((v, c) => v !== undefined && fn(v, r, c)));
  }
}

export interface BorderModel {
  style: string;
  color: string;
}

export interface CellStyle {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: string;
  color?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  borders?: Record<string, BorderModel>;
}

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface CfModel {
  id: string;
  type: string;
  rects: Rect[];
  priority: number;
  stopIfTrue: boolean;
  /** Custom rule formula (type "Custom"), or a description for other types (e.g. "greaterThan 5"). */
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

let nextId = 1;
export function newId(prefix: string): string {
  return `{${prefix}-${(nextId++).toString().padStart(8, '0')}}`;
}

export class SheetModel {
  readonly id = newId('sheet');
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  deleted = false;
  values = new Grid<FakeValue>();
  formulas = new Grid<string>();
  numberFormats = new Grid<string>();
  styles = new Grid<CellStyle>();
  hyperlinks = new Grid<HyperlinkModel>();
  columnWidths = new Map<number, number>();
  merges: Rect[] = [];
  cfs: CfModel[] = [];
  customProperties = new Map<string, string>();
  freezeRows = 0;
  freezeColumns = 0;

  constructor(public name: string) {}

  /** Used range like Excel's: values (and formulas) only, or also formatted cells. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    const boxes = [this.values.bounds(within), this.formulas.bounds(within)];
    if (!valuesOnly) boxes.push(this.numberFormats.bounds(within), this.styles.bounds(within), this.hyperlinks.bounds(within));
    let out: Rect | null = null;
    for (const b of boxes) {
      if (!b) continue;
      if (!out) out = { ...b };
      else {
        const r1 = Math.max(out.r0 + out.nr, b.r0 + b.nr);
        const c1 = Math.max(out.c0 + out.nc, b.c0 + b.nc);
        out.r0 = Math.min(out.r0, b.r0);
        out.c0 = Math.min(out.c0, b.c0);
        out.nr = r1 - out.r0;
        out.nc = c1 - out.c0;
      }
    }
    return out;
  }

  cfsIntersecting(rects: Rect[]): CfModel[] {
    return this.cfs
      .filter((cf) => cf.rects.some((a) => rects.some((b) => intersects(a, b))))
      .sort((a, b) => a.priority - b.priority);
  }

  styleAt(r: number, c: number): CellStyle {
    return this.styles.get(r, c) ?? {};
  }

  patchStyle(r: number, c: number, patch: Partial<CellStyle>): void {
    const cur = this.styles.get(r, c);
    this.styles.set(r, c, { ...cur, ...patch });
  }
}

export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** A selection-changed handler registered through office-js (workbook, worksheet collection or one worksheet). */
export interface SelectionHandlerModel {
  id: string;
  scope: 'workbook' | 'worksheets' | SheetModel;
  handler: (args: unknown) => Promise<unknown> | unknown;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  xmlParts: XmlPartModel[] = [];
  /** The sheet shown in the grid (null = the first visible sheet). */
  activeSheet: SheetModel | null = null;
  /** The current selection; null = A1 of the active sheet. */
  selection: { sheet: SheetModel; rects: Rect[] } | null = null;
  /** Every selection made through the API (`range.select()`), oldest first. */
  selectionLog: { sheet: string; address: string }[] = [];
  selectionHandlers: SelectionHandlerModel[] = [];
  /** Workbook structure protection: adding, deleting, renaming or moving sheets is refused. */
  structureProtected = false;

  find(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What Excel stores when a string is set through `range.values` in a cell with `numberFormat`.
 * "@" (text) keeps every string verbatim. Otherwise Excel interprets it like typed input: numbers
 * ("-5", "+84912345678") become numbers, TRUE/FALSE booleans, and a leading = + - @ starts a formula.
 * (Dates and percentages typed as text are also converted by real Excel; the fake does not model that.)
 */
export function interpretInput(v: FakeValue, numberFormat: string | undefined): { value: FakeValue; formula?: string } {
  if (typeof v !== 'string' || numberFormat === '@') return { value: v };
  const t = v.trim();
  if (t !== '' && NUMBER_RE.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
  if (/^[+\-@]/.test(v) && v.length > 1) return { value: '#NAME?', formula: `=${v}` };
  return { value: v };
}
