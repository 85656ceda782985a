/**
 * The reader the command used before its own XML scanner, kept here only as the yardstick for
 * sheet-reader.test.ts and style-formats.test.ts: exceljs's streaming WorksheetReader fed one
 * sheet's XML, its cells mapped by `toCellValue`, shared strings through exceljs's SAX parser,
 * styles through its StylesXform, and the regex size/merge scan.
 * Two changes: error results (`t="e"`) are marked on the whole text instead of per 16 KB chunk,
 * so the yardstick never hits the old "marker split by a chunk boundary" bug; and formula results
 * of 0, "" and FALSE are values (`legacySheetRows`, see `formulaResultsAsValues`), the one
 * deliberate difference of the new reader. `exceljsSheetRows` is the old reader without it.
 */
import { Readable } from 'node:stream';
import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import parseSax from 'exceljs/lib/utils/parse-sax';
import type { CellValue, MergedArea } from '../../src/domain/cells';
import { CellFormats, isDateFormat } from '../../src/workbook/xlsx/cell-formats';
import { excelSerialToDate } from '../../src/workbook/xlsx/cell-dates';
import { lettersToColumn, type SheetScan } from '../../src/workbook/xlsx/parts';

export interface LegacyRow {
  row: number;
  values: CellValue[];
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export async function legacySharedStrings(xml: string | null): Promise<string[]> {
  const out: string[] = [];
  if (xml === null) return out;
  let text: string[] = [];
  let inT = false;
  let inPhonetic = 0;
  for await (const events of parseSax(Readable.from([xml]))) {
    for (const e of events) {
      if (e.eventType === 'opentag') {
        const name = localName(e.value.name);
        if (name === 'si') text = [];
        else if (name === 'rPh') inPhonetic++;
        else if (name === 't' && inPhonetic === 0) inT = true;
      } else if (e.eventType === 'text') {
        if (inT) text.push(e.value);
      } else {
        const name = localName(e.value.name);
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'si') out.push(text.join(''));
      }
    }
  }
  return out;
}

export async function legacyStyles(xml: string | null): Promise<StylesXform> {
  const styles = new StylesXform();
  if (xml !== null) await styles.parseStream(Readable.from([xml]));
  else styles.init();
  return styles;
}

interface ParsedStyles {
  model?: { styles?: unknown[] };
  getStyleModel(id: number): { numFmt?: string } | null;
}

/** The format code of each cell style of a parsed StylesXform (undefined: none; no styles part: no styles). */
export function legacyStyleNumberFormats(styles: StylesXform): (string | undefined)[] {
  const parsed = styles as unknown as ParsedStyles;
  const count = parsed.model?.styles?.length ?? 0;
  const numFmts: (string | undefined)[] = [];
  for (let id = 0; id < count; id++) numFmts.push(parsed.getStyleModel(id)?.numFmt);
  return numFmts;
}

/** The cell formats the old reader decided its dates with (styles parsed by exceljs's StylesXform). */
export function legacyCellFormats(styles: StylesXform): CellFormats {
  return CellFormats.fromNumFmts(legacyStyleNumberFormats(styles));
}

/**
 * The old `readSheetRows`, on the whole XML text of one sheet, with formula results of 0, "" and
 * FALSE read as values (as Excel hands them to the add-in).
 */
export function legacySheetRows(xml: string, sharedStrings: string[], styles: StylesXform, date1904: boolean): Promise<LegacyRow[]> {
  return exceljsSheetRows(formulaResultsAsValues(xml), sharedStrings, styles, date1904);
}

// Elements of a sheet part, prefixed or not ([\s\S] so values may hold line ends).
const CELL = /<((?:[\w.-]+:)?c)(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
const FORMULA = /<((?:[\w.-]+:)?f)(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1>)/;
const VALUE = /<((?:[\w.-]+:)?v)(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1>)/;
const TYPE = /\st\s*=\s*"([^"]*)"/;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(ENTITY, (_m, e: string) => (e[0] !== '#' ? NAMED[e]! : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : +e.slice(1))));

