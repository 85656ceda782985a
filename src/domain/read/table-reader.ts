/**
 * Reads the data rows of one mapped sheet, chunk by chunk: skips blank and totals rows,
 * takes section rows ("I. Khối LĐLĐ huyện, thành phố") as the group of the rows below,
 * and parses every mapped cell. A cell that cannot be read becomes an issue, never a 0.
 */
import { columnLetter, isBlank, type CellValue, type MergedArea, type RowChunk } from '../cells';
import type { SheetLayout } from '../detect/layout';
import { FIELDS_BY_ROLE, type FieldDef, type ValueKind } from '../detect/fields';
import { bi, type Bilingual } from '../i18n';
import type { Issue } from '../issues';
import type { SourceRef } from '../model';
import { parseDate, parseDocument, parseInteger, parseMoney, parsePercent, parseText, parseYesNo } from '../parse/values';
import type { DocumentRef, Parsed } from '../parse/types';
import { foldKey, normalizeText, plainAuthorNames, splitAuthors } from '../text';

/**
 * An authors cell as read: the names in it, in written order. Shared by every row near it whose
 * cell reads the same (see `recentlyParsed`): never changed by readers.
 */
export type AuthorNames = string[];

export type FieldValue = string | number | boolean | DocumentRef | AuthorNames | null;

export const isAuthorNames = (v: FieldValue | undefined): v is AuthorNames => Array.isArray(v);

/** One data row of a units or officials sheet: its place, the section it sits under, and its parsed fields by id. */
export interface RawRow {
  source: SourceRef;
  section: string | null;
  fields: Record<string, FieldValue>;
  /** Fields whose cell held something that could not be read (an issue names each): unknown, not empty. */
  bad?: string[];
}

/**
 * Takes the rows of an initiatives sheet as they are read, instead of the reader keeping them: a
 * million rows, so each comes as its values in `readFields` order in one array the reader reuses
 * (no object per row; the sink reads it before returning).
 */
export interface RowSink {
  /** Returns the index of the entity made of the row. `values` has one more slot than fields, always null. */
  add(excelRow: number, section: string | null, values: readonly FieldValue[], bad: readonly string[]): number;
  /** Co-authors merged under an entity's name: its authors are now `authors`. */
  authorsChanged(entity: number, authors: AuthorNames): void;
}

