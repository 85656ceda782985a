/**
 * Streams the rows of ONE sheet. exceljs's own WorksheetReader parses the cells, but it is fed
 * the sheet's zip entry directly: exceljs's WorkbookReader would inflate every sheet of the
 * file (to temp files when the strings come after the sheets, as in Excel's files) on every read.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import parseSax from 'exceljs/lib/utils/parse-sax';
import type { CellValue } from '../../domain/cells';
import { toCellValue } from './cell-values';
import type { SheetPart, WorkbookParts } from './parts';
import type { ZipArchive } from './zip';

export interface SheetRow {
  row: number; // 1-based
  values: CellValue[]; // index 0 = column A; trailing empties trimmed
}

/**
 * The part's bytes as UTF-8 text chunks. exceljs's SAX reader decodes each Buffer chunk on its
 * own, so a Vietnamese letter (2–3 bytes) split by a chunk boundary became "��" — every 16 KB of
 * a sheet or of the shared strings. A StringDecoder keeps split characters whole.
 */
export function utf8Text(bytes: Readable): Readable {
  const decoder = new StringDecoder('utf8');
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk);
      done(null, s === '' ? undefined : s);
    },
    flush(done) {
      const s = decoder.end();
      done(null, s === '' ? undefined : s);
    },
  });
  bytes.on('error', (error) => text.destroy(error));
  return bytes.pipe(text);
}

/** Shared strings as plain text (rich-text runs joined, phonetic guides dropped). */
export async function readSharedStrings(zip: ZipArchive, path: string | null): Promise<string[]> {
  const out: string[] = [];
  if (!path) return out;
  let text: string[] = [];
  let inT = false;
  let inPhonetic = 0;
  for await (const events of parseSax(utf8Text(await zip.stream(path)))) {
    for (const e of events) {
      if (e.eventType === 'opentag') {
        const name = localName(e.value.name);
        if (name === 'si') text = [];
        else if (name === 'rPh') inPhonetic++;
        else if (name === 't' && inPhonetic === 0) inT = true;
      } else if (e.eventType === 'text') {
        if (inT) text.push(e.value);
      } else {
        const name = localName(e.value.name);
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'si') out.push(text.join(''));
      }
    }
  }
  return out;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export async function readStyles(zip: ZipArchive, path: string | null): Promise<StylesXform> {
  const styles = new StylesXform();
  if (path) await styles.parseStream(utf8Text(await zip.stream(path)));
  else styles.init();
  return styles;
}

const ERROR_TYPE = Buffer.from('t="e"');
const STRING_TYPE = Buffer.from('t="str"');

/**
 * exceljs's streaming reader keeps a formula's error result (`t="e"`) only as NaN. Marking such
 * cells `t="str"` keeps the text ("#DIV/0!"). Byte-level and only on chunks that contain the
 * marker; a marker split across two chunks is missed and reads as "#ERROR!".
 */
function keepErrorTexts(): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let at = chunk.indexOf(ERROR_TYPE);
      if (at < 0) return done(null, chunk);
      const parts: Buffer[] = [];
      let from = 0;
      for (; at >= 0; at = chunk.indexOf(ERROR_TYPE, at + 1)) {
        const open = chunk.lastIndexOf(0x3c, at); // '<'
        const inCellTag = open >= 0 && chunk.lastIndexOf(0x3e, at) < open && chunk[open + 1] === 0x63 && chunk[open + 2] === 0x20; // '>', 'c', ' '
        if (!inCellTag || chunk[at - 1] !== 0x20) continue;
        parts.push(chunk.subarray(from, at), STRING_TYPE);
        from = at + ERROR_TYPE.length;
      }
      parts.push(chunk.subarray(from));
      done(null, Buffer.concat(parts));
    },
  });
}

/** Rows that hold at least one value, ascending. Styled-but-empty rows are skipped. */
export async function* readSheetRows(
  zip: ZipArchive,
  parts: WorkbookParts,
  sheet: SheetPart,
  context: { sharedStrings: string[]; styles: StylesXform },
): AsyncGenerator<SheetRow> {
  const source = await zip.stream(sheet.path);
  const marked = source.pipe(keepErrorTexts());
  source.on('error', (error) => marked.destroy(error));
  const iterator: Readable = utf8Text(marked);
  const reader = new WorksheetReader({
    workbook: { sharedStrings: context.sharedStrings, styles: context.styles, properties: { model: { date1904: parts.date1904 } } },
    id: 1,
    iterator,
    options: { worksheets: 'emit', hyperlinks: 'ignore' },
  });
  try {
    for await (const row of reader) {
      const values: CellValue[] = [];
      row.eachCell((cell, col) => {
        const raw = cell.value;
        // The number format matters only for formula results (plain dates come converted).
        const v = toCellValue(raw, raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? cell.numFmt : undefined, parts.date1904);
        if (v === null) return;
        while (values.length < col - 1) values.push(null);
        values[col - 1] = v;
      });
      if (values.length > 0) yield { row: row.number, values };
    }
  } finally {
    source.destroy();
    marked.destroy();
    iterator.destroy();
  }
}
