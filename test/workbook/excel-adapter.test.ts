import type { RowChunk } from '../../src/domain/cells';
import { listBlocks, type OutRow, type ResultSheet } from '../../src/domain/sheets/model';
import { WorkbookError } from '../../src/workbook/gateway';
import { ExcelGateway, checkHost, markerFormula, markerKey } from '../../src/workbook/excel';
import { rowAreaAddresses } from '../../src/workbook/excel/addresses';
import { initialChunkRows } from '../../src/workbook/excel/read';
import ExcelJS from 'exceljs';
import { type FakeExcel, type FakeExcelOptions, createFakeExcel } from '../fake-excel';
import { fakeFromXlsx } from '../fake-excel/from-xlsx';

const LIMIT = 5_000_000;

function setup(opts: FakeExcelOptions = {}, gw: ConstructorParameters<typeof ExcelGateway>[1] = {}): { fake: FakeExcel; gateway: ExcelGateway } {
  const fake = createFakeExcel(opts);
  const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings, ...gw });
  return { fake, gateway };
}

async function collect(it: AsyncIterable<RowChunk>): Promise<RowChunk[]> {
  const out: RowChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
}

function grid(rows: number, cols: number, cell: (r: number, c: number) => string | number): (string | number)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

const summary = (rows: OutRow[], name = 'Tổng hợp'): ResultSheet => ({
  name,
  kind: 'summary',
  title: ['LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU', 'BIỂU TỔNG HỢP'],
  blocks: listBlocks([
    {
      title: 'I. Theo đơn vị',
      columns: [
        { header: 'Đơn vị', format: 'text' },
        { header: 'Số SK', format: 'integer' },
        { header: 'Giá trị làm lợi', format: 'money' },
        { header: 'Tỷ lệ %', format: 'percent1' },
        { header: 'Nguồn', format: 'link' },
      ],
      rows,
    },
  ]),
});

// ---------------------------------------------------------------------------------------------

