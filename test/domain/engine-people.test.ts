/**
 * Individuals (criteria.md "Individuals"): every listed co-author is credited (or only the first,
 * by parameter); one person = normalised full name + grassroots union. Officials (2.2.3).
 */
import { grassrootsSheet, initiativeSheet, officialSheet, runSheets, upperSheet, type InitiativeSpec } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const PHONG_THO = 'LĐLĐ huyện Phong Thổ';
const BAN_BO = 'CĐCS Trường PTDTBT THCS Bản Bo';
const BAN_GIANG = 'CĐCS UBND xã Bản Giang';

const units = [
  upperSheet([
    { name: TAM_DUONG, plan: 10, count: 15, grassroots: 40, members: 1500 },
    { name: PHONG_THO, plan: 10, count: 14, grassroots: 40, members: 1500 },
  ]),
  grassrootsSheet([
    { name: BAN_BO, parent: TAM_DUONG, plan: 5, count: 5 },
    { name: BAN_GIANG, parent: TAM_DUONG, plan: 5, count: 5 },
  ]),
];

const authorNames = (run: ReturnType<typeof runSheets>) => run.vi.people.filter((p) => p.kind === 'author').map((p) => `${p.name} @ ${p.unit}`).sort();

describe('co-authors', () => {
  const list: InitiativeSpec[] = [
    { title: 'Phần mềm quản lý thư viện', authors: 'Nguyễn Văn An, Trần Thị Bình; Lê Văn Cường\nPhạm Thị Dung', unit: BAN_BO, benefit: '70 triệu' },
    { title: 'Bảng tương tác', authors: 'Trần Thị Bình', unit: BAN_BO },
  ];

  it('an author cell split on "," ";" and a line break credits all four, each with the initiative\'s row', () => {
    const run = runSheets([...units, initiativeSheet(list)]);
    expect(authorNames(run)).toEqual([`Lê Văn Cường @ ${BAN_BO}`, `Nguyễn Văn An @ ${BAN_BO}`, `Phạm Thị Dung @ ${BAN_BO}`, `Trần Thị Bình @ ${BAN_BO}`]);
    expect(run.person('Phạm Thị Dung').rows).toEqual([{ sheet: 'DS sáng kiến', row: 3 }]);
    // Bình: two counted initiatives, one evidenced 70 million → 2.2.2 met; the others have one.
    expect(run.person('Trần Thị Bình').verdicts['2.2.2']!.result).toBe('met');
    expect(run.person('Lê Văn Cường').verdicts['2.2.2']!.result).toBe('not_met');
    // The co-authors of the top initiative all meet 2.2.1.
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']) expect(run.person(name).verdicts['2.2.1']!.result).toBe('met');
  });

  it("each person's initiatives are theirs alone, in list order, and a name written twice on one initiative is credited once", () => {
    const run = runSheets([
      ...units,
      initiativeSheet([
        { title: 'Máy sấy chè', authors: 'Nguyễn Văn An, Trần Thị Bình', unit: BAN_BO },
        { title: 'Bếp đun cải tiến', authors: 'Trần Thị Bình; Trần Thị Bình', unit: BAN_BO },
        { title: 'Sổ tay điện tử', authors: 'Lê Văn Cường', unit: BAN_BO },
        { title: 'Bảng tương tác', authors: 'Lê Văn Cường, Nguyễn Văn An', unit: BAN_BO },
        { title: 'Phần mềm thư viện', authors: 'Trần Thị Bình', unit: BAN_GIANG },
      ]),
    ]);
    const rows = (name: string, unit = BAN_BO) => run.vi.people.find((p) => p.name === name && p.unit === unit)!.rows.map((r) => r.row);
    expect(rows('Nguyễn Văn An')).toEqual([3, 6]);
    expect(rows('Trần Thị Bình')).toEqual([3, 4]);
    expect(rows('Lê Văn Cường')).toEqual([5, 6]);
    expect(rows('Trần Thị Bình', BAN_GIANG)).toEqual([7]); // same name, another union: another person
  });

  it('firstAuthorOnly credits only the first written author', () => {
    const run = runSheets([...units, initiativeSheet(list)], { params: { firstAuthorOnly: true } });
    expect(authorNames(run)).toEqual([`Nguyễn Văn An @ ${BAN_BO}`, `Trần Thị Bình @ ${BAN_BO}`]);
    expect(run.person('Trần Thị Bình').verdicts['2.2.2']!.reason).toContain('1 sáng kiến được tính');
  });
});

describe('the highest benefit (2.2.1) with an unreadable benefit cell', () => {
  it('the author of the unreadable cell is unknown, the top author unknown too, a lower one not met', () => {
    const run = runSheets([
      ...units,
      initiativeSheet([
        { title: 'Máy sấy chè', authors: 'Nguyễn Văn An', unit: BAN_BO, benefit: '70 triệu' },
        { title: 'Bếp đun cải tiến', authors: 'Hoàng Văn Em', unit: BAN_GIANG, benefit: 'khoảng bảy chục' },
        { title: 'Sổ tay điện tử', authors: 'Đỗ Thị Giang', unit: BAN_GIANG, benefit: '10 triệu' },
      ]),
    ]);
    const em = run.person('Hoàng Văn Em').verdicts['2.2.1']!;
    expect(em.result).toBe('unknown');
    expect(em.reason).toContain('có sáng kiến chưa đọc được giá trị làm lợi');
    expect(run.person('Nguyễn Văn An').verdicts['2.2.1']!.result).toBe('unknown');
    expect(run.person('Đỗ Thị Giang').verdicts['2.2.1']!.result).toBe('not_met');
  });
});

