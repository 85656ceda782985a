/**
 * The Confederation's preset (tld-91-2023) on a small national workbook: provincial federations,
 * a central sector union and a corporation union as roots with their plans, in emulation clusters.
 * 1.1.1a: portal rank 1–10 and above 100%; 1.1.1b: above 150%; 1.1.1c: highest over-target ratio
 * in its cluster (ties all met); 1.1.1: any of them.
 */
import { TLD_91_2023 } from '../../src/domain/rules/presets';
import { grassrootsSheet, runSheets, upperSheet, type UpperSpec } from '../helpers/province';

const LAI_CHAU = 'LĐLĐ tỉnh Lai Châu';
const DIEN_BIEN = 'LĐLĐ tỉnh Điện Biên';
const SON_LA = 'LĐLĐ tỉnh Sơn La';
const HA_NOI = 'LĐLĐ thành phố Hà Nội';
const BAC_NINH = 'LĐLĐ tỉnh Bắc Ninh';
const NGANH_GD = 'Công đoàn Giáo dục Việt Nam';
const TCT_HK = 'Công đoàn Tổng công ty Hàng không Việt Nam';

const MIEN_NUI = 'Cụm thi đua các tỉnh miền núi phía Bắc';
const DONG_BANG = 'Cụm thi đua các tỉnh đồng bằng sông Hồng';
const TRUNG_UONG = 'Khối các công đoàn ngành trung ương, tổng công ty';

const roots: UpperSpec[] = [
  { name: LAI_CHAU, plan: 1000, count: 1300, rank: 3, bloc: MIEN_NUI }, //  130%: a (rank 3, > 100), c (best of its cluster)
  { name: DIEN_BIEN, plan: 1000, count: 1250, rank: 12, bloc: MIEN_NUI }, // 125%: nothing (rank 12, below Lai Châu)
  { name: SON_LA, plan: 1000, count: 1000, rank: 1, bloc: MIEN_NUI }, //    100%: a needs ABOVE 100% → nothing
  { name: HA_NOI, plan: 10000, count: 15000, rank: 2, bloc: DONG_BANG }, // 150%: a yes, b no (not above 150), c tied
  { name: BAC_NINH, plan: 2000, count: 3000, rank: 15, bloc: DONG_BANG }, // 150%: a no, b no, c tied with Hà Nội
  { name: NGANH_GD, plan: 500, count: 751, rank: 40, bloc: TRUNG_UONG }, //  150.2%: b yes, c yes
  { name: TCT_HK, plan: 100, count: 90, rank: 80, bloc: TRUNG_UONG }, //      90%: nothing
];

