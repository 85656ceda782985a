/**
 * The JSON report of spec/report.md on a realistic province: reasons with their numbers in both
 * languages, every applicable criterion in `verdicts` (combined ones too), every capped group in
 * `nominations` (quota 0 too) and every uncapped award as group "*" with quota null, and the same
 * input giving byte-identical JSON.
 */
import { decision, grassrootsSheet, initiativeSheet, officialSheet, runSheets, upperSheet } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const PHONG_THO = 'LĐLĐ huyện Phong Thổ';
const NGANH_GD = 'Công đoàn ngành Giáo dục';
const UPPERS = [TAM_DUONG, PHONG_THO, NGANH_GD];

const sheets = () => [
  upperSheet([
    { name: TAM_DUONG, plan: 25, count: 38, grassroots: 85, members: '2.350', bloc: 'Khối LĐLĐ huyện, thành phố' },
    { name: PHONG_THO, plan: 200, count: 300, grassroots: 60, members: 1500, bloc: 'Khối LĐLĐ huyện, thành phố' },
    { name: NGANH_GD, plan: 50, count: 40, grassroots: 40, members: 3000, bloc: 'Khối Công đoàn ngành' },
  ]),
  grassrootsSheet([
    { name: 'CĐCS Trường PTDTBT THCS Bản Bo', parent: TAM_DUONG, plan: 25, count: 38, clause: 'x', rewarded: 'Có' },
    { name: 'CĐCS UBND huyện Tam Đường', parent: TAM_DUONG, plan: 5, count: 9 },
    { name: 'CĐCS Công ty Chè Tam Đường', parent: TAM_DUONG, plan: 4, count: 4, ownership: 'Ngoài nhà nước', clause: 'x', rewarded: 'x' },
    { name: 'CĐCS Trường Mầm non Bình Lư', parent: TAM_DUONG, plan: 'abc', count: 4 },
    { name: 'CĐCS Bệnh viện huyện Phong Thổ', parent: PHONG_THO, plan: 10, count: 12 },
  ]),
  initiativeSheet([
    { title: 'SK1 Phần mềm quản lý hồ sơ', authors: 'Phạm Văn Em, Trần Thị Hoa', unit: 'CĐCS UBND huyện Tam Đường', benefit: '120 triệu' },
    { title: 'SK2 Sổ tay điện tử', authors: 'Phạm Văn Em', unit: 'CĐCS UBND huyện Tam Đường', benefit: '50.000.000', cert: null },
    { title: 'SK3 Lớp học vùng cao', authors: 'Lò Thị Xuân', unit: 'CĐCS Trường PTDTBT THCS Bản Bo', social: 'x' },
    { title: 'SK4 Máy sao chè', authors: 'Lò Thị Xuân', unit: 'CĐCS Trường PTDTBT THCS Bản Bo', benefit: '42 triệu', registered: '5/9/2023' },
  ]),
  officialSheet([
    { name: 'Lê Văn Thường', position: 'Phó Chủ tịch', unit: 'LĐLĐ tỉnh Lai Châu', role: 'Thường trực' },
    { name: 'Hà Văn Đạt', position: 'Chuyên viên', unit: TAM_DUONG, role: 'Cán bộ chuyên trách' },
  ]),
];

describe('reasons carry the numbers, in the officer\'s language', () => {
  const run = runSheets(sheets());

  it('2.1.1a: 152% of plan (38/25) > 150% — in Vietnamese and English', () => {
    expect(run.unit(TAM_DUONG).verdicts['2.1.1a']).toEqual({ result: 'met', reason: '2.1.1a: 152% kế hoạch (38/25) > 150%' });
    expect(run.unit(TAM_DUONG, 'en').verdicts['2.1.1a']).toEqual({ result: 'met', reason: '2.1.1a: 152% of plan (38/25) > 150%' });
  });

  it('2.1.2a on a grassroots union: the same sentence shape', () => {
    expect(run.unit('CĐCS Trường PTDTBT THCS Bản Bo').verdicts['2.1.2a']!.reason).toBe('2.1.2a: 152% kế hoạch (38/25) > 150%');
    expect(run.unit('CĐCS Trường PTDTBT THCS Bản Bo', 'en').verdicts['2.1.2a']!.reason).toBe('2.1.2a: 152% of plan (38/25) > 150%');
  });

  it('not met says so with the numbers: "150% of plan (300/200) is not above 150%" (report.md example)', () => {
    expect(run.unit(PHONG_THO, 'en').verdicts['2.1.1a']).toEqual({ result: 'not_met', reason: '2.1.1a: 150% of plan (300/200) is not above 150%' });
    expect(run.unit(PHONG_THO).verdicts['2.1.1a']!.reason).toBe('2.1.1a: 150% kế hoạch (300/200), chưa đạt trên 150%');
  });

  it('an unreadable plan gives "unknown" with its reason and a data issue at the cell', () => {
    const u = run.unit('CĐCS Trường Mầm non Bình Lư', 'en');
    expect(u.plan).toBeNull();
    expect(u.pct).toBeNull();
    expect(u.verdicts['2.1.2a']!.result).toBe('unknown');
    expect(u.verdicts['2.1.2a']!.reason).toContain('unknown: plan target is empty');
    expect(run.issues('unreadable_integer')).toEqual([expect.objectContaining({ sheet: 'CĐCS', row: 7, column: 'D', severity: 'warning' })]);
  });

  it('money in reasons is grouped the Vietnamese way in vi and the English way in en', () => {
    expect(run.unit(TAM_DUONG).verdicts['2.1.1b']!.reason).toContain('120.000.000 đ ≥ 100.000.000 đ');
    expect(run.unit(TAM_DUONG, 'en').verdicts['2.1.1b']!.reason).toContain('120,000,000 VND ≥ 100,000,000 VND');
  });
});

