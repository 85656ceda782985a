import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, RowChunk } from '../../src/domain/cells';
import { listBlocks, type OutRow, type ResultSheet } from '../../src/domain/sheets/model';
import { WorkbookError } from '../../src/workbook/gateway';
import { safeSheetName } from '../../src/workbook/sheet-names';
import { META_SHEET, XlsxFileGateway, rowsToRef, writeResultWorkbook } from '../../src/workbook/xlsx';
import { ZipArchive } from '../../src/workbook/xlsx/zip';
import { decodeXml, readWorkbookParts } from '../../src/workbook/xlsx/parts';
import { installInternalLinks } from './internal-links';
import { generateSample } from '../../examples/generate-sample';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'binhxet-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string): string => join(dir, name);
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function readAll(gw: XlsxFileGateway, sheet: string, chunkRows?: number): Promise<{ chunks: RowChunk[]; rows: CellValue[][] }> {
  const chunks: RowChunk[] = [];
  for await (const c of gw.readSheet(sheet, { chunkRows })) chunks.push(c);
  const rows: CellValue[][] = [];
  for (const c of chunks) c.rows.forEach((r, i) => (rows[c.startRow + i - 1] = r));
  return { chunks, rows };
}

async function expectWorkbookError(p: Promise<unknown>, code: WorkbookError['code']): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(WorkbookError);
  await expect(p).rejects.toMatchObject({ code });
}

/** An officer-style sheet: titles, a merged two-row header, mixed values, a blank row. */
async function officerWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.getCell('A1').value = 'LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '(Tính đến hết ngày 31/8/2023)';
  ws.getCell('A4').value = 'STT';
  ws.getCell('B4').value = 'Tên đơn vị';
  ws.getCell('C4').value = 'Kết quả';
  ws.getCell('C5').value = 'Số SK';
  ws.getCell('D5').value = 'Tỷ lệ %';
  ws.getCell('E4').value = 'Ngày';
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  ws.mergeCells('C4:D4');
  ws.mergeCells('E4:E5');
  ws.getRow(6).values = [1, 'LĐLĐ huyện Tam Đường', 300, '150%', new Date(Date.UTC(2023, 7, 31))];
  ws.getCell('B7').value = { richText: [{ text: 'LĐLĐ huyện ' }, { font: { bold: true }, text: 'Phong Thổ' }] };
  ws.getCell('C7').value = { formula: 'C6*2', result: 600 };
  ws.getCell('D7').value = { formula: 'B6&""', result: 'LĐLĐ huyện Tam Đường' };
  ws.getCell('E7').value = { formula: 'E6+1', result: new Date(Date.UTC(2023, 8, 1)) };
  ws.getCell('E7').numFmt = 'dd/mm/yyyy';
  ws.getCell('F7').value = { formula: 'C6/0', result: { error: '#DIV/0!' } };
  // row 8 left blank on purpose
  ws.getCell('A9').value = { error: '#N/A' };
  ws.getCell('B9').value = { text: 'cổng thông tin', hyperlink: 'https://example.org' };
  ws.getCell('C9').value = true;
  ws.getCell('D9').value = '=không phải công thức';
  ws.getCell('F9').value = 1_250_000_000;
  await wb.xlsx.writeFile(path);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell's value, formula and fill, for cell-by-cell comparison. */
function cells(ws: ExcelJS.Worksheet): Map<string, { value: unknown; formula: unknown; fill: unknown }> {
  const out = new Map<string, { value: unknown; formula: unknown; fill: unknown }>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => out.set(c.address, { value: JSON.parse(JSON.stringify(c.value ?? null)), formula: c.formula ?? null, fill: JSON.parse(JSON.stringify(c.fill ?? null)) })),
  );
  return out;
}

function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

/** The raw XML of a sheet and of its relationships. */
async function sheetXml(path: string, sheet: string): Promise<{ xml: string; rels: string }> {
  const zip = await ZipArchive.open(path);
  const part = (await readWorkbookParts(zip)).sheets.find((s) => s.name === sheet)!;
  const relsPath = part.path.replace(/([^/]+)$/, '_rels/$1.rels');
  return { xml: decodeXml(await zip.text(part.path)), rels: zip.has(relsPath) ? await zip.text(relsPath) : '' };
}