describe('the fake behaves like office-js where the adapter depends on it', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('A', { values: [[1, 2]] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getRange('A1:B1');
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('strings become formulas or numbers unless the cell is formatted "@"', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('A');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.getRange('A1:D1').values = [['=1+1', '-5', '+84912345678', '@x']];
      const b = ws.getRange('A2:D2');
      b.numberFormat = [['@', '@', '@', '@']];
      b.values = [['=1+1', '-5', '+84912345678', '@x']];
      await ctx.sync();
    });
    expect(fake.workbook.cell('A', 'A1').f).toBe('=1+1');
    expect(fake.workbook.cell('A', 'B1').v).toBe(-5);
    expect(fake.workbook.cell('A', 'D1').f).toBe('=@x');
    expect(fake.workbook.values('A', 'A2:D2')).toEqual([['=1+1', '-5', '+84912345678', '@x']]);
  });

  test('enforces the 5 MB request limit and the 5,000,000-cell read limit', async () => {
    const fake = createFakeExcel({ payloadLimitBytes: 1000 });
    fake.workbook.addSheet('A');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('A1:A100').values = grid(100, 1, () => 'quite a long string');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbook.cell('A', 'A1')).toEqual({});
    const big = createFakeExcel();
    big.workbook.addSheet('B');
    await expect(
      big.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  test('protected sheets refuse writes with InvalidOperation', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('P', { values: [['x']], protected: true });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('P').getRange('A1').values = [['y']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('listSheets', () => {
  test('names, visibility, used extent and ownership in two syncs', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('DS sáng kiến', { values: [[null, 'a'], [null, null, 'b']], origin: 'B2' });
    fake.workbook.addSheet('Ẩn', { visibility: 'Hidden' });
    fake.workbook.addSheet('Tổng hợp', { values: [['x']], customProperties: { 'BinhXet.owned': '1' } });
    const sheets = await gateway.listSheets();
    expect(sheets).toEqual([
      { name: 'DS sáng kiến', rowCount: 3, columnCount: 4, visible: true, owned: false },
      { name: 'Ẩn', rowCount: 0, columnCount: 0, visible: false, owned: false },
      { name: 'Tổng hợp', rowCount: 1, columnCount: 1, visible: true, owned: true },
    ]);
    expect(fake.stats.syncs).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe('readSheet', () => {
  test('yields ascending 1-based chunks with progress', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: grid(25, 3, (r, c) => (c === 0 ? r + 1 : `r${r + 1}c${c + 1}`)) });
    const progress: number[] = [];
    const chunks = await collect(gateway.readSheet('S', { chunkRows: 10, onProgress: (p) => progress.push(p.done) }));
    expect(chunks.map((c) => [c.startRow, c.rows.length])).toEqual([
      [1, 10],
      [11, 10],
      [21, 5],
    ]);
    expect(chunks[2]!.rows[4]).toEqual([25, 'r25c2', 'r25c3']);
    expect(progress).toEqual([10, 20, 25]);
    expect(fake.stats.syncs).toBe(4); // extent + one per chunk
  });

  test('a stray value in XFD1048576 does not widen the read: the columns of the header rows, every row down to it', async () => {
    const { fake, gateway } = setup();
    const table = [['DANH SÁCH SÁNG KIẾN'], ['STT', 'Tên sáng kiến', 'Tác giả'], ...grid(98, 3, (r, c) => (c === 0 ? r + 1 : `r${r + 3}c${c + 1}`))];
    fake.workbook.addSheet('DS sáng kiến', { values: table }).values.set(1_048_575, 16_383, 'x');
    const [info] = await gateway.listSheets();
    expect(info).toMatchObject({ rowCount: 100, columnCount: 3 });
    fake.resetStats();
    const chunks = await collect(gateway.readSheet('DS sáng kiến'));
    expect(chunks.reduce((n, c) => n + c.rows.length, 0)).toBe(100);
    expect(chunks[chunks.length - 1]!.rows.at(-1)).toEqual([98, 'r100c2', 'r100c3']);
    expect(fake.stats.maxCellsRead).toBeLessThanOrEqual(300);
    expect(fake.stats.syncs).toBeLessThanOrEqual(4); // extent, head, body, one chunk
  });

  test('a wide table keeps its width: narrowing only drops columns the header rows leave empty', async () => {
    const { fake, gateway } = setup();
    const wide = grid(50, 600, (r, c) => (r === 0 ? `Cột ${c + 1}` : r * 1000 + c));
    fake.workbook.addSheet('Rộng', { values: wide });
    const [info] = await gateway.listSheets();
    expect(info).toMatchObject({ rowCount: 50, columnCount: 600 });
    const chunks = await collect(gateway.readSheet('Rộng'));
    expect(chunks.flatMap((c) => c.rows).map((r) => r.length)).toEqual(new Array(50).fill(600));
  });

  test('an empty sheet yields nothing; a missing sheet is a WorkbookError("missing")', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('Empty');
    expect(await collect(gateway.readSheet('Empty'))).toEqual([]);
    expect((await rejection(collect(gateway.readSheet('Nope')))).code).toBe('missing');
  });

  test('100,000 rows × 12 columns stay within 5 MB and 5,000,000 cells, one sync per chunk', async () => {
    const { fake, gateway } = setup();
    const rows = 100_000;
    fake.workbook.addSheet('Big', {
      values: grid(rows, 12, (r, c) => (c % 3 === 0 ? r * 1000 + c : c % 3 === 1 ? `Công đoàn cơ sở số ${r}` : `Sáng kiến cải tiến ${c}-${r}`)),
    });
    fake.resetStats();
    let read = 0;
    let next = 1;
    for await (const chunk of gateway.readSheet('Big')) {
      expect(chunk.startRow).toBe(next);
      next += chunk.rows.length;
      read += chunk.rows.length;
    }
    expect(read).toBe(rows);
    const chunkRows = initialChunkRows(12, { maxPayloadBytes: LIMIT, maxCellsPerRead: LIMIT });
    expect(fake.stats.syncs).toBeLessThanOrEqual(Math.ceil(rows / chunkRows) + 2);
    expect(fake.stats.largestPayload).toBeLessThanOrEqual(LIMIT);
    expect(fake.stats.maxCellsRead).toBeLessThanOrEqual(LIMIT);
    console.log(
      `read 100,000×12: chunk ${chunkRows} rows, ${fake.stats.syncs} syncs, ${fake.stats.calls} calls, largest response ${fake.stats.maxResponseBytes} bytes`,
    );
  });

  test('a payload error from Excel halves the chunk and the read goes on', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: grid(1000, 3, (r, c) => r * 10 + c) });
    fake.injectError({ code: 'ResponsePayloadSizeLimitExceeded', when: (s) => s.syncNumber === 2 });
    const chunks = await collect(gateway.readSheet('S', { chunkRows: 400 }));
    expect(chunks.map((c) => c.startRow)).toEqual([1, 201, 401, 601, 801]);
    expect(chunks.flatMap((c) => c.rows.map((r) => r[0]))).toEqual(Array.from({ length: 1000 }, (_, i) => i * 10));
  });

  test('long texts beyond the estimate: real payload errors are absorbed by halving', async () => {
    const budget = 200_000;
    const { fake, gateway } = setup({ payloadLimitBytes: budget }, { maxPayloadBytes: budget });
    const long = 'Giải pháp nâng cao hiệu quả '.repeat(8); // ~220 chars, well past 60 bytes a cell
    fake.workbook.addSheet('S', { values: grid(3000, 4, (r, c) => `${r}:${c} ${long}`) });
    const chunks = await collect(gateway.readSheet('S'));
    expect(chunks.reduce((n, c) => n + c.rows.length, 0)).toBe(3000);
    expect(chunks[chunks.length - 1]!.rows.at(-1)![3]).toBe(`2999:3 ${long}`);
    expect(fake.stats.maxResponseBytes).toBeGreaterThan(budget); // refused at least once …
    expect(chunks[0]!.rows.length).toBeLessThan(initialChunkRows(4, { maxPayloadBytes: budget, maxCellsPerRead: LIMIT })); // … then halved
  });

  test('an AbortSignal cancels between chunks', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: grid(100, 2, (r) => r) });
    const ac = new AbortController();
    const seen: number[] = [];
    const err = await rejection(
      (async () => {
        for await (const c of gateway.readSheet('S', { chunkRows: 10, signal: ac.signal })) {
          seen.push(c.startRow);
          if (seen.length === 2) ac.abort();
        }
      })(),
    );
    expect(err.code).toBe('cancelled');
    expect(err.message).toMatch(/Đã hủy.*\(Cancelled/);
    expect(seen).toEqual([1, 11]);
    const pre = new AbortController();
    pre.abort();
    expect((await rejection(collect(gateway.readSheet('S', { signal: pre.signal })))).code).toBe('cancelled');
  });
});

