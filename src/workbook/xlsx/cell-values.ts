/** exceljs cell values → the domain's plain `CellValue`. */
import type { CellValue } from '../../domain/cells';

const DAY_MS = 86_400_000;

/** Excel serial day number → Date (UTC midnight based, as exceljs does). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(Math.round(epoch + serial * DAY_MS));
}

/** True for number formats that show a date or time ("dd/mm/yyyy", "m/d/yy h:mm", …). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/.test(bare);
}

function richTextToString(rich: unknown): string | null {
  if (!Array.isArray(rich)) return null;
  return rich.map((r) => (r && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('');
}

/**
 * Rich text → plain string; formula → cached result (a Date when the cell has a date format);
 * hyperlink → its text; error → "#N/A"-style text. Unknown shapes become null.
 */
export function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
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
