/**
 * The rows of a worksheet part, parsed from its bytes as they stream in. Each row comes out as
 * `{ row, values }` with the domain's plain values, as exceljs's streaming reader plus
 * `toCellValue` gave them before, quirks included (each noted where it is kept). It reads more
 * where that reader threw or lost data: cells and rows without a reference (it threw), inline
 * strings of several runs (it kept the last run), `t="d"` ISO dates (it read the year as a
 * number), error results cut by a chunk boundary, CDATA, namespace-prefixed elements, and the
 * whitespace of pretty-printed XML (it went into the values). One deliberate difference: formula
 * results of 0, "" and FALSE are values, as Excel gives them (exceljs dropped them).
 */
import type { CellValue } from '../../domain/cells';
import type { CellFormats } from './cell-formats';
import { excelSerialToDate, exceljsSerialToDate, isoDate } from './cell-dates';
import * as numberText from './number-text';
import * as xmlDecode from './xml-decode';
import { TextCache } from './text-cache';
import { XmlFormatError, XmlScanner, bytesEqual } from './xml-scanner';

export interface SheetRow {
  row: number; // 1-based
  values: CellValue[]; // index 0 = column A; trailing empties trimmed
}

export interface SheetContext {
  sharedStrings: string[];
  formats: CellFormats;
  date1904: boolean;
}

export const MAX_COLUMN = 16_384;

// Module-local copies of the helpers called for every cell: in the transpiled CommonJS each call
// through an import is a getter call first, which showed in profiles of million-row sheets.
const parseFloatBytes = numberText.parseFloatBytes;
const parseIntBytes = numberText.parseIntBytes;
const attributeText = xmlDecode.attributeText;
const xmlDecodeAgain = xmlDecode.xmlDecodeAgain;

const T_NUMBER = 0; // no t, t="n", or any unknown type
const T_SHARED = 1; // t="s": index into the shared strings
const T_STR = 2; // t="str": a formula's text result
const T_INLINE = 3; // t="inlineStr": <is> rich text in the cell
const T_BOOL = 4; // t="b"
const T_ERROR = 5; // t="e": "#DIV/0!", "#N/A", …
const T_DATE = 6; // t="d": ISO 8601 date/time text

/** The cell type from the bytes of a `t` attribute value. */
function cellTypeOf(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  const b = buf[start];
  if (len === 1) return b === 0x73 ? T_SHARED : b === 0x62 ? T_BOOL : b === 0x65 ? T_ERROR : b === 0x64 ? T_DATE : T_NUMBER;
  if (len === 3 && b === 0x73 && buf[start + 1] === 0x74 && buf[start + 2] === 0x72) return T_STR;
  if (len === 9 && bytesEqual(buf, start, end, 'inlineStr')) return T_INLINE;
  for (let i = start; i < end; i++) if (buf[i] === 0x26) return typeOfText(attributeText(buf, start, end)); // an entity
  return T_NUMBER;
}

function typeOfText(t: string): number {
  const types: Record<string, number> = { s: T_SHARED, b: T_BOOL, e: T_ERROR, d: T_DATE, str: T_STR, inlineStr: T_INLINE };
  return types[t] ?? T_NUMBER;
}

const NONE = 0;
const VALUE = 1; // inside <v>, or <t> of an inline string

/** parseInt of an attribute value (entities decoded first, should there be any). */
export function intAttribute(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (buf[i] === 0x26) return parseInt(attributeText(buf, start, end), 10);
  return parseIntBytes(buf, start, end);
}

/**
 * The column of a cell reference ("K5" → 11, "$AB$7" → 28), 0 when it has no column letters.
 * As exceljs's decodeAddress: capital letters before the first digit; '$' and stray bytes skipped.
 */
