/**
 * One quick pass over a worksheet part for what must be known before its rows are read: the used
 * size (last row and column holding a cell, styled-but-empty cells included), the merged areas,
 * and two things a copy through exceljs would lose. Positions follow the rows reader exactly
 * (a row or cell without a reference follows the one before), so size and rows agree.
 */
import type { MergedArea } from '../../domain/cells';
import { lettersToColumn, type SheetScan } from './parts';
import * as sheetRows from './sheet-rows';
import { attributeText } from './xml-decode';
import { XmlFormatError, XmlScanner, bytesEqual } from './xml-scanner';
import type { ZipArchive } from './zip';

// Module-local copies: a call through an import is a getter call first in the transpiled CommonJS.
const columnOfRef = sheetRows.columnOfRef;
const intAttribute = sheetRows.intAttribute;
const MAX_COLUMN = sheetRows.MAX_COLUMN;

const MERGE_REF = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/;
const X14_LOST = new Set(['x14:dataValidation', 'x14:dataValidations', 'x14:sparklineGroup', 'x14:sparklineGroups']);

class SheetScanner extends XmlScanner {
  rowCount = 0;
  columnCount = 0;
  readonly merges: MergedArea[] = [];
  internalLinks = false;
  extensions = false;
  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private col = 0;

  protected openTag(buf: Buffer, name: number, local: number, nameEnd: number, attrsEnd: number): void {
    const len = nameEnd - local;
    const c0 = buf[local];
    if (len === 1) {
      if (c0 === 0x63 && this.inRow) this.cell(buf, nameEnd, attrsEnd);
    } else if (len === 3) {
      if (c0 === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77 && this.inSheetData) this.row(buf, nameEnd, attrsEnd);
    } else if (len === 9) {
      if (c0 === 0x73 && bytesEqual(buf, local, nameEnd, 'sheetData')) this.inSheetData = true;
      else if (c0 === 0x6d && bytesEqual(buf, local, nameEnd, 'mergeCell')) this.merge(buf, nameEnd, attrsEnd);
      else if (c0 === 0x68 && bytesEqual(buf, local, nameEnd, 'hyperlink')) this.internalLinks ||= this.hasAttribute(buf, nameEnd, attrsEnd, 'location');
    }
    if (local - name === 4 && buf[name] === 0x78 && X14_LOST.has(buf.toString('latin1', name, nameEnd))) this.extensions = true;
  }

  protected closeTag(buf: Buffer, local: number, nameEnd: number): void {
    const len = nameEnd - local;
    if (len === 3 && buf[local] === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77) this.inRow = false;
    else if (len === 9 && bytesEqual(buf, local, nameEnd, 'sheetData')) this.inSheetData = false;
  }

  private row(buf: Buffer, from: number, end: number): void {
    const r = this.letterAttribute(buf, from, end, 0x72) ? intAttribute(buf, this.attrValue, this.attrValueEnd) : NaN;
    this.rowNumber = Number.isNaN(r) ? this.rowNumber + 1 : r;
    this.col = 0;
    this.inRow = true;
  }

  private cell(buf: Buffer, from: number, end: number): void {
    const col = this.letterAttribute(buf, from, end, 0x72) ? columnOfRef(buf, this.attrValue, this.attrValueEnd) : 0;
    this.col = col > 0 ? col : this.col + 1;
    if (this.col > MAX_COLUMN) throw new XmlFormatError('too many cells in a row');
    if (this.rowNumber > this.rowCount) this.rowCount = this.rowNumber;
    if (this.col > this.columnCount) this.columnCount = this.col;
  }

  /** Whether the tag has an attribute of this local name (any prefix). */
  private hasAttribute(buf: Buffer, from: number, end: number, local: string): boolean {
    for (let p = from; (p = this.nextAttribute(buf, p, end)) >= 0; ) {
      let start = this.attrName;
      for (let k = start; k < this.attrNameEnd; k++) if (buf[k] === 0x3a) start = k + 1;
      if (bytesEqual(buf, start, this.attrNameEnd, local)) return true;
    }
    return false;
  }

  private merge(buf: Buffer, from: number, end: number): void {
    for (let p = from; (p = this.nextAttribute(buf, p, end)) >= 0; ) {
      if (!bytesEqual(buf, this.attrName, this.attrNameEnd, 'ref')) continue;
      const m = MERGE_REF.exec(attributeText(buf, this.attrValue, this.attrValueEnd));
      if (!m) continue;
      const top = +m[2];
      const left = lettersToColumn(m[1]);
      this.merges.push({ top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? lettersToColumn(m[3]) : left });
    }
  }
}

export async function scanSheetBytes(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<SheetScan> {
  const scanner = new SheetScanner();
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  const { rowCount, columnCount, merges, internalLinks, extensions } = scanner;
  return { rowCount, columnCount, merges, internalLinks, extensions };
}

/** One pass over a sheet part: last used row/column, merged areas, links within the workbook, x14 extensions. */
export async function scanSheet(zip: ZipArchive, path: string): Promise<SheetScan> {
  return scanSheetBytes(await zip.stream(path));
}
