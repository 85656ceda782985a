/**
 * The results workbook at the package level: the officer's parts copied as stored except the few
 * the writer must edit, highlights spliced into exactly the sheets that get them (and cut out
 * again byte for byte), result sheets generated as XML in schema order, names and views renumbered
 * around replaced sheets, and the same file again when run on its own output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { listBlocks, type OutRow, type ResultSheet } from '../../src/domain/sheets/model';
import type { HighlightRequest } from '../../src/workbook/gateway';
import { META_SHEET, XlsxFileGateway, writeResultWorkbook } from '../../src/workbook/xlsx';
import { installInternalLinks } from './internal-links';
import { metaToRows } from '../../src/workbook/xlsx/meta';
import { MAX_LINKS, checkSheetSize } from '../../src/workbook/xlsx/render';
import { ORDER_SCHEMA, hasCommand, readParts, sheetParts, withoutOurFormats, xmllint, type Part } from './package-helpers';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'binhxet-writer-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => join(dir, name);

const SOLID = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** An officer's workbook with what a copy could lose: notes, validations, own formats, links, a table, print titles, a hidden sheet. */
async function officerWorkbook(path: string): Promise<void> {
  installInternalLinks(); // so exceljs writes the internal link the way Excel does
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = [{ width: 6 }, { width: 30 }, { width: 12 }, { width: 14 }];
  units.addRow(['STT', 'Tên đơn vị', 'Chỉ tiêu', 'Kết quả']);
  for (let i = 1; i <= 30; i++) units.addRow([i, `Đơn vị ${i}`, i * 10, { formula: `C${i + 1}*2`, result: i * 20 }]);
  units.getCell('B3').fill = SOLID('FFFF0000');
  units.getCell('C4').numFmt = '#,##0.00';
  units.getCell('B5').font = { bold: true, color: { argb: 'FF0070C0' } };
  units.mergeCells('A33:B33');
  units.getCell('A33').value = 'Tổng cộng';
  units.getCell('C33').value = { formula: 'SUM(C2:C31)', result: 4650 };
  units.getCell('B6').note = 'Ghi chú của cán bộ';
  units.getCell('C2').dataValidation = { type: 'whole', operator: 'greaterThan', formulae: [0], allowBlank: true };
  units.addConditionalFormatting({ ref: 'C2:C31', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [200], priority: 1, style: { font: { bold: true } } }] });
  units.getCell('B7').value = { text: 'Đến danh sách', hyperlink: "#'DS sáng kiến'!A1" };
  units.getCell('B8').value = { text: 'cổng thông tin', hyperlink: 'https://example.org' };
  units.getCell('B9').value = '=không phải công thức';
  units.pageSetup.printTitlesRow = '1:1';
  const list = wb.addWorksheet('DS sáng kiến');
  list.addTable({ name: 'SangKien', ref: 'A1', headerRow: true, columns: [{ name: 'Tên' }, { name: 'Giá trị' }], rows: Array.from({ length: 12 }, (_, i) => [`Sáng kiến ${i + 1}`, (i + 1) * 1_000_000]) });
  wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'ghi chú ẩn';
  await wb.xlsx.writeFile(path);
}

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
        { header: 'Ngày', format: 'date' },
      ],
      rows: [
        { cells: ['=SUM(A1:A2)', 1_250_000_000, 152.3, { text: 'Đơn vị!3', sheet: 'Đơn vị', row: 3 }, 45_169] },
        { cells: ['+84 912 345 678', 0, null, { text: 'không có', sheet: 'Không có trang này', row: 2 }, null], style: 'reserve' },
        { cells: ['-5', null, 100, null, null], style: 'excluded' },
        { cells: ['@cđcs', 42, 0, { text: 'Rà soát!5', sheet: 'Rà soát', row: 5 }, null], style: 'section' },
        { cells: ['Tổng cộng', 1_250_000_042, null, null, null], style: 'total' },
      ],
    },
    { title: 'Theo lĩnh vực', columns: [{ header: 'Lĩnh vực', format: 'text' }, { header: 'Số', format: 'integer' }], rows: [{ cells: ['Y tế', 3] }] },
  ]),
};
const review: ResultSheet = { name: 'Rà soát', kind: 'review', title: [], blocks: listBlocks([{ columns: [{ header: 'Vấn đề', format: 'text' }], rows: [{ cells: ['=1+1'] }, { cells: ['  hai khoảng trắng  '] }] }]) };
const HIGHLIGHTS: HighlightRequest[] = [
  { key: '2.1.2a', color: '#FFEB9C', sheet: 'Đơn vị', rows: [3, 4, 5, 9], columnCount: 4 },
  { key: '2.1.1b', color: '#C6EFCE', sheet: 'Đơn vị', rows: [20], columnCount: 4 },
  { key: 'x', color: '#C6EFCE', sheet: 'Không có', rows: [2], columnCount: 4 },
];
const SETTINGS = { mapping: { units: 'Đơn vị' } };