describe('headerMerges', () => {
  test('merged areas of the top rows, 1-based', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: [['Tiêu đề']], merges: ['A1:K1', 'A3:A4', 'C3:D3', 'A20:B20'] });
    const merges = await gateway.headerMerges('S', 5);
    expect(merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 11 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 3, bottom: 3, right: 4 },
      ]),
    );
    expect(merges).toHaveLength(3);
    expect(await gateway.headerMerges('S', 2)).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
  });

  test('no merges → []; hosts below ExcelApi 1.13 → []', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: [['a']] });
    expect(await gateway.headerMerges('S', 5)).toEqual([]);
    const old = setup({ apiVersion: '1.12' });
    old.fake.workbook.addSheet('S', { merges: ['A1:B1'] });
    expect(await old.gateway.headerMerges('S', 5)).toEqual([]);
    expect(old.fake.stats.syncs).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('writeSheet', () => {
  const rows: OutRow[] = [
    { cells: ['LĐLĐ huyện Tam Đường', 12, 1_250_000_000, 152.3, { text: 'DS sáng kiến!12', sheet: 'DS sáng kiến', row: 12 }] },
    { cells: ['=1+1', 3, null, 0, null] },
    { cells: ['+84912345678', '-5', '@x', '31/8/2023', null], style: 'excluded' },
    { cells: ['Tổng cộng', 15, 1_250_000_000, null, null], style: 'total' },
  ];

  test('lays out title, block title, header and rows with formats, styles, links, freeze and the owned mark', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('DS sáng kiến', { values: [['x']] });
    const name = await gateway.writeSheet(summary(rows));
    expect(name).toBe('Tổng hợp');
    const wb = fake.workbook;
    const s = wb.snapshot('Tổng hợp');
    expect(s.customProperties).toEqual({ 'BinhXet.owned': '1' });
    expect(wb.values('Tổng hợp', 'A1:A4')).toEqual([['LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU'], ['BIỂU TỔNG HỢP'], [''], ['I. Theo đơn vị']]);
    expect(wb.values('Tổng hợp', 'A5:E5')).toEqual([['Đơn vị', 'Số SK', 'Giá trị làm lợi', 'Tỷ lệ %', 'Nguồn']]);
    expect(wb.values('Tổng hợp', 'A6:E6')).toEqual([['LĐLĐ huyện Tam Đường', 12, 1_250_000_000, 152.3, 'DS sáng kiến!12']]);
    expect(s.cells.A6!.nf).toBe('@');
    expect(s.cells.B6!.nf).toBe('#,##0');
    expect(s.cells.D6!.nf).toBe('0.0"%"');
    expect(s.cells.A5!.style).toMatchObject({ bold: true, fill: '#DDEBF7' });
    expect(s.cells.A1!.style).toMatchObject({ bold: true });
    expect(s.cells.E6!.link).toEqual({ documentReference: "'DS sáng kiến'!A12", textToDisplay: 'DS sáng kiến!12' });
    expect(s.cells.E6!.style).toMatchObject({ color: '#0563C1', underline: 'Single' });
    expect(s.cells.A8!.style).toMatchObject({ strikethrough: true, color: '#808080' });
    expect(s.cells.E9!.style).toMatchObject({ bold: true, fill: '#E2EFDA' });
    expect(s.freeze).toEqual({ rows: 5, columns: 0 });
    expect(s.columnWidths.A).toBeGreaterThan(50);
    // the officer's sheet is untouched
    expect(wb.sheetNames()).toEqual(['DS sáng kiến', 'Tổng hợp']);
  });

  test('text is text: "=1+1", "+84…", "-5", "@x", dates typed as text are stored as values, never formulas', async () => {
    const { fake, gateway } = setup();
    await gateway.writeSheet(summary(rows));
    const c = (a: string) => fake.workbook.cell('Tổng hợp', a);
    expect(c('A7')).toMatchObject({ v: '=1+1', nf: '@' });
    expect(c('A7').f).toBeUndefined();
    expect(c('A8')).toMatchObject({ v: '+84912345678', nf: '@' });
    expect(c('B8')).toMatchObject({ v: '-5', nf: '@' }); // a string in a number column is text too
    expect(c('C8')).toMatchObject({ v: '@x', nf: '@' });
    expect(c('D8')).toMatchObject({ v: '31/8/2023', nf: '@' });
    for (const a of ['A7', 'A8', 'B8', 'C8', 'D8']) expect(c(a).f).toBeUndefined();
    expect(c('B7')).toEqual({ v: 3, nf: '#,##0', style: expect.anything() });
  });

  test('running twice leaves the same workbook: only the owned sheet is replaced, in place', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('Đơn vị', { values: [['Tên đơn vị'], ['A']], fills: [['#FFFF00']] });
    fake.workbook.addSheet('Cán bộ', { values: [['Họ tên']] });
    await gateway.writeSheet(summary(rows));
    // move the result sheet between the officer's sheets, as an officer might
    fake.model.sheets.splice(1, 0, fake.model.sheets.pop()!);
    const first = fake.workbook.snapshotAll();
    expect(await gateway.writeSheet(summary(rows))).toBe('Tổng hợp');
    expect(fake.workbook.snapshotAll()).toEqual(first);
    expect(fake.workbook.sheetNames()).toEqual(['Đơn vị', 'Tổng hợp', 'Cán bộ']);
  });

  test("an officer's sheet with the same name survives; the result gets another name, reused next run", async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('Tổng hợp', { values: [['Bảng của cán bộ'], [1]], formulas: [[null], ['=1']] });
    const before = fake.workbook.snapshot('Tổng hợp');
    const name = await gateway.writeSheet(summary(rows));
    expect(name).toBe('Tổng hợp (2)');
    expect(fake.workbook.snapshot('Tổng hợp')).toEqual(before);
    expect(await gateway.writeSheet(summary(rows))).toBe('Tổng hợp (2)');
    expect(fake.workbook.sheetNames()).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    expect(fake.workbook.snapshot('Tổng hợp')).toEqual(before);
  });

  test('large result sheets are written in chunks within the payload budget; links are capped', async () => {
    const { fake, gateway } = setup();
    const many = Array.from({ length: 50_000 }, (_, i) => ({
      cells: [`Đơn vị ${i} — ${'tên dài '.repeat(5)}`, i, i * 1000, i / 7, { text: `DS!${i + 2}`, sheet: 'DS', row: i + 2 }],
    }));
    fake.resetStats();
    const progress: number[] = [];
    await gateway.writeSheet(summary(many), { onProgress: (p) => progress.push(p.done) });
    expect(fake.workbook.values('Tổng hợp', 'A50005:B50005')).toEqual([[many[49_999]!.cells[0], 49_999]]);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(progress.length).toBeGreaterThan(1);
    const s = fake.workbook.sheet('Tổng hợp');
    let links = 0;
    s.hyperlinks.forEach(() => links++);
    expect(links).toBe(2000);
    console.log(`write 50,000×5: ${fake.stats.syncs} syncs, ${fake.stats.calls} calls, largest request ${fake.stats.maxRequestBytes} bytes`);
  });

  test('suspends calculation and screen updating on hosts that support it', async () => {
    const { fake, gateway } = setup();
    await gateway.writeSheet(summary(rows));
    expect(fake.stats.suspendCalls).toBeGreaterThanOrEqual(2);
    const fake2 = createFakeExcel({ apiVersion: '1.12' });
    const noSuspend = new ExcelGateway(fake2.run, { requirements: (set, v) => fake2.isSetSupported(set, v) && v !== '1.6' && v !== '1.9' });
    await noSuspend.writeSheet(summary(rows));
    expect(fake2.stats.suspendCalls).toBe(0);
    // and the fake refuses APIs above its host's version, as Excel does
    const old = createFakeExcel({ apiVersion: '1.8' });
    old.workbook.addSheet('S');
    await expect(
      old.run(async (ctx) => {
        ctx.application.suspendScreenUpdatingUntilNextSync();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a protected workbook structure → WorkbookError("protected") and nothing changes', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('A', { values: [[1]] });
    fake.model.structureProtected = true;
    const before = fake.workbook.snapshotAll();
    const err = await rejection(gateway.writeSheet(summary(rows)));
    expect(err.code).toBe('protected');
    expect(err.message).toMatch(/bảo vệ.*\(.*protected/);
    expect(fake.workbook.snapshotAll()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('highlight and clearHighlights', () => {
  function officerWorkbook(fake: FakeExcel): void {
    fake.workbook.addSheet('DS sáng kiến', {
      values: grid(40, 6, (r, c) => (r === 0 ? `H${c}` : `${r}-${c}`)),
      fills: [['#C6EFCE', '#C6EFCE'], [], ['#FFFF00']],
      fonts: [[{ bold: true }]],
      numberFormats: [[], [null, '#,##0']],
      conditionalFormats: [{ address: 'B2:B40', type: 'Custom', formula: '=B2>5', fill: '#FFC7CE' }, { address: 'C2:C40', type: 'DataBar' }],
    });
    fake.workbook.addSheet('Đơn vị', { values: grid(10, 3, (r, c) => r * c), conditionalFormats: [{ address: 'A1:C10', formula: '=$A1="x"', fill: '#00FF00' }] });
  }

  test('one custom conditional format per address chunk, whole rows, marker formula and colour', async () => {
    const { fake, gateway } = setup();
    officerWorkbook(fake);
    await gateway.highlight([{ key: '2.1.2a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [5, 6, 7, 10], columnCount: 6 }]);
    const cfs = fake.workbook.snapshot('DS sáng kiến').conditionalFormats;
    expect(cfs[0]).toMatchObject({ type: 'Custom', address: 'A5:F7,A10:F10', formula: '=N("BinhXet:2.1.2a")=0', fill: '#FFEB9C', priority: 0 });
    expect(cfs).toHaveLength(3);
    expect(markerKey(cfs[0]!.formula)).toBe('2.1.2a');
    expect(markerKey('=B2>5')).toBeNull();
  });

  test('50,000 scattered rows: a bounded number of calls, every address under 8,192 characters', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('Big', { values: [['x']] });
    const rows = Array.from({ length: 50_000 }, (_, i) => 2 + i * 2 + (i % 7 === 0 ? 1 : 0)); // mostly isolated rows
    const addresses = rowAreaAddresses(rows, 12);
    fake.resetStats();
    await gateway.highlight([{ key: '3.1', color: '#FFC7CE', sheet: 'Big', rows, columnCount: 12 }]);
    expect(fake.stats.maxAddressLength).toBeLessThan(8192);
    // per chunk: getRanges + add + formula + colour; plus the clear and the existence check
    expect(fake.stats.calls).toBeLessThanOrEqual(4 * addresses.length + 20);
    expect(fake.stats.syncs).toBeLessThanOrEqual(8);
    expect(fake.stats.largestPayload).toBeLessThanOrEqual(LIMIT);
    const cfs = fake.workbook.sheet('Big').cfs;
    expect(cfs).toHaveLength(addresses.length);
    expect(cfs.reduce((n, cf) => n + cf.rects.reduce((m, r) => m + r.nr, 0), 0)).toBe(new Set(rows).size);
    console.log(`highlight 50,000 rows: ${addresses.length} address chunks, ${fake.stats.syncs} syncs, ${fake.stats.calls} calls, longest address ${fake.stats.maxAddressLength} chars`);
  });

  test('clear restores the exact earlier workbook (officer fills, fonts, formats and conditional formats survive)', async () => {
    const { fake, gateway } = setup();
    officerWorkbook(fake);
    const before = fake.workbook.snapshotAll();
    await gateway.highlight([
      { key: '2.1.2a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [2, 3, 4, 9], columnCount: 6 },
      { key: '2.2', color: '#C6EFCE', sheet: 'DS sáng kiến', rows: [3, 30], columnCount: 6 },
      { key: '2.2', color: '#C6EFCE', sheet: 'Đơn vị', rows: [2], columnCount: 3 },
    ]);
    expect(fake.workbook.snapshotAll()).not.toEqual(before);
    await gateway.clearHighlights(['2.2']);
    const partial = fake.workbook.snapshotAll();
    expect(partial[0]!.conditionalFormats.filter((c) => markerKey(c.formula))).toHaveLength(1);
    expect(partial[1]).toEqual(before[1]);
    await gateway.clearHighlights();
    expect(fake.workbook.snapshotAll()).toEqual(before);
  });

  test('highlighting a criterion again replaces its earlier highlight', async () => {
    const { fake, gateway } = setup();
    officerWorkbook(fake);
    await gateway.highlight([{ key: 'k', color: '#FFEB9C', sheet: 'Đơn vị', rows: [2, 3], columnCount: 3 }]);
    await gateway.highlight([{ key: 'k', color: '#FFEB9C', sheet: 'Đơn vị', rows: [5], columnCount: 3 }]);
    const ours = fake.workbook.snapshot('Đơn vị').conditionalFormats.filter((c) => markerKey(c.formula) === 'k');
    expect(ours.map((c) => c.address)).toEqual(['A5:C5']);
  });

  test('a protected sheet → WorkbookError("protected"), nothing added', async () => {
    const { fake, gateway } = setup();
    officerWorkbook(fake);
    fake.workbook.setProtected('Đơn vị');
    const before = fake.workbook.snapshotAll();
    const err = await rejection(
      gateway.highlight([
        { key: 'a', color: '#FFEB9C', sheet: 'DS sáng kiến', rows: [2], columnCount: 6 },
        { key: 'a', color: '#FFEB9C', sheet: 'Đơn vị', rows: [2], columnCount: 3 },
      ]),
    );
    expect(err.code).toBe('protected');
    expect(fake.workbook.snapshotAll()).toEqual(before);
  });

  test('Excel refusing a write on a protected sheet is also reported as "protected"', async () => {
    const { fake, gateway } = setup();
    officerWorkbook(fake);
    // protection switched on after the adapter checked it (between its syncs)
    fake.injectError({ code: 'InvalidOperation', message: 'The cell or chart you are trying to change is on a protected sheet.', when: (s) => s.syncNumber >= 5 });
    expect((await rejection(gateway.highlight([{ key: 'a', color: '#FFEB9C', sheet: 'Đơn vị', rows: [2], columnCount: 3 }]))).code).toBe('protected');
  });

  test('marker formulas escape quotes', () => {
    expect(markerFormula('a"b')).toBe('=N("BinhXet:a""b")=0');
    expect(markerKey(markerFormula('a"b'))).toBe('a"b');
  });
});

// ---------------------------------------------------------------------------------------------

describe('settings', () => {
  test('round-trip through the document settings', async () => {
    const { fake, gateway } = setup();
    const mapping = { sheet: 'DS sáng kiến', fields: { title: 'B', authors: 'C' }, headerRows: [4, 5] };
    expect(await gateway.loadSettings('mapping')).toBeNull();
    await gateway.saveSettings('mapping', mapping);
    expect(fake.settings!.saved.get('mapping')).toEqual(mapping);
    expect(await gateway.loadSettings('mapping')).toEqual(mapping);
  });

  test('fallback without document settings: a custom XML part, read back by a new gateway', async () => {
    const fake = createFakeExcel({ documentSettings: false });
    const gw = () => new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: null });
    const value = { note: 'Tên có <, &, > và "ngoặc"', n: 1.5, list: ['Đã', 'Có'] };
    await gw().saveSettings('mapping', value);
    await gw().saveSettings('other', 42);
    expect(fake.model.xmlParts).toHaveLength(1);
    expect(await gw().loadSettings('mapping')).toEqual(value);
    expect(await gw().loadSettings('other')).toBe(42);
    expect(await gw().loadSettings('none')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('errors and host', () => {
  test('cell-editing mode → WorkbookError("busy") with a bilingual message', async () => {
    const { fake, gateway } = setup();
    fake.workbook.addSheet('S', { values: [[1]] });
    fake.injectError({ code: 'InvalidOperationInCellEditMode' });
    const err = await rejection(gateway.listSheets());
    expect(err.code).toBe('busy');
    expect(err.message).toMatch(/^Excel đang ở chế độ sửa ô.*\(Excel is in cell-editing mode/);
  });

  test('checkHost: ExcelApi 1.12 required, plain bilingual message otherwise', () => {
    const office = (version: string) => ({ context: { requirements: { isSetSupported: createFakeExcel({ apiVersion: version }).isSetSupported } } });
    expect(checkHost(office('1.12'))).toEqual({ supported: true });
    const old = checkHost(office('1.11'));
    expect(old.supported).toBe(false);
    expect(old.message!.vi).toMatch(/^Bình xét cần Excel 2021 trở lên, Microsoft 365, Excel trên web hoặc Excel cho Mac/);
    expect(old.message!.en).toMatch(/Excel 2021 or later/);
    expect(checkHost(undefined).supported).toBe(false);
    expect(checkHost({}).message!.en).toMatch(/inside Excel/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('fake from .xlsx', () => {
  test('values, formulas with results, dates, number formats, fills, merges, hidden sheets and conditional formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS sáng kiến');
    ws.addRow(['BIỂU TỔNG HỢP']);
    ws.mergeCells('A1:C1');
    ws.addRow(['Tên', 'Giá trị', 'Ngày']);
    ws.addRow(['SK 1', 1_250_000, new Date(Date.UTC(2023, 7, 31))]);
    ws.addRow([{ richText: [{ text: 'SK ' }, { text: '2', font: { bold: true } }] }, { formula: 'B3*2', result: 2_500_000 }, '31/8/2023']);
    ws.getCell('B3').numFmt = '#,##0';
    ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell('A2').font = { bold: true };
    ws.addConditionalFormatting({ ref: 'B3:B4', rules: [{ type: 'expression', priority: 1, formulae: ['B3>0'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
    wb.addWorksheet('Ẩn', { state: 'hidden' }).addRow(['x']);
    const fake = await fakeFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(fake.workbook.sheetNames()).toEqual(['DS sáng kiến', 'Ẩn']);
    const s = fake.workbook.snapshot('DS sáng kiến');
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.cells.A2).toMatchObject({ v: 'Tên', style: { fill: '#FFFF00', bold: true } });
    expect(s.cells.B3).toMatchObject({ v: 1_250_000, nf: '#,##0' });
    expect(s.cells.C3!.v).toBe(45169); // 31/8/2023 as an Excel serial, as office-js reports dates
    expect(s.cells.A4!.v).toBe('SK 2');
    expect(s.cells.B4).toMatchObject({ v: 2_500_000, f: '=B3*2' });
    expect(s.conditionalFormats).toEqual([expect.objectContaining({ type: 'Custom', address: 'B3:B4', formula: '=B3>0', fill: '#FFC7CE' })]);
    expect(fake.workbook.snapshot('Ẩn').visibility).toBe('Hidden');
    const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
    const chunks = await collect(gateway.readSheet('DS sáng kiến'));
    expect(chunks[0]!.rows[3]).toEqual(['SK 2', 2_500_000, '31/8/2023']);
    expect(await gateway.headerMerges('DS sáng kiến', 3)).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });
});