describe('who is the same person', () => {
  it('NFC vs NFD, upper vs lower case and extra spaces in the same grassroots union: one person with 2 initiatives', () => {
    const run = runSheets([
      ...units,
      initiativeSheet([
        { title: 'Vườn rau sạch', authors: 'Nguyễn Thị Hoà', unit: BAN_BO, benefit: 55_000_000 },
        { title: 'Tủ thuốc nam', authors: '  NGUYỄN   THỊ\u00a0HOÀ '.normalize('NFD'), unit: BAN_BO },
      ]),
    ]);
    const people = run.vi.people.filter((p) => p.kind === 'author');
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('Nguyễn Thị Hoà');
    expect(people[0]!.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(people[0]!.verdicts['2.2.2']!.result).toBe('met');
  });

  it('the same name in two grassroots unions is two people, each with one initiative (not "many")', () => {
    const run = runSheets([
      ...units,
      initiativeSheet([
        { title: 'Vườn rau sạch', authors: 'Nguyễn Thị Hoà', unit: BAN_BO, benefit: 55_000_000 },
        { title: 'Tủ thuốc nam', authors: 'Nguyễn Thị Hoà', unit: BAN_GIANG, benefit: 55_000_000 },
      ]),
    ]);
    expect(authorNames(run)).toEqual([`Nguyễn Thị Hoà @ ${BAN_BO}`, `Nguyễn Thị Hoà @ ${BAN_GIANG}`]);
    expect(run.person('Nguyễn Thị Hoà', BAN_BO).verdicts['2.2.2']!.result).toBe('not_met');
    expect(run.person('Nguyễn Thị Hoà', BAN_GIANG).verdicts['2.2.2']!.result).toBe('not_met');
  });

  it('2.2.2 candidates are grouped under the upper-level union of their grassroots union', () => {
    const run = runSheets([
      ...units,
      initiativeSheet([
        { title: 'Vườn rau sạch', authors: 'Nguyễn Thị Hoà', unit: BAN_BO, benefit: 55_000_000 },
        { title: 'Tủ thuốc nam', authors: 'Nguyễn Thị Hoà', unit: BAN_BO },
      ]),
    ]);
    expect(run.nomination('2.2.2', TAM_DUONG)).toMatchObject({ quota: 3, selected: ['Nguyễn Thị Hoà'] });
    expect(run.nomination('2.2.2', PHONG_THO)).toMatchObject({ quota: 0, selected: [] });
  });
});

describe('2.2.3: full-time union officials', () => {
  const run = runSheets([
    ...units,
    officialSheet([
      { name: 'Lê Thị Thường', position: 'Phó Chủ tịch', unit: 'LĐLĐ tỉnh Lai Châu', role: 'Thường trực LĐLĐ tỉnh' },
      { name: 'Đỗ Văn Ban', position: 'Trưởng ban', unit: 'LĐLĐ tỉnh Lai Châu', role: 'Ban Tuyên giáo' },
      { name: 'Hà Văn Đạt', position: 'Chuyên viên', unit: TAM_DUONG, role: 'Cán bộ chuyên trách' }, // 15/10 = 150%
      { name: 'Bạc Thị Chưa', position: 'Chuyên viên', unit: PHONG_THO, role: 'Cán bộ chuyên trách' }, // 14/10 = 140%
    ]),
  ]);

  it('the provincial standing officer and the programme department meet it by role', () => {
    expect(run.person('Lê Thị Thường').verdicts['2.2.3']!.result).toBe('met');
    expect(run.person('Đỗ Văn Ban').verdicts['2.2.3']!.result).toBe('met');
  });

  it('a full-time official of an upper-level union at exactly 150% ("150% trở lên") meets it, with the numbers', () => {
    const v = run.person('Hà Văn Đạt', undefined, 'en').verdicts['2.2.3']!;
    expect(v.result).toBe('met');
    expect(v.reason).toContain(`${TAM_DUONG}: 150% of plan (15/10) ≥ 150%`);
  });

  it('one of a union at 140% does not', () => {
    const v = run.person('Bạc Thị Chưa').verdicts['2.2.3']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('140% kế hoạch (14/10)');
  });

  it('2.2.3 is uncapped: every official who meets it, in collation order, group "*", quota null', () => {
    expect(run.nomination('2.2.3')).toEqual({ award: '2.2.3', group: '*', quota: null, selected: ['Đỗ Văn Ban', 'Hà Văn Đạt', 'Lê Thị Thường'], reserve: [] });
  });

  it('officials are reported as kind "official" with only 2.2.3 among their verdicts', () => {
    const o = run.person('Lê Thị Thường');
    expect(o.kind).toBe('official');
    expect(Object.keys(o.verdicts)).toEqual(['2.2.3']);
  });
});
