/**
 * Initiatives are made while their rows stream in (no parsed row is kept for them), and a name
 * merged down over co-author rows still gathers every author, whichever chunk the rows arrive in.
 */
import type { CellValue } from '../../src/domain/cells';
import { SheetFeeder, WorkbookAssembler } from '../../src/domain/read/workbook-reader';
import { grassrootsSheet, initiativeSheet, upperSheet } from '../helpers/province';

const uppers = upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: 35, grassroots: 2, members: 900, bloc: 'Khối huyện' }]);
const grass = grassrootsSheet([
  { name: 'CĐCS Trường THCS Bình Lư', parent: 'LĐLĐ huyện Tam Đường', plan: 3, count: null },
  { name: 'CĐCS Bệnh viện huyện', parent: 'LĐLĐ huyện Tam Đường', plan: 2, count: null },
]);

/** Rows 3–5 (Excel) hold one initiative whose title is merged down over its co-authors' rows. */
function coAuthorSheet() {
  const sheet = initiativeSheet([
    { title: 'Phần mềm quản lý thiết bị', authors: 'Lò Văn Minh', unit: 'CĐCS Trường THCS Bình Lư', benefit: '-120.000.000' },
    { title: '', authors: 'Tòng Thị Hoa', unit: '' },
    { title: '', authors: 'Vàng A Sử\nGiàng Thị Mai', unit: '' },
    { title: 'Quy trình tiếp đón người bệnh', authors: 'Đèo Văn Long', unit: 'CĐCS Bệnh viện nhà nước', benefit: '50.000.000' },
  ]);
  for (const r of [3, 4]) for (let c = 2; c < sheet.rows[r]!.length; c++) if (c !== 2) sheet.rows[r]![c] = null;
  return { ...sheet, merges: [{ top: 3, bottom: 5, left: 2, right: 2 }] };
}

function read(sheets: { name: string; rows: CellValue[][]; merges?: { top: number; bottom: number; left: number; right: number }[] }[], chunkRows: number) {
  const assembler = new WorkbookAssembler();
  const kept: number[] = [];
  for (const s of sheets) {
    const feeder = new SheetFeeder(s.name, s.merges ?? [], undefined);
    for (let start = 0; start < s.rows.length; start += chunkRows) feeder.push({ startRow: start + 1, rows: s.rows.slice(start, start + chunkRows) });
    const finished = feeder.finish();
    if (finished.read?.layout.role === 'initiatives') kept.push(finished.read.rows.length);
    assembler.add(feeder);
  }
  return { reading: assembler.finish(), kept };
}

describe.each([1, 2, 500])('initiatives read in chunks of %i rows', (chunkRows) => {
  const { reading, kept } = read([uppers, grass, coAuthorSheet()], chunkRows);
  const { initiatives, issues } = reading.model;

  test('keeps no parsed rows of the initiatives sheet', () => {
    expect(kept).toEqual([0]);
    expect(initiatives).toHaveLength(2);
  });

  test('a title merged over co-author rows gathers every author, in written order', () => {
    expect(initiatives[0]!.title).toBe('Phần mềm quản lý thiết bị');
    expect(initiatives[0]!.authors).toEqual(['Lò Văn Minh', 'Tòng Thị Hoa', 'Vàng A Sử', 'Giàng Thị Mai']);
    expect(initiatives[1]!.authors).toEqual(['Đèo Văn Long']);
  });

  test('units resolve after the fact, with issues in initiative order', () => {
    expect(initiatives.map((i) => i.id)).toEqual([0, 1]);
    expect(initiatives[0]!.unitId).not.toBeNull();
    expect(reading.model.units[initiatives[0]!.unitId!]!.name).toBe('CĐCS Trường THCS Bình Lư');
    expect(initiatives[1]!.unitId).toBeNull();
    const own = issues.filter((i) => i.kind === 'initiative').map((i) => [i.code, i.row]);
    expect(own).toEqual([
      ['invalid_benefit', 3],
      ['unknown_unit', 6],
    ]);
    expect(initiatives[0]!.benefit).toBeNull();
    expect(initiatives[0]!.unreadable).toEqual(['benefit']);
  });
});

test('initiatives of a sheet read before the units sheet still find their units', () => {
  const { reading } = read([coAuthorSheet(), uppers, grass], 2);
  expect(reading.model.initiatives.map((i) => (i.unitId === null ? null : reading.model.units[i.unitId]!.name))).toEqual(['CĐCS Trường THCS Bình Lư', null]);
});

test('author teams that look alike at a glance (same length, same first, middle and last letters) each keep their own names', () => {
  // Recently read teams are found again by comparing a few letters first: the whole text must decide.
  const teams = ['Lò A Minh', 'Lò B Minh', 'Lò A Minh, Hà C', 'Lò B Minh, Hà C', 'Lò A Minh', 'Lò B Minh'];
  const sheet = initiativeSheet(teams.map((authors, n) => ({ title: `Sáng kiến ${n + 1}`, authors, unit: 'CĐCS Bệnh viện huyện' })));
  for (const chunkRows of [2, 500]) {
    const { reading } = read([uppers, grass, sheet], chunkRows);
    expect(reading.model.initiatives.map((i) => i.authors)).toEqual([['Lò A Minh'], ['Lò B Minh'], ['Lò A Minh', 'Hà C'], ['Lò B Minh', 'Hà C'], ['Lò A Minh'], ['Lò B Minh']]);
  }
});

test('two initiatives sheets make one list, numbered on from the first, each initiative at its own number', () => {
  const first = initiativeSheet([{ title: 'Máy sấy chè', authors: 'Lò Văn Minh', unit: 'CĐCS Trường THCS Bình Lư' }], 'SK huyện Tam Đường');
  const second = initiativeSheet(
    [
      { title: 'Sổ tay điện tử', authors: 'Tòng Thị Hoa', unit: 'CĐCS Bệnh viện huyện' },
      { title: 'Bếp đun cải tiến', authors: 'Vàng A Sử', unit: 'CĐCS không có' },
    ],
    'SK khối y tế',
  );
  const { reading } = read([uppers, grass, first, second], 500);
  const { initiatives, units } = reading.model;
  expect(initiatives.map((i) => [i.id, i.source.sheet, i.title])).toEqual([
    [0, 'SK huyện Tam Đường', 'Máy sấy chè'],
    [1, 'SK khối y tế', 'Sổ tay điện tử'],
    [2, 'SK khối y tế', 'Bếp đun cải tiến'],
  ]);
  expect(initiatives.map((i) => (i.unitId === null ? null : units[i.unitId]!.name))).toEqual(['CĐCS Trường THCS Bình Lư', 'CĐCS Bệnh viện huyện', null]);
});
