/**
 * Header, role and column detection on the layouts officers actually use: two-row merged
 * headers under title rows, one flat units sheet with a parent column, English headers,
 * no title rows, column-number rows, and broken cells that must become issues.
 */
import { readSheets } from '../../src/domain/read/workbook-reader';
import { detectLayout } from '../../src/domain/detect/layout';
import { grassrootsSheet, initiativeSheet, officialSheet, upperSheet } from '../helpers/province';

const mapped = (layout: { mapping: Record<string, { column: number }> }) => Object.fromEntries(Object.entries(layout.mapping).map(([k, v]) => [k, v.column]));

describe('two-row merged header under title rows', () => {
  const sheet = upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: '45', grassroots: 85, members: '2.350', bloc: 'Khối LĐLĐ huyện, thành phố' }]);

  test('finds both header rows and the data start, and maps the merged group "Kết quả" to its sub-columns', () => {
    const r = detectLayout(sheet.name, sheet.rows, sheet.merges);
    if (!r.ok) throw new Error(r.reason);
    expect(r.layout.role).toBe('units');
    expect(r.layout.headerRows).toEqual([4, 5]);
    expect(r.layout.dataStartRow).toBe(6);
    expect(mapped(r.layout)).toMatchObject({ name: 1, plan: 2, count: 3, pct: 4, grassroots: 5, members: 6 });
  });

  test('without merge information the group label still spreads over the blank cell to its right', () => {
    const r = detectLayout(sheet.name, sheet.rows, []);
    if (!r.ok) throw new Error(r.reason);
    expect(mapped(r.layout)).toMatchObject({ count: 3, pct: 4 });
  });

  test('section rows give the bloc, the totals row is not a unit, text numbers are read', () => {
    const { model } = readSheets([sheet]);
    const upper = model.units.filter((u) => u.level === 'upper');
    expect(upper).toHaveLength(1);
    expect(upper[0]).toMatchObject({ name: 'LĐLĐ huyện Tam Đường', bloc: 'Khối LĐLĐ huyện, thành phố', plan: 30, count: 45, members: 2350, grassroots: 85 });
  });

  test('the province, which has no row, is made from the totals row (or the sum) and named after the title', () => {
    const { model } = readSheets([sheet]);
    const province = model.units.find((u) => u.level === 'province')!;
    // The totals row of this sheet is empty: the sum of its unions, said so in an issue.
    expect(province).toMatchObject({ name: 'LĐLĐ tỉnh Lai Châu', plan: 30, count: 45, derived: 'sum', source: { sheet: 'TH chỉ tiêu', row: 8 } });
    expect(model.units[0]!.parentId).toBe(province.id);
    expect(model.issues.find((i) => i.code === 'province_derived')!.message.vi).toContain('cộng từ 1 CĐ cấp trên');
    const withTotals = { ...sheet, rows: sheet.rows.map((r) => (r[1] === 'Tổng cộng' ? [null, 'Tổng cộng', 400, 500] : r)) };
    const p2 = readSheets([withTotals]).model.units.find((u) => u.level === 'province')!;
    expect(p2).toMatchObject({ plan: 400, count: 500, derived: 'totals_row' });
  });
});

describe('one flat units sheet with a parent column, English headers, no title rows', () => {
  const rows = [
    ['No.', 'Unit name', 'Parent unit', 'Level', 'Plan target', 'Initiatives', 'Members'],
    [1, 'LĐLĐ tỉnh Lai Châu', null, 'Tỉnh', 300, 420, 30000],
    [2, 'LĐLĐ huyện Tam Đường', 'LĐLĐ tỉnh Lai Châu', null, 30, 45, 2400],
    [3, 'CĐCS UBND huyện Tam Đường', 'LĐLĐ huyện Tam Đường', null, 5, 9, 40],
    [4, 'Trường THCS Bản Bo', 'LĐLĐ huyện Tam Đường', null, 10, 16, 30],
  ];

  test('levels follow the hierarchy when no column says them', () => {
    const { model, layouts } = readSheets([{ name: 'Units', rows }]);
    expect(layouts[0]!.headerRows).toEqual([1]);
    const level = Object.fromEntries(model.units.map((u) => [u.name, u.level]));
    expect(level).toEqual({ 'LĐLĐ tỉnh Lai Châu': 'province', 'LĐLĐ huyện Tam Đường': 'upper', 'CĐCS UBND huyện Tam Đường': 'grassroots', 'Trường THCS Bản Bo': 'grassroots' });
    const byName = new Map(model.units.map((u) => [u.name, u]));
    expect(byName.get('Trường THCS Bản Bo')!.parentId).toBe(byName.get('LĐLĐ huyện Tam Đường')!.id);
  });
});