/**
 * The sheet rewritten so that exceljs itself reads formula results as Excel gives them, worked
 * out from the XML alone: exceljs dropped a formula's result when falsy (0, "", NaN) but kept the
 * results of formulas without text (shared-formula followers) as they were, and read `t="b"`
 * results as 1/0. So a formula cell with a falsy cached value loses its formula text, and a
 * `t="b"` formula cell its formula (a plain boolean cell reads as true/false). Other cells are
 * left exactly as they are.
 */
export function formulaResultsAsValues(xml: string): string {
  return xml.replace(CELL, (cell: string, _tag: string, attrs: string | undefined, body: string | undefined) => {
    if (body === undefined) return cell;
    const f = FORMULA.exec(body);
    const v = VALUE.exec(body);
    if (!f || !v) return cell;
    const type = TYPE.exec(attrs ?? '')?.[1];
    if (type === 'b') return cell.replace(f[0], '');
    if (!f[2]) return cell; // no formula text: the result was kept already
    const text = decode(v[2] ?? '');
    const falsy = type === 'str' || type === 'e' ? text === '' : !parseFloat(text);
    return falsy ? cell.replace(f[0], `<${f[1]}/>`) : cell;
  });
}

/** The old `readSheetRows` exactly, on the whole XML text of one sheet. */
export async function exceljsSheetRows(xml: string, sharedStrings: string[], styles: StylesXform, date1904: boolean): Promise<LegacyRow[]> {
  const marked = xml.replace(/(<c [^>]*?) t="e"/g, '$1 t="str"');
  const reader = new WorksheetReader({
    workbook: { sharedStrings, styles, properties: { model: { date1904 } } },
    id: 1,
    iterator: Readable.from([marked]),
    options: { worksheets: 'emit', hyperlinks: 'ignore' },
  });
  const rows: LegacyRow[] = [];
  for await (const row of reader) {
    const values: CellValue[] = [];
    row.eachCell((cell, col) => {
      const raw = cell.value;
      const v = toCellValue(raw, raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? cell.numFmt : undefined, date1904);
      if (v === null) return;
      while (values.length < col - 1) values.push(null);
      values[col - 1] = v;
    });
    if (values.length > 0) rows.push({ row: row.number, values });
  }
  return rows;
}

function richTextToString(rich: unknown): string | null {
  if (!Array.isArray(rich)) return null;
  return rich.map((r) => (r && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('');
}

/**
 * The old mapping of exceljs cell values to the domain's: rich text → plain string; formula →
 * cached result (a Date when the cell has a date format); hyperlink → its text; error →
 * "#N/A"-style text. Unknown shapes become null.
 */
function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('richText' in v) return richTextToString(v.richText);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    // exceljs's streaming reader parses an error result as a float and loses its text.
    if (typeof result === 'number' && Number.isNaN(result)) return '#ERROR!';
    if (typeof result === 'number' && isDateFormat(numFmt)) return excelSerialToDate(result, date1904);
    if (result && typeof result === 'object' && 'error' in (result as object)) return String((result as { error: unknown }).error);
    return toCellValue(result, numFmt, date1904);
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) {
    const t = v.text;
    return typeof t === 'string' ? t : toCellValue(t, numFmt, date1904);
  }
  return null;
}

const CELL_REF = /<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"/g;
const INTERNAL_LINK = /<(?:[\w.-]+:)?hyperlink\s[^>]*?\blocation=/;
const X14_LOST = /<x14:(dataValidations?|sparklineGroups?)[\s>]/;
const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g;

/** The old regex `scanSheet`, on the whole XML text of one sheet. */
export function legacyScan(xml: string): SheetScan {
  let rowCount = 0;
  let columnCount = 0;
  const merges: MergedArea[] = [];
  for (const m of xml.matchAll(CELL_REF)) {
    rowCount = Math.max(rowCount, +m[2]);
    columnCount = Math.max(columnCount, lettersToColumn(m[1]));
  }
  for (const m of xml.matchAll(MERGE_REF)) {
    const top = +m[2];
    const left = lettersToColumn(m[1]);
    merges.push({ top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? lettersToColumn(m[3]) : left });
  }
  return { rowCount, columnCount, merges, internalLinks: INTERNAL_LINK.test(xml), extensions: X14_LOST.test(xml) };
}
