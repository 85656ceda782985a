/**
 * The reader the command used before its own XML scanner, kept here only as the yardstick for
 * sheet-reader.test.ts: exceljs's streaming WorksheetReader fed one sheet's XML, its cells mapped
 * by `toCellValue`, shared strings through exceljs's SAX parser, and the regex size/merge scan.
 * One change: error results (`t="e"`) are marked on the whole text instead of per 16 KB chunk,
 * so the yardstick never hits the old "marker split by a chunk boundary" bug.
 */
import { Readable } from 'node:stream';
import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import parseSax from 'exceljs/lib/utils/parse-sax';
import type { CellValue, MergedArea } from '../../src/domain/cells';
import { toCellValue } from '../../src/workbook/xlsx/cell-values';
import { lettersToColumn, type SheetScan } from '../../src/workbook/xlsx/parts';

export interface LegacyRow {
  row: number;
  values: CellValue[];
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export async function legacySharedStrings(xml: string | null): Promise<string[]> {
  const out: string[] = [];
  if (xml === null) return out;
  let text: string[] = [];
  let inT = false;
  let inPhonetic = 0;
  for await (const events of parseSax(Readable.from([xml]))) {
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

export async function legacyStyles(xml: string | null): Promise<StylesXform> {
  const styles = new StylesXform();
  if (xml !== null) await styles.parseStream(Readable.from([xml]));
  else styles.init();
  return styles;
}

/** The old `readSheetRows`, on the whole XML text of one sheet. */
export async function legacySheetRows(xml: string, sharedStrings: string[], styles: StylesXform, date1904: boolean): Promise<LegacyRow[]> {
  const marked = xml.replace(/(<c [^>]*?) t="e"/g, '$1 t="str"');
  const reader = new WorksheetReader({
    workbook: { sharedStrings, styles, properties: { model: { date1904 } } },
    id: 1,
    iterator: Readable.from([marked]),
    options: { worksheets: 'emit', hyperlinks: 'ignore' },
  });
  const rows: LegacyRow[] = [];
  for await (const row of reader) {
    const values: CellValue[] = [];
    row.eachCell((cell, col) => {
      const raw = cell.value;
      const v = toCellValue(raw, raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? cell.numFmt : undefined, date1904);
      if (v === null) return;
      while (values.length < col - 1) values.push(null);
      values[col - 1] = v;
    });
    if (values.length > 0) rows.push({ row: row.number, values });
  }
  return rows;
}

const CELL_REF = /<(?:[\w.-]+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"/g;
const INTERNAL_LINK = /<(?:[\w.-]+:)?hyperlink\s[^>]*?\blocation=/;
const X14_LOST = /<x14:(dataValidations?|sparklineGroups?)[\s>]/;
const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g;

/** The old regex `scanSheet`, on the whole XML text of one sheet. */
export function legacyScan(xml: string): SheetScan {
  let rowCount = 0;
  let columnCount = 0;
  const merges: MergedArea[] = [];
  for (const m of xml.matchAll(CELL_REF)) {
    rowCount = Math.max(rowCount, +m[2]);
    columnCount = Math.max(columnCount, lettersToColumn(m[1]));
  }
  for (const m of xml.matchAll(MERGE_REF)) {
    const top = +m[2];
    const left = lettersToColumn(m[1]);
    merges.push({ top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? lettersToColumn(m[3]) : left });
  }
  return { rowCount, columnCount, merges, internalLinks: INTERNAL_LINK.test(xml), extensions: X14_LOST.test(xml) };
}
