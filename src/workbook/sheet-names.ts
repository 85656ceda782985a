/**
 * Excel sheet-name rules, shared by the .xlsx and Excel adapters: at most 31 characters,
 * none of []:*?/\, not starting or ending with an apostrophe, not "History", unique
 * ignoring case.
 */
export const MAX_SHEET_NAME = 31;

/** Comparison key: Excel treats sheet names case-insensitively. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi');
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let t = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** `wanted` made legal, without the forbidden characters and within the length limit. */
export function legalSheetName(wanted: string): string {
  let name = wanted.normalize('NFC').replace(/[[\]:*?/\\]/g, '-').replace(/[\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  name = cut(name, MAX_SHEET_NAME).replace(/^'+|'+$/g, '').trim();
  if (name === '' || sheetNameKey(name) === 'history') name = name === '' ? 'Sheet' : `${name} 1`;
  return name;
}

/**
 * A legal name close to `wanted` that is not in `taken` (compared ignoring case):
 * "Tổng hợp", then "Tổng hợp (2)", "Tổng hợp (3)", … shortening the base to stay ≤ 31.
 * Pure: `taken` is not changed.
 */
export function safeSheetName(wanted: string, taken: Set<string>): string {
  const keys = new Set([...taken].map(sheetNameKey));
  const base = legalSheetName(wanted);
  if (!keys.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${cut(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!keys.has(sheetNameKey(name))) return name;
  }
}
