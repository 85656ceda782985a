/**
 * Text normalisation for names and headers. Workbooks mix NFC and NFD Vietnamese, stray
 * non-breaking spaces, tabs and line breaks; every comparison goes through these keys.
 */

// \s covers tabs, newlines, NBSP (U+00A0), narrow NBSP (U+202F), ideographic space and BOM.
const WHITESPACE = /\s+/g;
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Everything that is neither a letter, digit, mark, space, `%` nor `/`.
const PUNCTUATION = /[^\p{L}\p{N}\p{M}\s%/]/gu;

// Anything the whitespace and zero-width clean-up below would change: a zero-width character, any
// whitespace other than a single space, two spaces in a row, a space at either end.
const NEEDS_CLEANING = /[\u200b\u200c\u200d\u2060]|[^\S ]| {2}|^ | $/;

/**
 * Code units below PLAIN_LIMIT that are their own NFC, never combine with a neighbour (not a mark,
 * not a Hangul jamo) and are not whitespace or zero-width: a text made only of these, with single
 * spaces between words, is already normal. Tables of characters cover every code unit (0 from
 * PLAIN_LIMIT on), so the loops below index them without a range check.
 */
const PLAIN_LIMIT = 0x3000;
const CODE_UNITS = 0x10000;
const PLAIN = new Uint8Array(CODE_UNITS);
for (let c = 0; c < PLAIN_LIMIT; c++) {
  const ch = String.fromCharCode(c);
  const jamo = c >= 0x1100 && c <= 0x11ff;
  PLAIN[c] = !jamo && !/[\s\p{M}\u200b\u200c\u200d\u2060]/u.test(ch) && ch.normalize('NFC') === ch ? 1 : 0;
}

/** Already what normalizeText makes of it (most cells): one pass, no copy. */
function isNormal(s: string): boolean {
  let afterSpace = true; // a leading space is not normal
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (PLAIN[c] === 1) afterSpace = false;
    else return false;
  }
  return !afterSpace || n === 0;
}

/** NFC, every kind of whitespace → one space, trimmed. */
export function normalizeText(s: string): string {
  // normalize() copies even a text that is already NFC: a million titles and names are.
  if (isNormal(s)) return s;
  const nfc = s.normalize('NFC');
  // Most cells are already clean: skip the three copies the clean-up would make (same result).
  return NEEDS_CLEANING.test(nfc) ? nfc.replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim() : nfc;
}

/**
 * The keys below are pure functions of their text and are asked for the same few thousand unit,
 * person and header names millions of times: each is computed once (bounded caches, same results).
 */
const CACHE_LIMIT = 100_000;
function cached(fn: (s: string) => string): (s: string) => string {
  let seen = new Map<string, string>();
  return (s) => {
    let k = seen.get(s);
    if (k === undefined) {
      k = fn(s);
      if (seen.size >= CACHE_LIMIT) seen = new Map();
      seen.set(s, k);
    }
    return k;
  };
}

/** Accent-sensitive key for people and unit names: normalised and lower-cased. */
export const nameKey = cached((s) => normalizeText(s).toLocaleLowerCase('vi').normalize('NFC'));

/**
 * Lower-case without diacritics (đ → d), punctuation kept: "1,5 Tỷ đồng" → "1,5 ty dong".
 * `ð` (eth) is mapped too: legacy TCVN3 fonts converted badly produce it in place of `đ`.
 */
export const foldAccents = cached((s) => {
  const key = nameKey(s);
  return foldLatin(key) ?? key.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đð]/g, 'd').normalize('NFC');
});

/**
 * Each precomposed Latin letter (Vietnamese ones included) whose folding above is one ASCII letter,
 * mapped to it: a text made only of ASCII and these folds char by char to exactly the same result,
 * without the NFD/NFC round trip.
 */
const LATIN_FOLD: (string | undefined)[] = [];
for (const [from, to] of [[0x80, 0x24f], [0x1e00, 0x1eff]]) {
  for (let c = from; c <= to; c++) {
    const folded = String.fromCharCode(c).normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đð]/g, 'd').normalize('NFC');
    if (folded.length === 1 && folded.charCodeAt(0) < 0x80 && String.fromCharCode(c).normalize('NFC') === String.fromCharCode(c)) LATIN_FOLD[c] = folded;
  }
}

