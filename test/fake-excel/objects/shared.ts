/** Helpers shared by the fake object classes (targets, checks, 2-D arrays). */
import { type Rect, MAX_ADDRESS_CHARS, formatRect, parseAddressList, quoteSheet } from '../address';
import {
  type FakeEnv,
  FakeOfficeError,
  invalidArgument,
  itemNotFound,
  protectedSheet,
} from '../core';
import {
  type FakeValue,
  type SheetModel,
  type WorkbookModel,
  interpretInput,
} from '../model';

export interface RangeT {
  sheet: SheetModel;
  rects: Rect[];
}

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters)

export function checkSheetAlive(sheet: SheetModel): void {
  if (sheet.deleted) throw itemNotFound(`worksheet '${sheet.name}' (deleted)`);
}

export function checkWritable(sheet: SheetModel): void {
  if (sheet.protected) throw protectedSheet(sheet.name);
}

export function checkStructure(wb: WorkbookModel): void {
  if (wb.structureProtected) throw new FakeOfficeError('InvalidOperation', 'The workbook structure is protected: sheets cannot be added, deleted, renamed or moved.');
}

export function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

export function forCells(rects: Rect[], fn: (r: number, c: number) => void): void {
  for (const rect of rects) for (let r = rect.r0; r < rect.r0 + rect.nr; r++) for (let c = rect.c0; c < rect.c0 + rect.nc; c++) fn(r, c);
}

/** Uniform value over the cells, or null when they differ (office-js semantics for format reads). */
export function uniform<V>(rects: Rect[], get: (r: number, c: number) => V): V | null {
  let first = true;
  let out: V | null = null;
  let mixed = false;
  forCells(rects, (r, c) => {
    if (mixed) return;
    const v = get(r, c);
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) mixed = true;
  });
  return mixed ? null : out;
}

export function normColor(v: unknown): string {
  const s = String(v);
  return /^#[0-9a-f]{6}$/i.test(s) ? s.toUpperCase() : s;
}

export function grid2D<V>(rect: Rect, get: (r: number, c: number) => V): V[][] {
  const out: V[][] = new Array(rect.nr);
  for (let i = 0; i < rect.nr; i++) {
    const row: V[] = new Array(rect.nc);
    for (let j = 0; j < rect.nc; j++) row[j] = get(rect.r0 + i, rect.c0 + j);
    out[i] = row;
  }
  return out;
}

/** A 2-D input (or one scalar for every cell) applied cell by cell; null entries leave the cell unchanged. */
export function apply2D(rect: Rect, input: unknown, fn: (r: number, c: number, v: unknown) => void): void {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw invalidArgument('null is not a valid input for a single property');
    forCells([rect], (r, c) => fn(r, c, input));
    return;
  }
  if (input.length !== rect.nr || input.some((row) => !Array.isArray(row) || row.length !== rect.nc)) {
    throw invalidArgument(`the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.nr}×${rect.nc})`);
  }
  for (let i = 0; i < rect.nr; i++) {
    const row = input[i] as unknown[];
    for (let j = 0; j < rect.nc; j++) if (row[j] !== null && row[j] !== undefined) fn(rect.r0 + i, rect.c0 + j, row[j]);
  }
}

export function setCellInput(sheet: SheetModel, r: number, c: number, v: unknown, asFormula: boolean): void {
  if (v === '') {
    sheet.values.set(r, c, undefined);
    sheet.formulas.set(r, c, undefined);
    return;
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw invalidArgument(`cell value ${JSON.stringify(v)}`);
  const nf = sheet.numberFormats.get(r, c);
  const res = asFormula && typeof v === 'string' && v.startsWith('=') ? { value: '' as FakeValue, formula: v } : interpretInput(v, nf);
  sheet.values.set(r, c, res.value === '' ? undefined : res.value);
  sheet.formulas.set(r, c, res.formula);
}

export function onlyRect(t: RangeT): Rect {
  if (t.rects.length !== 1) throw new FakeOfficeError('InvalidOperation', 'This operation is not supported on a multi-area range.');
  return t.rects[0]!;
}

export function addressOf(sheet: SheetModel, rects: Rect[]): string {
  return rects.map((r) => `${quoteSheet(sheet.name)}!${formatRect(r)}`).join(',');
}

export function resolveAddress(sheet: SheetModel, address: string, env: FakeEnv): Rect[] {
  env.stats.maxAddressLength = Math.max(env.stats.maxAddressLength, address.length);
  if (address.length > MAX_ADDRESS_CHARS) throw invalidArgument(`address longer than ${MAX_ADDRESS_CHARS} characters (${address.length})`);
  try {
    const parsed = parseAddressList(address);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw new Error('other sheet');
    return parsed.rects;
  } catch (e) {
    throw invalidArgument(`address '${address.slice(0, 80)}' (${(e as Error).message})`);
  }
}