export function columnOfRef(buf: Buffer, start: number, end: number): number {
  let col = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (!hasRow && b >= 0x41 && b <= 0x5a) {
      hasCol = true;
      col = col * 26 + (b - 0x40);
    } else if (b >= 0x30 && b <= 0x39) hasRow = true;
    else if (b === 0x26) return columnOfText(attributeText(buf, start, end)); // an entity
    else if (hasRow && hasCol && b !== 0x24) break;
  }
  if (col > MAX_COLUMN) throw new XmlFormatError(`column out of range in cell reference "${buf.toString('latin1', start, end)}"`);
  return col;
}

function columnOfText(ref: string): number {
  const buf = Buffer.from(ref.replace(/&/g, ''), 'utf8');
  return columnOfRef(buf, 0, buf.length);
}

/** One worksheet part: feed it chunks with `write`, collect finished rows with `takeRows`. */
export class SheetRowParser extends XmlScanner {
  private rows: SheetRow[] = [];
  private inSheetData = false;
  // the current <row>
  private inRow = false;
  private rowNumber = 0;
  private rowStyle = -1;
  private values: CellValue[] = [];
  // the current <c>
  private inCell = false;
  private col = 0;
  private type = T_NUMBER;
  private style = -1;
  private hasFormula = false;
  private hasValue = false;
  private inInline = false;
  private phonetic = 0;
  private mode = NONE;
  // the value's text: decoded pieces, plus the latest piece still as bytes (read without a string when it is all)
  private valueText = '';
  private pieceBuf: Buffer | null = null;
  private pieceStart = 0;
  private pieceEnd = 0;
  private pieceFlags = 0;
  private pieceHash = 0;
  private ampersand = false; // some piece had an '&': the text may need exceljs's second decoding
  private readonly texts = new TextCache();

  constructor(private readonly context: SheetContext) {
    super();
  }

