/**
 * Quotas: who is selected, in which order, the numbered reserve, and the reviewer's and
 * officer's decisions (exclude, pin). Orders are derived by hand from criteria.md:
 * collectives by sub-conditions met, then pct, then total benefit, then count, then name
 * (Vietnamese collation); individuals by best evidenced benefit, initiatives, social mark, name.
 */
import { decision, grassrootsSheet, initiativeSheet, runSheets, upperSheet, type GrassSpec } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const PHONG_THO = 'LĐLĐ huyện Phong Thổ';
const SIN_HO = 'LĐLĐ huyện Sìn Hồ';

/** Subject key of the n-th row (0-based) of the grassroots sheet: data starts on Excel row 4. */
const grassKey = (n: number) => `unit:CĐCS!${4 + n}`;

describe('ties on every key are broken by Vietnamese collation (Đ after D, before E)', () => {
  // 50 grassroots unions → 2 slots. Three candidates equal on every key: 2.1.2a only, 16/10, no benefit.
  const sheets = [
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 15, grassroots: 50 }]),
    grassrootsSheet([
      { name: 'CĐCS Eo', parent: TAM_DUONG, plan: 10, count: 16 },
      { name: 'CĐCS Đồi', parent: TAM_DUONG, plan: 10, count: 16 },
      { name: 'CĐCS Dốc', parent: TAM_DUONG, plan: 10, count: 16 },
    ]),
  ];

  it('"CĐCS Dốc", "CĐCS Đồi" are selected and "CĐCS Eo" is reserve no. 1, whatever the row order', () => {
    const n = runSheets(sheets).nomination('2.1.2', TAM_DUONG);
    expect(n.quota).toBe(2);
    expect(n.selected).toEqual(['CĐCS Dốc', 'CĐCS Đồi']);
    expect(n.reserve).toEqual(['CĐCS Eo']);
  });

  it('the uncapped list (2.1.2 has a cap; 2.1.1 has none) is in the same collation order', () => {
    const run = runSheets([
      upperSheet([
        { name: 'LĐLĐ huyện Eo Gió', plan: 10, count: 16 },
        { name: 'LĐLĐ huyện Đồi Chè', plan: 10, count: 16 },
        { name: 'LĐLĐ huyện Dốc Đỏ', plan: 10, count: 16 },
      ]),
    ]);
    expect(run.nomination('2.1.1').selected).toEqual(['LĐLĐ huyện Dốc Đỏ', 'LĐLĐ huyện Đồi Chè', 'LĐLĐ huyện Eo Gió']);
  });
});

