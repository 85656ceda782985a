/**
 * The review sheet's evidence-flag rows are made straight from the flags (half a million at a
 * million initiatives): each must read exactly as the flag's own `Issue` says — subject, unit,
 * place, message in the sheet's language, code, key — with a decision written on an earlier run
 * carried onto its row.
 */
import { buildReviewSheet, subjectKeyOf, type ReviewRow } from '../../src/domain/sheets/review';
import { blockRows } from '../../src/domain/sheets/model';
import { grassrootsSheet, initiativeSheet, runSheets, upperSheet } from '../helpers/province';

const UNIT = 'CĐCS Trường THCS Bình Lư';
const run = runSheets([
  upperSheet([{ name: 'LĐLĐ huyện Tam Đường', plan: 30, count: 35, grassroots: 2, members: 900 }]),
  grassrootsSheet([{ name: UNIT, parent: 'LĐLĐ huyện Tam Đường', plan: 3, count: null }]),
  initiativeSheet([
    { title: 'Máy sấy chè', authors: 'Lò Văn Minh', unit: UNIT, posted: 'Không', doc: '', cert: null, benefit: '60 triệu' },
    { title: 'Sổ tay điện tử', authors: 'Tòng Thị Hoa', unit: UNIT, doc: '125/QĐ-LĐLĐ ngày 12/6/2020' },
    { title: 'Bếp đun cải tiến', authors: 'Vàng A Sử', unit: 'CĐCS không có', posted: null },
  ]),
]);

describe.each(['vi', 'en'] as const)('evidence flag rows (%s)', (lang) => {
  const flags = run.out.flags;
  const cellsOf = (previous: ReviewRow[]) => [...blockRows(buildReviewSheet(run.out, previous, lang).blocks[0]!)].map((r) => r.cells);

  test('read as each flag says', () => {
    expect(flags.length).toBeGreaterThan(3);
    const cells = cellsOf([]);
    for (let n = 0; n < flags.length; n++) {
      const f = flags.at(n);
      const where = { sheet: f.sheet!, row: f.row! };
      const c = cells[n]!;
      expect(c[0]).toBe(n + 1);
      expect(c.slice(2, 4)).toEqual([f.subject, f.unit]);
      expect(c[4]).toEqual({ text: `${f.sheet}!${f.row}`, sheet: f.sheet, row: f.row });
      expect(c.slice(5, 7)).toEqual([f.message[lang], f.code]);
      expect(c.slice(8, 13)).toEqual([null, null, null, null, null]);
      expect(c[13]).toBe(subjectKeyOf('initiative', f.subject!, f.unit ?? null, where));
    }
  });

  test("carry a decision written on an earlier run's row", () => {
    const f = flags.at(1);
    const key = subjectKeyOf('initiative', f.subject!, f.unit ?? null, { sheet: f.sheet!, row: f.row! });
    const earlier: ReviewRow = { key, kind: 'initiative', where: { sheet: f.sheet!, row: f.row! }, subject: f.subject!, unit: f.unit ?? null, issue: 'cũ', code: f.code, source: 'auto', award: '2.2.2', decision: 'keep', who: 'Lan', when: '2023-09-05', note: 'đã bổ sung' };
    const c = cellsOf([earlier])[1]!;
    expect(c.slice(8, 13)).toEqual(['2.2.2', lang === 'vi' ? 'Giữ' : 'Keep', 'Lan', '2023-09-05', 'đã bổ sung']);
    expect(c[5]).toBe(f.message[lang]); // this run's wording, not the old one
  });
});
