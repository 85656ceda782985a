/**
 * The package structure of an .xlsx read straight from its XML parts: sheet names and
 * order (workbook.xml + rels). The pass over one sheet for its used size and merges
 * (`SheetScan`) is in sheet-scan.ts.
 */
import type { MergedArea } from '../../domain/cells';
import { type ZipArchive, ZipFormatError } from './zip';

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
