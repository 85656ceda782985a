/**
 * Complexity of the Excel adapter, counted on the in-memory fake (no timing): reading is one sync
 * per chunk sized to the payload budget, highlighting and clearing cost a few syncs and one call
 * per address chunk whatever the number of rows. A per-row sync or a per-row format call coming
 * back fails these.
 */
import { ExcelGateway } from '../../src/workbook/excel/gateway';
import { rowAreaAddresses } from '../../src/workbook/excel/addresses';
import { initialChunkRows } from '../../src/workbook/excel/read';
import { createFakeExcel } from '../fake-excel';

const LIMITS = { maxPayloadBytes: 5_000_000, maxCellsPerRead: 5_000_000 };

function bigSheet(rows: number, cols: number): (string | number)[][] {
  const out: (string | number)[][] = [['STT', 'Tên sáng kiến', 'Tác giả', 'Đơn vị'].slice(0, cols)];
  for (let i = 1; i <= rows; i++) out.push([i, `Sáng kiến ${i}`, `Tác giả ${i % 997}`, `CĐCS ${i % 101}`].slice(0, cols));
  return out;
}

function setup(rows: number, cols = 4) {
  const fake = createFakeExcel();
  fake.workbook.addSheet('DS', { values: bigSheet(rows, cols) });
  const gw = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  return { fake, gw };
}

describe('reading a large sheet', () => {
  it('takes rows ÷ chunk syncs plus a constant, each within Excel on the web limits', async () => {
    const rows = 100_000;
    const { fake, gw } = setup(rows);
    fake.resetStats();
    let seen = 0;
    for await (const chunk of gw.readSheet('DS')) seen += chunk.rows.length;
    expect(seen).toBe(rows + 1);
    const chunk = initialChunkRows(4, LIMITS);
    expect(fake.stats.syncs).toBeLessThanOrEqual(Math.ceil((rows + 1) / chunk) + 2);
    expect(fake.stats.syncs).toBeLessThan(rows / 1000); // never a sync per row (or per few rows)
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(fake.stats.maxCellsRead).toBeLessThanOrEqual(5_000_000);
  });

  it('doubles its syncs, not more, when the rows double', async () => {
    const syncs: number[] = [];
    for (const rows of [20_000, 40_000]) {
      const { fake, gw } = setup(rows, 3);
      fake.resetStats();
      for await (const _ of gw.readSheet('DS')) void _;
      syncs.push(fake.stats.syncs);
    }
    expect(syncs[1]!).toBeLessThanOrEqual(2 * syncs[0]! + 1);
  });
});

describe('highlighting and clearing', () => {
  const scattered = (n: number) => Array.from({ length: n }, (_, i) => 2 + 2 * i); // no two rows adjacent: one area each

  it('highlights 50,000 scattered rows in a few syncs and one format per address chunk', async () => {
    const { fake, gw } = setup(10, 2);
    const rows = scattered(50_000);
    const chunks = rowAreaAddresses(rows, 11).length;
    fake.resetStats();
    await gw.highlight([{ key: '2.2.2', color: '#C6EFCE', sheet: 'DS', rows, columnCount: 11 }]);
    expect(fake.stats.syncs).toBeLessThanOrEqual(8);
    expect(fake.stats.calls).toBeLessThanOrEqual(4 * chunks + 20);
    expect(fake.stats.calls).toBeLessThan(rows.length / 50);
    expect(fake.stats.maxAddressLength).toBeLessThanOrEqual(8_192);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(fake.workbook.snapshot('DS').conditionalFormats).toHaveLength(chunks);

    fake.resetStats();
    await gw.clearHighlights();
    expect(fake.stats.syncs).toBeLessThanOrEqual(6);
    expect(fake.stats.calls).toBeLessThanOrEqual(2 * chunks + 20);
    expect(fake.workbook.snapshot('DS').conditionalFormats).toHaveLength(0);
  });

  it('costs the same few syncs for 500 rows as for 50,000', async () => {
    const syncs: number[] = [];
    for (const n of [500, 50_000]) {
      const { fake, gw } = setup(10, 2);
      fake.resetStats();
      await gw.highlight([{ key: 'k', color: '#FFEB9C', sheet: 'DS', rows: scattered(n), columnCount: 11 }]);
      await gw.clearHighlights();
      syncs.push(fake.stats.syncs);
    }
    expect(syncs[1]).toBe(syncs[0]);
  });
});
