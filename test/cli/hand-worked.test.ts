/**
 * A provincial workbook in a style the sample does not use — one flat units sheet with codes, a
 * level column and parents by code; an initiatives sheet whose benefit header states "triệu đồng" —
 * run through the command, with every expected verdict and nomination worked out by hand from
 * guidance 82/HD-LĐLĐ (reasoning in the comments).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'binhxet-hand-'));
const input = join(dir, 'dien-bien.xlsx');
const reportPath = join(dir, 'report.json');

type Report = {
  units: { name: string; level: string; parent: string | null; pct: number | null; verdicts: Record<string, { result: string; reason: string }> }[];
  people: { name: string; unit: string | null; verdicts: Record<string, { result: string; reason: string }> }[];
  nominations: { award: string; group: string; quota: number | null; selected: string[]; reserve: string[] }[];
  issues: { code: string; subject: string | null }[];
};
let report: Report;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('Đơn vị');
  units.addRow(['TT', 'Mã ĐV', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Khối thi đua', 'Chỉ tiêu kế hoạch', 'Số sáng kiến', 'Tổng số đoàn viên', 'Số CĐCS trực thuộc', 'Quy chế khen thưởng SK', 'Đã khen thưởng tác giả', 'Loại hình DN']);
  [
    [1, 'T', 'LĐLĐ tỉnh Điện Biên', 'Tỉnh', null, null, 400, 520, 30000, 250],
    [2, 'H1', 'LĐLĐ huyện Mường Ảng', 'Huyện', 'T', 'Khối huyện', 40, 66, '2.100', 82],
    [3, 'H2', 'LĐLĐ huyện Tủa Chùa', 'Huyện', 'T', 'Khối huyện', 30, 45, '1.900', 55],
    [4, 'H3', 'Công đoàn ngành Y tế', 'Ngành', 'T', 'Khối ngành', 20, 19, 1500, 30],
    [5, 'C1', 'CĐCS Trường THCS Ẳng Nưa', 'Cơ sở', 'H1', null, 10, 16, 40, null, 'x', 'x'],
    [6, 'C2', 'CĐCS Công ty Cà phê Mường Ảng', 'Cơ sở', 'H1', null, 10, 15, 120, null, 'x', 'Chưa', 'Ngoài nhà nước'],
    [7, 'C3', 'CĐCS UBND huyện Mường Ảng', 'Cơ sở', 'H1', null, 5, 9, 35],
    [8, 'C4', 'CĐCS Bệnh viện huyện Tủa Chùa', 'Cơ sở', 'H2', null, 8, 20, 80, null, 'x', 'x'],
    [9, 'C5', 'CĐCS Trường Mầm non Tủa Chùa', 'Cơ sở', 'H2', null, 6, 6, 20],
    [10, 'C6', 'CĐCS Bệnh viện tỉnh', 'Cơ sở', 'H3', null, 10, 25, 300, null, 'x', 'x'],
  ].forEach((r) => units.addRow(r));
  const list = wb.addWorksheet('Sáng kiến');
  list.addRow(['Danh sách giải pháp, sáng kiến năm 2023']);
  list.addRow(['TT', 'Tên giải pháp', 'Họ tên tác giả', 'Đơn vị công tác', 'Lĩnh vực', 'Làm lợi (triệu đồng)', 'Đã đăng tải', 'QĐ công nhận', 'Xác nhận giá trị làm lợi', 'Ngày đăng ký']);
  [
    [1, 'Cải tiến lò sấy cà phê', 'Lò Văn Páo; Quàng Thị Xuân', 'CĐCS Công ty Cà phê Mường Ảng', 'Sản xuất', 120, 'x', '12/QĐ-CĐ ngày 5/3/2023', 'x', '10/3/2023'],
    [2, 'Máy tách vỏ cà phê', 'Lò Văn Páo', 'CĐCS Công ty Cà phê Mường Ảng', 'Sản xuất', '60', 'x', '13/QĐ-CĐ ngày 5/3/2023', 'x', '12/3/2023'],
    [3, 'Phần mềm quản lý bệnh án', 'Cà Văn Thành', 'CĐCS Bệnh viện huyện Tủa Chùa', 'Y tế', 55, 'x', '20/QĐ ngày 1/6/2023', null, '2/6/2023'],
    [4, 'Quy trình tiếp đón người bệnh', 'Cà Văn Thành', 'CĐCS Bệnh viện huyện Tủa Chùa', 'Y tế', null, 'x', '21/QĐ ngày 1/6/2023', null, '2/6/2023'],
    [5, 'Giáo án điện tử môn Toán', 'Lường Thị Hoa', 'CĐCS Trường THCS Ẳng Nưa', 'Giáo dục', '0,5', 'x', '30/QĐ ngày 1/4/2023', 'x', '1/4/2023'],
    [6, 'Đèn pha tiết kiệm điện', 'Vừ A Dính', 'CĐCS Bệnh viện tỉnh', 'Y tế', '2.500', 'x', '40/QĐ ngày 1/7/2023', 'x', '5/9/2023'],
  ].forEach((r) => list.addRow(r));
  await wb.xlsx.writeFile(input);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const code = await main(['run', input, '--report', reportPath]);
  log.mockRestore();
  err.mockRestore();
  expect(code).toBe(0);
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
}, 60_000);

const unit = (name: string) => report.units.find((u) => u.name === name)!;
const person = (name: string) => report.people.find((p) => p.name === name)!;
const nomination = (award: string, group: string) => report.nominations.find((n) => n.award === award && n.group === group)!;
const results = (name: string) => Object.fromEntries(Object.entries(unit(name).verdicts).map(([k, v]) => [k, v.result]));

test('structure: levels from the level column, parents by code, the province above the districts', () => {
  expect(unit('LĐLĐ tỉnh Điện Biên').level).toBe('province');
  expect(unit('LĐLĐ huyện Mường Ảng')).toMatchObject({ level: 'upper', parent: 'LĐLĐ tỉnh Điện Biên', pct: 165 });
  expect(unit('CĐCS Bệnh viện tỉnh')).toMatchObject({ level: 'grassroots', parent: 'Công đoàn ngành Y tế', pct: 250 });
});

test('upper-level unions 2.1.1: 66/40 = 165% > 150% (a); 45/30 = 150% is not above (a) but is below Mường Ảng in its bloc (d)', () => {
  // Mường Ảng: b also met — ≥ 100%, three counted initiatives with benefit (120 tr, 60 tr, 0,5 tr), one ≥ 100 tr.
  expect(results('LĐLĐ huyện Mường Ảng')).toEqual({ '2.1.1a': 'met', '2.1.1b': 'met', '2.1.1c': 'not_met', '2.1.1d': 'met', '2.1.1': 'met' });
  // Tủa Chùa: one initiative with benefit only (55 tr) → b not met; 150% < 165% in "Khối huyện" → d not met.
  expect(results('LĐLĐ huyện Tủa Chùa')).toEqual({ '2.1.1a': 'not_met', '2.1.1b': 'not_met', '2.1.1c': 'not_met', '2.1.1d': 'not_met', '2.1.1': 'not_met' });
  // Y tế: 19/20 = 95%, alone in "Khối ngành" but not over target.
  expect(results('Công đoàn ngành Y tế')['2.1.1d']).toBe('not_met');
});

test('grassroots 2.1.2 and its quotas: 3 slots (82 grassroots), 2 slots (55), 0 (95% < 150%)', () => {
  expect(results('CĐCS Trường THCS Ẳng Nưa')).toMatchObject({ '2.1.2a': 'met', '2.1.2b': 'not_met', '2.1.2c': 'met', '2.1.2': 'met' });
  // 15/10 is exactly 150%: not above; two benefits 120 tr + 60 tr ≥ 50 tr → b; rewarded "Chưa" → c not met.
  expect(results('CĐCS Công ty Cà phê Mường Ảng')).toMatchObject({ '2.1.2a': 'not_met', '2.1.2b': 'met', '2.1.2c': 'not_met', '2.1.2': 'met' });
  expect(results('CĐCS Trường Mầm non Tủa Chùa')['2.1.2']).toBe('not_met');
  // Ẳng Nưa meets two sub-criteria; UBND (180%) and Cà phê (150%) one each → ratio decides.
  expect(nomination('2.1.2', 'LĐLĐ huyện Mường Ảng')).toMatchObject({ quota: 3, selected: ['CĐCS Trường THCS Ẳng Nưa', 'CĐCS UBND huyện Mường Ảng', 'CĐCS Công ty Cà phê Mường Ảng'], reserve: [] });
  expect(nomination('2.1.2', 'LĐLĐ huyện Tủa Chùa')).toMatchObject({ quota: 2, selected: ['CĐCS Bệnh viện huyện Tủa Chùa'] });
  expect(nomination('2.1.2', 'Công đoàn ngành Y tế')).toMatchObject({ quota: 0, selected: [], reserve: ['CĐCS Bệnh viện tỉnh'] });
});

test('individuals: "(triệu đồng)" scales bare numbers; evidence and the cutoff decide 2.2.1 and 2.2.2', () => {
  // Lò Văn Páo: two counted initiatives, one of 120,000,000 with posting, recognition (5/3/2023) and certification.
  expect(person('Lò Văn Páo').verdicts['2.2.2']!.result).toBe('met');
  expect(person('Lò Văn Páo').verdicts['2.2.2']!.reason).toContain('120.000.000 đ');
  // Cà Văn Thành: 55 tr but no benefit certification → not evidenced.
  expect(person('Cà Văn Thành').verdicts['2.2.2']!.result).toBe('not_met');
  // Vừ A Dính: 2.500 tr = 2,5 tỷ registered 5/9/2023, after the cutoff → not counted, so not the highest.
  expect(person('Vừ A Dính').verdicts['2.2.1']!.result).toBe('not_met');
  expect(report.issues).toContainEqual(expect.objectContaining({ code: 'registered_after_cutoff', subject: 'Đèn pha tiết kiệm điện' }));
  expect(report.issues).toContainEqual(expect.objectContaining({ code: 'missing_benefit_certification', subject: 'Phần mềm quản lý bệnh án' }));
  // The highest evidenced benefit (120 tr) has two co-authors: both listed, the officer decides.
  expect(nomination('2.2.1', '*').selected).toEqual(['Lò Văn Páo', 'Quàng Thị Xuân']);
  // 2.2.2 quotas: 2,100 members at 165% → 5; 1,900 at 150% → 3; Y tế below 150% → 0.
  expect(nomination('2.2.2', 'LĐLĐ huyện Mường Ảng')).toMatchObject({ quota: 5, selected: ['Lò Văn Páo'] });
  expect(nomination('2.2.2', 'LĐLĐ huyện Tủa Chùa')).toMatchObject({ quota: 3, selected: [] });
  expect(nomination('2.2.2', 'Công đoàn ngành Y tế').quota).toBe(0);
});

test('the province proposes upward: 520/400 = 130%', () => {
  // A lone province has no portal rank and no local one: 1.1.1a unknown; 130% is not above 150%.
  expect(results('LĐLĐ tỉnh Điện Biên')).toEqual({ '1.1.1a': 'unknown', '1.1.1b': 'not_met', '1.1.1c': 'not_met', '1.1.1': 'unknown' });
  // 1.1.2: above 200% with a reward clause and rewarded authors: both hospitals (250%); equal ratio, more benefit first.
  expect(nomination('1.1.2', 'LĐLĐ tỉnh Điện Biên')).toMatchObject({ quota: 1, selected: ['CĐCS Bệnh viện huyện Tủa Chùa'], reserve: ['CĐCS Bệnh viện tỉnh'] });
  // 1.1.3 needs the province at ≥ 200%: no slot. 1.2.3: one slot at ≥ 100%, but nobody has an evidenced 1-billion initiative.
  expect(nomination('1.1.3', 'LĐLĐ tỉnh Điện Biên').quota).toBe(0);
  expect(nomination('1.2.3', 'LĐLĐ tỉnh Điện Biên')).toMatchObject({ quota: 1, selected: [] });
});
