/**
 * Reading one cell as a number, an amount of money, a percentage, a date, a yes/no or a
 * document reference, the way Vietnamese officers actually type them.
 * `empty` = nothing written (or a lone dash); `bad` = something written that is not the kind
 * expected — never silently a 0.
 */
import type { CellValue } from '../cells';
import { bi, type Bilingual } from '../i18n';
import { foldAccents, foldKey, nameKey, normalizeText } from '../text';
import type { DocumentRef, Parsed } from './types';

// ---------------------------------------------------------------- results and reasons

const EMPTY: Parsed<never> = { kind: 'empty' };

function ok<T>(value: T): Parsed<T> {
  return { kind: 'ok', value };
}

type Reason = (quoted: string) => Bilingual;

function bad<T>(v: CellValue, reason: Reason): Parsed<T> {
  const raw = rawText(v);
  return { kind: 'bad', raw, reason: reason(`«${shorten(raw)}»`) };
}

function rawText(v: CellValue): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v ?? '').trim();
}

function shorten(s: string): string {
  const chars = Array.from(s);
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : s;
}

const NOT_NUMBER: Reason = (q) => bi(`không đọc được số: ${q}`, `not a number: ${q}`);
const NOT_WHOLE: Reason = (q) => bi(`không phải số nguyên: ${q}`, `not a whole number: ${q}`);
const TOO_LARGE: Reason = (q) => bi(`số quá lớn: ${q}`, `number too large: ${q}`);
const NOT_MONEY: Reason = (q) => bi(`không đọc được số tiền: ${q}`, `not an amount of money: ${q}`);
const AMBIGUOUS_MONEY: Reason = (q) =>
  bi(`số tiền không rõ: ${q} — là 1,25 hay 1.250? hãy viết 1,25 tỷ hoặc viết đủ số`, `ambiguous amount: ${q} — 1.25 or 1,250? write 1,25 tỷ or the full number`);
const NOT_PERCENT: Reason = (q) => bi(`không đọc được tỷ lệ %: ${q}`, `not a percentage: ${q}`);
const NOT_DATE: Reason = (q) => bi(`không đọc được ngày: ${q}`, `not a date: ${q}`);
const NO_SUCH_DATE: Reason = (q) => bi(`ngày không có thật: ${q}`, `no such date: ${q}`);
const TWO_DIGIT_YEAR: Reason = (q) => bi(`năm phải viết đủ 4 chữ số: ${q}`, `year must have 4 digits: ${q}`);
const YEAR_OUT_OF_RANGE: Reason = (q) => bi(`năm ngoài khoảng 1900–2100: ${q}`, `year outside 1900–2100: ${q}`);
const BAD_SERIAL: Reason = (q) => bi(`số ngày Excel không hợp lệ: ${q}`, `not a valid Excel date serial: ${q}`);
const NOT_YES_NO: Reason = (q) => bi(`không rõ là có hay không: ${q}`, `not a yes/no: ${q}`);
const NOT_TEXT: Reason = (q) => bi(`giá trị không hợp lệ: ${q}`, `invalid value: ${q}`);

/** A lone dash (any kind) is how officers write "nothing". */
function isDash(text: string): boolean {
  return /^[-–—−]+$/.test(text);
}

// ---------------------------------------------------------------- exact decimals

/** An exact decimal: ±digits / 10^scale. */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