describe('report shape (spec/report.md)', () => {
  const run = runSheets(sheets());
  const report = run.vi;

  it('has exactly the documented top-level keys and rule-set id', () => {
    expect(Object.keys(report)).toEqual(['rules', 'units', 'people', 'nominations', 'issues']);
    expect(report.rules).toBe('lai-chau-82-2023');
  });

  it('units: name, sheet, 1-based row, level, parent, plan, count, pct — as read', () => {
    expect(report.units.map((u) => Object.keys(u))).toEqual(report.units.map(() => ['name', 'sheet', 'row', 'level', 'parent', 'plan', 'count', 'pct', 'verdicts']));
    // Upper sheet: 3 title rows, 2 header rows, bloc row "I." on row 6 → first union on row 7.
    expect(run.unit(TAM_DUONG)).toMatchObject({ sheet: 'TH chỉ tiêu', row: 7, level: 'upper', parent: 'LĐLĐ tỉnh Lai Châu', plan: 25, count: 38, pct: 152 });
    expect(run.unit(NGANH_GD)).toMatchObject({ row: 10, pct: 80 });
    expect(run.unit('CĐCS UBND huyện Tam Đường')).toMatchObject({ sheet: 'CĐCS', row: 5, level: 'grassroots', parent: TAM_DUONG, plan: 5, count: 9, pct: 180 });
  });

  it('every criterion that applies appears, the combined ones included', () => {
    const ids = (name: string) => Object.keys(run.unit(name).verdicts).sort();
    // Upper-level union: 2.1.1a–d and 2.1.1.
    for (const u of UPPERS) expect(ids(u)).toEqual(['2.1.1', '2.1.1a', '2.1.1b', '2.1.1c', '2.1.1d']);
    // Grassroots union: 2.1.2a–c, 2.1.2, and the proposal upward 1.1.2.
    expect(ids('CĐCS UBND huyện Tam Đường')).toEqual(['1.1.2', '2.1.2', '2.1.2a', '2.1.2b', '2.1.2c']);
    // A grassroots union in an enterprise is also judged for 1.1.3.
    expect(ids('CĐCS Công ty Chè Tam Đường')).toEqual(['1.1.2', '1.1.3', '2.1.2', '2.1.2a', '2.1.2b', '2.1.2c']);
    // Authors: 2.2.1, 2.2.2 and 1.2.1–1.2.3; officials: 2.2.3.
    for (const p of report.people) {
      expect(Object.keys(p.verdicts).sort()).toEqual(p.kind === 'author' ? ['1.2.1', '1.2.2', '1.2.3', '2.2.1', '2.2.2'] : ['2.2.3']);
    }
    // Each reason starts with its own criterion id.
    for (const u of report.units) for (const [id, v] of Object.entries(u.verdicts)) expect(v.reason.startsWith(`${id}: `)).toBe(true);
  });

  it('the combined verdict agrees with its parts: 2.1.1 = any of 2.1.1a–d', () => {
    for (const name of UPPERS) {
      const v = run.unit(name).verdicts;
      const parts = ['2.1.1a', '2.1.1b', '2.1.1c', '2.1.1d'].map((id) => v[id]!.result);
      const expected = parts.includes('met') ? 'met' : parts.includes('unknown') ? 'unknown' : 'not_met';
      expect(v['2.1.1']!.result).toBe(expected);
    }
    // Tam Đường meets a (152%), b (38/25 ≥ 100% and 120 M, 50 M with benefit) and d (best of its bloc).
    expect(run.unit(TAM_DUONG).verdicts['2.1.1']!.reason).toBe('2.1.1: đạt 2.1.1a; đạt 2.1.1b; đạt 2.1.1d');
  });

  it('people: name, unit, kind, rows, verdicts', () => {
    expect(report.people.map((p) => Object.keys(p))).toEqual(report.people.map(() => ['name', 'unit', 'kind', 'rows', 'verdicts']));
    expect(run.person('Phạm Văn Em')).toMatchObject({ unit: 'CĐCS UBND huyện Tam Đường', kind: 'author', rows: [{ sheet: 'DS sáng kiến', row: 3 }, { sheet: 'DS sáng kiến', row: 4 }] });
    expect(run.person('Hà Văn Đạt')).toMatchObject({ unit: TAM_DUONG, kind: 'official', rows: [{ sheet: 'Cán bộ', row: 3 }] });
  });

  it('nominations: every capped group (each upper-level union, quota 0 too; the province for 1.x), workbook-wide ones as "*", uncapped as "*" with quota null', () => {
    const pairs = report.nominations.map((n) => `${n.award} / ${n.group}`).sort();
    const expected = [
      ...['2.1.2', '2.2.2'].flatMap((award) => UPPERS.map((u) => `${award} / ${u}`)),
      // The province proposes upward: one group each for 1.1.2, 1.1.3, 1.2.3.
      ...['1.1.2', '1.1.3', '1.2.3'].map((award) => `${award} / LĐLĐ tỉnh Lai Châu`),
      '2.2.1 / *', '1.2.1 / *',
      '2.1.1 / *', '2.2.3 / *', '1.1.1 / *', '1.2.2 / *',
    ].sort();
    expect(pairs).toEqual(expected);
    for (const award of ['2.1.1', '2.2.3', '1.1.1', '1.2.2']) expect(run.nomination(award)).toMatchObject({ quota: null, reserve: [] });
    for (const n of report.nominations) expect(Object.keys(n)).toEqual(['award', 'group', 'quota', 'selected', 'reserve']);
  });

  it('quotas follow the guidance: Tam Đường (152%, 85 grassroots, 2,350 members) 3 + 5; Phong Thổ (150%, 60, 1,500) 2 + 3; ngành GD (80%) 0 + 0', () => {
    expect([run.nomination('2.1.2', TAM_DUONG).quota, run.nomination('2.2.2', TAM_DUONG).quota]).toEqual([3, 5]);
    expect([run.nomination('2.1.2', PHONG_THO).quota, run.nomination('2.2.2', PHONG_THO).quota]).toEqual([2, 3]);
    expect([run.nomination('2.1.2', NGANH_GD).quota, run.nomination('2.2.2', NGANH_GD).quota]).toEqual([0, 0]);
    // Tam Đường's grassroots: Bản Bo 152% + c (2 met); UBND 180% + b (2 met: 120 M and 50 M); Chè: c only (100%).
    // Equal sub-conditions → higher pct first: UBND (180%) before Bản Bo (152%).
    expect(run.nomination('2.1.2', TAM_DUONG)).toMatchObject({ selected: ['CĐCS UBND huyện Tam Đường', 'CĐCS Trường PTDTBT THCS Bản Bo', 'CĐCS Công ty Chè Tam Đường'], reserve: [] });
  });

  it('issues: sheet, row, column, code, severity, message, subject — reading issues and review flags together', () => {
    for (const i of report.issues) expect(Object.keys(i)).toEqual(['sheet', 'row', 'column', 'code', 'severity', 'message', 'subject']);
    const codes = report.issues.map((i) => `${i.code}@${i.sheet}!${i.row}`);
    expect(codes).toEqual(expect.arrayContaining(['missing_benefit_certification@DS sáng kiến!4', 'registered_after_cutoff@DS sáng kiến!6', 'unreadable_integer@CĐCS!7']));
  });
});

describe('same input → byte-identical JSON', () => {
  it('two runs on the same sheets, with decisions, give the same JSON in both languages', () => {
    const decisions = [decision('unit:CĐCS!5', 'exclude', '2.1.2'), decision('initiative:DS sáng kiến!4', 'keep')];
    const a = runSheets(sheets(), { decisions });
    const b = runSheets(sheets(), { decisions });
    expect(JSON.stringify(a.vi)).toBe(JSON.stringify(b.vi));
    expect(JSON.stringify(a.en)).toBe(JSON.stringify(b.en));
    // And the decisions made a difference, so the comparison is not between two empty reports.
    expect(JSON.stringify(a.vi)).not.toBe(JSON.stringify(runSheets(sheets()).vi));
  });
});
