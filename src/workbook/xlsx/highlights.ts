/**
 * Highlights on the officer's sheets: one conditional format per address chunk, formula TRUE, a
 * solid-fill dxf, its own priority. The sheet's XML streams through unchanged up to the end of
 * sheetData; only the part after it (merges, formats, links, page setup — small) is edited:
 * the add-in's earlier formats (as recorded in the meta sheet) are cut out, and the new ones are
 * spliced in where CT_Worksheet puts conditionalFormatting — after sheetData … mergeCells,
 * phoneticPr and the officer's own formats, before dataValidations, hyperlinks, printOptions, … extLst.
 * Cutting out exactly what was spliced in gives back the original bytes.
 */
import { columnLetter } from '../../domain/cells';
import type { HighlightRecord } from './meta';
import { attributes, childElements, splice, type ElementSpan } from './xml-edit';

/** Address lists are cut below this length, as in the Excel adapter (Excel's own address limit is 8,192). */
export const MAX_REF_CHARS = 8_000;

/** CT_Worksheet elements that come after conditionalFormatting (transitional and strict orders). */
const AFTER_FORMATS = new Set([
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  'AlternateContent', // markup-compatibility wrappers hold controls or oleObjects
]);

/** Strictly ascending whole rows from 1 — what the engine hands over — need no copy, no sort (half a million rows at a million initiatives). */
function isAscendingRows(rows: number[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!Number.isInteger(r) || r < 1 || (i > 0 && r <= rows[i - 1]!)) return false;
  }
  return true;
}