function foldLatin(key: string): string | null {
  let i = 0;
  while (i < key.length && key.charCodeAt(i) < 0x80) i++;
  if (i === key.length) return key;
  let out = key.slice(0, i);
  for (; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x80) out += key[i];
    else {
      const f = LATIN_FOLD[c];
      if (f === undefined) return null;
      out += f;
    }
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;
// PUNCTUATION restricted to ASCII text: \p{L} = A–Z a–z, \p{N} = 0–9, no marks, \s = tab, LF, VT, FF, CR, space.
const ASCII_PUNCTUATION = /[^A-Za-z0-9\t\n\v\f\r %/]/g;

/** Accent-insensitive key for header and synonym matching: "Số SK (đăng ký)" → "so sk dang ky". */
export const foldKey = cached((s) => {
  const folded = foldAccents(s);
  return folded.replace(ASCII.test(folded) ? ASCII_PUNCTUATION : PUNCTUATION, ' ').replace(WHITESPACE, ' ').trim();
});

// Punctuation and symbols trimmed around a name ("- Nguyễn Văn A.", "• Lê B"); brackets are
// kept on their own side so "Nguyễn Văn A (chủ nhiệm)" stays whole.
const KEEP_AT_START = /[\p{L}\p{N}\p{M}([]/u;
const KEEP_AT_END = /[\p{L}\p{N}\p{M})\]]/u;

export function trimPunctuation(s: string): string {
  // Usually both ends are kept: the text itself (what the general path below returns then too).
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  const n = s.length;
  const low = s.charCodeAt(n - 1);
  const high = n > 1 ? s.charCodeAt(n - 2) : 0;
  const last = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? s.slice(n - 2) : s[n - 1]!;
  if (KEEP_AT_START.test(first) && KEEP_AT_END.test(last)) return s;
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && !KEEP_AT_START.test(chars[start])) start++;
  while (end > start && !KEEP_AT_END.test(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** Author cell → names in written order; separators are `,` `;` and line breaks. */
export function splitAuthors(s: string): string[] {
  const names = s.split(/[,;\n\r\u2028\u2029]+/).map(authorName);
  // Kept for the life of the workbook: the array `map` made (its exact size) unless a part was empty;
  // `filter` grows its array by pushing, with room to spare for 17 names.
  return names.includes('') ? names.filter((name) => name !== '') : names;
}

/** `,` and `;`: the separators an author cell already in normal form can hold (line breaks are not normal). */
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/**
 * The names of an author cell that is already in normal form, its parts kept whole by
 * `authorName` (most cells): what `splitAuthors` makes of it, in one pass over the text. Null when
 * any part needs the general path, or when the cell names no one.
 */
export function plainAuthorNames(s: string): string[] | null {
  const n = s.length;
  let afterSpace = true;
  let start = 0;
  let count = 0;
  const names = NAMES_SCRATCH;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? SEMICOLON : s.charCodeAt(i);
    if (c === COMMA || c === SEMICOLON) {
      // A part ends: without the space either side of it (never two in a row: those are not normal).
      const from = s.charCodeAt(start) === 0x20 ? start + 1 : start;
      const to = i > from && s.charCodeAt(i - 1) === 0x20 ? i - 1 : i;
      if (to > from) {
        if (KEPT_FIRST[s.charCodeAt(from)] !== 1 || KEPT_LAST[s.charCodeAt(to - 1)] !== 1) return null;
        names[count++] = from === 0 && to === n ? s : s.slice(from, to);
      }
      start = i + 1;
      if (i < n) afterSpace = false;
    } else if (c === 0x20) {
      if (afterSpace) return null;
      afterSpace = true;
    } else if (PLAIN[c] === 1) afterSpace = false;
    else return null;
  }
  if (afterSpace || count === 0) return null; // ends with a space, is empty or names no one
  // Kept for the life of the workbook: one array of its exact size (a pushed one keeps room for 17).
  return count === 1 ? [names[0]!] : names.slice(0, count);
}

/** The names of the cell `plainAuthorNames` is reading (reused: cells are read one at a time). */
const NAMES_SCRATCH: string[] = [];

/** One part of an author cell as a name (the same few names recur in thousands of cells). */
const cleanAuthorName = cached((part) => normalizeText(trimPunctuation(normalizeText(part))));

/** Characters trimPunctuation keeps at a name's start / end, for the plain ones. */
const KEPT_FIRST = new Uint8Array(CODE_UNITS);
const KEPT_LAST = new Uint8Array(CODE_UNITS);
for (let c = 0; c < PLAIN_LIMIT; c++) {
  KEPT_FIRST[c] = KEEP_AT_START.test(String.fromCharCode(c)) ? 1 : 0;
  KEPT_LAST[c] = KEEP_AT_END.test(String.fromCharCode(c)) ? 1 : 0;
}

/**
 * Most parts are a clean name already, or one with the space that followed its comma
 * ("A, Nguyễn Văn B"): that name, without a cache lookup.
 */
function authorName(part: string): string {
  let start = 0;
  let end = part.length;
  while (start < end && part.charCodeAt(start) === 0x20) start++;
  while (end > start && part.charCodeAt(end - 1) === 0x20) end--;
  const name = start === 0 && end === part.length ? part : part.slice(start, end);
  const n = name.length;
  if (n > 0 && isNormal(name) && KEPT_FIRST[name.charCodeAt(0)] === 1 && KEPT_LAST[name.charCodeAt(n - 1)] === 1) return name;
  return cleanAuthorName(part);
}

/** Workbook text quoted in a message, cut to `max` characters: a 32,767-character cell keeps the message readable. */
export function clip(s: string, max = 120): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}