describe('ranking inside a capped group, cut at the quota, numbered reserve', () => {
  // Tam Đường: 50 grassroots → 2 slots. Names are chosen so that name order is NOT the ranking.
  const tamDuong: GrassSpec[] = [
    { name: 'CĐCS An Cư', parent: TAM_DUONG, plan: 10, count: 20 }, //          2.1.2a only, 200%
    { name: 'CĐCS Bình Lư', parent: TAM_DUONG, plan: 10, count: 10, clause: 'x', rewarded: 'x' }, // 2.1.2c only, 100%
    { name: 'CĐCS Xuân Lộc', parent: TAM_DUONG, plan: 10, count: 30 }, //      2.1.2a only, 300%
    { name: 'CĐCS Yên Bình', parent: TAM_DUONG, plan: 10, count: 16, clause: 'Có', rewarded: 'Có' }, // 2.1.2a + c: 2 sub-conditions
    { name: 'CĐCS Zê Rô', parent: TAM_DUONG, plan: 10, count: 15 }, //         150% exactly: meets nothing, not a candidate
  ];
  // Phong Thổ: 80 grassroots → 3 slots. All at 200%, 2.1.2a only (benefits too small for 2.1.2b).
  const phongTho: GrassSpec[] = [
    { name: 'CĐCS An Phú', parent: PHONG_THO, plan: 10, count: 20 }, //  total benefit 0, count 20
    { name: 'CĐCS Bình Minh', parent: PHONG_THO, plan: 10, count: 20 }, // total 15,000,000
    { name: 'CĐCS Cò Lá', parent: PHONG_THO, plan: 20, count: 40 }, //   total 0, count 40
    { name: 'CĐCS Dào San', parent: PHONG_THO, plan: 10, count: 20 }, //  total 30,000,000
  ];
  const sheets = [
    upperSheet([
      { name: TAM_DUONG, plan: 10, count: 15, grassroots: 50, members: 1200 },
      { name: PHONG_THO, plan: 10, count: 20, grassroots: 80, members: 3000 },
    ]),
    grassrootsSheet([...tamDuong, ...phongTho]),
    initiativeSheet([
      { title: 'Bàn ghế tre', authors: 'Lò Văn Minh', unit: 'CĐCS Bình Minh', benefit: '10 triệu' },
      { title: 'Bếp đun tiết kiệm', authors: 'Lò Văn Minh', unit: 'CĐCS Bình Minh', benefit: '5 triệu' },
      { title: 'Máy thái rau', authors: 'Sần Thị Dào', unit: 'CĐCS Dào San', benefit: '30 triệu' },
    ]),
  ];

  it('sub-conditions first, then pct: Yên Bình (2 met), Xuân Lộc (300%) selected; reserve An Cư (200%), Bình Lư (100%)', () => {
    const n = runSheets(sheets).nomination('2.1.2', TAM_DUONG);
    expect(n).toEqual({ award: '2.1.2', group: TAM_DUONG, quota: 2, selected: ['CĐCS Yên Bình', 'CĐCS Xuân Lộc'], reserve: ['CĐCS An Cư', 'CĐCS Bình Lư'] });
  });

  it('equal sub-conditions and pct: more total benefit first, then the larger count', () => {
    const n = runSheets(sheets).nomination('2.1.2', PHONG_THO);
    expect(n.quota).toBe(3);
    expect(n.selected).toEqual(['CĐCS Dào San', 'CĐCS Bình Minh', 'CĐCS Cò Lá']);
    expect(n.reserve).toEqual(['CĐCS An Phú']);
  });

  it('no group ever selects more than its quota without a pin', () => {
    const run = runSheets(sheets);
    for (const n of run.vi.nominations) if (n.quota !== null) expect(n.selected.length).toBeLessThanOrEqual(n.quota);
  });

  it('a reviewer excluding the first selected (unit:CĐCS!7 for 2.1.2) promotes reserve no. 1', () => {
    const run = runSheets(sheets, { decisions: [decision(grassKey(3), 'exclude', '2.1.2')] });
    const n = run.nomination('2.1.2', TAM_DUONG);
    expect(n.selected).toEqual(['CĐCS Xuân Lộc', 'CĐCS An Cư']);
    expect(n.reserve).toEqual(['CĐCS Bình Lư']);
    const raw = run.out.nominations.find((x) => x.award === '2.1.2' && x.group === TAM_DUONG)!;
    expect(raw.excluded.map((c) => c.name)).toEqual(['CĐCS Yên Bình']);
    // The verdict itself is not touched: the exclusion is a nomination decision.
    expect(run.unit('CĐCS Yên Bình').verdicts['2.1.2']!.result).toBe('met');
  });

  it('an exclusion for every award (award null) also removes the candidate; one for another award does not', () => {
    expect(runSheets(sheets, { decisions: [decision(grassKey(3), 'exclude')] }).nomination('2.1.2', TAM_DUONG).selected).toEqual(['CĐCS Xuân Lộc', 'CĐCS An Cư']);
    expect(runSheets(sheets, { decisions: [decision(grassKey(3), 'exclude', '1.1.2')] }).nomination('2.1.2', TAM_DUONG).selected).toEqual(['CĐCS Yên Bình', 'CĐCS Xuân Lộc']);
  });

  it('a pin on reserve no. 2 (Bình Lư) forces it in and displaces the last selected (Xuân Lộc), who heads the reserve', () => {
    const run = runSheets(sheets, { decisions: [decision(grassKey(1), 'pin', '2.1.2')] });
    const n = run.nomination('2.1.2', TAM_DUONG);
    expect(n.selected).toEqual(['CĐCS Yên Bình', 'CĐCS Bình Lư']);
    expect(n.reserve).toEqual(['CĐCS Xuân Lộc', 'CĐCS An Cư']);
    const raw = run.out.nominations.find((x) => x.award === '2.1.2' && x.group === TAM_DUONG)!;
    expect(raw.displaced).toEqual([{ pinned: 'CĐCS Bình Lư', displaced: 'CĐCS Xuân Lộc' }]);
  });

  it('a pin on a candidate already selected changes nothing and displaces no one', () => {
    const run = runSheets(sheets, { decisions: [decision(grassKey(2), 'pin', '2.1.2')] });
    expect(run.nomination('2.1.2', TAM_DUONG).selected).toEqual(['CĐCS Yên Bình', 'CĐCS Xuân Lộc']);
    expect(run.out.nominations.find((x) => x.award === '2.1.2' && x.group === TAM_DUONG)!.displaced).toEqual([]);
  });
});