describe('XlsxFileGateway — reading', () => {
  let path: string;
  beforeAll(async () => {
    path = file('officer.xlsx');
    await officerWorkbook(path);
  });

  it('lists sheets with their used size', async () => {
    const gw = new XlsxFileGateway(path);
    expect(await gw.listSheets()).toEqual([{ name: 'Đơn vị', rowCount: 9, columnCount: 6, visible: true, owned: false }]);
  });

  it('returns plain values at the right row numbers', async () => {
    const { rows } = await readAll(new XlsxFileGateway(path), 'Đơn vị');
    expect(rows[0]).toEqual(['LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU']);
    expect(rows[1]).toEqual(['(Tính đến hết ngày 31/8/2023)']);
    expect(rows[2]).toEqual([]);
    expect(rows[3]).toEqual(['STT', 'Tên đơn vị', 'Kết quả', null, 'Ngày']);
    expect(rows[4]).toEqual([null, null, 'Số SK', 'Tỷ lệ %']);
    expect(rows[5]).toEqual([1, 'LĐLĐ huyện Tam Đường', 300, '150%', new Date(Date.UTC(2023, 7, 31))]);
    expect(rows[6]).toEqual([null, 'LĐLĐ huyện Phong Thổ', 600, 'LĐLĐ huyện Tam Đường', new Date(Date.UTC(2023, 8, 1)), '#DIV/0!']);
    expect(rows[7]).toEqual([]);
    expect(rows[8]).toEqual(['#N/A', 'cổng thông tin', true, '=không phải công thức', null, 1_250_000_000]);
    expect(rows).toHaveLength(9);
  });

  it('reports the merged areas of the header rows', async () => {
    const merges = await new XlsxFileGateway(path).headerMerges('Đơn vị', 5);
    expect(merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 6 },
        { top: 4, left: 1, bottom: 5, right: 1 },
        { top: 4, left: 3, bottom: 4, right: 4 },
      ]),
    );
    expect(merges).toHaveLength(5);
    expect(await new XlsxFileGateway(path).headerMerges('Đơn vị', 3)).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }]);
  });

  it('reads in chunks with the right start rows, keeping gaps as empty rows', async () => {
    const p = file('ten.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 10; r++) ws.getCell(r, 1).value = r;
    const gaps = wb.addWorksheet('Gaps');
    gaps.getCell('A1').value = 'a';
    gaps.getCell('A2').value = 'b';
    gaps.getCell('B9').value = 'z';
    await wb.xlsx.writeFile(p);
    const gw = new XlsxFileGateway(p);
    const { chunks } = await readAll(gw, 'S', 3);
    expect(chunks.map((c) => [c.startRow, c.rows.length])).toEqual([[1, 3], [4, 3], [7, 3], [10, 1]]);
    expect(chunks.flatMap((c) => c.rows.map((r) => r[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const gapped = await readAll(gw, 'Gaps', 3);
    expect(gapped.chunks).toEqual([
      { startRow: 1, rows: [['a'], ['b'], []] },
      { startRow: 4, rows: [[], [], []] },
      { startRow: 7, rows: [[], [], [null, 'z']] },
    ]);
  });

  it('stops cleanly when the caller stops early', async () => {
    const gw = new XlsxFileGateway(path);
    for await (const chunk of gw.readSheet('Đơn vị', { chunkRows: 2 })) {
      expect(chunk.startRow).toBe(1);
      break;
    }
    expect((await readAll(gw, 'Đơn vị')).rows).toHaveLength(9);
  });

  it('turns a missing file, a missing sheet and a damaged file into WorkbookErrors', async () => {
    await expectWorkbookError(new XlsxFileGateway(file('nope.xlsx')).listSheets(), 'missing');
    await expectWorkbookError(new XlsxFileGateway(path).headerMerges('Không có', 3), 'missing');
    const text = file('text.xlsx');
    writeFileSync(text, 'STT,Tên đơn vị\n1,LĐLĐ huyện Tam Đường\n');
    await expectWorkbookError(new XlsxFileGateway(text).listSheets(), 'not_workbook');
    const truncated = file('truncated.xlsx');
    const bytes = readFileSync(path);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectWorkbookError(new XlsxFileGateway(truncated).listSheets(), 'not_workbook');
    const read = async (): Promise<void> => {
      for await (const _chunk of new XlsxFileGateway(truncated).readSheet('Đơn vị')) void _chunk;
    };
    await expectWorkbookError(read(), 'not_workbook');
    // Damage inside the sheet's compressed data: the central directory is fine, the XML is not.
    const sample = join(__dirname, '../../examples/sample-lai-chau.xlsx');
    const entry = (await ZipArchive.open(sample)).entries.get('xl/worksheets/sheet3.xml')!;
    const damaged = Buffer.from(readFileSync(sample));
    const at = entry.localHeaderOffset + 60 + Math.floor(entry.compressedSize / 2);
    for (let i = 0; i < 64; i++) damaged[at + i] = (damaged[at + i] * 7 + 13) & 255;
    writeFileSync(file('damaged.xlsx'), damaged);
    const readDamaged = async (): Promise<void> => {
      for await (const _chunk of new XlsxFileGateway(file('damaged.xlsx')).readSheet('DS sáng kiến')) void _chunk;
    };
    await expectWorkbookError(readDamaged(), 'not_workbook');
    const err = await new XlsxFileGateway(text).listSheets().catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain('\n');
  });
});

describe('safeSheetName', () => {
  it('keeps Excel rules and avoids taken names ignoring case', () => {
    expect(safeSheetName('Tổng hợp', new Set())).toBe('Tổng hợp');
    expect(safeSheetName('Tổng hợp', new Set(['tổng HỢP']))).toBe('Tổng hợp (2)');
    expect(safeSheetName('Tổng hợp', new Set(['Tổng hợp', 'Tổng hợp (2)']))).toBe('Tổng hợp (3)');
    expect(safeSheetName('Đề cử 2.1.2: CĐCS/cấp trên [a]*?', new Set())).toBe('Đề cử 2.1.2- CĐCS-cấp trên -a--');
    const long = 'Đề cử 2.2.2 cá nhân tiêu biểu của các CĐCS';
    expect(safeSheetName(long, new Set()).length).toBeLessThanOrEqual(31);
    const again = safeSheetName(long, new Set([safeSheetName(long, new Set())]));
    expect(again).toMatch(/ \(2\)$/);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(safeSheetName("'Rà soát'", new Set())).toBe('Rà soát');
    expect(safeSheetName('', new Set())).toBe('Sheet');
    expect(safeSheetName('History', new Set())).not.toBe('History');
  });
});

describe('writeResultWorkbook', () => {
  const summary: ResultSheet = {
    name: 'Tổng hợp',
    kind: 'summary',
    title: ['KẾT QUẢ BÌNH XÉT', 'Chương trình 01 triệu sáng kiến'],
    blocks: listBlocks([
      {
        columns: [
          { header: 'Đơn vị', format: 'text', width: 30 },
          { header: 'Giá trị làm lợi', format: 'money' },
          { header: 'Tỷ lệ', format: 'percent1' },
          { header: 'Nguồn', format: 'link' },
          { header: 'Số SK', format: 'integer' },
        ],
        rows: [
          { cells: ['=SUM(A1:A2)', 1_250_000_000, 152.3, { text: "DS sáng kiến!12", sheet: 'DS sáng kiến', row: 12 }, 38] },
          { cells: ['+84 912 345 678', 0, null, null, 2], style: 'reserve' },
          { cells: ['-5', null, 100, null, null], style: 'excluded' },
          { cells: ['@cđcs', 42, 0, { text: 'Rà soát', sheet: 'Rà soát', row: 5 }, null], style: 'section' },
          { cells: ['Tổng cộng', 1_250_000_042, null, null, 40], style: 'total' },
        ],
      },
      { title: 'Theo lĩnh vực', columns: [{ header: 'Lĩnh vực', format: 'text' }, { header: 'Số', format: 'integer' }], rows: [{ cells: ['Y tế', 3] }] },
    ]),
  };
  const review: ResultSheet = { name: 'Rà soát', kind: 'review', title: [], blocks: listBlocks([{ columns: [{ header: 'Vấn đề', format: 'text' }], rows: [{ cells: ['=1+1'] }] }]) };

  async function sourceWorkbook(path: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet('Tổng hợp');
    own.getCell('A1').value = 'Bảng của cán bộ';
    own.getCell('A2').value = 10;
    own.getCell('A3').value = { formula: 'A2*3', result: 30 };
    own.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    const list = wb.addWorksheet('DS sáng kiến');
    list.getRow(1).values = ['STT', 'Tên sáng kiến', 'Giá trị', 'Gấp đôi'];
    for (let r = 2; r <= 15; r++) {
      list.getRow(r).values = [r - 1, `Sáng kiến ${r - 1}`, r * 1_000_000, null];
      list.getCell(r, 4).value = { formula: `C${r}*2`, result: r * 2_000_000 };
    }
    list.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
    list.getCell('B5').value = '=chữ, không phải công thức';
    await wb.xlsx.writeFile(path);
  }

  let input: string;
  beforeAll(async () => {
    input = file('source.xlsx');
    await sourceWorkbook(input);
  });

  it('adds the result sheets beside faithful copies of the sources, input untouched', async () => {
    const before = sha(input);
    const output = file('out1.xlsx');
    const report = await writeResultWorkbook({
      input,
      output,
      sheets: [summary, review],
      highlights: [{ key: '2.1.2a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [3, 4, 5, 9], columnCount: 4 }],
      settings: { mapping: { units: 'Tổng hợp' } },
    });
    expect(sha(input)).toBe(before);
    expect(report).toMatchObject({ output, sheetNames: ['Tổng hợp (2)', 'Rà soát'], sourcesCopied: true, notes: [] });

    const src = await load(input);
    const out = await load(output);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'DS sáng kiến', 'Tổng hợp (2)', 'Rà soát', META_SHEET]);
    expect(out.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    for (const name of ['Tổng hợp', 'DS sáng kiến']) {
      expect(cells(out.getWorksheet(name)!)).toEqual(cells(src.getWorksheet(name)!));
    }
    expect(out.getWorksheet('DS sáng kiến')!.getCell('D7').formula).toBe('C7*2');
    expect(out.getWorksheet('Tổng hợp')!.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } });

    const cf = conditionalFormats(out.getWorksheet('DS sáng kiến')!);
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('A3:D5 A9:D9');
    expect(cf[0].rules[0]).toMatchObject({ type: 'expression', formulae: ['TRUE'] });

    const res = out.getWorksheet('Tổng hợp (2)')!;
    expect(res.getCell('A1').value).toBe('KẾT QUẢ BÌNH XÉT');
    expect(res.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(res.getCell('A4').value).toBe('Đơn vị');
    expect(res.getCell('A4').font).toMatchObject({ bold: true });
    expect(res.getCell('A5').value).toBe('=SUM(A1:A2)');
    expect(res.getCell('B5').value).toBe(1_250_000_000);
    expect(res.getCell('B5').numFmt).toBe('#,##0');
    expect(res.getCell('C5').numFmt).toBe('0.0"%"');
    // Internal links as Excel writes them: a location, no relationship.
    const { xml, rels } = await sheetXml(output, 'Tổng hợp (2)');
    expect(xml).toContain(`<hyperlink ref="D5" location="'DS sáng kiến'!A12"/>`);
    expect(xml).toContain(`<hyperlink ref="D8" location="'Rà soát'!A5"/>`);
    expect(rels).not.toContain('hyperlink');
    expect(res.getCell('D5').value).toBe('DS sáng kiến!12');
    expect(res.getCell('A6').font).toMatchObject({ italic: true });
    expect(res.getCell('A7').font).toMatchObject({ strike: true });
    expect(res.getCell('A9').font).toMatchObject({ bold: true });
    expect(res.getCell('A9').border?.top).toMatchObject({ style: 'thin' });
    expect(res.getCell('A11').value).toBe('Theo lĩnh vực');
    expect(res.getCell('A12').value).toBe('Lĩnh vực');
    expect(res.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    for (const name of ['Tổng hợp (2)', 'Rà soát']) {
      out.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.formula).toBeUndefined();
        }),
      );
    }

    // Read back through the gateway: result sheets are the add-in's own, strings stay strings.
    const gw = new XlsxFileGateway(output);
    const listed = await gw.listSheets();
    expect(listed.map((s) => [s.name, s.owned, s.visible])).toEqual([
      ['Tổng hợp', false, true],
      ['DS sáng kiến', false, true],
      ['Tổng hợp (2)', true, true],
      ['Rà soát', true, true],
      [META_SHEET, true, false],
    ]);
    const { rows } = await readAll(gw, 'Tổng hợp (2)');
    expect(rows[4].slice(0, 3)).toEqual(['=SUM(A1:A2)', 1_250_000_000, 152.3]);
    expect(rows[5][0]).toBe('+84 912 345 678');
    expect(rows[6][0]).toBe('-5');
    expect(rows[7][0]).toBe('@cđcs');
    expect(await gw.loadSettings('mapping')).toEqual({ units: 'Tổng hợp' });
  });

  it('replaces its own sheets and highlights on the next run', async () => {
    const first = file('run1.xlsx');
    await writeResultWorkbook({ input, output: first, sheets: [summary], highlights: [{ key: 'a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [3], columnCount: 4 }] });
    const second = file('run2.xlsx');
    const gw = new XlsxFileGateway(first);
    expect(await gw.writeSheet(summary)).toBe('Tổng hợp (2)');
    await gw.highlight([{ key: 'b', color: '#C6EFCE', sheet: 'DS sáng kiến', rows: [10, 11], columnCount: 4 }]);
    const report = await gw.save(second);
    expect(report.sheetNames).toEqual(['Tổng hợp (2)']);
    expect(report.sourcesCopied).toBe(true); // the links in its own old sheet do not count
    const out = await load(second);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'DS sáng kiến', 'Tổng hợp (2)', META_SHEET]);
    expect(conditionalFormats(out.getWorksheet('DS sáng kiến')!).map((c) => c.ref)).toEqual(['A10:D11']);
  });

  it('copies the sources cell for cell and adds the highlights and result sheets', async () => {
    const output = file('big-out.xlsx');
    const report = await writeResultWorkbook({
      input,
      output,
      sheets: [summary, review],
      highlights: [{ key: 'a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [3], columnCount: 4 }],
    });
    expect(report).toMatchObject({ sourcesCopied: true, sheetNames: ['Tổng hợp (2)', 'Rà soát'], notes: [] });
    const [src, out] = await Promise.all([load(input), load(output)]);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'DS sáng kiến', 'Tổng hợp (2)', 'Rà soát', META_SHEET]);
    for (const name of ['Tổng hợp', 'DS sáng kiến']) expect(cells(out.getWorksheet(name)!)).toEqual(cells(src.getWorksheet(name)!));
    expect(conditionalFormats(out.getWorksheet('DS sáng kiến')!).map((c) => c.ref)).toEqual(['A3:D3']);
    const res = out.getWorksheet('Tổng hợp (2)')!;
    expect(res.getCell('A5').value).toBe('=SUM(A1:A2)');
    expect(res.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(res.getCell('B5').numFmt).toBe('#,##0');
    expect((await sheetXml(output, 'Tổng hợp (2)')).xml).toContain(`<hyperlink ref="D8" location="'Rà soát'!A5"/>`);
  });

  it('copies sources an exceljs round trip would damage, such as links within the workbook, byte for byte', async () => {
    installInternalLinks(); // so exceljs writes the link the way Excel does
    const officer = file('linked.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Mục lục').getCell('A1').value = { text: 'Đến DS', hyperlink: "#'DS'!A1" };
    wb.addWorksheet('DS').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(officer);
    const before = await sheetXml(officer, 'Mục lục');
    expect(before.xml).toContain(`<hyperlink ref="A1" location="'DS'!A1"/>`);
    const output = file('linked-out.xlsx');
    const report = await writeResultWorkbook({ input: officer, output, sheets: [review] });
    expect(report).toMatchObject({ sourcesCopied: true, notes: [] });
    expect(await sheetXml(output, 'Mục lục')).toEqual(before);
  });

  it('never writes over the input', async () => {
    const copy = file('same.xlsx');
    copyFileSync(input, copy);
    await expectWorkbookError(writeResultWorkbook({ input: copy, output: copy, sheets: [summary] }), 'other');
    expect(sha(copy)).toBe(sha(input));
  });

  it('compresses highlighted rows into ranges', () => {
    expect(rowsToRef([12, 13, 14, 20, 12], 11)).toBe('A12:K14 A20:K20');
  });
});

describe('sample workbook', () => {
  const sample = join(__dirname, '../../examples/sample-lai-chau.xlsx');

  it('has the documented sheets and header rows', async () => {
    expect(existsSync(sample)).toBe(true);
    const gw = new XlsxFileGateway(sample);
    expect((await gw.listSheets()).map((s) => s.name)).toEqual(['TH chỉ tiêu', 'CĐCS', 'DS sáng kiến', 'Cán bộ']);
    const upper = (await readAll(gw, 'TH chỉ tiêu')).rows;
    expect(upper[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU');
    expect(upper[4]).toEqual(['STT', 'Tên đơn vị', 'Chỉ tiêu giao', 'Kết quả', null, 'Số CĐCS trực thuộc', 'Tổng số ĐV']);
    expect(upper[5].slice(3, 5)).toEqual(['Số SK', 'Tỷ lệ %']);
    expect(upper[6][0]).toBe('I. Khối LĐLĐ huyện, thành phố');
    expect(upper[15][0]).toBe('II. Khối Công đoàn ngành');
    expect(upper[8].slice(1, 4)).toEqual(['LĐLĐ huyện Phong Thổ', 30, 45]);
    expect(upper[19][0]).toBe('Tổng cộng');
    expect(await gw.headerMerges('TH chỉ tiêu', 6)).toEqual(expect.arrayContaining([{ top: 5, left: 4, bottom: 5, right: 5 }, { top: 5, left: 2, bottom: 6, right: 2 }]));
    expect((await readAll(gw, 'CĐCS')).rows[3][1]).toBe('Tên CĐCS');
    const initiatives = (await readAll(gw, 'DS sáng kiến')).rows;
    expect(initiatives[4][1]).toBe('Tên sáng kiến');
    expect(initiatives.length).toBeGreaterThan(450);
    expect((await readAll(gw, 'Cán bộ')).rows[2]).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò']);
  });

  it('is copied faithfully into a results workbook, with highlights', async () => {
    const output = file('sample-out.xlsx');
    const before = sha(sample);
    const report = await writeResultWorkbook({
      input: sample,
      output,
      sheets: [{ name: 'TH chỉ tiêu', kind: 'summary', title: ['Tổng hợp'], blocks: listBlocks([{ columns: [{ header: 'Đơn vị', format: 'text' }], rows: [{ cells: ['x'] }] }]) }],
      highlights: [{ key: '2.1.1a', color: '#C6EFCE', sheet: 'TH chỉ tiêu', rows: [8, 12, 15], columnCount: 7 }],
    });
    expect(sha(sample)).toBe(before);
    expect(report.sheetNames).toEqual(['TH chỉ tiêu (2)']);
    const [src, out] = await Promise.all([load(sample), load(output)]);
    for (const ws of src.worksheets) {
      expect(cells(out.getWorksheet(ws.name)!)).toEqual(cells(ws));
      expect([...out.getWorksheet(ws.name)!.model.merges].sort()).toEqual([...ws.model.merges].sort());
    }
    expect(out.getWorksheet('TH chỉ tiêu')!.getCell('C20').formula).toBe('SUM(C7:C19)');
    expect(conditionalFormats(out.getWorksheet('TH chỉ tiêu')!).map((c) => c.ref)).toEqual(['A8:G8 A12:G12 A15:G15']);
  });

  it('is generated deterministically', async () => {
    const a = file('a.xlsx');
    const b = file('b.xlsx');
    const sa = await generateSample({ out: a, initiatives: 300, grassroots: 40, upper: 13, seed: 7 });
    await generateSample({ out: b, initiatives: 300, grassroots: 40, upper: 13, seed: 7 });
    expect(sa.upper).toBe(13);
    for (const sheet of ['TH chỉ tiêu', 'CĐCS', 'DS sáng kiến']) {
      expect((await readAll(new XlsxFileGateway(a), sheet)).rows).toEqual((await readAll(new XlsxFileGateway(b), sheet)).rows);
    }
  });
});
