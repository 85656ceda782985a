/** Dates of cell values: from serial numbers (as exceljs's reader made them) and from ISO text (`t="d"`). */

const DAY_MS = 86_400_000;

/** Excel serial day number → Date (UTC midnight based), for formula results in a date format. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(Math.round(epoch + serial * DAY_MS));
}

/** exceljs's `utils.excelToDate` (plain numbers in a date format read through it). */
export function exceljsSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*$/;

/**
 * A `t="d"` value. Without a zone it is the same wall-clock value a serial number gives (UTC
 * based, as all dates read here); with one, that instant. Unreadable text: null.
 * (exceljs took parseFloat of the text — "2023-05-15T…" read as the number 2023.)
 */
export function isoDate(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) {
    const zoned = /^\s*\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})\s*$/.test(text) ? Date.parse(text.trim()) : NaN;
    return Number.isNaN(zoned) ? null : new Date(zoned);
  }
  const [y, mo, d, h, mi, s] = [+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, m[7] ? Math.round(+m[7] * 1000) : 0));
  // Date.UTC rolls "2023-02-30" over into March: such text is not a date
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? date : null;
}