describe('groups that cannot nominate', () => {
  const sheetsOf = () => [
    upperSheet([
      { name: TAM_DUONG, plan: 10, count: 12, grassroots: 90, members: 2500 }, // 120%: below 150
      { name: SIN_HO, plan: null, count: 30, grassroots: 40, members: 900 }, //   plan empty
      { name: PHONG_THO, plan: 0, count: 30, grassroots: 40, members: 900 }, //   plan zero
    ]),
    grassrootsSheet([
      { name: 'CĐCS Bản Giang', parent: TAM_DUONG, plan: 10, count: 20 },
      { name: 'CĐCS Noong Hẻo', parent: SIN_HO, plan: 10, count: 20 },
    ]),
  ];
  const run = runSheets(sheetsOf());

  it('a union below 150% gets quota 0 for 2.1.2 and 2.2.2 and is still listed; its candidate waits in reserve', () => {
    expect(run.nomination('2.1.2', TAM_DUONG)).toEqual({ award: '2.1.2', group: TAM_DUONG, quota: 0, selected: [], reserve: ['CĐCS Bản Giang'] });
    expect(run.nomination('2.2.2', TAM_DUONG)).toMatchObject({ quota: 0, selected: [] });
  });

  it('an empty plan: quota null (cannot be known), the candidate is reserve, never silently selected', () => {
    expect(run.nomination('2.1.2', SIN_HO)).toEqual({ award: '2.1.2', group: SIN_HO, quota: null, selected: [], reserve: ['CĐCS Noong Hẻo'] });
    expect(run.nomination('2.2.2', SIN_HO).quota).toBeNull();
  });

  it('an empty plan makes the union\'s own ratio verdicts unknown, with the reason, in both languages', () => {
    const vi = run.unit(SIN_HO).verdicts;
    expect(run.unit(SIN_HO).pct).toBeNull();
    expect(vi['2.1.1a']!.result).toBe('unknown');
    expect(vi['2.1.1d']!.result).toBe('not_met'); // no bloc: not applicable (decided without the ratio)
    expect(vi['2.1.1']!.result).toBe('unknown'); // a unknown, b/c unknown (no list), d not applicable
    expect(run.unit(SIN_HO, 'en').verdicts['2.1.1a']!.reason).toContain('unknown: plan target is empty');
    expect(vi['2.1.1a']!.reason).toContain('chỉ tiêu trống');
  });

  it('a pin still forces its candidate in where the quota is unknown or 0 (the officer knows what the workbook does not)', () => {
    const pinned = runSheets(sheetsOf(), { decisions: [decision(grassKey(1), 'pin', '2.1.2'), decision(grassKey(0), 'pin', '2.1.2')] });
    expect(pinned.nomination('2.1.2', SIN_HO)).toMatchObject({ quota: null, selected: ['CĐCS Noong Hẻo'], reserve: [] });
    expect(pinned.nomination('2.1.2', TAM_DUONG)).toMatchObject({ quota: 0, selected: ['CĐCS Bản Giang'], reserve: [] });
  });

  it('a zero plan is unknown too (never ∞), and the row gets a data issue', () => {
    expect(run.unit(PHONG_THO).verdicts['2.1.1a']!.result).toBe('unknown');
    expect(run.nomination('2.1.2', PHONG_THO).quota).toBeNull();
    expect(run.issues('invalid_plan').map((i) => i.subject)).toEqual([PHONG_THO]);
  });
});

describe('2.2.1: one slot, ties all listed', () => {
  const sheets = [
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
    grassrootsSheet([
      { name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 5, count: 5 },
      { name: 'CĐCS Bản Hon', parent: TAM_DUONG, plan: 5, count: 5 },
    ]),
    initiativeSheet([
      { title: 'Máy tách hạt', authors: 'Vàng Thị Mỷ', unit: 'CĐCS Bản Bo', benefit: '800 triệu' },
      { title: 'Tủ sấy', authors: 'Vàng Thị Mỷ', unit: 'CĐCS Bản Bo', benefit: '10 triệu' },
      { title: 'Hệ thống tưới', authors: 'Lù Văn Pháng', unit: 'CĐCS Bản Hon', benefit: 800_000_000 },
      { title: 'Băng tải', authors: 'Chảo Láo Tả', unit: 'CĐCS Bản Hon', benefit: 799_999_999 },
    ]),
  ];

  it('two authors with the same highest evidenced benefit (800,000,000) both meet 2.2.1 and are both selected, whatever their other keys', () => {
    const run = runSheets(sheets);
    expect(run.person('Vàng Thị Mỷ').verdicts['2.2.1']!.result).toBe('met');
    expect(run.person('Lù Văn Pháng').verdicts['2.2.1']!.result).toBe('met');
    expect(run.person('Chảo Láo Tả').verdicts['2.2.1']!.result).toBe('not_met');
    const n = run.nomination('2.2.1');
    expect(n.quota).toBe(1);
    // Vàng Thị Mỷ has two initiatives, Lù Văn Pháng one: the tie is on the criterion, not on the ordering keys.
    expect([...n.selected].sort()).toEqual(['Lù Văn Pháng', 'Vàng Thị Mỷ']);
    expect(n.reserve).toEqual([]);
  });

  it('co-authors of the single top initiative are tied too', () => {
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
      grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 5, count: 5 }]),
      initiativeSheet([
        { title: 'Máy tách hạt', authors: 'Vàng Thị Mỷ; Lò Văn Sơn', unit: 'CĐCS Bản Bo', benefit: '800 triệu' },
        { title: 'Tủ sấy', authors: 'Lò Văn Sơn', unit: 'CĐCS Bản Bo', benefit: '10 triệu' },
      ]),
    ]);
    expect([...run.nomination('1.2.1').selected].sort()).toEqual(['Lò Văn Sơn', 'Vàng Thị Mỷ']);
    expect([...run.nomination('2.2.1').selected].sort()).toEqual(['Lò Văn Sơn', 'Vàng Thị Mỷ']);
  });
});