const nationalSheet = (units: UpperSpec[]) =>
  upperSheet(units, 'Tổng hợp toàn quốc', { omit: ['grassroots', 'members'], title: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM' });

describe('tld-91-2023: 1.1.1 for the Confederation\'s direct units', () => {
  const run = runSheets(
    [
      nationalSheet(roots),
      grassrootsSheet([
        { name: 'CĐCS Công ty Thủy điện Lai Châu', parent: LAI_CHAU, plan: 10, count: 25, clause: 'x', rewarded: 'x', rank: 5 },
        { name: 'CĐCS Bệnh viện Đa khoa tỉnh Lai Châu', parent: LAI_CHAU, plan: 10, count: 21, clause: 'x', rewarded: 'x', rank: 9 },
      ]),
    ],
    { rules: TLD_91_2023 },
  );
  const result = (name: string, id: string) => run.unit(name).verdicts[id]?.result;

  it('provinces are read as province level, roots of the hierarchy', () => {
    expect(run.unit(LAI_CHAU)).toMatchObject({ level: 'province', parent: null, plan: 1000, count: 1300 });
    expect(run.vi.rules).toBe('tld-91-2023');
  });

  it('1.1.1a: rank 3 and 130% → met; rank 12 → not met; rank 1 at exactly 100% → not met (above 100% is needed)', () => {
    expect(result(LAI_CHAU, '1.1.1a')).toBe('met');
    expect(run.unit(LAI_CHAU, 'en').verdicts['1.1.1a']!.reason).toBe('1.1.1a: rank 3 ≤ 10; 130% of plan (1300/1000) > 100%');
    expect(result(DIEN_BIEN, '1.1.1a')).toBe('not_met');
    expect(result(SON_LA, '1.1.1a')).toBe('not_met');
    expect(result(HA_NOI, '1.1.1a')).toBe('met');
    expect(result(BAC_NINH, '1.1.1a')).toBe('not_met');
  });

  it('1.1.1b: exactly 150% (15000/10000, 3000/2000) → not met; 751/500 = 150.2% → met', () => {
    expect(result(HA_NOI, '1.1.1b')).toBe('not_met');
    expect(result(BAC_NINH, '1.1.1b')).toBe('not_met');
    expect(result(NGANH_GD, '1.1.1b')).toBe('met');
    expect(result(LAI_CHAU, '1.1.1b')).toBe('not_met');
  });

  it('1.1.1c: the best of each cluster meets it, tied units both meet it, and below 100% never does', () => {
    expect(result(LAI_CHAU, '1.1.1c')).toBe('met');
    expect(result(DIEN_BIEN, '1.1.1c')).toBe('not_met');
    expect(result(SON_LA, '1.1.1c')).toBe('not_met');
    expect(result(HA_NOI, '1.1.1c')).toBe('met');
    expect(result(BAC_NINH, '1.1.1c')).toBe('met');
    expect(result(NGANH_GD, '1.1.1c')).toBe('met');
    expect(result(TCT_HK, '1.1.1c')).toBe('not_met');
  });

  it('1.1.1 = any of a–c, and its uncapped nomination lists exactly those, in collation order ("thành" before "tỉnh")', () => {
    const met = [LAI_CHAU, HA_NOI, BAC_NINH, NGANH_GD];
    for (const r of roots) expect(result(r.name, '1.1.1')).toBe(met.includes(r.name) ? 'met' : 'not_met');
    expect(run.nomination('1.1.1')).toEqual({ award: '1.1.1', group: '*', quota: null, selected: [NGANH_GD, HA_NOI, BAC_NINH, LAI_CHAU], reserve: [] });
  });

  it('only the Confederation\'s awards are decided: no 2.x verdict or nomination', () => {
    expect(Object.keys(run.unit(LAI_CHAU).verdicts).sort()).toEqual(['1.1.1', '1.1.1a', '1.1.1b', '1.1.1c']);
    expect(run.vi.nominations.some((n) => n.award.startsWith('2.'))).toBe(false);
  });

  it('1.1.2: each top-level unit proposes 01 grassroots union above 200% with a reward clause — the better-ranked one', () => {
    // Both are above 200% with both flags; 250% ranks before 210%.
    expect(run.nomination('1.1.2', LAI_CHAU)).toEqual({ award: '1.1.2', group: LAI_CHAU, quota: 1, selected: ['CĐCS Công ty Thủy điện Lai Châu'], reserve: ['CĐCS Bệnh viện Đa khoa tỉnh Lai Châu'] });
    expect(run.nomination('1.1.2', DIEN_BIEN)).toMatchObject({ quota: 1, selected: [] });
  });

  it('1.1.3 and 1.2.3 quotas depend on the province\'s own ratio: 200% for 1.1.3, 100% for 1.2.3', () => {
    expect(run.nomination('1.1.3', LAI_CHAU).quota).toBe(0); // 130% < 200%
    expect(run.nomination('1.2.3', LAI_CHAU).quota).toBe(1); // 130% ≥ 100%
    expect(run.nomination('1.2.3', SON_LA).quota).toBe(1); // exactly 100%
    expect(run.nomination('1.2.3', TCT_HK).quota).toBe(0); // 90%
  });
});

describe('tld-91-2023 without a portal rank column', () => {
  it('ranks the roots locally by count, says so, and 1.1.1a follows those ranks', () => {
    const run = runSheets([nationalSheet(roots.map(({ rank: _rank, ...r }) => r))], { rules: TLD_91_2023 });
    // Counts: Hà Nội 15000, Bắc Ninh 3000, Lai Châu 1300, Điện Biên 1250, Sơn La 1000, ngành GD 751, TCT HK 90.
    // Provinces and the two other roots are ranked within their own level; every province is in the top 10 here.
    const v = run.unit(DIEN_BIEN, 'en').verdicts['1.1.1a']!;
    expect(v.result).toBe('met');
    expect(v.reason).toContain('rank 4 (rank computed locally) ≤ 10');
  });
});

describe('a provincial federation is a province even under headers that hint at upper-level unions', () => {
  it('a national sheet with "Số CĐCS trực thuộc" and "Tổng số ĐV" columns still reads "LĐLĐ tỉnh …" rows as provinces', () => {
    const sheet = upperSheet(
      [
        { name: LAI_CHAU, plan: 1000, count: 1600, grassroots: 350, members: 30000 },
        { name: DIEN_BIEN, plan: 1000, count: 1200, grassroots: 400, members: 35000 },
      ],
      'Tổng hợp toàn quốc',
      { title: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM' },
    );
    const run = runSheets([sheet], { rules: TLD_91_2023 });
    expect(run.unit(LAI_CHAU).level).toBe('province');
    expect(run.unit(LAI_CHAU).verdicts['1.1.1b']!.result).toBe('met');
  });

  it('in the provincial preset, the province\'s own row is judged for 1.1.1 — not as a district for 2.1.1 — and has no 2.1.2 quota', () => {
    const run = runSheets([
      upperSheet([
        { name: LAI_CHAU, plan: 1000, count: 1600, grassroots: 350, members: 30000 },
        { name: 'LĐLĐ huyện Tam Đường', plan: 10, count: 16, grassroots: 40, members: 900 },
      ]),
    ]);
    expect(run.unit(LAI_CHAU).level).toBe('province');
    expect(Object.keys(run.unit(LAI_CHAU).verdicts).sort()).toEqual(['1.1.1', '1.1.1a', '1.1.1b', '1.1.1c']);
    // The province's groups are its own proposals upward (1.x), never a district's 2.1.2 / 2.2.2.
    expect(run.vi.nominations.filter((n) => n.group === LAI_CHAU).map((n) => n.award).sort()).toEqual(['1.1.2', '1.1.3', '1.2.3']);
    expect(run.unit('LĐLĐ huyện Tam Đường').parent).toBe(LAI_CHAU);
    expect(run.nomination('1.1.1').selected).toEqual([LAI_CHAU]);
  });
});