/** The fields a sheet's rows are read into, in the order of a row's values (STT is only a marker). */
export function readFields(layout: SheetLayout): FieldDef[] {
  const defs = new Map(FIELDS_BY_ROLE[layout.role].map((d) => [d.id, d]));
  return Object.keys(layout.mapping)
    .filter((id) => id !== 'stt' && defs.has(id))
    .map((id) => defs.get(id)!);
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
 * An author cell lists one name per line as often as with `,` or `;`: line breaks become `;` before
 * the text is normalised (which folds them). Split here, so the column's memo keeps each distinct
 * team's names: a cell costs one look-up, not one for its text and another for its names.
 */
function parseAuthors(v: CellValue): Parsed<FieldValue> {
  const plain = typeof v === 'string' ? plainAuthorNames(v) : null;
  if (plain) return { kind: 'ok', value: plain };
  const p = parseText(typeof v === 'string' ? v.replace(/[\r\n\u2028\u2029]+/g, ';') : v);
  return p.kind === 'ok' ? { kind: 'ok', value: splitAuthors(p.value) } : p;
}

const FIELD_PARSERS: Record<string, (v: CellValue) => Parsed<FieldValue>> = { authors: parseAuthors };

/**
 * Yes/no words, dates, amounts and document numbers repeat down a column: each distinct text is
 * parsed once. Results are immutable, so sharing them is safe; the cache is bounded.
 */
const MEMO_LIMIT = 50_000;
/** Texts are memoised only while it pays: after this many, at least one in eight must have repeated (titles, document numbers do not). */
const MEMO_TRIAL = 4_096;
function memoised(parse: (v: CellValue) => Parsed<FieldValue>, adaptive = false): (v: CellValue) => Parsed<FieldValue> {
  const seen = new Map<string, Parsed<FieldValue>>();
  let lookups = 0;
  let hits = 0;
  let on = true;
  const numbers = new Map<number, Parsed<FieldValue>>();
  // Empty cells and a value repeated from the row above (a unit down its initiatives, a yes/no)
  // are most cells: answered before any hashing, and left out of the memo's pay-off count.
  const empty = parse('');
  let last: CellValue = '';
  let lastResult = empty;
  return (v) => {
    if (v === '') return empty;
    if (typeof v === 'string' && v === last) return lastResult;
    let r: Parsed<FieldValue> | undefined;
    if (typeof v === 'number' && !(v === 0 && 1 / v < 0)) {
      // Dates and amounts as numbers repeat as much as texts (a Map keys -0 as 0: both read the same).
      r = numbers.get(v);
      if (r === undefined) {
        r = parse(v);
        if (numbers.size < MEMO_LIMIT) numbers.set(v, r);
      }
    } else if (typeof v !== 'string' || !on) r = parse(v);
    else {
      r = seen.get(v);
      if (r === undefined) {
        r = parse(v);
        if (seen.size < MEMO_LIMIT) seen.set(v, r);
      } else hits++;
      // Titles never repeat: a column of unique texts stops paying for the lookups (same results either way).
      if (adaptive && ++lookups === MEMO_TRIAL && hits * 8 < lookups) {
        on = false;
        seen.clear();
      }
    }
    last = v;
    lastResult = r;
    return r;
  };
}

/** Slots of `recentlyParsed`: a power of two. */
const SLOTS = 4_096;
/** A slot for a text from its length and three of its characters: no pass over the whole text. */
const slotOf = (s: string) => (s.length * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(s.length >> 1) * 13 + s.charCodeAt(s.length - 1)) & (SLOTS - 1);

/**
 * Author teams: a third of a million distinct texts at a million rows, most repeated within a few
 * dozen rows (a team's initiatives sit together in its unit's list). A map of them hashes all of
 * every cell; this keeps the last text met in each of a few thousand slots, found by one
 * comparison, so repeats near each other share one list of names without hashing. `parse` is the
 * column's bounded memo, for the repeats far apart (20 MB less kept at a million), and answers
 * empty cells and numbers itself.
 */
function recentlyParsed(parse: (v: CellValue) => Parsed<FieldValue>): (v: CellValue) => Parsed<FieldValue> {
  const texts = new Array<string | null>(SLOTS).fill(null);
  const results = new Array<Parsed<FieldValue> | null>(SLOTS).fill(null);
  return (v) => {
    if (typeof v !== 'string' || v === '') return parse(v);
    const slot = slotOf(v);
    if (texts[slot] === v) return results[slot]!;
    const r = parse(v);
    texts[slot] = v;
    results[slot] = r;
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

/** A cell merged down over data rows: what the officer sees in every row it covers. */
interface DataMerge {
  top: number;
  bottom: number;
  column: number; // 0-based, the merge's left column (where Excel keeps the value)
  value: CellValue;
  /** The entity the merged name's first row made, and its authors cell as it now reads. */
  master: { entity: number; authors: AuthorNames | null } | null;
}

/** Words of a report form's closing block (signatures, recipients): the table has ended. Folded text. */
const SIGNATURE_WHOLE = /^(noi nhan|nguoi lap( bieu| bang)?|nguoi tong hop|thu truong( don vi)?|ke toan truong|chu tich|pho chu tich|giam doc|truong ban|xac nhan cua .*|ky ten|ky ghi ro ho ten|ky va ghi ro ho ten|ky dong dau|ky ten dong dau)$/;
const SIGNATURE_PREFIX = /^(tm|t m|kt|tl|tuq|ktm) (ban|ldld|lien doan|cong doan|chu tich|giam doc|thuong truc|uy ban|hoi dong)\b/;
const PLACE_DATE = /(^|\s)ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}$/;
const isSignatureText = (s: string) => {
  const k = foldKey(s);
  return k !== '' && (SIGNATURE_WHOLE.test(k) || SIGNATURE_PREFIX.test(k) || PLACE_DATE.test(k));
};
/** In lists of initiatives or officials, a lone text naming a union heads the rows below it. */
const UNIT_SECTION = /^(cdcs|cd|cong doan|ldld|lien doan|don vi|khoi|cum|nghiep doan|to cong doan)\b/;
const UNIT_PREFIX = /^(đơn vị|unit)\s*:\s*/i;

const subjectOf = (name: CellValue | undefined): string | null => (name === null || name === undefined || isBlank(name) ? null : normalizeText(String(name)));

/** Every cell empty (a plain loop: this runs on each of a million rows). */
function isBlankRow(row: CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** "1 2 3 4 …" or "(1) (2) (3)": the column numbers printed under a header (and again on every page). */
function isColumnNumbers(row: CellValue[]): boolean {
  const filled = row.filter((v) => !isBlank(v));
  if (filled.length < 3) return false;
  const numbers = filled.map((v) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(/^\s*\(?(\d{1,3})\)?\s*$/.exec(v)?.[1] ?? NaN) : NaN));
  return numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1]! + 1));
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
  /** After a signature block nothing more is read. */
  private ended = false;
  private readonly merges: DataMerge[];
  private nextMerge = 0;
  private activeMerges: DataMerge[] = [];
  /** Unreadable fields of the row being read (one list reused: most rows have none). */
  private readonly badFields: string[] = [];
  /** Parsed values of the row being read, in `readFields` order, and a last slot always null (reused). */
  private readonly values: FieldValue[];
  /** Where the authors column is among `columns` (-1: none): co-author rows under a merged name add to it. */
  private readonly authorsAt: number;
  /** A run's parsed cells by column (reused from run to run). */
  private readonly runParsed: Parsed<FieldValue>[][] = [];

  constructor(
    readonly layout: SheetLayout,
    merges: MergedArea[] = [],
    private readonly sink: RowSink | null = null,
  ) {
    this.columns = readFields(layout).map((def) => {
      const m = layout.mapping[def.id]!;
      const base = (layout.role === 'initiatives' ? FIELD_PARSERS[def.id] : undefined) ?? PARSERS[def.kind];
      const parse = def.kind === 'money' ? scaledMoney(base, moneyScale(m.header)) : base;
      return { def, column: m.column, parse: def.id === 'authors' && layout.role === 'initiatives' ? recentlyParsed(memoised(parse, false)) : memoised(parse, true) };
    });
    this.values = new Array<FieldValue>(this.columns.length + 1).fill(null);
    this.authorsAt = this.columns.findIndex((c) => c.def.id === 'authors');
    this.nameColumn = layout.mapping[NAME_FIELD[layout.role]]?.column ?? null;
    this.sttColumn = layout.mapping.stt?.column ?? null;
    const mapped = new Set(this.columns.map((c) => c.column));
    if (this.nameColumn !== null) mapped.add(this.nameColumn);
    this.merges = merges
      .filter((m) => m.bottom > m.top && m.top >= layout.dataStartRow && mapped.has(m.left - 1))
      .map((m) => ({ top: m.top, bottom: m.bottom, column: m.left - 1, value: null, master: null }))
      .sort((a, b) => a.top - b.top);
  }

  push(chunk: RowChunk): void {
    const first = Math.max(chunk.startRow, this.layout.dataStartRow);
    const end = chunk.startRow + chunk.rows.length;
    if (this.sink && !this.mergedWithin(first, end)) return this.pushByRuns(chunk, first, end);
    for (let excelRow = first; excelRow < end; excelRow++) this.readRow(chunk.rows[excelRow - chunk.startRow] ?? [], excelRow);
  }

  /**
   * An initiatives chunk with no merged cell over its data: each run of plain data rows (numbered,
   * named) is parsed column by column — each column's memo in one tight loop — then handed over row
   * by row, exactly as `readRow` would; any other row goes through `readRow` in its place.
   */
  private pushByRuns(chunk: RowChunk, first: number, end: number): void {
    let run = -1;
    for (let excelRow = first; excelRow < end; excelRow++) {
      const row = chunk.rows[excelRow - chunk.startRow] ?? [];
      if (!this.ended && this.isPlainDataRow(row)) {
        if (run < 0) run = excelRow;
        continue;
      }
      if (run >= 0) this.readRun(chunk, run, excelRow);
      run = -1;
      this.readRow(row, excelRow);
    }
    if (run >= 0) this.readRun(chunk, run, end);
  }

  /** A numbered row with a name: read without looking for structure (sections, totals, closing block). */
  private isPlainDataRow(row: CellValue[]): boolean {
    if (this.nameColumn === null || this.sttColumn === null) return false;
    const name = row[this.nameColumn];
    return typeof name === 'string' && this.isNumbered(row[this.sttColumn]) && name.trim() !== '';
  }

  /** Rows [from, to) of the chunk, all plain: each column's memo still sees its cells in row order. */
  private readRun(chunk: RowChunk, from: number, to: number): void {
    const count = to - from;
    const base = from - chunk.startRow;
    const rows = chunk.rows;
    for (let k = 0; k < this.columns.length; k++) {
      const { column, parse } = this.columns[k]!;
      const out = (this.runParsed[k] ??= []);
      for (let j = 0; j < count; j++) out[j] = parse(rows[base + j]![column] ?? null);
    }
    const bad = this.badFields;
    for (let j = 0; j < count; j++) {
      bad.length = 0;
      const name = rows[base + j]![this.nameColumn!];
      for (let k = 0; k < this.columns.length; k++) this.take(k, this.runParsed[k]![j]!, from + j, name, bad);
      this.sink!.add(from + j, this.section, this.values, bad);
    }
  }

  /** Whether a merged cell over data covers any row of [first, end) (rows arrive in ascending order). */
  private mergedWithin(first: number, end: number): boolean {
    if (this.activeMerges.some((m) => m.bottom >= first)) return true;
    return this.nextMerge < this.merges.length && this.merges[this.nextMerge]!.top < end;
  }

  private readRow(original: CellValue[], excelRow: number): void {
    if (this.ended) return;
    const merged = this.mergesAt(excelRow);
    let row = original;
    let ambiguous: DataMerge[] | null = null;
    if (merged) {
      row = [...original];
      // A name merged down over several rows makes them one entry (an initiative over its co-authors' rows).
      const entry = merged.find((m) => m.column === this.nameColumn);
      for (const m of merged) {
        if (m.top === excelRow) m.value = original[m.column] ?? null;
        const kind = this.columns.find((c) => c.column === m.column)?.def.kind ?? 'text';
        if (m.column === this.nameColumn) {
          if (m.top < excelRow) return this.continuation(row, excelRow, m);
        } else if (kind === 'text') {
          if (m.top < excelRow && isBlank(row[m.column] ?? null)) row[m.column] = m.value; // the merged text applies to every row it covers
        } else if (!isBlank(m.value) && !(entry && m.top === entry.top && m.bottom <= entry.bottom)) {
          // A number merged over several entries belongs to none of them in particular.
          (ambiguous ??= []).push(m);
          row[m.column] = null;
        }
      }
    }
    if (isBlankRow(row)) return;
    const name = this.nameColumn === null ? null : row[this.nameColumn];
    const stt = this.sttColumn === null ? null : row[this.sttColumn];
    // Data rows (a numbered STT and a text name) are by far the most common: skip the structure checks.
    if (!this.isPlainDataRow(row)) {
      const texts = row.filter((v) => typeof v === 'string' && v.trim() !== '') as string[];
      const lead = typeof name === 'string' && name.trim() ? name : (texts[0] ?? '');
      if (TOTALS.test(foldKey(lead))) {
        this.parseValues(row, excelRow, null, []);
        this.totals = { source: { sheet: this.layout.sheet, row: excelRow }, section: null, fields: this.fieldsOf(this.values) };
        return;
      }
      if (this.isHeaderRepeat(row) || isColumnNumbers(row)) return; // the header printed again on each page
      if (this.isClosingBlock(row)) {
        this.ended = true;
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
    const bad = this.badFields;
    bad.length = 0;
    const values = this.parseValues(row, excelRow, name, bad);
    const subject = ambiguous ? subjectOf(name) : null;
    for (const m of ambiguous ?? []) {
      const k = this.columns.findIndex((x) => x.column === m.column);
      const c = this.columns[k]!;
      values[k] = null;
      if (!bad.includes(c.def.id)) bad.push(c.def.id);
      this.issue(
        excelRow, m.column, 'merged_cell',
        bi(`Cột «${c.def.label.vi}»: ô gộp dòng ${m.top}–${m.bottom}, không rõ giá trị thuộc dòng nào: coi như chưa biết`, `Column "${c.def.label.en}": cell merged over rows ${m.top}–${m.bottom}, so which row it belongs to is unclear: treated as unknown`),
        String(m.value ?? ''), subject,
      );
    }
    if (!this.sink) {
      const raw: RawRow = { source: { sheet: this.layout.sheet, row: excelRow }, section: this.section, fields: this.fieldsOf(values) };
      if (bad.length) raw.bad = bad.slice();
      this.rows.push(raw);
      return;
    }
    const entity = this.sink.add(excelRow, this.section, values, bad);
    if (merged) {
      const authors = this.authorsAt < 0 ? null : values[this.authorsAt];
      for (const m of merged) if (m.top === excelRow && m.column === this.nameColumn) m.master = { entity, authors: isAuthorNames(authors) ? authors : null };
    }
  }

  /** Vertical merges over data that cover this row (rows arrive in ascending order). */
  private mergesAt(excelRow: number): DataMerge[] | null {
    while (this.nextMerge < this.merges.length && this.merges[this.nextMerge]!.top <= excelRow) this.activeMerges.push(this.merges[this.nextMerge++]!);
    if (this.activeMerges.length === 0) return null;
    this.activeMerges = this.activeMerges.filter((m) => m.bottom >= excelRow);
    return this.activeMerges.length ? this.activeMerges : null;
  }

  /**
   * A row under a name merged down from an earlier row belongs to that entity: an initiative's
   * co-authors written one per row. Authors are added to it; anything else in the row is named.
   */
  private continuation(row: CellValue[], excelRow: number, m: DataMerge): void {
    const authors = this.columns[this.authorsAt];
    const extra = authors ? row[authors.column] : null;
    if (m.master && authors && typeof extra === 'string' && extra.trim()) {
      const parsed = authors.parse(extra);
      if (parsed.kind === 'ok' && isAuthorNames(parsed.value) && this.sink) {
        const before = m.master.authors;
        m.master.authors = before ? before.concat(parsed.value) : parsed.value;
        this.sink.authorsChanged(m.master.entity, m.master.authors);
      }
    }
    const others = this.columns.filter((c) => c !== authors && c.column !== m.column && !isBlank(row[c.column] ?? null));
    if (others.length) {
      const labels = others.map((c) => c.def.label);
      this.issue(
        excelRow, others[0]!.column, 'merged_row',
        bi(`Dòng thuộc ô gộp dòng ${m.top}–${m.bottom} («${String(m.value ?? '')}»): không đọc cột ${labels.map((l) => `«${l.vi}»`).join(', ')} của dòng này`, `Row under the cell merged over rows ${m.top}–${m.bottom} ("${String(m.value ?? '')}"): its ${labels.map((l) => `"${l.en}"`).join(', ')} not read`),
        null, m.value === null ? null : normalizeText(String(m.value)),
      );
    }
  }

  /** The header row written again (page breaks): most of its mapped cells repeat their header text. */
  private isHeaderRepeat(row: CellValue[]): boolean {
    let same = 0;
    let filled = 0;
    for (const c of this.columns) {
      const v = row[c.column];
      if (isBlank(v ?? null)) continue;
      filled++;
      const label = this.layout.labels[c.column];
      const k = typeof v === 'string' ? foldKey(v) : '';
      if (label && k !== '' && (k === label.bottom || k === label.top || k === label.combined)) same++;
    }
    return same >= 2 || (same >= 1 && same === filled);
  }

  /** "Nơi nhận:", "Người lập biểu", "TM. BAN THƯỜNG VỤ", "Lai Châu, ngày 5 tháng 9 năm 2023": the closing block of a report form. */
  private isClosingBlock(row: CellValue[]): boolean {
    if (row.some((v) => !isBlank(v) && typeof v !== 'string')) return false;
    const name = this.nameColumn === null ? null : row[this.nameColumn];
    if (typeof name === 'string' && isSignatureText(name)) return true;
    const nameFilled = typeof name === 'string' && name.trim() !== '';
    return row.some((v, i) => {
      if (typeof v !== 'string' || i === this.nameColumn || !isSignatureText(v)) return false;
      // "Chủ tịch" in an officials sheet's position column is data, not a signature.
      const kind = this.columns.find((c) => c.column === i)?.def.kind;
      return !nameFilled || kind === undefined || kind !== 'text';
    });
  }

  /**
   * Parses the row's mapped cells into `this.values` (returned). `name` is the row's name cell: the
   * subject of its issues, normalised only when there is one. Unreadable fields are added to `bad`.
   */
  private parseValues(row: CellValue[], excelRow: number, name: CellValue | undefined, bad: string[]): FieldValue[] {
    for (let k = 0; k < this.columns.length; k++) this.take(k, this.columns[k]!.parse(row[this.columns[k]!.column] ?? null), excelRow, name, bad);
    return this.values;
  }

  /** Column `k`'s parsed cell into `this.values`; an unreadable one is named in `bad` and raised as an issue. */
  private take(k: number, parsed: Parsed<FieldValue>, excelRow: number, name: CellValue | undefined, bad: string[]): void {
    if (parsed.kind === 'ok') {
      this.values[k] = parsed.value;
      return;
    }
    this.values[k] = null;
    if (parsed.kind === 'bad') {
      const c = this.columns[k]!;
      bad.push(c.def.id);
      this.badValue(excelRow, c, parsed.raw, parsed.reason, subjectOf(name));
    }
  }

  /** A row's values by field id (units and officials: a few thousand rows). */
  private fieldsOf(values: readonly FieldValue[]): Record<string, FieldValue> {
    const fields: Record<string, FieldValue> = {};
    this.columns.forEach((c, k) => (fields[c.def.id] = values[k]!));
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
    // An initiative or official is never named "CĐCS …": such a lone row names the unit of the rows below.
    const unitHeading = this.layout.role !== 'units' && filled.length === 1 && UNIT_SECTION.test(foldKey(joined.replace(SECTION_PREFIX, '').replace(UNIT_PREFIX, '')));
    if (!numbered && !(alone && groupWord) && !unitHeading) return null;
    return joined.replace(SECTION_PREFIX, '').replace(UNIT_PREFIX, '').trim() || null;
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