describe('ordering individuals (2.2.2) and enterprises (1.1.3)', () => {
  const BAN_BO = 'CĐCS Bản Bo';
  // Tam Đường at 150% with 1,200 members → 3 slots. Names run opposite to the expected order.
  const sheets = [
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 15, grassroots: 40, members: 1200 }]),
    grassrootsSheet([{ name: BAN_BO, parent: TAM_DUONG, plan: 5, count: 5 }]),
    initiativeSheet([
      { title: 'Y1', authors: 'Vi Văn Yên', unit: BAN_BO, benefit: '80 triệu' }, //         best 80 M, 2 initiatives
      { title: 'Y2', authors: 'Vi Văn Yên', unit: BAN_BO },
      ...[1, 2, 3, 4].map((n) => ({ title: `X${n}`, authors: 'Tòng Văn Xuân', unit: BAN_BO, benefit: n === 1 ? '60 triệu' : null })), // 60 M, 4
      { title: 'U1', authors: 'Sa Thị Uyên', unit: BAN_BO, benefit: '60 triệu' }, //        60 M, 2, social
      { title: 'U2', authors: 'Sa Thị Uyên', unit: BAN_BO, social: 'x' },
      { title: 'D1', authors: 'Lò Văn Dũng', unit: BAN_BO, benefit: '60 triệu' }, //        60 M, 2, no social
      { title: 'D2', authors: 'Lò Văn Dũng', unit: BAN_BO },
      ...[1, 2, 3].map((n) => ({ title: `Đ${n}`, authors: 'Hà Thị Đào', unit: BAN_BO, social: 'x' })), // social only, 3
    ]),
  ];

  it('best evidenced benefit, then number of initiatives, then the social mark: Yên, Xuân, Uyên selected; Dũng, Đào reserve', () => {
    const n = runSheets(sheets).nomination('2.2.2', TAM_DUONG);
    expect(n).toEqual({ award: '2.2.2', group: TAM_DUONG, quota: 3, selected: ['Vi Văn Yên', 'Tòng Văn Xuân', 'Sa Thị Uyên'], reserve: ['Lò Văn Dũng', 'Hà Thị Đào'] });
  });

  it('excluding a person (key person:<name>|<grassroots union>) promotes reserve no. 1', () => {
    const run = runSheets(sheets, { decisions: [decision('person:tòng văn xuân|cđcs bản bo', 'exclude', '2.2.2')] });
    expect(run.nomination('2.2.2', TAM_DUONG).selected).toEqual(['Vi Văn Yên', 'Sa Thị Uyên', 'Lò Văn Dũng']);
    expect(run.nomination('2.2.2', TAM_DUONG).reserve).toEqual(['Hà Thị Đào']);
  });

  it('1.1.3: a non-state enterprise ranks before a state one with a higher ratio', () => {
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
      grassrootsSheet([
        { name: 'CĐCS Công ty Điện lực Lai Châu', parent: TAM_DUONG, plan: 10, count: 30, ownership: 'Doanh nghiệp nhà nước', rewarded: 'x' },
        { name: 'CĐCS Công ty TNHH Chè Tam Đường', parent: TAM_DUONG, plan: 10, count: 10, ownership: 'Ngoài nhà nước', rewarded: 'x' },
      ]),
    ]);
    // The province (no row of its own: the sum of its unions, 20/10) proposes its 01 enterprise.
    expect(run.nomination('1.1.3', 'LĐLĐ tỉnh Lai Châu')).toEqual({ award: '1.1.3', group: 'LĐLĐ tỉnh Lai Châu', quota: 1, selected: ['CĐCS Công ty TNHH Chè Tam Đường'], reserve: ['CĐCS Công ty Điện lực Lai Châu'] });
  });
});
