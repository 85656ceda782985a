/**
 * The package structure of an .xlsx read straight from its XML parts: sheet names and
 * order (workbook.xml + rels), and a raw pass over one sheet for its used size and merges.
 * The raw pass is plain text scanning — no cell objects — so it stays fast on 1M-row sheets.
 */
import type { MergedArea } from '../../domain/cells';
import { ZipArchive, ZipFormatError } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetPart {
  name: string;
  path: string; // zip entry, e.g. "xl/worksheets/sheet1.xml"
  state: SheetState;
}

export interface WorkbookParts {
  sheets: SheetPart[]; // worksheets in tab order (chart sheets left out)
  date1904: boolean;
  sharedStrings: string | null; // zip entry
  styles: string | null; // zip entry
}

export interface SheetScan {
  rowCount: number; // last row holding a cell
  columnCount: number; // last column holding a cell
  merges: MergedArea[];
  internalLinks: boolean; // hyperlinks to a place in the workbook (`location`)
  extensions: boolean; // x14 data validations or sparklines (exceljs drops them)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Attributes of every `<tag …>` (any namespace prefix) in `xml`. */
function tags(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}\\s([^>]*)>`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeXml(a[2] ?? a[3]);
    out.push(attrs);
  }
  return out;
}

function attrEnding(attrs: Record<string, string>, suffix: string): string | undefined {
  const key = Object.keys(attrs).find((k) => k === suffix || k.endsWith(`:${suffix}`));
  return key === undefined ? undefined : attrs[key];
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

async function relationships(zip: ZipArchive, relsPath: string, baseDir: string): Promise<{ id: string; type: string; target: string }[]> {
  if (!zip.has(relsPath)) return [];
  return tags(await zip.text(relsPath), 'Relationship').map((r) => ({
    id: r.Id ?? '',
    type: r.Type ?? '',
    target: r.TargetMode === 'External' ? '' : resolveTarget(baseDir, r.Target ?? ''),
  }));
}

export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const root = await relationships(zip, '_rels/.rels', '');
  const bookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!zip.has(bookPath)) throw new ZipFormatError('no workbook part');
  const dir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/')) : '';
  const rels = await relationships(zip, `${dir}/_rels/${bookPath.slice(dir.length + 1)}.rels`, dir);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const xml = await zip.text(bookPath);
  const sheets: SheetPart[] = [];
  for (const s of tags(xml, 'sheet')) {
    const rel = byId.get(attrEnding(s, 'id') ?? '');
    if (!rel || !rel.type.endsWith('/worksheet') || !zip.has(rel.target)) continue;
    const state = s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible';
    sheets.push({ name: s.name ?? '', path: rel.target, state });
  }
  const pr = tags(xml, 'workbookPr')[0];
  const date1904 = pr?.date1904 === '1' || pr?.date1904 === 'true';
  const find = (suffix: string): string | null => {
    const r = rels.find((x) => x.type.endsWith(suffix));
    return r && zip.has(r.target) ? r.target : null;
  };
  return { sheets, date1904, sharedStrings: find('/sharedStrings'), styles: find('/styles') };
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL_REF = /<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"/g;
const INTERNAL_LINK = /<(?:[\w.-]+:)?hyperlink\s[^>]*?\blocation=/;
const X14_LOST = /<x14:(dataValidations?|sparklineGroups?)[\s>]/;
const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g;

/** One raw pass over a sheet part: last used row/column and every merged area. */
export async function scanSheet(zip: ZipArchive, path: string): Promise<SheetScan> {
  // Bytes read as Latin-1: every pattern here is ASCII, and in UTF-8 no byte of a multi-byte
  // character is ASCII, so the matches are the same as on the decoded text — without decoding
  // half a gigabyte of a million-row sheet into two-byte strings.
  let carry = '';
  let rowCount = 0;
  let columnCount = 0;
  const merges: MergedArea[] = [];
  let internalLinks = false;
  let extensions = false;
  const scan = (text: string): void => {
    internalLinks ||= INTERNAL_LINK.test(text);
    extensions ||= X14_LOST.test(text);
    for (const m of text.matchAll(CELL_REF)) {
      const row = +m[2];
      if (row > rowCount) rowCount = row;
      const col = lettersToColumn(m[1]);
      if (col > columnCount) columnCount = col;
    }
    for (const m of text.matchAll(MERGE_REF)) {
      const top = +m[2];
      const left = lettersToColumn(m[1]);
      merges.push({ top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? lettersToColumn(m[3]) : left });
    }
  };
  for await (const chunk of await zip.stream(path)) {
    const text = carry + (chunk as Buffer).toString('latin1');
    // Only complete tags are scanned; the part from the last '<' waits for the next chunk.
    const cut = text.lastIndexOf('<');
    scan(cut < 0 ? text : text.slice(0, cut));
    carry = cut < 0 ? '' : text.slice(cut);
  }
  scan(carry);
  return { rowCount, columnCount, merges, internalLinks, extensions };
}
