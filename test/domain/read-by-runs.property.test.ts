/**
 * An initiatives chunk with no merged cell over its data is read by runs (each run of numbered,
 * named rows parsed column by column); one with such a cell, row by row. Both must read the same
 * sheet the same way: sections, totals, blank rows, repeated headers, closing blocks, unreadable
 * cells and their issues, nothing after a closing block. A unit cell merged over two rows reads as written in both, so the same
 * rows with and without that merge are read by the two paths and must give the same model.
 */
import fc from 'fast-check';
import type { CellValue, MergedArea } from '../../src/domain/cells';
import type { Initiative } from '../../src/domain/model';
import { readSheets } from '../../src/domain/read/workbook-reader';
import { grassrootsSheet, initiativeSheet, upperSheet } from '../helpers/province';

const uppers = upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: 35, grassroots: 2, members: 900, bloc: 'Khối huyện' }]);
const grass = grassrootsSheet([
  { name: 'CĐCS Trường THCS Bình Lư', parent: 'LĐLĐ huyện Tam Đường', plan: 3, count: null },
  { name: 'CĐCS Bệnh viện huyện', parent: 'LĐLĐ huyện Tam Đường', plan: 2, count: null },
]);
const header = initiativeSheet([]).rows;
const UNIT_COLUMN = 3; // 0-based: STT, title, authors, unit, …
const width = header[1]!.length;

const unit = fc.constantFrom('CĐCS Trường THCS Bình Lư', 'CĐCS Bệnh viện huyện', 'CĐCS không có', '');
const dataRow = fc
  .record({
    stt: fc.oneof(fc.nat({ max: 999 }), fc.constantFrom('12', ' 7 ')),
    title: fc.constantFrom('Phần mềm quản lý thiết bị', 'Quy trình tiếp đón người bệnh', 'Sổ tay điện tử'),
    authors: fc.constantFrom('Lò Văn Minh', 'Tòng Thị Hoa, Vàng A Sử', 'Giàng Thị Mai\nĐèo Văn Long', ''),
    unit,
    field: fc.constantFrom('Giáo dục', 'Y tế', ''),
    benefit: fc.constantFrom<CellValue>(null, 85_000_000, '120.000.000', 'đang tính', '-5.000.000', '1,5 tỷ'),
    social: fc.constantFrom<CellValue>(null, 'x', 'Có giá trị nhân văn', 'hmm'),
    posted: fc.constantFrom<CellValue>('x', 'Không', '✓', null, 'có lẽ'),
    registered: fc.constantFrom<CellValue>(44_867, '16/7/2022', '31/02/2023', null, 'tháng 5'),
    doc: fc.constantFrom<CellValue>('125/QĐ-LĐLĐ ngày 12/6/2023', '', 'x', 'QĐ số 9 ngày 40/1/2023'),
    cert: fc.constantFrom<CellValue>('x', null, 'Đã xác nhận', '??'),
  })
  .map((r): CellValue[] => [r.stt, r.title, r.authors, r.unit, r.field, r.benefit, r.social, r.posted, r.registered, r.doc, r.cert]);
const otherRow = fc.constantFrom<CellValue[]>(
  ['I.', 'Khối giáo dục'], // a section
  ['', 'CĐCS Bệnh viện huyện'], // a lone unit heading
  [], // blank
  ['', 'Tổng cộng', '', '', '', 205_000_000], // totals
  header[1]!, // the header again (a page break)
  ['', '', 'Lò Văn Minh', '', '', 5_000_000], // data without a name
  ['', 'Sáng kiến không số thứ tự', 'Lò Văn Minh', 'CĐCS Bệnh viện huyện'], // named, not numbered
);
const closing = fc.constantFrom<CellValue[]>(['', 'Người lập biểu'], ['', 'Lai Châu, ngày 5 tháng 9 năm 2023']);
const body = fc.array(fc.oneof({ arbitrary: dataRow, weight: 8 }, { arbitrary: otherRow, weight: 3 }, { arbitrary: closing, weight: 1 }), { maxLength: 30 });

const padded = (r: CellValue[]) => Array.from({ length: width }, (_, i) => r[i] ?? null);

/** The rows, and the same rows with two data rows whose unit cell is merged over both (the second left empty, as Excel keeps it). */
function sheets(rows: CellValue[][], unitName: string) {
  const pair = [1, 2].map((n) => padded([900 + n, `Sáng kiến ghép ${n}`, 'Lò Văn Minh', unitName, 'Y tế', 60_000_000]));
  const plain = [...header, ...pair, ...rows.map(padded)];
  const merged = plain.map((r) => [...r]);
  merged[header.length + 1]![UNIT_COLUMN] = null;
  const top = header.length + 1; // 1-based Excel row of the first of the pair
  const merges: MergedArea[] = [{ top, bottom: top + 1, left: UNIT_COLUMN + 1, right: UNIT_COLUMN + 1 }];
  return { plain, merged, merges };
}

const seen = (i: Initiative) => ({
  id: i.id, source: i.source, code: i.code, title: i.title, authors: i.authors, unitName: i.unitName, unitId: i.unitId, field: i.field,
  benefit: i.benefit, social: i.social, posted: i.posted, registeredOn: i.registeredOn, recognitionDoc: i.recognitionDoc,
  rewardDecision: i.rewardDecision, benefitCertification: i.benefitCertification, docDates: i.docDates, unreadable: i.unreadable,
});

function read(rows: CellValue[][], merges: MergedArea[] = []) {
  const { model } = readSheets([uppers, grass, { name: 'DS sáng kiến', rows, merges }]);
  return { initiatives: model.initiatives.map(seen), issues: model.issues };
}

test('a sheet reads the same by runs (no merge over its data) as row by row (a merge over its data)', () => {
  fc.assert(
    fc.property(body, unit.filter((u) => u !== ''), (rows, unitName) => {
      const { plain, merged, merges } = sheets(rows, unitName);
      const byRuns = read(plain);
      const byRows = read(merged, merges);
      expect(byRuns).toEqual(byRows);
      expect(byRuns.initiatives.length).toBeGreaterThanOrEqual(2);
    }),
    { numRuns: 300 },
  );
});