/** Row runs as range lists of at most MAX_REF_CHARS: rows [12,13,14,20] of 11 columns → ["A12:K14 A20:K20"]. */
export function rowRefs(rows: number[], columnCount: number, max = MAX_REF_CHARS): string[] {
  const last = columnLetter(Math.max(1, columnCount));
  const sorted = isAscendingRows(rows) ? rows : [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const area = `A${sorted[i]}:${last}${sorted[j]}`;
    if (cur && cur.length + 1 + area.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${area}` : area;
    i = j + 1;
  }
  if (cur) out.push(cur);
  return out;
}

export interface NewFormat {
  ref: string;
  dxfId: number;
}

const normalRef = (ref: string): string => ref.trim().split(/\s+/).join(' ');

/** One of ours: on the recorded range, a single `expression` rule whose formula is TRUE. */
function isOurs(xml: string, span: ElementSpan, ref: string): boolean {
  if (span.selfClosing || normalRef(attributes(xml.slice(span.start, span.tagEnd)).sqref ?? '') !== ref) return false;
  const rules = childElements(xml, span.tagEnd, span.innerEnd);
  if (rules.length !== 1 || rules[0].local !== 'cfRule' || attributes(xml.slice(rules[0].start, rules[0].tagEnd)).type !== 'expression') return false;
  const formulas = childElements(xml, rules[0].tagEnd, rules[0].innerEnd).filter((f) => f.local === 'formula');
  return formulas.length === 1 && xml.slice(formulas[0].tagEnd, formulas[0].innerEnd).trim().toUpperCase() === 'TRUE';
}

/**
 * Edits the elements that follow sheetData (`text` from `from`, ending with the worksheet's end
 * tag): removes the `remove` formats, adds `add` with priorities above every remaining rule.
 */
export function editFormats(text: string, from: number, prefix: string, remove: HighlightRecord[], add: NewFormat[]): string {
  const children = childElements(text, from);
  const edits: { start: number; end: number; insert: string }[] = [];
  const removed = new Set<ElementSpan>();
  for (const record of remove) {
    const ref = normalRef(record.ref);
    const hit = children.find((c) => c.local === 'conditionalFormatting' && !removed.has(c) && isOurs(text, c, ref));
    if (!hit) continue;
    removed.add(hit);
    edits.push({ start: hit.start, end: hit.end, insert: '' });
  }
  if (add.length > 0) {
    let top = 0;
    for (const c of children) {
      // Rules live in conditionalFormatting and (x14) in extLst; skip the rest (merges, links can be large).
      if (removed.has(c) || (c.local !== 'conditionalFormatting' && c.local !== 'extLst')) continue;
      for (const m of text.slice(c.start, c.end).matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\bpriority\s*=\s*["'](\d+)["']/g)) top = Math.max(top, Number(m[1]));
    }
    const p = prefix;
    const formats = add
      .map((f, i) => `<${p}conditionalFormatting sqref="${f.ref}"><${p}cfRule type="expression" dxfId="${f.dxfId}" priority="${top + i + 1}"><${p}formula>TRUE</${p}formula></${p}cfRule></${p}conditionalFormatting>`)
      .join('');
    const next = children.find((c) => AFTER_FORMATS.has(c.local));
    const at = next ? next.start : endTagAt(text, from, children);
    edits.push({ start: at, end: at, insert: formats });
  }
  return splice(text, edits);
}

/** Where the enclosing element's end tag starts (after the last child). */
function endTagAt(text: string, from: number, children: ElementSpan[]): number {
  const after = children.length > 0 ? children[children.length - 1].end : from;
  const at = text.indexOf('</', after);
  return at < 0 ? text.length : at;
}

const SHEET_DATA = Buffer.from('sheetData');
const KEEP = 64; // bytes kept back between chunks so a split tag is still found

/** Index just after the end of sheetData (`</sheetData>` or `<sheetData/>`, any prefix) in `buf`, or -1. */
function sheetDataEnd(buf: Buffer): number {
  for (let at = buf.indexOf(SHEET_DATA); at >= 0; at = buf.indexOf(SHEET_DATA, at + 1)) {
    const lt = buf.lastIndexOf(0x3c, at); // '<'
    if (lt < 0 || at - lt > 40) continue;
    const head = buf.toString('latin1', lt + 1, at);
    let k = at + SHEET_DATA.length;
    while (k < buf.length && (buf[k] === 0x20 || buf[k] === 0x09 || buf[k] === 0x0a || buf[k] === 0x0d)) k++;
    if (k >= buf.length) return -1;
    if (/^\/([\w.-]+:)?$/.test(head) && buf[k] === 0x3e) return k + 1; // </x:sheetData>
    if (/^([\w.-]+:)?$/.test(head) && buf[k] === 0x2f && buf[k + 1] === 0x3e) return k + 2; // <sheetData/>
  }
  return -1;
}

/**
 * The sheet's bytes with its highlights replaced. Everything up to the end of sheetData passes
 * through as it came; the rest is edited as Latin-1 text (byte for byte, all edits are ASCII).
 */
export async function* replaceHighlights(source: AsyncIterable<Buffer>, remove: HighlightRecord[], add: NewFormat[]): AsyncGenerator<Buffer> {
  let prefix: string | null = null;
  let carry: Buffer = Buffer.alloc(0);
  let tail: Buffer[] | null = null;
  for await (const chunk of source) {
    if (tail) {
      tail.push(chunk);
      continue;
    }
    const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (prefix === null) {
      const m = /<([\w.-]+:)?worksheet[\s>/]/.exec(buf.toString('latin1', 0, Math.min(buf.length, 1 << 16)));
      if (m) prefix = m[1] ?? '';
    }
    const end = sheetDataEnd(buf);
    if (end >= 0) {
      yield buf.subarray(0, end);
      tail = [buf.subarray(end)];
      continue;
    }
    const keep = Math.min(buf.length, KEEP);
    if (buf.length > keep) yield buf.subarray(0, buf.length - keep);
    carry = buf.subarray(buf.length - keep);
  }
  if (tail) {
    yield Buffer.from(editFormats(Buffer.concat(tail).toString('latin1'), 0, prefix ?? '', remove, add), 'latin1');
  } else {
    // No sheetData: not a valid sheet; left as it was.
    yield carry;
  }
}
