/**
 * Reads the data rows of one mapped sheet, chunk by chunk: skips blank and totals rows,
 * takes section rows ("I. Khối LĐLĐ huyện, thành phố") as the group of the rows below,
 * and parses every mapped cell. A cell that cannot be read becomes an issue, never a 0.
 */
import { columnLetter, isBlank, type CellValue, type RowChunk } from '../cells';
import type { SheetLayout } from '../detect/layout';
import { FIELDS_BY_ROLE, type FieldDef, type ValueKind } from '../detect/fields';
import { bi, type Bilingual } from '../i18n';
import type { Issue } from '../issues';
import type { SourceRef } from '../model';
import { parseDate, parseDocument, parseInteger, parseMoney, parsePercent, parseText, parseYesNo } from '../parse/values';
import type { DocumentRef, Parsed } from '../parse/types';
import { foldKey, normalizeText } from '../text';

export type FieldValue = string | number | boolean | DocumentRef | null;

/** One data row: its place, the section it sits under, and its parsed fields by id. */
export interface RawRow {
  source: SourceRef;
  section: string | null;
  fields: Record<string, FieldValue>;
}

const PARSERS: Record<ValueKind, (v: CellValue) => Parsed<FieldValue>> = {
  text: parseText,
  integer: parseInteger,
  money: parseMoney,
  percent: (v) => parsePercent(v),
  date: parseDate,
  yesno: parseYesNo,
  document: parseDocument,
};

/**
 * Fields whose cell text keeps meaning in its line breaks: an author cell lists one name per line
 * as often as with `,` or `;` — turned into `;` before the text is normalised (which folds them).
 */
const FIELD_PARSERS: Record<string, (v: CellValue) => Parsed<FieldValue>> = {
  authors: (v) => parseText(typeof v === 'string' ? v.replace(/[\r\n\u2028\u2029]+/g, ';') : v),
};

/**
 * Yes/no words, dates, amounts and document numbers repeat down a column: each distinct text is
 * parsed once. Results are immutable, so sharing them is safe; the cache is bounded.
 */
const MEMO_LIMIT = 50_000;
function memoised(parse: (v: CellValue) => Parsed<FieldValue>): (v: CellValue) => Parsed<FieldValue> {
  const seen = new Map<string, Parsed<FieldValue>>();
  return (v) => {
    if (typeof v !== 'string') return parse(v);
    let r = seen.get(v);
    if (r === undefined) {
      r = parse(v);
      if (seen.size < MEMO_LIMIT) seen.set(v, r);
    }
    return r;
  };
}

/** "Giá trị làm lợi (triệu đồng)": a header that states the unit scales bare numbers written under it. */
export function moneyScale(header: string): number {
  const h = foldKey(header);
  if (/\b(ty|ti) dong\b|\(ty\)|\bty\b/.test(h)) return 1e9;
  if (/\btrieu\b|\btr d\b|\btrd\b/.test(h)) return 1e6;
  if (/\bnghin\b|\bngan\b/.test(h)) return 1e3;
  return 1;
}

/** Only bare numbers are scaled: "120" under "(triệu đồng)" is 120,000,000, but "85.000.000 đ" or "1,5 tỷ" says its own unit. */
function scaledMoney(parse: (v: CellValue) => Parsed<FieldValue>, scale: number): (v: CellValue) => Parsed<FieldValue> {
  if (scale === 1) return parse;
  return (v) => {
    if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'ok', value: Math.round(v * scale) };
    const decimal = typeof v === 'string' ? /^\s*(\d+)[.,](\d{1,2}|\d{4,})\s*$/.exec(v) : null;
    if (decimal) return { kind: 'ok', value: Math.round(Number(`${decimal[1]}.${decimal[2]}`) * scale) }; // "1,5" triệu
    const r = parse(v);
    const bare = typeof v === 'string' && /^\s*\d+([.,]\d{3})*\s*$/.test(v);
    return r.kind === 'ok' && bare && typeof r.value === 'number' ? { kind: 'ok', value: Math.round(r.value * scale) } : r;
  };
}

const ROLE_KIND = { units: 'unit', initiatives: 'initiative', officials: 'official' } as const;
const NAME_FIELD = { units: 'name', initiatives: 'title', officials: 'name' } as const;

const ROMAN = /^(?=[IVXLC]+\b)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})[.)]?$/;
const SECTION_PREFIX = /^((?:[IVXLC]+|[A-Z])[.)]|[IVXLC]+\s*[-–:])\s*/;
const TOTALS = /^(tong cong(?! ty)|cong|tong so(?! ?cdcs)|tong|total|grand total|sum|cong toan tinh)\b/;

interface ColumnReader {
  def: FieldDef;
  column: number;
  parse: (v: CellValue) => Parsed<FieldValue>;
}

export class TableReader {
  readonly rows: RawRow[] = [];
  /** The last totals row ("Tổng cộng"), parsed like a data row: the officer's own figures for the whole table. */
  totals: RawRow | null = null;
  readonly issues: Issue[] = [];
  private section: string | null = null;
  private readonly columns: ColumnReader[];
  private readonly nameColumn: number | null;
  private readonly sttColumn: number | null;

