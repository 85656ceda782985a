/**
 * The styles part read by our own parser (src/workbook/xlsx/style-formats.ts) against exceljs's
 * StylesXform, which it replaced: the same format code for every cell style, hence the same date
 * decisions (plain numbers by exceljs's rule, formula results by `isDateFormat`), on every
 * workbook of the bad-input corpus and the examples and on hand-written parts; whole and in
 * chunks as small as one byte.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ensureFixtures, fixturePath } from '../fixtures/make-bad-workbooks';
import type { CellFormats } from '../../src/workbook/xlsx/cell-formats';
import { readWorkbookParts } from '../../src/workbook/xlsx/parts';
import { cellFormatsFrom, styleNumberFormats } from '../../src/workbook/xlsx/style-formats';
import { ZipArchive } from '../../src/workbook/xlsx/zip';
import { legacyCellFormats, legacyStyleNumberFormats, legacyStyles } from './legacy-reader';

jest.setTimeout(60_000);

/** Every decision the sheet reader asks of a style, for ids -1 … count + 1. */
function decisions(formats: CellFormats, count: number): string[] {
  const out: string[] = [];
  for (let id = -1; id <= count + 1; id++) out.push(`${id}: ${formats.exists(id) ? 'style' : '-'} ${formats.plainDate(id) ? 'date' : '-'} ${formats.resultDate(id) ? 'result-date' : '-'}`);
  return out;
}

function pieces(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** Our reading and exceljs's of one styles part: the same codes and the same decisions. */
async function expectSameStyles(xml: Buffer): Promise<(string | undefined)[]> {
  const styles = await legacyStyles(xml.toString('utf8'));
  const before = legacyStyleNumberFormats(styles);
  for (const size of [xml.length, 1, 7]) expect(await styleNumberFormats(pieces(xml, size))).toEqual(before);
  expect(decisions(await cellFormatsFrom([xml]), before.length)).toEqual(decisions(legacyCellFormats(styles), before.length));
  return before;
}

async function stylesPart(file: string): Promise<Buffer | null> {
  const zip = await ZipArchive.open(file);
  const parts = await readWorkbookParts(zip).catch(() => null);
  if (!parts?.styles) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.stream(parts.styles)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the same format for every cell style as exceljs', () => {
  it('on every workbook of the bad-input corpus with a styles part', async () => {
    await ensureFixtures();
    let read = 0;
    for (const f of FIXTURES) {
      const xml = await stylesPart(fixturePath(f.name)).catch(() => null);
      if (xml === null) continue;
      await expectSameStyles(xml);
      read++;
    }
    expect(read).toBeGreaterThan(FIXTURES.length / 2);
  });

  it.each(readdirSync(join(__dirname, '../../examples')).filter((f) => f.endsWith('.xlsx')))('examples/%s', async (name) => {
    const xml = await stylesPart(join(__dirname, '../../examples', name));
    const codes = await expectSameStyles(xml!);
    expect(codes.some((c) => c !== undefined)).toBe(true);
  });

  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const part = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${body}</styleSheet>`);
  const xf = (numFmtId?: string) => `<xf${numFmtId === undefined ? '' : ` numFmtId="${numFmtId}"`} fontId="0" fillId="0" borderId="0" xfId="0"/>`;

  it('custom and built-in formats, escapes, entities, odd ids, lists out of order or twice, the lists that are not cell styles', async () => {
    const codes = await expectSameStyles(
      part(
        '<cellXfs count="2">' + xf('0') + xf('164') + '</cellXfs>' + // replaced by the later list
          '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy"/></numFmts>' + // replaced by the later list
          '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="15">' +
          [undefined, '0', '14', '164', '165', '166', '167', '168', '27', '49', '22', 'abc', '169', '-1', '  46 ', '170', '3'].map((id) => xf(id)).join('') +
          '<xf numFmtId="47" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/><extLst><ext uri="x"/></extLst></xf>' +
          '</cellXfs>' +
          '<numFmts count="6">' +
          '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="\\d0 &quot;ngày&quot;"/>' +
          '<numFmt numFmtId="166" formatCode="[$-42A]d mmmm yyyy;@"/><numFmt numFmtId="167" formatCode="#,##0 &quot;đ&quot;"/>' +
          '<numFmt numFmtId="168" formatCode=""/><numFmt numFmtId="3" formatCode="dd/mm"/><numFmt numFmtId="-1" formatCode="h:mm"/>' +
          '<numFmt numFmtId="169" formatCode="0&#10;0\t&#x4E00;"/></numFmts>' +
          '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="mm:ss"/></dxf></dxfs>' +
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      ),
    );
    expect(codes).toEqual([
      undefined, undefined, 'mm-dd-yy', 'dd/mm/yyyy', 'd0 "ngày"', '[$-42A]d mmmm yyyy;@', '#,##0 "đ"', undefined, undefined, '@', 'm/d/yy "h":mm',
      undefined, '0\n0 一', 'h:mm', '[h]:mm:ss', undefined, 'dd/mm', 'mmss.0',
    ]);
  });

  it('no cell styles, an empty part', async () => {
    expect(await expectSameStyles(part('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'))).toEqual([]);
    expect(await expectSameStyles(part(''))).toEqual([]);
  });

  it('namespace-prefixed elements are read too (exceljs found no styles there)', async () => {
    const plain = part('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2">' + xf('0') + xf('164') + '</cellXfs>');
    const prefixed = Buffer.from(plain.toString('utf8').replace(/<(\/?)(styleSheet|numFmts|numFmt|cellXfs|xf)\b/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`));
    expect(legacyStyleNumberFormats(await legacyStyles(prefixed.toString('utf8')))).toEqual([]);
    expect(await styleNumberFormats([prefixed])).toEqual(await styleNumberFormats([plain]));
    expect(await styleNumberFormats([prefixed])).toEqual([undefined, 'dd/mm/yyyy']);
  });
});
