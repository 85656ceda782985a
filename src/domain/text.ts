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

/** NFC, every kind of whitespace → one space, trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim();
}

/** Accent-sensitive key for people and unit names: normalised and lower-cased. */
export function nameKey(s: string): string {
  return normalizeText(s).toLocaleLowerCase('vi').normalize('NFC');
}

/**
 * Lower-case without diacritics (đ → d), punctuation kept: "1,5 Tỷ đồng" → "1,5 ty dong".
 * `ð` (eth) is mapped too: legacy TCVN3 fonts converted badly produce it in place of `đ`.
 */
export function foldAccents(s: string): string {
  return nameKey(s).normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đð]/g, 'd').normalize('NFC');
}

/** Accent-insensitive key for header and synonym matching: "Số SK (đăng ký)" → "so sk dang ky". */
export function foldKey(s: string): string {
  return foldAccents(s).replace(PUNCTUATION, ' ').replace(WHITESPACE, ' ').trim();
}

// Punctuation and symbols trimmed around a name ("- Nguyễn Văn A.", "• Lê B"); brackets are
// kept on their own side so "Nguyễn Văn A (chủ nhiệm)" stays whole.
const KEEP_AT_START = /[\p{L}\p{N}\p{M}([]/u;
const KEEP_AT_END = /[\p{L}\p{N}\p{M})\]]/u;

function trimPunctuation(s: string): string {
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && !KEEP_AT_START.test(chars[start])) start++;
  while (end > start && !KEEP_AT_END.test(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** Author cell → names in written order; separators are `,` `;` and line breaks. */
export function splitAuthors(s: string): string[] {
  return s
    .split(/[,;\n\r\u2028\u2029]+/)
    .map((part) => normalizeText(trimPunctuation(normalizeText(part))))
    .filter((name) => name !== '');
}
