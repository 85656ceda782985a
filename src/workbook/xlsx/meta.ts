/**
 * What the add-in remembers inside an output workbook: which sheets it wrote (so the next run
 * replaces them and never reads them as source), the highlights it added (so they can be
 * removed exactly), and the officer's settings. Stored in a very hidden sheet, one key per row:
 * column A the key, columns B… the JSON value cut into pieces below Excel's cell limit.
 */
import type { CellValue } from '../../domain/cells';

export const META_SHEET = '_binhxet';
const MARKER = 'binh-xet-meta';
const PIECE = 30_000; // Excel cells hold at most 32,767 characters

/** One highlight rule added to a source sheet (conditional format on `ref`). */
export interface HighlightRecord {
  sheet: string;
  key: string;
  color: string;
  ref: string; // "A12:K14 A20:K20"
}

export interface WorkbookMeta {
  owned: string[];
  highlights: HighlightRecord[];
  settings: Record<string, unknown>;
}

export function emptyMeta(): WorkbookMeta {
  return { owned: [], highlights: [], settings: {} };
}

export function metaToRows(meta: WorkbookMeta): string[][] {
  const rows: string[][] = [[MARKER, '1']];
  const put = (key: string, value: unknown): void => {
    const json = JSON.stringify(value);
    const pieces: string[] = [];
    for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
    rows.push([key, ...pieces]);
  };
  put('owned', meta.owned);
  put('highlights', meta.highlights);
  for (const key of Object.keys(meta.settings).sort()) put(`settings:${key}`, meta.settings[key]);
  return rows;
}

/** Reads the rows back; anything unreadable is ignored (the sheet may have been edited by hand). */
export function metaFromRows(rows: CellValue[][]): WorkbookMeta {
  const meta = emptyMeta();
  if (rows[0]?.[0] !== MARKER) return meta;
  for (const row of rows.slice(1)) {
    const key = row[0];
    if (typeof key !== 'string') continue;
    let value: unknown;
    try {
      value = JSON.parse(row.slice(1).map((c) => (typeof c === 'string' ? c : '')).join(''));
    } catch {
      continue;
    }
    if (key === 'owned' && Array.isArray(value)) meta.owned = value.filter((v): v is string => typeof v === 'string');
    else if (key === 'highlights' && Array.isArray(value)) meta.highlights = value.filter(isHighlightRecord);
    else if (key.startsWith('settings:')) meta.settings[key.slice('settings:'.length)] = value;
  }
  return meta;
}

function isHighlightRecord(v: unknown): v is HighlightRecord {
  const r = v as HighlightRecord;
  return !!r && typeof r.sheet === 'string' && typeof r.key === 'string' && typeof r.ref === 'string' && typeof r.color === 'string';
}