  constructor(readonly layout: SheetLayout) {
    const defs = new Map(FIELDS_BY_ROLE[layout.role].map((d) => [d.id, d]));
    this.columns = Object.entries(layout.mapping)
      .filter(([id]) => id !== 'stt' && defs.has(id))
      .map(([id, m]) => {
        const def = defs.get(id)!;
        const base = (layout.role === 'initiatives' ? FIELD_PARSERS[id] : undefined) ?? PARSERS[def.kind];
        const parse = def.kind === 'money' ? scaledMoney(base, moneyScale(m.header)) : base;
        return { def, column: m.column, parse: def.kind === 'text' ? parse : memoised(parse) };
      });
    this.nameColumn = layout.mapping[NAME_FIELD[layout.role]]?.column ?? null;
    this.sttColumn = layout.mapping.stt?.column ?? null;
  }

  push(chunk: RowChunk): void {
    const first = Math.max(chunk.startRow, this.layout.dataStartRow);
    for (let excelRow = first; excelRow < chunk.startRow + chunk.rows.length; excelRow++) {
      this.readRow(chunk.rows[excelRow - chunk.startRow] ?? [], excelRow);
    }
  }

  private readRow(row: CellValue[], excelRow: number): void {
    if (row.every((v) => isBlank(v))) return;
    const name = this.nameColumn === null ? null : row[this.nameColumn];
    const stt = this.sttColumn === null ? null : row[this.sttColumn];
    // Data rows (a numbered STT and a name) are by far the most common: skip the structure checks.
    if (!(this.isNumbered(stt) && !isBlank(name ?? null))) {
      const texts = row.filter((v) => typeof v === 'string' && v.trim() !== '') as string[];
      const lead = typeof name === 'string' && name.trim() ? name : (texts[0] ?? '');
      if (TOTALS.test(foldKey(lead))) {
        this.totals = { source: { sheet: this.layout.sheet, row: excelRow }, section: null, fields: this.parseFields(row, excelRow, null) };
        return;
      }
      const section = this.sectionText(row, texts, stt);
      if (section !== null) {
        this.section = section;
        return;
      }
      if (this.nameColumn !== null && isBlank(name ?? null)) {
        if (this.hasValues(row)) this.issue(excelRow, this.nameColumn, 'missing_name', bi('Dòng có số liệu nhưng không có tên', 'Row has data but no name'), null);
        return;
      }
    }
    this.rows.push({ source: { sheet: this.layout.sheet, row: excelRow }, section: this.section, fields: this.parseFields(row, excelRow, typeof name === 'string' ? normalizeText(name) : null) });
  }

  private parseFields(row: CellValue[], excelRow: number, subject: string | null): Record<string, FieldValue> {
    const fields: Record<string, FieldValue> = {};
    for (const c of this.columns) {
      const parsed = c.parse(row[c.column] ?? null);
      if (parsed.kind === 'ok') fields[c.def.id] = parsed.value;
      else {
        fields[c.def.id] = null;
        if (parsed.kind === 'bad') this.badValue(excelRow, c, parsed.raw, parsed.reason, subject);
      }
    }
    return fields;
  }

  private isNumbered(stt: CellValue | undefined): boolean {
    return typeof stt === 'number' || (typeof stt === 'string' && /^\d+$/.test(stt.trim()));
  }

  /** A section row names a group: Roman numbering, or one lone text with no numbers in the row. */
  private sectionText(row: CellValue[], texts: string[], stt: CellValue | undefined): string | null {
    const filled = row.filter((v) => !isBlank(v));
    if (filled.some((v) => typeof v !== 'string')) return null;
    if (texts.length === 0 || texts.length > 2) return null;
    const sttText = typeof stt === 'string' ? stt.trim() : '';
    const joined = normalizeText(texts.filter((t) => t.trim() !== sttText || !ROMAN.test(sttText)).join(' '));
    const numbered = ROMAN.test(sttText) || SECTION_PREFIX.test(joined);
    const alone = texts.length === 1 && (this.nameColumn === null || isBlank(row[this.nameColumn] ?? null) || this.onlyNameFilled(row));
    const groupWord = /^(khoi|cum)\b/.test(foldKey(joined.replace(SECTION_PREFIX, '')));
    if (!numbered && !(alone && groupWord)) return null;
    return joined.replace(SECTION_PREFIX, '').trim() || null;
  }

  private onlyNameFilled(row: CellValue[]): boolean {
    return row.every((v, i) => i === this.nameColumn || isBlank(v));
  }

  private hasValues(row: CellValue[]): boolean {
    return this.columns.some((c) => !isBlank(row[c.column] ?? null));
  }

  private badValue(excelRow: number, c: ColumnReader, raw: string, reason: Bilingual, subject: string | null): void {
    this.issue(excelRow, c.column, `unreadable_${c.def.kind}`, bi(`Cột «${c.def.label.vi}»: ${reason.vi}`, `Column "${c.def.label.en}": ${reason.en}`), raw, subject);
  }

  private issue(row: number, column: number, code: string, message: Bilingual, raw: string | null, subject: string | null = null): void {
    this.issues.push({ sheet: this.layout.sheet, row, column: columnLetter(column + 1), code, severity: 'warning', message, raw, subject, kind: ROLE_KIND[this.layout.role] });
  }
}