// A first group starting with 0 is never grouping ("0.500" is one half).
const GROUPED_DOT = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/; // 1.250.000,5 (vi)
const GROUPED_COMMA = /^([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/; // 1,250,000.5 (en)
const GROUPED_SPACE = /^([1-9]\d{0,2}(?: \d{3})+)(?:[.,](\d+))?$/; // 1 250 000
const PLAIN = /^(\d+)(?:[.,](\d+))?$/; // 1250000, 1,5, 1.5

/** Unsigned number text → exact decimal; a separator before exactly 3 digits groups thousands. */
function readUnsigned(body: string): Omit<Decimal, 'negative'> | null {
  const m = GROUPED_DOT.exec(body) ?? GROUPED_COMMA.exec(body) ?? GROUPED_SPACE.exec(body) ?? PLAIN.exec(body);
  if (!m) return null;
  const fraction = m[2] ?? '';
  return { digits: BigInt(m[1].replace(/\D/g, '') + fraction), scale: fraction.length };
}

const SIGN = /^([-+−])\s?/;

function splitSign(text: string): { negative: boolean; body: string } {
  const m = SIGN.exec(text);
  return m ? { negative: m[1] !== '+', body: text.slice(m[0].length) } : { negative: false, body: text };
}

function readDecimal(text: string): Decimal | null {
  const { negative, body } = splitSign(text);
  const unsigned = readUnsigned(body);
  return unsigned && { negative, ...unsigned };
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** numerator / denominator rounded half away from zero (both non-negative). */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function safeInteger(v: CellValue, negative: boolean, magnitude: bigint): Parsed<number> {
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return bad(v, TOO_LARGE);
  const n = Number(magnitude);
  return ok(negative && n !== 0 ? -n : n);
}

// ---------------------------------------------------------------- integers

// Words after a number that make it something other than a count.
const MONEY_WORDS = new Set(['ty', 'ti', 'trieu', 'tr', 'trd', 'nghin', 'ngan', 'k', 'd', 'dong', 'vnd']);

/** "25 sáng kiến" → "25": drops a trailing unit word (2+ letters, not a money word). */
function dropUnitWord(text: string): string {
  const m = /^(.*\d) (\p{L}+(?: \p{L}+)*)$/u.exec(text);
  if (!m) return text;
  const word = m[2];
  const firstWord = foldAccents(word).split(' ')[0];
  const letters = word.replace(/ /g, '').length;
  return letters >= 2 && !MONEY_WORDS.has(firstWord) ? m[1] : text;
}

/** Counts, plans, members: whole numbers; `3.120`, `3 120`, `3,120`, `12 SK`. Negative values are returned as read. */
export function parseInteger(v: CellValue): Parsed<number> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return integerFromNumber(v);
  if (typeof v !== 'string') return bad(v, NOT_NUMBER);
  const text = normalizeText(v);
  if (text === '' || isDash(text)) return EMPTY;
  const d = readDecimal(dropUnitWord(text));
  if (!d) return bad(v, NOT_NUMBER);
  const unit = pow10(d.scale);
  if (d.digits % unit !== 0n) return bad(v, NOT_WHOLE);
  return safeInteger(v, d.negative, d.digits / unit);
}

function integerFromNumber(n: number): Parsed<number> {
  if (!Number.isFinite(n)) return bad(n, NOT_NUMBER);
  if (!Number.isInteger(n)) return bad(n, NOT_WHOLE);
  if (!Number.isSafeInteger(n)) return bad(n, TOO_LARGE);
  return ok(n + 0); // -0 → 0
}

// ---------------------------------------------------------------- money

const MAGNITUDES: Record<string, bigint> = {
  ty: 10n ** 9n,
  ti: 10n ** 9n,
  trieu: 10n ** 6n,
  tr: 10n ** 6n,
  nghin: 1000n,
  ngan: 1000n,
  k: 1000n,
};
const MONEY_NONE = new Set(['khong', 'khong co']);
// Trailing currency and "per year": "đ", "đồng", "VNĐ", "đồng/năm", "trđ" (its "đ" goes here).
const CURRENCY_SUFFIX = /(?:\s?(?:dong|vnd|d))?(?:\s?\/\s?nam)?\.?$/;
// One term: a number, optionally followed by a magnitude word ("1,5 tỷ", "200 triệu", "500k").
const MONEY_TERM = /(\d+(?:[.,]\d+|\s\d{3}(?!\d))*)\s?(ty|ti|trieu|tr|nghin|ngan|k)?\.?(?!\p{L})\s*/uy;
// "1,250 tỷ" / "1.250 tỷ": decimal comma or thousands dot? Either reading is plausible.
const ONE_AMBIGUOUS_GROUP = /^\d{1,3}[.,]\d{3}$/;

interface MoneyTerm {
  number: string;
  magnitude: bigint;
}

/** "1 tỷ 200 triệu" → terms; null when the text is not a sum of decreasing magnitudes or one plain number. */
function moneyTerms(body: string): MoneyTerm[] | null {
  const terms: MoneyTerm[] = [];
  MONEY_TERM.lastIndex = 0;
  while (MONEY_TERM.lastIndex < body.length) {
    const at = MONEY_TERM.lastIndex;
    const m = MONEY_TERM.exec(body);
    if (!m || MONEY_TERM.lastIndex === at) return null;
    terms.push({ number: m[1], magnitude: m[2] ? MAGNITUDES[m[2]] : 1n });
  }
  const plain = terms.some((t) => t.magnitude === 1n);
  if (terms.length === 0 || (plain && terms.length > 1)) return null;
  const decreasing = terms.every((t, i) => i === 0 || t.magnitude < terms[i - 1].magnitude);
  return decreasing ? terms : null;
}

/** Σ number × magnitude over a common denominator, rounded to whole đồng once at the end. */
function exactSum(terms: MoneyTerm[]): bigint | null {
  const parts: Array<{ digits: bigint; scale: number; magnitude: bigint }> = [];
  for (const t of terms) {
    const value = readUnsigned(t.number);
    if (value === null) return null;
    parts.push({ ...value, magnitude: t.magnitude });
  }
  const scale = Math.max(...parts.map((p) => p.scale));
  const numerator = parts.reduce((sum, p) => sum + p.digits * p.magnitude * pow10(scale - p.scale), 0n);
  return roundDiv(numerator, pow10(scale));
}

/** VND, whole đồng, computed exactly: `1.250.000.000 đ`, `120 triệu`, `1,5 tỷ`, `1 tỷ 200 triệu`. */
export function parseMoney(v: CellValue): Parsed<number> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return moneyFromNumber(v);
  if (typeof v !== 'string') return bad(v, NOT_MONEY);
  const text = foldAccents(v);
  if (text === '' || isDash(text) || MONEY_NONE.has(text)) return EMPTY;
  const { negative, body } = splitSign(text.replace(CURRENCY_SUFFIX, '').trim());
  const terms = moneyTerms(body);
  if (!terms) return bad(v, NOT_MONEY);
  if (terms[0].magnitude > 1n && terms.some((t) => ONE_AMBIGUOUS_GROUP.test(t.number))) return bad(v, AMBIGUOUS_MONEY);
  const amount = exactSum(terms);
  return amount === null ? bad(v, NOT_MONEY) : safeInteger(v, negative, amount);
}

function moneyFromNumber(n: number): Parsed<number> {
  if (!Number.isFinite(n)) return bad(n, NOT_MONEY);
  const rounded = Math.sign(n) * Math.round(Math.abs(n));
  if (!Number.isSafeInteger(rounded)) return bad(n, TOO_LARGE);
  return ok(rounded + 0);
}

// ---------------------------------------------------------------- percentages

export interface PercentOptions {
  /** Number cells hold fractions (office-js gives 1.64 for a cell shown as 164%): multiply by 100. */
  fraction?: boolean;
}

/** `164%`, `164,5%`, `164` → percent number (164, 164.5, 164). Text is always read as percent. */
export function parsePercent(v: CellValue, options: PercentOptions = {}): Parsed<number> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad(v, NOT_PERCENT);
    return ok(options.fraction ? timesHundred(v) : v + 0);
  }
  if (typeof v !== 'string') return bad(v, NOT_PERCENT);
  const text = normalizeText(v);
  if (text === '' || isDash(text)) return EMPTY;
  const d = readDecimal(text.replace(/\s?%$/, ''));
  if (!d) return bad(v, NOT_PERCENT);
  const value = Number(`${d.negative ? '-' : ''}${d.digits}e-${d.scale}`);
  return Number.isFinite(value) ? ok(value + 0) : bad(v, TOO_LARGE);
}

