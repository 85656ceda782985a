/**
 * The number format of every cell style, from the styles part (xl/styles.xml): the custom formats
 * (`<numFmts>`) by id, then each `<xf numFmtId>` of `<cellXfs>` resolved to a format code — the
 * custom one of that id, else the built-in one. Nothing else of the part is read. Resolves as
 * exceljs's StylesXform did, which decided the dates before: escapes dropped from format codes,
 * id 0 (General) and ids without a code give no format, and a later list replaces an earlier one.
 * Unlike it, a part with namespace-prefixed elements is read too (it found no styles in one).
 */
import { CellFormats } from './cell-formats';
import { decodeEntities } from './xml-decode';
import { XmlScanner, bytesEqual } from './xml-scanner';

/**
 * Built-in formats by id, those exceljs had a code for (it had none for the East Asian and Thai
 * locale ones, 27–36 and 50–81, so they were no format, and stay so).
 */
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
  9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

const OTHER = 0;
const NUM_FMTS = 1;
const CELL_XFS = 2;

class StylesParser extends XmlScanner {
  /** Custom format codes by id. */
  readonly custom = new Map<number, string>();
  /** The numFmtId of each cell style, in order (NaN when it has none). */
  xfFormatIds: number[] = [];
  private level = 0; // of the element being opened: the root is 1
  private list = OTHER; // the child of the root that is open

  protected openTag(buf: Buffer, _name: number, local: number, nameEnd: number, attrsEnd: number): void {
    const level = ++this.level;
    if (level === 2) {
      this.list = bytesEqual(buf, local, nameEnd, 'numFmts') ? NUM_FMTS : bytesEqual(buf, local, nameEnd, 'cellXfs') ? CELL_XFS : OTHER;
      if (this.list === NUM_FMTS) this.custom.clear();
      else if (this.list === CELL_XFS) this.xfFormatIds = [];
    } else if (level === 3) {
      if (this.list === NUM_FMTS && bytesEqual(buf, local, nameEnd, 'numFmt')) {
        const id = parseInt(this.attribute(buf, nameEnd, attrsEnd, 'numFmtId') ?? '', 10);
        // "\d" in a code is the letter d shown as is; exceljs kept only the letter
        const code = (this.attribute(buf, nameEnd, attrsEnd, 'formatCode') ?? '').replace(/\\(.)/g, '$1');
        this.custom.set(id, code);
      } else if (this.list === CELL_XFS && bytesEqual(buf, local, nameEnd, 'xf')) {
        this.xfFormatIds.push(parseInt(this.attribute(buf, nameEnd, attrsEnd, 'numFmtId') ?? '', 10));
      }
    }
  }

  protected closeTag(): void {
    if (this.level-- === 2) this.list = OTHER;
  }

  /** An attribute's value as an XML parser gives it (tabs and line ends as spaces, entities decoded); undefined when absent. */
  private attribute(buf: Buffer, from: number, end: number, name: string): string | undefined {
    for (let p = from; (p = this.nextAttribute(buf, p, end)) >= 0; ) {
      if (bytesEqual(buf, this.attrName, this.attrNameEnd, name)) {
        return decodeEntities(buf.toString('utf8', this.attrValue, this.attrValueEnd).replace(/\r\n?|[\t\n]/g, ' '));
      }
    }
    return undefined;
  }
}

/** The format code of each cell style, in order (undefined: none), from the bytes of the styles part. */
export async function styleNumberFormats(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<(string | undefined)[]> {
  const parser = new StylesParser();
  for await (const chunk of chunks) parser.write(chunk);
  parser.end();
  // id 0 and NaN (no numFmtId) are no format; an id without a custom or built-in code neither
  return parser.xfFormatIds.map((id) => (id ? parser.custom.get(id) || BUILT_IN[id] : undefined));
}

/** Which cell styles exist and which show numbers as dates, from the bytes of the styles part. */
export async function cellFormatsFrom(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<CellFormats> {
  return CellFormats.fromNumFmts(await styleNumberFormats(chunks));
}