const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      out[c.address] = JSON.parse(JSON.stringify({ value: c.value ?? null, formula: c.formula ?? null, style: c.style, note: c.note ?? null, validation: c.dataValidation ?? null }));
    }),
  );
  return out;
}

const text = (p: Part | undefined): string => p!.bytes.toString('utf8');

describe('writeResultWorkbook at the package level', () => {
  let input: string;
  let out1: string;
  let inParts: Map<string, Part>;
  let outParts: Map<string, Part>;
  let unitsPath: string;

  beforeAll(async () => {
    input = file('officer.xlsx');
    await officerWorkbook(input);
    out1 = file('out1.xlsx');
    const report = await writeResultWorkbook({ input, output: out1, sheets: [summary, review], highlights: HIGHLIGHTS, settings: SETTINGS });
    expect(report.sourcesCopied).toBe(true);
    expect(report.sheetNames).toEqual(['Tổng hợp', 'Rà soát']);
    expect(report.notes.map((n) => n.en)).toEqual(['Highlight x skipped: no sheet "Không có".']);
    [inParts, outParts] = await Promise.all([readParts(input), readParts(out1)]);
    unitsPath = sheetParts(inParts).get('Đơn vị')!;
  });

  it("copies every other part of the officer's workbook as stored: same compressed bytes, CRC and method", () => {
    const edited = new Set([...EDITED, unitsPath]);
    const copied = [...inParts].filter(([name]) => !edited.has(name));
    expect(copied.length).toBeGreaterThan(8); // sheets, notes, drawings, table, theme, core …
    for (const [name, part] of copied) {
      const copy = outParts.get(name);
      expect({ name, present: !!copy }).toEqual({ name, present: true });
      expect({ name, stored: copy!.stored.equals(part.stored), crc: copy!.entry.crc32, method: copy!.entry.method }).toEqual({ name, stored: true, crc: part.entry.crc32, method: part.entry.method });
    }
    // sheets without highlights are among them
    for (const sheet of ['DS sáng kiến', 'Ẩn']) expect(copied.map(([n]) => n)).toContain(sheetParts(inParts).get(sheet));
  });

  it('changes the highlighted sheet only by the conditional formats it adds', () => {
    const before = text(inParts.get(unitsPath));
    const after = text(outParts.get(unitsPath));
    expect(after).not.toBe(before);
    expect(withoutOurFormats(after)).toBe(before);
    const ours = [...after.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>TRUE<\/formula>/g)];
    expect(ours.map((m) => m[1])).toEqual(['A3:D5 A9:D9', 'A20:D20']);
    // priorities unique in the sheet (the officer's own rule keeps its 1)
    const priorities = [...after.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(priorities).toContain(1);
  });

  it('only appends to styles.xml: every existing font, fill, border, format and dxf keeps its index', () => {
    const inner = (xml: string, tag: string): string => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
    const [a, b] = [text(inParts.get('xl/styles.xml')), text(outParts.get('xl/styles.xml'))];
    for (const tag of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs', 'cellStyles']) expect({ tag, kept: inner(b, tag).startsWith(inner(a, tag)) }).toEqual({ tag, kept: true });
    for (const tag of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const count = Number(new RegExp(`<${tag} count="(\\d+)"`).exec(b)?.[1]);
      const child = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' }[tag];
      const children = inner(b, tag).match(new RegExp(`<${child}[ >/]`, 'g'))?.length;
      expect({ tag, count }).toEqual({ tag, count: children });
    }
  });

  it('has every XML part well formed, and worksheets, styles and workbook in schema order', () => {
    const problems: string[] = [];
    for (const [name, part] of outParts) {
      if (!/\.(xml|rels|vml)$/.test(name)) continue;
      const schema = /^xl\/(worksheets\/[^/]+\.xml|styles\.xml|workbook\.xml)$/.test(name) ? ORDER_SCHEMA : undefined;
      const complaint = xmllint(dir, name, part.bytes, schema);
      if (complaint) problems.push(`${name}: ${complaint}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the package consistent: every relationship target and content-type override exists', () => {
    const names = new Set(outParts.keys());
    for (const [name, part] of outParts) {
      if (!name.endsWith('.rels')) continue;
      const base = name.replace(/_rels\/[^/]*$/, '');
      for (const m of text(part).matchAll(/<Relationship [^>]*?Target="([^"]+)"(?![^>]*TargetMode="External")/g)) {
        const target = m[1].startsWith('/') ? m[1].slice(1) : join(base, m[1]).replace(/\\/g, '/');
        expect({ rels: name, target, exists: names.has(target) }).toEqual({ rels: name, target, exists: true });
      }
    }
    for (const m of text(outParts.get('[Content_Types].xml')).matchAll(/PartName="\/([^"]+)"/g)) expect({ override: m[1], exists: names.has(m[1]) }).toEqual({ override: m[1], exists: true });
  });

  it("opens in exceljs with the officer's values, formulas, styles, notes, validations, merges and formats", async () => {
    const [src, out] = await Promise.all([load(input), load(out1)]);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'DS sáng kiến', 'Ẩn', 'Tổng hợp', 'Rà soát', META_SHEET]);
    expect(out.getWorksheet('Ẩn')!.state).toBe('hidden');
    expect(out.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    for (const ws of src.worksheets) {
      const copy = out.getWorksheet(ws.name)!;
      expect({ sheet: ws.name, cells: cells(copy) }).toEqual({ sheet: ws.name, cells: cells(ws) });
      expect([...copy.model.merges].sort()).toEqual([...ws.model.merges].sort());
    }
    const units = out.getWorksheet('Đơn vị')!;
    expect(units.getCell('D5').formula).toBe('C5*2');
    expect(units.getCell('B3').fill).toEqual(SOLID('FFFF0000'));
    expect(units.getCell('B8').value).toEqual({ text: 'cổng thông tin', hyperlink: 'https://example.org' });
    const cf = (units as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: unknown[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ['C2:C31', 'cellIs'],
      ['A3:D5 A9:D9', 'expression'],
      ['A20:D20', 'expression'],
    ]);
    // The link to a place in the workbook (exceljs cannot read those) is still there, as written.
    expect(text(outParts.get(unitsPath))).toContain(`location="&apos;DS sáng kiến&apos;!A1"`);
    expect(out.definedNames.model.map((n) => n.name)).toEqual(src.definedNames.model.map((n) => n.name));
  });

  it('writes result sheets as inline text (never a formula), numbers, styles, frozen header, widths and internal links', async () => {
    const out = await load(out1);
    const res = out.getWorksheet('Tổng hợp')!;
    expect(res.getCell('A1').value).toBe('KẾT QUẢ BÌNH XÉT');
    expect(res.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(res.getCell('A2').font).toMatchObject({ bold: true, size: 12 });
    expect(res.getCell('A4').font).toMatchObject({ bold: true });
    expect(res.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(res.getCell('A4').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(res.getCell('A5').value).toBe('=SUM(A1:A2)');
    expect(res.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(res.getCell('B5').value).toBe(1_250_000_000);
    expect(res.getCell('B5').numFmt).toBe('#,##0');
    expect(res.getCell('C5').numFmt).toBe('0.0"%"');
    expect(res.getCell('E5').numFmt).toBe('dd/mm/yyyy');
    expect(res.getCell('A5').border?.left).toMatchObject({ style: 'thin', color: { argb: 'FFBFBFBF' } });
    expect(res.getCell('A6').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(res.getCell('A7').font).toMatchObject({ strike: true });
    expect(res.getCell('A8').font).toMatchObject({ bold: true });
    expect(res.getCell('A9').border?.top).toMatchObject({ style: 'thin', color: { argb: 'FF000000' } });
    expect(res.getCell('D5').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect(res.getCell('D6').font?.underline).toBeFalsy(); // its target sheet does not exist: plain text
    expect(res.getCell('A11').value).toBe('Theo lĩnh vực');
    expect(res.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(res.getColumn(1).width).toBe(30);
    expect(out.getWorksheet('Rà soát')!.getCell('A3').value).toBe('  hai khoảng trắng  ');

    const parts = sheetParts(outParts);
    const xml = text(outParts.get(parts.get('Tổng hợp')!));
    expect(xml).toContain('<c r="A5" s="');
    expect(xml).toMatch(/<c r="A5" s="\d+" t="inlineStr"><is><t>=SUM\(A1:A2\)<\/t><\/is><\/c>/);
    expect(xml).toContain(`<hyperlink ref="D5" location="'Đơn vị'!A3"/>`);
    expect(xml).toContain(`<hyperlink ref="D8" location="'Rà soát'!A5"/>`);
    expect(xml).not.toContain('<hyperlink ref="D6"');
    for (const name of ['Tổng hợp', 'Rà soát', META_SHEET]) {
      const sheet = text(outParts.get(parts.get(name)!));
      expect({ name, formulas: /<f[ >]/.test(sheet) }).toEqual({ name, formulas: false });
      expect(outParts.has(parts.get(name)!.replace(/([^/]+)$/, '_rels/$1.rels'))).toBe(false); // links need no relationships
    }
  });

  it('reads back through the gateway: own sheets marked, settings and highlight records kept', async () => {
    const gw = new XlsxFileGateway(out1);
    expect((await gw.listSheets()).map((s) => [s.name, s.owned, s.visible])).toEqual([
      ['Đơn vị', false, true],
      ['DS sáng kiến', false, true],
      ['Ẩn', false, false],
      ['Tổng hợp', true, true],
      ['Rà soát', true, true],
      [META_SHEET, true, false],
    ]);
    expect(await gw.loadSettings('mapping')).toEqual(SETTINGS.mapping);
  });

  it('gives the same file byte for byte when run again on its own output', async () => {
    const out2 = file('out2.xlsx');
    const report = await writeResultWorkbook({ input: out1, output: out2, sheets: [summary, review], highlights: HIGHLIGHTS, settings: SETTINGS });
    expect(report.sheetNames).toEqual(['Tổng hợp', 'Rà soát']);
    expect(readFileSync(out2).equals(readFileSync(out1))).toBe(true);
  });

  it("replaces its highlights instead of stacking them, and clearing gives back the officer's sheet byte for byte", async () => {
    const other = file('other.xlsx');
    await writeResultWorkbook({ input: out1, output: other, sheets: [summary], highlights: [{ key: 'b', color: '#FCE4D6', sheet: 'Đơn vị', rows: [10, 11], columnCount: 4 }] });
    const otherParts = await readParts(other);
    const xml = text(otherParts.get(unitsPath));
    expect([...xml.matchAll(/<formula>TRUE<\/formula>/g)]).toHaveLength(1);
    expect(xml).toContain('sqref="A10:D11"');
    expect(withoutOurFormats(xml)).toBe(text(inParts.get(unitsPath)));
    // The replaced result sheets: 'Rà soát' is no longer written, and leaves nothing behind.
    expect([...sheetParts(otherParts).keys()]).toEqual(['Đơn vị', 'DS sáng kiến', 'Ẩn', 'Tổng hợp', META_SHEET]);

    const cleared = file('cleared.xlsx');
    await writeResultWorkbook({ input: other, output: cleared, sheets: [summary], highlights: [] });
    const clearedParts = await readParts(cleared);
    expect(clearedParts.get(unitsPath)!.bytes.equals(inParts.get(unitsPath)!.bytes)).toBe(true);
    for (const sheet of ['DS sáng kiến', 'Ẩn']) {
      const path = sheetParts(inParts).get(sheet)!;
      expect(clearedParts.get(path)!.stored.equals(inParts.get(path)!.stored)).toBe(true);
    }
  });

  it('opens in LibreOffice (headless conversion)', () => {
    if (!hasCommand('soffice')) return;
    const outDir = join(dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, out1], { stdio: 'pipe', timeout: 120_000 });
    const csv = readFileSync(join(outDir, readdirSync(outDir).find((f) => f.endsWith('.csv'))!), 'utf8');
    expect(csv).toContain('Tên đơn vị');
    expect(csv).toContain('Đơn vị 30');
  });
});

describe('replaced sheets in the middle of the workbook', () => {
  it('renumbers sheet-local names and the active tab, and leaves out the parts only a replaced sheet used', async () => {
    const input = file('middle.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    const a = wb.addWorksheet('A');
    a.getCell('A1').value = 'a';
    a.pageSetup.printTitlesRow = '1:1';
    const old = wb.addWorksheet('Tổng hợp');
    old.getCell('A1').value = 'kết quả cũ';
    old.getCell('A1').note = 'ghi chú trên trang cũ của add-in';
    old.pageSetup.printTitlesRow = '1:2';
    const b = wb.addWorksheet('B');
    b.getCell('A1').value = 'b';
    b.pageSetup.printTitlesRow = '1:3';
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    metaToRows({ owned: ['Tổng hợp'], highlights: [], settings: {} }).forEach((r, i) => (meta.getRow(i + 1).values = r));
    await wb.xlsx.writeFile(input);
    const before = await readParts(input);
    expect([...before.keys()].some((n) => /comments/.test(n))).toBe(true);

    const output = file('middle-out.xlsx');
    await writeResultWorkbook({ input, output, sheets: [summary], highlights: [{ key: 'k', color: '#FFEB9C', sheet: 'B', rows: [1], columnCount: 1 }] });
    const parts = await readParts(output);
    const book = text(parts.get('xl/workbook.xml'));
    const names = [...book.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)</g)].map((m) => [m[2], m[3]]);
    expect(names).toEqual([
      ['0', '&apos;A&apos;!$1:$1'],
      ['1', '&apos;B&apos;!$1:$3'],
    ]);
    expect(book).toMatch(/activeTab="2"/);
    expect([...sheetParts(parts).keys()]).toEqual(['A', 'B', 'Tổng hợp', META_SHEET]);
    expect(text(parts.get(sheetParts(parts).get('Tổng hợp')!))).toContain('tabSelected="1"');
    // the old sheet's note (comments + VML drawing) went with it, with its relationships and overrides
    expect([...parts.keys()].filter((n) => /comments|vmlDrawing/.test(n))).toEqual([]);
    const ct = text(parts.get('[Content_Types].xml'));
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect(parts.has(m[1])).toBe(true);
    const out = await load(output);
    expect(out.getWorksheet('B')!.getCell('A1').value).toBe('b');
    expect(out.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('KẾT QUẢ BÌNH XÉT');
  });
});

describe('sizes and limits', () => {
  it('copies a workbook above 200,000 rows with its highlights', async () => {
    const rows = 210_000;
    const zip = new JSZip();
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    let sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>`;
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) {
      sheet += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Sáng kiến ${r}</t></is></c></row>`;
      if (sheet.length > 1 << 20) {
        parts.push(sheet);
        sheet = '';
      }
    }
    parts.push(sheet + '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
    zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
    zip.file('xl/worksheets/sheet1.xml', parts.join(''));
    const input = file('big.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const highlighted = Array.from({ length: 50_000 }, (_, i) => 2 + i * 4); // scattered: 50,000 ranges
    const output = file('big-out.xlsx');
    const started = Date.now();
    const report = await writeResultWorkbook({ input, output, sheets: [review], highlights: [{ key: 'k', color: '#FFEB9C', sheet: 'DS', rows: highlighted, columnCount: 2 }] });
    const seconds = (Date.now() - started) / 1000;
    expect(report).toMatchObject({ sourcesCopied: true, notes: [] });
    const out = await readParts(output);
    const xml = text(out.get('xl/worksheets/sheet1.xml'));
    const formats = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">/g)].map((m) => m[1]);
    expect(formats.length).toBeGreaterThan(50); // one per address chunk
    for (const f of formats) expect(f.length).toBeLessThanOrEqual(8_000);
    expect(formats.join(' ').split(' ')).toHaveLength(50_000);
    expect(withoutOurFormats(xml)).toBe(text(await readParts(input).then((p) => p.get('xl/worksheets/sheet1.xml'))));
    expect(xmllint(dir, 'big-sheet.xml', out.get('xl/worksheets/sheet1.xml')!.bytes, ORDER_SCHEMA)).toBe('');
    // The styles part did not exist: it is created, and referenced.
    expect(text(out.get('xl/_rels/workbook.xml.rels'))).toContain('Target="styles.xml"');
    expect(xmllint(dir, 'big-styles.xml', out.get('xl/styles.xml')!.bytes, ORDER_SCHEMA)).toBe('');
    const listed = await new XlsxFileGateway(output).listSheets();
    expect(listed.find((s) => s.name === 'DS')).toMatchObject({ rowCount: rows, owned: false });
    console.log(`210,000-row source + 50,000 highlighted rows written in ${seconds.toFixed(1)} s`);
  });

  it(`keeps links past Excel's ${MAX_LINKS.toLocaleString('en-US')} per sheet as plain text, and says so`, async () => {
    const many: ResultSheet = {
      name: 'Nhiều liên kết',
      kind: 'review',
      title: [],
      blocks: listBlocks([{ columns: [{ header: 'Vị trí', format: 'link' }], rows: Array.from({ length: MAX_LINKS + 100 }, (_, i) => ({ cells: [{ text: `DS!${i + 2}`, sheet: 'Nhiều liên kết', row: i + 2 }] })) }]),
    };
    const output = file('links.xlsx');
    const report = await writeResultWorkbook({ output, sheets: [many] });
    expect(report.sourcesCopied).toBe(false);
    expect(report.notes.map((n) => n.en).join(' ')).toMatch(/only the first 65,530 links are clickable.*other 100/);
    const xml = text((await readParts(output)).get('xl/worksheets/sheet1.xml'));
    expect([...xml.matchAll(/<hyperlink /g)]).toHaveLength(MAX_LINKS);
  });

  it('refuses a sheet with more rows than Excel has', () => {
    const huge = { name: 'x', kind: 'review', title: [], blocks: [{ columns: [{ header: 'a', format: 'text' }], rowCount: 1_048_576, rows: () => [] }] } as ResultSheet;
    expect(() => checkSheetSize(huge, 'x')).toThrow(/1,048,576/);
  });

  it('escapes what XML cannot carry and keeps look-alike escapes literal', async () => {
    const odd: ResultSheet = {
      name: 'Ký tự lạ',
      kind: 'review',
      title: [],
      blocks: listBlocks([{ columns: [{ header: 'Văn bản', format: 'text' }], rows: [{ cells: ['a\u0001b'] }, { cells: ['_x0041_'] }, { cells: ['dòng 1\r\ndòng 2'] }, { cells: ['<&>"\''] }, { cells: ['🌿 \uD800 lẻ'] }] }]),
    };
    const output = file('odd.xlsx');
    await writeResultWorkbook({ output, sheets: [odd] });
    const part = (await readParts(output)).get('xl/worksheets/sheet1.xml')!;
    expect(xmllint(dir, 'odd.xml', part.bytes)).toBe('');
    const xml = text(part);
    expect(xml).toContain('<t>a_x0001_b</t>');
    expect(xml).toContain('<t>_x005F_x0041_</t>');
    expect(xml).toContain('dòng 1&#13;\ndòng 2');
    expect(xml).toContain('&lt;&amp;&gt;"\'');
    const out = await load(output);
    expect(out.getWorksheet('Ký tự lạ')!.getCell('A4').value).toBe('dòng 1\r\ndòng 2');
    expect(out.getWorksheet('Ký tự lạ')!.getCell('A6').value).toBe('🌿 \uFFFD lẻ');
  });
});

describe('macro-enabled workbooks', () => {
  async function macroWorkbook(path: string): Promise<void> {
    const plain = file('plain-for-macro.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DS').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(plain);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    zip.file('xl/vbaProject.bin', Buffer.from('not really VBA'));
    const ct = (await zip.file('[Content_Types].xml')!.async('string'))
      .replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.sheet.main+xml')
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    zip.file('[Content_Types].xml', ct);
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    zip.file('xl/_rels/workbook.xml.rels', rels);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }

  it('leaves the VBA project out of an .xlsx (and says so), keeps it in an .xlsm', async () => {
    const input = file('macro.xlsm');
    await macroWorkbook(input);
    const xlsx = file('macro-out.xlsx');
    const report = await writeResultWorkbook({ input, output: xlsx, sheets: [review] });
    expect(report.notes.map((n) => n.en).join(' ')).toMatch(/Macros not copied/);
    const parts = await readParts(xlsx);
    expect(parts.has('xl/vbaProject.bin')).toBe(false);
    expect(text(parts.get('xl/_rels/workbook.xml.rels'))).not.toContain('vbaProject');
    expect(text(parts.get('[Content_Types].xml'))).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');

    const xlsm = file('macro-out.xlsm');
    const kept = await writeResultWorkbook({ input, output: xlsm, sheets: [review] });
    expect(kept.notes).toEqual([]);
    const mParts = await readParts(xlsm);
    expect(mParts.get('xl/vbaProject.bin')!.stored.equals((await readParts(input)).get('xl/vbaProject.bin')!.stored)).toBe(true);
    expect(text(mParts.get('[Content_Types].xml'))).toContain('macroEnabled.main+xml');
  });
});

test('without an input, writes a workbook of the result sheets alone', async () => {
  const output = file('alone.xlsx');
  const report = await writeResultWorkbook({ output, sheets: [summary, review] });
  expect(report).toMatchObject({ sourcesCopied: false, sheetNames: ['Tổng hợp', 'Rà soát'], notes: [] });
  const out = await load(output);
  expect(out.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Rà soát', META_SHEET]);
  expect(out.getWorksheet('Tổng hợp')!.getCell('D5').value).toBe('Đơn vị!3'); // no such sheet here: plain text
  for (const [name, part] of await readParts(output)) if (/\.(xml|rels)$/.test(name)) expect({ name, lint: xmllint(dir, name, part.bytes, /worksheets|styles|workbook\.xml$/.test(name) ? ORDER_SCHEMA : undefined) }).toEqual({ name, lint: '' });
  expect(existsSync(output)).toBe(true);
});

test('a Strict Open XML workbook gets result sheets in its own namespaces', async () => {
  const plain = file('plain-for-strict.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('DS').addRow(['Tên', 'Giá trị']);
  await wb.xlsx.writeFile(plain);
  const zip = await JSZip.loadAsync(readFileSync(plain));
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = (await zip.file(name)!.async('string'))
      .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
      .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
    zip.file(name, xml);
  }
  const input = file('strict.xlsx');
  writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const output = file('strict-out.xlsx');
  await writeResultWorkbook({ input, output, sheets: [review], highlights: [{ key: 'k', color: '#FFEB9C', sheet: 'DS', rows: [1], columnCount: 2 }] });
  const parts = await readParts(output);
  const sheets = sheetParts(parts);
  for (const name of ['Rà soát', META_SHEET]) {
    const xml = text(parts.get(sheets.get(name)!));
    expect(xml).toContain('<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">');
    expect(xmllint(dir, `strict-${name}.xml`, parts.get(sheets.get(name)!)!.bytes)).toBe('');
  }
  expect(text(parts.get('xl/_rels/workbook.xml.rels'))).not.toContain('schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet');
  expect(text(parts.get(sheets.get('DS')!))).toContain('<formula>TRUE</formula>');
});

test('an output folder that does not exist is a WorkbookError, and the input stays as it was', async () => {
  const input = file('officer-for-missing-dir.xlsx');
  await officerWorkbook(input);
  const before = readFileSync(input);
  await expect(writeResultWorkbook({ input, output: join(dir, 'no-such-folder', 'out.xlsx'), sheets: [review] })).rejects.toMatchObject({ code: 'other', message: expect.stringContaining('Cannot write') });
  expect(readFileSync(input).equals(before)).toBe(true);
});