  /** Rows finished since the last call, in file order. */
  takeRows(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  protected openTag(buf: Buffer, _name: number, local: number, nameEnd: number, attrsEnd: number): void {
    const len = nameEnd - local;
    const c0 = buf[local];
    if (this.inCell) {
      if (len === 1) {
        if (c0 === 0x76) {
          // <v>
          this.resetValue();
          this.mode = VALUE;
          this.collecting = true;
        } else if (c0 === 0x66) {
          // <f>: only whether there is one matters (its text is not read)
          this.hasFormula = true;
        } else if (c0 === 0x74 && this.phonetic === 0) {
          // <t>: a run of an inline string (or a bare <t>, read like <v>)
          if (!this.inInline) this.resetValue();
          this.mode = VALUE;
          this.collecting = true;
        }
      } else if (len === 2 && c0 === 0x69 && buf[local + 1] === 0x73) {
        // <is>
        this.resetValue();
        this.inInline = true;
      } else if (len === 3 && c0 === 0x72 && buf[local + 1] === 0x50 && buf[local + 2] === 0x68) {
        this.phonetic++; // <rPh>: phonetic guide, not part of the text
      }
      return;
    }
    if (len === 1 && c0 === 0x63) {
      if (this.inRow) this.startCell(buf, nameEnd, attrsEnd);
    } else if (len === 3 && c0 === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77) {
      if (this.inSheetData) this.startRow(buf, nameEnd, attrsEnd);
    } else if (len === 9 && bytesEqual(buf, local, nameEnd, 'sheetData')) {
      this.inSheetData = true;
    }
  }

  protected closeTag(buf: Buffer, local: number, nameEnd: number): void {
    const len = nameEnd - local;
    const c0 = buf[local];
    if (this.inCell) {
      if (len === 1) {
        if (c0 === 0x63) this.endCell();
        else if (c0 === 0x76 || c0 === 0x74 || c0 === 0x66) {
          this.mode = NONE;
          this.collecting = false;
        }
      } else if (len === 2 && c0 === 0x69 && buf[local + 1] === 0x73) {
        this.inInline = false;
      } else if (len === 3 && c0 === 0x72 && buf[local + 1] === 0x50 && buf[local + 2] === 0x68) {
        this.phonetic--;
      }
      return;
    }
    if (len === 3 && c0 === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77) {
      if (this.inRow) this.endRow();
    } else if (len === 9 && bytesEqual(buf, local, nameEnd, 'sheetData')) {
      this.inSheetData = false;
    }
  }

  protected override text(buf: Buffer, start: number, end: number, flags: number, hash: number): void {
    if (this.mode !== VALUE) return;
    this.materialize();
    this.pieceBuf = buf;
    this.pieceStart = start;
    this.pieceEnd = end;
    this.pieceFlags = flags;
    this.pieceHash = hash;
    if (this.mayHoldAmpersand(flags)) this.ampersand = true;
  }

  protected override chunkDone(): void {
    this.materialize();
  }

  private startRow(buf: Buffer, from: number, end: number): void {
    let r = NaN;
    let style = -1;
    for (let p = from; (p = this.nextAttribute(buf, p, end)) >= 0; ) {
      if (this.attrNameEnd - this.attrName !== 1) continue;
      const a = buf[this.attrName];
      if (a === 0x72) r = intAttribute(buf, this.attrValue, this.attrValueEnd);
      else if (a === 0x73 && this.attrValueEnd > this.attrValue) style = intAttribute(buf, this.attrValue, this.attrValueEnd);
    }
    // A row without a number follows the one before (exceljs could not read such rows).
    this.rowNumber = Number.isNaN(r) ? this.rowNumber + 1 : r;
    // exceljs gave cells without a style of their own the row's style (and its number format).
    this.rowStyle = this.context.formats.exists(style) ? style : -1;
    this.values = [];
    this.col = 0;
    this.inRow = true;
  }

  private endRow(): void {
    const values = this.values;
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    if (values.length > 0) this.rows.push({ row: this.rowNumber, values });
    this.inRow = false;
  }

  private startCell(buf: Buffer, from: number, end: number): void {
    let col = 0;
    let style = NaN;
    let type = T_NUMBER;
    for (let p = from; p < end; ) {
      if (buf[p] === 0x20) {
        p++;
        continue;
      }
      let name = -1;
      let start: number;
      let stop: number;
      if (buf[p + 1] === 0x3d && buf[p + 2] === 0x22) {
        // x="…", as every writer puts r, s and t: read in place
        name = buf[p];
        start = p + 3;
        stop = start;
        while (stop < end && buf[stop] !== 0x22) stop++;
        if (stop >= end) throw new XmlFormatError('unterminated attribute value');
        p = stop + 1;
      } else {
        p = this.nextAttribute(buf, p, end);
        if (p < 0) break;
        if (this.attrNameEnd - this.attrName === 1) name = buf[this.attrName];
        start = this.attrValue;
        stop = this.attrValueEnd;
      }
      if (name === 0x72) col = columnOfRef(buf, start, stop);
      else if (name === 0x73) style = intAttribute(buf, start, stop);
      else if (name === 0x74) type = cellTypeOf(buf, start, stop);
    }
    // A cell without a reference follows the one before (exceljs could not read such cells).
    this.col = col > 0 ? col : this.col + 1;
    if (this.col > MAX_COLUMN) throw new XmlFormatError('too many cells in a row');
    this.type = type;
    // exceljs ignored s="0" (falsy) and styles that do not exist: the row's style applies then.
    this.style = style && this.context.formats.exists(style) ? style : this.rowStyle;
    this.hasFormula = false;
    this.hasValue = false;
    this.inInline = false;
    this.phonetic = 0;
    this.mode = NONE;
    this.inCell = true;
  }

  private endCell(): void {
    this.inCell = false;
    this.mode = NONE;
    this.collecting = false;
    if (!this.hasValue && !this.hasFormula) return; // styled but empty
    const v = this.hasFormula ? this.formulaResult() : this.plainValue();
    this.pieceBuf = null; // read: nothing left to decode after the chunk
    const values = this.values;
    const i = this.col - 1;
    if (v !== null) {
      while (values.length < i) values.push(null);
      values[i] = v;
    } else if (i < values.length) values[i] = null; // a repeated reference without a value clears it, as in exceljs
  }

  private plainValue(): CellValue {
    switch (this.type) {
      case T_SHARED: {
        const s = this.context.sharedStrings[this.intValue()];
        return s === undefined ? null : s;
      }
      case T_STR:
      case T_INLINE:
      case T_ERROR: // exceljs's error value and the "#N/A"-style text alike
        return this.stringValue();
      case T_BOOL:
        return this.intValue() !== 0;
      case T_DATE:
        return isoDate(this.textValue());
      default: {
        const n = this.floatValue();
        if (this.context.formats.plainDate(this.style)) {
          const d = exceljsSerialToDate(n, this.context.date1904);
          return Number.isNaN(d.getTime()) ? null : d;
        }
        return Number.isFinite(n) ? n : null;
      }
    }
  }

  /**
   * A formula's cached result, as Excel itself hands it to the add-in: 0, "" and FALSE are values.
   * (exceljs's streaming reader dropped falsy results and read t="b" as 1/0, so a count computed
   * as 0 read as blank in the command while the pane saw 0.)
   */
  private formulaResult(): CellValue {
    if (!this.hasValue) return null;
    let result: number | string | boolean | Date | null;
    if (this.type === T_STR || this.type === T_ERROR) result = this.stringValue();
    else if (this.type === T_DATE) result = isoDate(this.textValue());
    else if (this.type === T_BOOL) result = this.intValue() !== 0;
    else result = this.floatValue();
    if (typeof result === 'number') {
      if (Number.isNaN(result)) return '#ERROR!';
      if (this.context.formats.resultDate(this.style)) return excelSerialToDate(result, this.context.date1904);
      return Number.isFinite(result) ? result : null;
    }
    return result;
  }

  private resetValue(): void {
    this.hasValue = true;
    this.valueText = '';
    this.pieceBuf = null;
    this.ampersand = false;
  }

  private materialize(): void {
    if (this.pieceBuf === null) return;
    this.valueText += this.decodeText(this.pieceBuf, this.pieceStart, this.pieceEnd, this.pieceFlags);
    this.pieceBuf = null;
  }

  private textValue(): string {
    this.materialize();
    return this.valueText;
  }

  /** The text of a string value, from the cache when the same bytes were read lately. */
  private stringValue(): string {
    const buf = this.pieceBuf;
    if (buf === null || this.valueText !== '' || this.isCdata(this.pieceFlags)) return this.decodedString();
    const start = this.pieceStart;
    const end = this.pieceEnd;
    let text = this.texts.find(buf, start, end, this.pieceHash);
    if (text === undefined) {
      text = this.decodedString();
      this.texts.remember(buf, start, end, text);
    }
    return text;
  }

  /** exceljs decoded the entities of these strings twice (see `xmlDecodeAgain`). */
  private decodedString(): string {
    return this.ampersand ? xmlDecodeAgain(this.textValue()) : this.textValue();
  }

  /** True when the whole value is one plain ASCII piece still in the chunk (then read from bytes). */
  private plainPiece(): boolean {
    return this.pieceBuf !== null && this.pieceFlags === 0 && this.valueText === '';
  }

  private floatValue(): number {
    return this.plainPiece() ? parseFloatBytes(this.pieceBuf!, this.pieceStart, this.pieceEnd) : parseFloat(this.textValue());
  }

  private intValue(): number {
    return this.plainPiece() ? parseIntBytes(this.pieceBuf!, this.pieceStart, this.pieceEnd) : parseInt(this.textValue(), 10);
  }
}

/** Rows of a worksheet part from its bytes, a batch per chunk read (a batch may be empty and is then skipped). */
export async function* sheetRowBatches(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  const parser = new SheetRowParser(context);
  for await (const chunk of chunks) {
    parser.write(chunk);
    const rows = parser.takeRows();
    if (rows.length > 0) yield rows;
  }
  parser.end();
}