describe('one sheet per level, parents named by name in another case, spacing and NFD', () => {
  test('grassroots rows find their upper-level union', () => {
    const { model, layouts } = readSheets([
      upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: 45 }]),
      grassrootsSheet([{ name: 'CĐCS UBND huyện Tam Đường', parent: '  lđlđ HUYỆN   tam đường '.normalize('NFD'), plan: 5, count: 9 }]),
    ]);
    expect(layouts.map((l) => [l.sheet, l.role, l.levelHint])).toEqual([['TH chỉ tiêu', 'units', 'upper'], ['CĐCS', 'units', 'grassroots']]);
    const g = model.units.find((u) => u.level === 'grassroots')!;
    expect(model.units[g.parentId!]!.name).toBe('LĐLĐ huyện Tam Đường');
    expect(model.issues.filter((i) => i.code === 'unknown_parent')).toEqual([]);
  });

  test('a parent written as "Liên đoàn Lao động" matches the unit written "LĐLĐ"', () => {
    const { model } = readSheets([
      upperSheet([{ name: 'LĐLĐ huyện Phong Thổ', plan: 30, count: 45 }]),
      grassrootsSheet([{ name: 'CĐCS Trường Mầm non Mường So', parent: 'Liên đoàn Lao động huyện Phong Thổ', plan: 5, count: 9 }]),
    ]);
    expect(model.units[1]!.parentId).toBe(0);
  });
});

describe('a column-number row "(1) (2) (3)" under the header is not data', () => {
  test('data starts below it', () => {
    const rows = [['DANH SÁCH CÁN BỘ'], ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò'], ['(1)', '(2)', '(3)', '(4)', '(5)'], [1, 'Nguyễn Văn Cường', 'Phó Chủ tịch', 'LĐLĐ tỉnh', 'Thường trực']];
    const { model, layouts } = readSheets([{ name: 'Cán bộ', rows }]);
    expect(layouts[0]!.dataStartRow).toBe(4);
    expect(model.officials.map((o) => o.name)).toEqual(['Nguyễn Văn Cường']);
  });
});

describe('roles', () => {
  test('initiatives and officials sheets are told apart from unit sheets', () => {
    const { layouts } = readSheets([
      initiativeSheet([{ title: 'SK1', authors: 'A', unit: 'X', benefit: 1 }]),
      officialSheet([{ name: 'B', position: 'Chủ tịch', unit: 'X', role: 'Thường trực' }]),
    ]);
    expect(layouts.map((l) => l.role)).toEqual(['initiatives', 'officials']);
  });

  test('a sheet of notes is skipped with its reason', () => {
    const { skipped } = readSheets([{ name: 'Ghi chú', rows: [['Ghi chú: số liệu tạm tính'], ['Người lập: Lê Thị C']] }, { name: 'Trống', rows: [] }]);
    expect(skipped.map((s) => [s.sheet, s.reason])).toEqual([['Ghi chú', 'no_header'], ['Trống', 'empty']]);
  });
});

describe('broken cells become issues with sheet, row, column and the raw text', () => {
  test('text in a number column, unknown parent, duplicate name, negative plan', () => {
    const { model } = readSheets([
      upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 'ba mươi', count: 45 }, { name: 'LĐLĐ huyện Sìn Hồ', plan: -5, count: 10 }]),
      grassrootsSheet([
        { name: 'CĐCS A', parent: 'LĐLĐ huyện Không Có', plan: 5, count: 9 },
        { name: 'CĐCS A', parent: 'LĐLĐ huyện Tam Đường', plan: 5, count: 'khoảng 9' },
      ]),
    ]);
    const issues = model.issues.map((i) => [i.code, i.sheet, i.row, i.column ?? null, i.raw ?? null]);
    expect(issues).toEqual(expect.arrayContaining([
      ['unreadable_integer', 'TH chỉ tiêu', 6, 'C', 'ba mươi'],
      ['invalid_plan', 'TH chỉ tiêu', 7, 'C', '-5'],
      ['unknown_parent', 'CĐCS', 4, null, null],
      ['duplicate_unit', 'CĐCS', 5, null, null],
      ['unreadable_integer', 'CĐCS', 5, 'E', 'khoảng 9'],
    ]));
    expect(model.units.find((u) => u.name === 'LĐLĐ huyện Tam Đường')!.plan).toBeNull();
  });

  test('a parent cycle and a self-parent are cut and reported', () => {
    const rows = [
      ['Tên đơn vị', 'Đơn vị cấp trên', 'Chỉ tiêu', 'Số SK'],
      ['LĐLĐ huyện A', 'LĐLĐ huyện B', 10, 10],
      ['LĐLĐ huyện B', 'LĐLĐ huyện A', 10, 10],
      ['LĐLĐ huyện C', 'LĐLĐ huyện C', 10, 10],
    ];
    const { model } = readSheets([{ name: 'Đơn vị', rows }]);
    expect(model.issues.map((i) => i.code).sort()).toEqual(['parent_cycle', 'self_parent']);
  });
});
