/** The Excel adapter's selection support over the fake: selecting rows, listening to the user's selection. */
import { ExcelGateway } from '../../src/workbook/excel';
import { firstRowOf, wholeRowAddresses } from '../../src/workbook/excel/selection';
import { createFakeExcel } from '../fake-excel';

function setup(apiVersion = '1.17') {
  const fake = createFakeExcel({ apiVersion });
  fake.workbook.addSheet('A', { values: [['x']] });
  fake.workbook.addSheet('Danh sách', { values: Array.from({ length: 30 }, (_, i) => [i + 1, `dòng ${i + 1}`]) });
  const gw = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  return { fake, gw };
}

test('whole-row addresses merge runs and stay under the 8,192-character limit', () => {
  expect(wholeRowAddresses([5, 6, 7, 9, 12, 11])).toEqual([{ address: '5:7,9:9,11:12', rows: 6 }]);
  const scattered = Array.from({ length: 3000 }, (_, i) => 10 + i * 2);
  const chunks = wholeRowAddresses(scattered);
  expect(chunks.length).toBeGreaterThan(1);
  expect(chunks.every((c) => c.address.length <= 8_000)).toBe(true);
  expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(3000);
  expect(chunks[0]!.address.startsWith('10:10,12:12')).toBe(true);
});

test('firstRowOf reads the first row of any address form', () => {
  expect(firstRowOf('B12:C14')).toBe(12);
  expect(firstRowOf("'My sheet'!A5")).toBe(5);
  expect(firstRowOf('12:12,15:17')).toBe(12);
  expect(firstRowOf('C:E')).toBe(1);
});

test('selectRows activates the sheet and selects whole rows as one RangeAreas', async () => {
  const { fake, gw } = setup();
  await expect(gw.selectRows('Danh sách', [3, 4, 5, 10])).resolves.toBe(4);
  expect(fake.activeSheet()).toBe('Danh sách');
  expect(fake.selection()).toEqual({ sheet: 'Danh sách', address: 'A3:XFD5,A10:XFD10' });
  expect(fake.model.selectionLog).toHaveLength(1);
});

test('selectRows selects the first rows only when the list is longer than one address', async () => {
  const { fake, gw } = setup();
  const rows = Array.from({ length: 2000 }, (_, i) => 2 + i * 3);
  const n = await gw.selectRows('Danh sách', rows);
  expect(n).toBeGreaterThan(100);
  expect(n).toBeLessThan(2000);
  expect(fake.stats.maxAddressLength).toBeLessThanOrEqual(8_000);
});

test('without RangeAreas (ExcelApi 1.8) only the first run is selected', async () => {
  const { fake, gw } = setup('1.8');
  await expect(gw.selectRows('Danh sách', [3, 4, 10])).resolves.toBe(2);
  expect(fake.selection()).toEqual({ sheet: 'Danh sách', address: 'A3:XFD4' });
});

test('the user selection reaches the callback (worksheet collection event) until unsubscribed', async () => {
  const { fake, gw } = setup();
  const seen: { sheet: string; row: number }[] = [];
  const stop = gw.onSelectionChanged((s) => seen.push(s));
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.model.selectionHandlers.map((h) => h.scope)).toEqual(['worksheets']);
  await fake.userSelect('Danh sách', 'B7:C9');
  await fake.userSelect('A', '4:4');
  expect(seen).toEqual([
    { sheet: 'Danh sách', row: 7 },
    { sheet: 'A', row: 4 },
  ]);
  stop();
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.model.selectionHandlers).toHaveLength(0);
  await fake.userSelect('A', 'A1');
  expect(seen).toHaveLength(2);
});

test('on a host without the collection event (ExcelApi 1.8) the workbook event is used and the selected range read', async () => {
  const { fake, gw } = setup('1.8');
  const seen: { sheet: string; row: number }[] = [];
  const stop = gw.onSelectionChanged((s) => seen.push(s));
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.model.selectionHandlers.map((h) => h.scope)).toEqual(['workbook']);
  await fake.userSelect('Danh sách', 'B12');
  expect(seen).toEqual([{ sheet: 'Danh sách', row: 12 }]);
  stop();
});

test('stopping before the registration finished still unregisters', async () => {
  const { fake, gw } = setup();
  const stop = gw.onSelectionChanged(() => undefined);
  stop();
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.model.selectionHandlers).toHaveLength(0);
});