/** Decimal shift, so 1.64 → 164 exactly (1.64 * 100 is 163.99999999999997). */
function timesHundred(n: number): number {
  const [mantissa, exponent = '0'] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent) + 2}`) + 0;
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

type DateRead = { iso: string } | { reason: Reason };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Dates read so far, by yyyymmdd (a few thousand distinct days in a whole programme); results are never changed. */
const DATES = new Map<number, DateRead>();

function dateFromParts(year: number, month: number, day: number): DateRead {
  const key = year * 10_000 + month * 100 + day;
  const fast = Number.isInteger(key) && month >= 0 && month < 100 && day >= 0 && day < 100 ? DATES.get(key) : undefined;
  if (fast) return fast;
  const read = dateFromPartsUncached(year, month, day);
  if (Number.isInteger(key) && month >= 0 && month < 100 && day >= 0 && day < 100 && DATES.size < 100_000) DATES.set(key, read);
  return read;
}

function dateFromPartsUncached(year: number, month: number, day: number): DateRead {
  if (year < MIN_YEAR || year > MAX_YEAR) return { reason: YEAR_OUT_OF_RANGE };
  const t = new Date(Date.UTC(year, month - 1, day));
  const real = month >= 1 && month <= 12 && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
  return real ? { iso: isoOf(year, month, day) } : { reason: NO_SUCH_DATE };
}

function dateFromUtc(d: Date): DateRead {
  if (Number.isNaN(d.getTime())) return { reason: NOT_DATE };
  return dateFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Excel 1900 date system: serial 1 = 1900-01-01, and Excel counts a 29 February 1900 that
 * never existed (serial 60), so from serial 61 on the epoch is 1899-12-30. Time of day is dropped.
 */
function dateFromSerial(serial: number): DateRead {
  if (!Number.isFinite(serial) || serial < 1) return { reason: BAD_SERIAL };
  const day = Math.floor(serial);
  if (day === 60) return { reason: NO_SUCH_DATE };
  const offset = day < 60 ? day : day - 1;
  if (offset > 80_000) return { reason: YEAR_OUT_OF_RANGE }; // far past 2100; keeps Date in range
  return dateFromUtc(new Date(Date.UTC(1899, 11, 31) + offset * DAY_MS));
}

const TIME = String.raw`(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?`;
const DMY = new RegExp(String.raw`^(?:ngay )?(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d+)${TIME}$`);
const DMY_WORDS = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}),? nam (\d+)$/;
const YMD = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const TEXT_SERIAL = /^\d{5}(?:\.\d+)?$/;

/** A whole cell text as a date; null when it does not look like a date at all. */
function dateFromText(folded: string): DateRead | null {
  let m = DMY.exec(folded);
  if (m) return dateFromDmy(m[1], m[3], m[4]);
  m = DMY_WORDS.exec(folded);
  if (m) return dateFromDmy(m[1], m[2], m[3]);
  m = YMD.exec(folded);
  if (m) return dateFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  if (TEXT_SERIAL.test(folded)) return dateFromSerial(Number(folded));
  return null;
}

function dateFromDmy(day: string, month: string, year: string): DateRead {
  if (year.length === 2) return { reason: TWO_DIGIT_YEAR };
  if (year.length !== 4) return { reason: NOT_DATE };
  return dateFromParts(Number(year), Number(month), Number(day));
}

function dateResult(v: CellValue, read: DateRead): Parsed<string> {
  return 'iso' in read ? ok(read.iso) : bad(v, read.reason);
}

/** → ISO `YYYY-MM-DD`: Excel serials, `Date` (UTC parts), `31/8/2023`, `ngày 31 tháng 8 năm 2023`, `2023-08-31`. */
export function parseDate(v: CellValue): Parsed<string> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return dateResult(v, dateFromSerial(v));
  if (v instanceof Date) return dateResult(v, dateFromUtc(v));
  if (typeof v !== 'string') return bad(v, NOT_DATE);
  const text = foldAccents(v);
  if (text === '' || isDash(text)) return EMPTY;
  return dateResult(v, dateFromText(text) ?? { reason: NOT_DATE });
}

// Dates inside a longer text ("125/QĐ-CĐ ngày 12/5/2023"); the leftmost one wins. The
// look-arounds keep document numbers such as "01/2023/QĐ" from reading as dates.
const DATE_INSIDE = new RegExp(
  [
    String.raw`(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])`,
    String.raw`(?<!\d)(\d{1,2}) thang (\d{1,2}),? nam (\d{4})(?!\d)`,
    String.raw`(?<![\d/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/])`,
  ].join('|'),
);

function findDate(folded: string): DateRead | null {
  const m = DATE_INSIDE.exec(folded);
  if (!m) return null;
  if (m[1] !== undefined) return dateFromDmy(m[1], m[3], m[4]);
  if (m[5] !== undefined) return dateFromDmy(m[5], m[6], m[7]);
  return dateFromParts(Number(m[8]), Number(m[9]), Number(m[10]));
}

// ---------------------------------------------------------------- yes / no / documents

const YES_SYMBOLS = /^[✓✔☑✅]+$/u;
// Compared accent-folded, so "co", "khong" typed without accents count too.
const YES_WORDS = new Set(['x', 'co', 'roi', 'da', 'co roi', 'da co', 'dat', '1', 'true', 'yes', 'y', 'ok']);
const NO_WORDS = new Set(['khong', 'chua', 'khong co', 'chua co', 'ko', 'k', '0', 'no', 'n', 'false']);
// First words keep their accents: folded "co ..." would also catch "cơ quan ...".
const YES_FIRST_WORDS = new Set(['có', 'đã', 'rồi']);
const NO_FIRST_WORDS = new Set(['không', 'chưa']);
const DOCUMENT_NUMBER = /(?<!\d)\d+ ?\/ ?[a-z]/; // 125/qd-cd, 12/2023/qd (look-behind keeps it linear)
const DOCUMENT_WORDS = /\b(?:qd|quyet dinh|cong van|van ban|giay chung nhan|gcn|giay khen|bang khen|chung nhan|xac nhan)\b|\bso ?\d/;
const LINK = /https?:\/\/|www\./;

type Answer = 'yes-word' | 'yes-text' | 'no';

/** How a yes/no or document cell reads; null when it is neither. */
function answerOf(text: string): Answer | null {
  if (isDash(text)) return 'no';
  if (YES_SYMBOLS.test(text)) return 'yes-word';
  const word = foldKey(text);
  if (YES_WORDS.has(word)) return 'yes-word';
  if (NO_WORDS.has(word)) return 'no';
  const [first, second] = nameKey(text).split(/[^\p{L}\p{N}]+/u);
  if (NO_FIRST_WORDS.has(first)) return 'no';
  if (YES_FIRST_WORDS.has(first) && !(first === 'có' && second === 'thể')) return 'yes-text'; // "có thể" = maybe
  return looksLikeDocument(foldAccents(text)) ? 'yes-text' : null;
}

function looksLikeDocument(folded: string): boolean {
  return (
    DOCUMENT_NUMBER.test(folded) ||
    DOCUMENT_WORDS.test(folded) ||
    LINK.test(folded) ||
    DATE_INSIDE.test(folded) ||
    dateFromText(folded) !== null
  );
}

/**
 * Yes: `x`, `Có`, `Đã …`, `✓`, `1`, TRUE, a document number or a date. No: `Không`, `Chưa …`, `0`, `-`, FALSE.
 * A blank cell is `empty`, not "no".
 */
export function parseYesNo(v: CellValue): Parsed<boolean> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'boolean') return ok(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? bad(v, NOT_YES_NO) : ok(true);
  if (typeof v === 'number') return v === 1 || v === 0 ? ok(v === 1) : isModernSerial(v) ? ok(true) : bad(v, NOT_YES_NO);
  const text = normalizeText(v);
  if (text === '') return EMPTY;
  const answer = answerOf(text);
  return answer === null ? bad(v, NOT_YES_NO) : ok(answer !== 'no');
}

// A number in a yes/no or document column is read as a date only from 2000-01-01 on (serial
// 36526): smaller numbers there are far more likely counts or document numbers than dates.
const SERIAL_2000 = 36_526;

function isModernSerial(n: number): boolean {
  return Number.isFinite(n) && n >= SERIAL_2000 && 'iso' in dateFromSerial(n);
}

const ABSENT_DOCUMENT: Parsed<DocumentRef> = ok({ present: false, date: null });
const PRESENT_DOCUMENT: Parsed<DocumentRef> = ok({ present: true, date: null });

/**
 * Like parseYesNo, with the first date written in the document cell. A date cell (Date, serial,
 * text date) is a present document of that date. Results are shared: one per day.
 */
export function parseDocument(v: CellValue): Parsed<DocumentRef> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'boolean') return v ? PRESENT_DOCUMENT : ABSENT_DOCUMENT;
  if (typeof v === 'number') return documentFromNumber(v);
  if (v instanceof Date) return datedDocument(v, dateFromUtc(v));
  // The usual form, "125/QĐ-CĐ ngày 12/5/2023": what the general reading below concludes for it
  // (not a bare date, not a yes/no word, a document number, its one date), without folding the text.
  // Written so (composed "ngày", ASCII otherwise but Đ/đ, single spaces), it is its own normal form.
  const raw = typeof v === 'string' ? usualDocumentDay(v) : -1;
  if (raw >= 0) return datedDocument(v, dateOfDay(raw));
  const text = normalizeText(v);
  if (text === '') return EMPTY;
  const usual = usualDocumentDay(text);
  if (usual >= 0) return datedDocument(v, dateOfDay(usual));
  const bareDate = dateFromText(foldAccents(text));
  if (bareDate) return datedDocument(v, bareDate);
  const answer = answerOf(text);
  if (answer === null) return bad(v, NOT_YES_NO);
  if (answer === 'no') return ABSENT_DOCUMENT;
  if (answer === 'yes-word') return PRESENT_DOCUMENT;
  const date = findDate(foldAccents(text));
  if (date && 'reason' in date) return bad(v, date.reason);
  return date ? datedDocument(v, date) : PRESENT_DOCUMENT;
}

const DIGIT_0 = 0x30;
const SLASH = 0x2f;
const DASH = 0x2d;
const isDigit = (c: number) => c >= DIGIT_0 && c <= 0x39;
/** A-Z, a-z, Đ, đ (NaN past the end: none of them). */
const isNumberLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x110 || c === 0x111;
const NGAY = ' ngày ';

/**
 * The usual document cell: a document number (digits, "/", a letter, then letters and dashes),
 * " ngày " and d/m/yyyy — "125/QĐ-CĐ ngày 12/5/2023" — read as yyyymmdd without a regular
 * expression (whose match and captures are made for each of a million cells that never repeat);
 * -1 for any other text. The same texts as /^\d+\/[A-Za-zĐđ][A-Za-zĐđ-]* ngày (\d{1,2})\/(\d{1,2})\/(\d{4})$/.
 */
export function usualDocumentDay(s: string): number {
  const n = s.length;
  let i = 0;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === 0 || s.charCodeAt(i) !== SLASH || !isNumberLetter(s.charCodeAt(i + 1))) return -1;
  i += 2;
  for (let c = s.charCodeAt(i); isNumberLetter(c) || c === DASH; c = s.charCodeAt(++i));
  if (!s.startsWith(NGAY, i)) return -1;
  i += NGAY.length;
  // Day and month: one or two digits, each followed by "/".
  let dayMonth = 0;
  for (let part = 0; part < 2; part++) {
    const from = i;
    let value = 0;
    for (; i - from < 2 && isDigit(s.charCodeAt(i)); i++) value = value * 10 + s.charCodeAt(i) - DIGIT_0;
    if (i === from || s.charCodeAt(i) !== SLASH) return -1;
    dayMonth = part === 0 ? value : value * 100 + dayMonth;
    i++;
  }
  if (n - i !== 4) return -1;
  let year = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    year = year * 10 + c - DIGIT_0;
  }
  return year * 10_000 + dayMonth;
}

const dateOfDay = (yyyymmdd: number) => dateFromParts(Math.floor(yyyymmdd / 10_000), Math.floor(yyyymmdd / 100) % 100, yyyymmdd % 100);

function documentFromNumber(n: number): Parsed<DocumentRef> {
  if (n === 0 || n === 1) return n === 1 ? PRESENT_DOCUMENT : ABSENT_DOCUMENT;
  return isModernSerial(n) ? datedDocument(n, dateFromSerial(n)) : bad(n, NOT_YES_NO);
}

/** A present document of each day read so far (a few thousand days; results are never changed). */
const DOCUMENTS_BY_DAY = new Map<string, Parsed<DocumentRef>>();

function datedDocument(v: CellValue, read: DateRead): Parsed<DocumentRef> {
  if (!('iso' in read)) return bad(v, read.reason);
  let r = DOCUMENTS_BY_DAY.get(read.iso);
  if (r === undefined) {
    r = ok({ present: true, date: read.iso });
    if (DOCUMENTS_BY_DAY.size < 100_000) DOCUMENTS_BY_DAY.set(read.iso, r);
  }
  return r;
}

// ---------------------------------------------------------------- text

/** Free text: normalised; numbers as plain digits (no grouping); dates as ISO; booleans as TRUE/FALSE. */
export function parseText(v: CellValue): Parsed<string> {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? ok(String(v + 0)) : bad(v, NOT_TEXT);
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE');
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad(v, NOT_TEXT);
    return ok(isoOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()));
  }
  const text = normalizeText(v);
  return text === '' ? EMPTY : ok(text);
}
