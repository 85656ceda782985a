/**
 * Both sides of every threshold of criteria.md, on realistic province sheets. Each expected
 * verdict is derived by hand from the guidance and the comparator words:
 * "trên X%" = above (>), "X% trở lên" / "từ X" = X or more (≥).
 */
import { grassrootsSheet, initiativeSheet, runSheets, upperSheet, type InitiativeSpec } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const PHONG_THO = 'LĐLĐ huyện Phong Thổ';
const SIN_HO = 'LĐLĐ huyện Sìn Hồ';
const THAN_UYEN = 'LĐLĐ huyện Than Uyên';

const result = (run: ReturnType<typeof runSheets>, unit: string, id: string) => run.unit(unit).verdicts[id]?.result;

describe('150% of plan (2.1.1a, 2.1.2a: "trên 150%"; quotas: "150% trở lên")', () => {
  const run = runSheets([
    upperSheet([
      { name: TAM_DUONG, plan: 10, count: 15, grassroots: 40, members: 1500 },
      { name: PHONG_THO, plan: 10, count: 16, grassroots: 40, members: 1500 },
      { name: SIN_HO, plan: 100, count: 149, grassroots: 40, members: 1500 },
    ]),
    grassrootsSheet([
      { name: 'CĐCS Trường THCS Bản Bo', parent: TAM_DUONG, plan: 10, count: 15 },
      { name: 'CĐCS UBND huyện Tam Đường', parent: TAM_DUONG, plan: 10, count: 16 },
    ]),
  ]);

  it('15 of 10 is exactly 150%, not above: 2.1.2a not met, and the reason shows 150% (15/10)', () => {
    const v = run.unit('CĐCS Trường THCS Bản Bo').verdicts['2.1.2a']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('150% kế hoạch (15/10)');
  });

  it('16 of 10 is 160% > 150%: 2.1.2a met', () => {
    expect(result(run, 'CĐCS UBND huyện Tam Đường', '2.1.2a')).toBe('met');
    expect(run.unit('CĐCS UBND huyện Tam Đường').verdicts['2.1.2a']!.reason).toBe('2.1.2a: 160% kế hoạch (16/10) > 150%');
  });

  it('an upper-level union at exactly 150% does not meet 2.1.1a; at 160% it does', () => {
    expect(result(run, TAM_DUONG, '2.1.1a')).toBe('not_met');
    expect(result(run, PHONG_THO, '2.1.1a')).toBe('met');
  });

  it('the quota precondition "150% or more" is met at exactly 150%: 40 grassroots → 1 slot, 1,500 members → 3', () => {
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBe(1);
    expect(run.nomination('2.2.2', TAM_DUONG).quota).toBe(3);
  });

  it('at 149 of 100 the union gets quota 0 for 2.1.2 and 2.2.2 (still listed)', () => {
    expect(run.nomination('2.1.2', SIN_HO).quota).toBe(0);
    expect(run.nomination('2.2.2', SIN_HO).quota).toBe(0);
  });
});

describe('100% of plan (2.1.1b "từ 100%" = ≥; 2.1.1d "vượt chỉ tiêu" = > 100%)', () => {
  // Two initiatives with benefit in each union, one of them ≥ 100 million: only the ratio differs.
  const run = runSheets([
    upperSheet([
      { name: TAM_DUONG, plan: 10, count: 10, grassroots: 40, bloc: 'Khối huyện miền núi' },
      { name: PHONG_THO, plan: 100, count: 99, grassroots: 40, bloc: 'Khối huyện biên giới' },
      { name: SIN_HO, plan: 10, count: 11, grassroots: 40, bloc: 'Khối huyện vùng cao' },
    ]),
    grassrootsSheet([
      { name: 'CĐCS Tam Đường', parent: TAM_DUONG, plan: 5, count: 5 },
      { name: 'CĐCS Phong Thổ', parent: PHONG_THO, plan: 5, count: 5 },
      { name: 'CĐCS Sìn Hồ', parent: SIN_HO, plan: 5, count: 5 },
    ]),
    initiativeSheet(
      ['Tam Đường', 'Phong Thổ', 'Sìn Hồ'].flatMap((u, n): InitiativeSpec[] => [
        { title: `SK máy sấy chè ${n}`, authors: `Lò Văn ${n}`, unit: `CĐCS ${u}`, benefit: '100.000.000' },
        { title: `SK sổ tay điện tử ${n}`, authors: `Lò Văn ${n}`, unit: `CĐCS ${u}`, benefit: '5 triệu' },
      ]),
    ),
  ]);

  it('10 of 10 is 100% "or more": 2.1.1b met (two initiatives with benefit, one of 100,000,000)', () => {
    expect(result(run, TAM_DUONG, '2.1.1b')).toBe('met');
  });

  it('99 of 100 is below 100%: 2.1.1b not met although the benefits are the same', () => {
    expect(result(run, PHONG_THO, '2.1.1b')).toBe('not_met');
    expect(run.unit(PHONG_THO).verdicts['2.1.1b']!.reason).toContain('99% kế hoạch (99/100)');
  });

  it('10 of 10 is not "over target": 2.1.1d not met even alone in its bloc; 11 of 10 is', () => {
    expect(result(run, TAM_DUONG, '2.1.1d')).toBe('not_met');
    expect(result(run, SIN_HO, '2.1.1d')).toBe('met');
  });
});

describe('200% of plan (1.1.2 "trên 200%", 1.1.3 "trên 200% … trở lên" default ≥)', () => {
  // The province proposes upward (one grassroots union, one enterprise); with no row of its own its
  // figures are the sum of its upper-level unions, named after the title row.
  const PROVINCE = 'LĐLĐ tỉnh Lai Châu';
  // Portal ranks 11 and 12: the rank path of 1.1.2 is closed, only the ratio can decide.
  const sheets = (withRank: boolean, phongThoCount = 21) => [
    upperSheet([
      { name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 },
      { name: PHONG_THO, plan: 10, count: phongThoCount, grassroots: 40 },
    ]),
    grassrootsSheet([
      { name: 'CĐCS Hai Trăm', parent: TAM_DUONG, plan: 10, count: 20, clause: 'x', rewarded: 'Có', ...(withRank ? { rank: 11 } : {}) },
      { name: 'CĐCS Hai Trăm Mốt', parent: TAM_DUONG, plan: 10, count: 21, clause: 'x', rewarded: 'Có', ...(withRank ? { rank: 12 } : {}) },
      { name: 'CĐCS Công ty Chè Tam Đường', parent: TAM_DUONG, plan: 10, count: 10, ownership: 'Ngoài nhà nước', rewarded: 'x', ...(withRank ? { rank: 40 } : {}) },
      { name: 'CĐCS Công ty Thủy điện Phong Thổ', parent: PHONG_THO, plan: 10, count: 10, ownership: 'Nhà nước', rewarded: 'x', ...(withRank ? { rank: 41 } : {}) },
    ]),
  ];

  it('with portal ranks beyond 10: 20 of 10 (exactly 200%) does not meet 1.1.2, 21 of 10 does', () => {
    const run = runSheets(sheets(true));
    expect(result(run, 'CĐCS Hai Trăm', '1.1.2')).toBe('not_met');
    expect(result(run, 'CĐCS Hai Trăm Mốt', '1.1.2')).toBe('met');
    expect(run.unit('CĐCS Hai Trăm Mốt').verdicts['1.1.2']!.reason).toContain('210% kế hoạch (21/10) > 200%');
  });

  it('without a rank column both rank 1–2 locally and meet 1.1.2, but the province proposes only its 01 above 200% with a reward clause', () => {
    const run = runSheets(sheets(false));
    expect(result(run, 'CĐCS Hai Trăm', '1.1.2')).toBe('met');
    expect(run.unit('CĐCS Hai Trăm').verdicts['1.1.2']!.reason).toContain('(tính trong bảng)');
    const n = run.nomination('1.1.2', PROVINCE);
    expect(n).toMatchObject({ quota: 1, selected: ['CĐCS Hai Trăm Mốt'], reserve: [] });
  });

  it('1.1.3: with the province at exactly 200% an enterprise qualifies by the default "≥" reading; non-state first for the one slot', () => {
    const run = runSheets(sheets(true, 20)); // province 40/20
    expect(run.unit(PROVINCE).pct).toBe(200);
    expect(result(run, 'CĐCS Công ty Chè Tam Đường', '1.1.3')).toBe('met');
    expect(run.nomination('1.1.3', PROVINCE)).toMatchObject({ quota: 1, selected: ['CĐCS Công ty Chè Tam Đường'], reserve: ['CĐCS Công ty Thủy điện Phong Thổ'] });
  });

  it('1.1.3 with the parameter set to ">": a province at exactly 200% no longer qualifies, at 205% it does', () => {
    const exact = runSheets(sheets(true, 20), { params: { cmp113: '>' } });
    expect(result(exact, 'CĐCS Công ty Chè Tam Đường', '1.1.3')).toBe('not_met');
    expect(exact.nomination('1.1.3', PROVINCE).quota).toBe(0);
    const above = runSheets(sheets(true, 21), { params: { cmp113: '>' } });
    expect(result(above, 'CĐCS Công ty Chè Tam Đường', '1.1.3')).toBe('met');
    expect(above.nomination('1.1.3', PROVINCE).quota).toBe(1);
  });
});

describe('quota slots: 2,000 members (2.2.2) and 50 / 80 grassroots unions (2.1.2)', () => {
  it('1,999 members → 3 individuals; 2,000 ("từ 2.000 trở lên") → 5; both unions at ≥ 150%', () => {
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 15, grassroots: 40, members: 1999 },
        { name: PHONG_THO, plan: 10, count: 15, grassroots: 40, members: '2.000' },
      ]),
    ]);
    expect(run.nomination('2.2.2', TAM_DUONG).quota).toBe(3);
    expect(run.nomination('2.2.2', PHONG_THO).quota).toBe(5);
  });

  it('switching the 150% precondition of 2.2.2 off gives a union at 100% its 3 slots instead of 0', () => {
    const sheets = [upperSheet([{ name: TAM_DUONG, plan: 10, count: 10, grassroots: 40, members: 1200 }])];
    expect(runSheets(sheets).nomination('2.2.2', TAM_DUONG).quota).toBe(0);
    expect(runSheets(sheets, { params: { quota222NeedsPct150: false } }).nomination('2.2.2', TAM_DUONG).quota).toBe(3);
  });

  it.each([
    [49, 1],
    [50, 2],
    [79, 2],
    [80, 3],
  ])('%i grassroots unions (column) → %i slot(s) for 2.1.2', (grassroots, slots) => {
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 10, count: 15, grassroots, members: 900 }])]);
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBe(slots);
  });

  it('without a grassroots column the rows under each union are counted: 49 rows → 1 slot, 50 rows → 2', () => {
    const rows = (parent: string, n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ name: `CĐCS ${tag} số ${i + 1}`, parent, plan: 4, count: 4 }));
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 15 },
        { name: PHONG_THO, plan: 10, count: 15 },
      ], 'TH chỉ tiêu', { omit: ['grassroots'] }),
      grassrootsSheet([...rows(TAM_DUONG, 49, 'TĐ'), ...rows(PHONG_THO, 50, 'PT')]),
    ]);
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBe(1);
    expect(run.nomination('2.1.2', PHONG_THO).quota).toBe(2);
  });
});

describe('money thresholds: "từ X" = X or more, one đồng less is not', () => {
  // Every union is far above its plan, so only money decides.
  const upper = (name: string, bloc?: string) => ({ name, plan: 10, count: 20, grassroots: 40, members: 800, ...(bloc ? { bloc } : {}) });
  const grass = (name: string, parent: string) => ({ name, parent, plan: 5, count: 5 });

  it('2.1.2b: 50,000,000 + another with benefit → met; 49,999,999 → not met; one initiative alone is not "many"', () => {
    const run = runSheets([
      upperSheet([upper(TAM_DUONG)]),
      grassrootsSheet([grass('CĐCS Bản Bo', TAM_DUONG), grass('CĐCS Bản Giang', TAM_DUONG), grass('CĐCS Nà Tăm', TAM_DUONG)]),
      initiativeSheet([
        { title: 'Máy thái chè', authors: 'Lò Văn Hùng', unit: 'CĐCS Bản Bo', benefit: 50_000_000 },
        { title: 'Sổ theo dõi', authors: 'Lò Văn Hùng', unit: 'CĐCS Bản Bo', benefit: 1_000_000 },
        { title: 'Máy sàng chè', authors: 'Tao Thị Mai', unit: 'CĐCS Bản Giang', benefit: '49.999.999' },
        { title: 'Bảng tin', authors: 'Tao Thị Mai', unit: 'CĐCS Bản Giang', benefit: 1_000_000 },
        { title: 'Lò sấy', authors: 'Vàng A Sử', unit: 'CĐCS Nà Tăm', benefit: '60 triệu' },
      ]),
    ]);
    expect(result(run, 'CĐCS Bản Bo', '2.1.2b')).toBe('met');
    expect(run.unit('CĐCS Bản Bo').verdicts['2.1.2b']!.reason).toContain('50.000.000 đ ≥ 50.000.000 đ');
    expect(result(run, 'CĐCS Bản Giang', '2.1.2b')).toBe('not_met');
    expect(result(run, 'CĐCS Nà Tăm', '2.1.2b')).toBe('not_met');
    const many1 = runSheets(
      [upperSheet([upper(TAM_DUONG)]), grassrootsSheet([grass('CĐCS Nà Tăm', TAM_DUONG)]), initiativeSheet([{ title: 'Lò sấy', authors: 'Vàng A Sử', unit: 'CĐCS Nà Tăm', benefit: '60 triệu' }])],
      { params: { many: 1 } },
    );
    expect(result(many1, 'CĐCS Nà Tăm', '2.1.2b')).toBe('met');
  });

  it('2.1.1b: an initiative of 100,000,000 → met; 99,999,999 → not met', () => {
    const run = runSheets([
      upperSheet([upper(TAM_DUONG), upper(PHONG_THO)]),
      grassrootsSheet([grass('CĐCS Tam Đường', TAM_DUONG), grass('CĐCS Phong Thổ', PHONG_THO)]),
      initiativeSheet([
        { title: 'A1', authors: 'Lò Văn A', unit: 'CĐCS Tam Đường', benefit: '100 triệu' },
        { title: 'A2', authors: 'Lò Văn A', unit: 'CĐCS Tam Đường', benefit: 2_000_000 },
        { title: 'B1', authors: 'Lò Văn B', unit: 'CĐCS Phong Thổ', benefit: 99_999_999 },
        { title: 'B2', authors: 'Lò Văn B', unit: 'CĐCS Phong Thổ', benefit: 2_000_000 },
      ]),
    ]);
    expect(result(run, TAM_DUONG, '2.1.1b')).toBe('met');
    expect(result(run, PHONG_THO, '2.1.1b')).toBe('not_met');
    expect(run.unit(PHONG_THO, 'en').verdicts['2.1.1b']!.reason).toContain('highest benefit 99,999,999 VND is not at least 100,000,000 VND');
  });

  it('2.1.1c: total exactly 10 billion over two initiatives → met; one đồng less → not met; 10 billion in one initiative is not "many"', () => {
    const run = runSheets([
      upperSheet([upper(TAM_DUONG), upper(PHONG_THO), upper(SIN_HO)]),
      grassrootsSheet([grass('CĐCS Tam Đường', TAM_DUONG), grass('CĐCS Phong Thổ', PHONG_THO), grass('CĐCS Sìn Hồ', SIN_HO)]),
      initiativeSheet([
        { title: 'A1', authors: 'Lò Văn A', unit: 'CĐCS Tam Đường', benefit: '6 tỷ' },
        { title: 'A2', authors: 'Lò Văn A', unit: 'CĐCS Tam Đường', benefit: '4.000.000.000' },
        { title: 'B1', authors: 'Lò Văn B', unit: 'CĐCS Phong Thổ', benefit: 6_000_000_000 },
        { title: 'B2', authors: 'Lò Văn B', unit: 'CĐCS Phong Thổ', benefit: 3_999_999_999 },
        { title: 'C1', authors: 'Lò Văn C', unit: 'CĐCS Sìn Hồ', benefit: '10 tỷ' },
      ]),
    ]);
    expect(result(run, TAM_DUONG, '2.1.1c')).toBe('met');
    expect(run.unit(TAM_DUONG).verdicts['2.1.1c']!.reason).toContain('tổng giá trị làm lợi 10.000.000.000 đ ≥ 10.000.000.000 đ');
    expect(result(run, PHONG_THO, '2.1.1c')).toBe('not_met');
    expect(result(run, SIN_HO, '2.1.1c')).toBe('not_met');
  });

  it('individual thresholds: 2.2.2 at 50,000,000, 1.2.3 at 1,000,000,000, 1.2.2 at 30,000,000,000 (each also one đồng less)', () => {
    const run = runSheets([
      upperSheet([upper(TAM_DUONG)]),
      grassrootsSheet([grass('CĐCS Bản Bo', TAM_DUONG)]),
      initiativeSheet([
        // Each author has two counted initiatives ("many" = 2); the second has no benefit.
        ...(
          [
            ['Nguyễn Văn Năm Mươi', 50_000_000],
            ['Nguyễn Văn Thiếu', 49_999_999],
            ['Trần Thị Một Tỷ', '1 tỷ'],
            ['Trần Thị Thiếu Tỷ', 999_999_999],
            ['Hoàng Văn Ba Mươi Tỷ', '30 tỷ'],
            ['Hoàng Văn Thiếu Tỷ', 29_999_999_999],
          ] as const
        ).flatMap(([author, benefit]): InitiativeSpec[] => [
          { title: `SK của ${author}`, authors: author, unit: 'CĐCS Bản Bo', benefit },
          { title: `SK phụ của ${author}`, authors: author, unit: 'CĐCS Bản Bo' },
        ]),
      ]),
    ]);
    const r = (name: string, id: string) => run.person(name).verdicts[id]!.result;
    expect(r('Nguyễn Văn Năm Mươi', '2.2.2')).toBe('met');
    expect(r('Nguyễn Văn Thiếu', '2.2.2')).toBe('not_met');
    expect(run.person('Nguyễn Văn Thiếu', undefined, 'en').verdicts['2.2.2']!.reason).toContain('(best evidenced: 49,999,999 VND)');
    expect(r('Trần Thị Một Tỷ', '1.2.3')).toBe('met');
    expect(r('Trần Thị Thiếu Tỷ', '1.2.3')).toBe('not_met');
    expect(r('Hoàng Văn Ba Mươi Tỷ', '1.2.2')).toBe('met');
    expect(r('Hoàng Văn Thiếu Tỷ', '1.2.2')).toBe('not_met');
    expect(r('Trần Thị Thiếu Tỷ', '1.2.2')).toBe('not_met');
  });

  it('1.2.3 also needs the province at ≥ 100%: 199 of 200 with 1-billion initiatives → not met; 200 of 200 → one slot for the province', () => {
    const sheets = (phongTho: number) => [
      upperSheet([{ name: TAM_DUONG, plan: 100, count: 99, grassroots: 40 }, { name: PHONG_THO, plan: 100, count: phongTho, grassroots: 40 }]),
      grassrootsSheet([grass('CĐCS Tam Đường', TAM_DUONG), grass('CĐCS Phong Thổ', PHONG_THO)]),
      initiativeSheet([
        { title: 'A', authors: 'Lò Văn A', unit: 'CĐCS Tam Đường', benefit: '1 tỷ' },
        { title: 'B', authors: 'Lò Văn B', unit: 'CĐCS Phong Thổ', benefit: '1 tỷ' },
      ]),
    ];
    const below = runSheets(sheets(100));
    expect(below.person('Lò Văn A').verdicts['1.2.3']!.result).toBe('not_met');
    expect(below.person('Lò Văn A').verdicts['1.2.3']!.reason).toContain('LĐLĐ tỉnh Lai Châu: 99,5% kế hoạch (199/200)');
    expect(below.nomination('1.2.3', 'LĐLĐ tỉnh Lai Châu')).toMatchObject({ quota: 0, selected: [] });
    const at = runSheets(sheets(101));
    expect(at.person('Lò Văn B').verdicts['1.2.3']!.result).toBe('met');
    // Equal benefit and count: Vietnamese name order decides, the other is reserve 1.
    expect(at.nomination('1.2.3', 'LĐLĐ tỉnh Lai Châu')).toMatchObject({ quota: 1, selected: ['Lò Văn A'], reserve: ['Lò Văn B'] });
  });
});

describe('dates: documents 01/9/2021–31/8/2023, initiatives counted up to 24:00 31/8/2023', () => {
  // Each author: one 60-million initiative whose dates vary, plus one plain counted initiative.
  const cases: [string, Partial<InitiativeSpec>][] = [
    ['Lò Thị Tháng Tám', { doc: '15/QĐ-CĐCS ngày 31/8/2021' }],
    ['Lò Thị Tháng Chín', { doc: '16/QĐ-CĐCS ngày 01/9/2021' }],
    ['Lò Thị Cuối Kỳ', { doc: '17/QĐ-CĐCS ngày 31/8/2023', registered: '31/8/2023' }],
    ['Lò Thị Đăng Muộn', { registered: '01/09/2023' }],
  ];
  const run = runSheets([
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
    grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 4, count: null }], 'CĐCS', { omit: ['count'] }),
    initiativeSheet(
      cases.flatMap(([author, spec]): InitiativeSpec[] => [
        { title: `Sáng kiến ${author}`, authors: author, unit: 'CĐCS Bản Bo', benefit: 60_000_000, ...spec },
        { title: `Sáng kiến thêm ${author}`, authors: author, unit: 'CĐCS Bản Bo' },
      ]),
    ),
  ]);

  it('a recognition document dated 31/8/2021 is outside the window: 2.2.2 not met, the reason and a flag name the date', () => {
    const v = run.person('Lò Thị Tháng Tám').verdicts['2.2.2']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('31/08/2021');
    const flags = run.issues('doc_date_out_of_window');
    expect(flags.map((f) => f.subject)).toEqual(['Sáng kiến Lò Thị Tháng Tám']);
    expect(flags[0]!.row).toBe(3);
  });

  it('dated 01/9/2021 (first day of the window) → 2.2.2 met', () => {
    expect(run.person('Lò Thị Tháng Chín').verdicts['2.2.2']!.result).toBe('met');
  });

  it('document and registration both on 31/8/2023 (the cutoff day) → counted and evidenced, 2.2.2 met', () => {
    expect(run.person('Lò Thị Cuối Kỳ').verdicts['2.2.2']!.result).toBe('met');
  });

  it('registered 01/9/2023, after the cutoff → not counted (1 counted initiative, not "many"), flag registered_after_cutoff', () => {
    const v = run.person('Lò Thị Đăng Muộn').verdicts['2.2.2']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('1 sáng kiến được tính');
    const flags = run.issues('registered_after_cutoff');
    expect(flags.map((f) => f.subject)).toEqual(['Sáng kiến Lò Thị Đăng Muộn']);
    expect(flags[0]!.message).toContain('01/09/2023');
  });

  it('the grassroots count from the list leaves the late one out: 8 rows, 7 counted (7/4 = 175%)', () => {
    expect(run.unit('CĐCS Bản Bo').count).toBe(7);
    expect(run.unit('CĐCS Bản Bo').verdicts['2.1.2a']!.reason).toBe('2.1.2a: 175% kế hoạch (7/4) > 150%');
  });
});

describe('huge numbers stay exact (count·100 vs X·plan in integers, never floats)', () => {
  // Pairs where floating point gets the comparison wrong (checked by hand with BigInt):
  // 9000000000000001·100 < 150·6000000000000001 although 9000000000000001/6000000000000001 === 1.5 in floats.
  const run = runSheets([
    upperSheet([
      { name: TAM_DUONG, plan: 6000000000000001, count: 9000000000000001, grassroots: 40, members: 500 }, // just below 150%
      { name: PHONG_THO, plan: 6000000000000002, count: 9000000000000003, grassroots: 40, members: 500 }, // exactly 150%
      { name: SIN_HO, plan: 6000000000000001, count: 9000000000000002, grassroots: 40, members: 500 }, // just above (float says 1.5)
      { name: THAN_UYEN, plan: 3002399751580331, count: 4503599627370497, grassroots: 40, members: 500 }, // just above
      { name: 'LĐLĐ thành phố Lai Châu', plan: 3002399751580331, count: 4503599627370496, grassroots: 40, members: 500 }, // just below
    ]),
  ]);

  it('just below 150%: 2.1.1a not met and the ≥150% quota precondition fails (quota 0)', () => {
    expect(result(run, TAM_DUONG, '2.1.1a')).toBe('not_met');
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBe(0);
  });

  it('exactly 150%: 2.1.1a not met, quota precondition met (quota 1)', () => {
    expect(result(run, PHONG_THO, '2.1.1a')).toBe('not_met');
    expect(run.nomination('2.1.2', PHONG_THO).quota).toBe(1);
  });

  it('just above 150%: 2.1.1a met', () => {
    expect(result(run, SIN_HO, '2.1.1a')).toBe('met');
    expect(result(run, THAN_UYEN, '2.1.1a')).toBe('met');
    expect(result(run, 'LĐLĐ thành phố Lai Châu', '2.1.1a')).toBe('not_met');
    expect(run.nomination('2.1.2', 'LĐLĐ thành phố Lai Châu').quota).toBe(0);
  });

  it('the numbers are reported as read, digit for digit', () => {
    expect(run.unit(THAN_UYEN)).toMatchObject({ plan: 3002399751580331, count: 4503599627370497 });
    expect(run.unit(THAN_UYEN).verdicts['2.1.1a']!.reason).toContain('(4503599627370497/3002399751580331)');
  });
});

describe('"an initiative with benefit" means benefit > 0 among counted initiatives', () => {
  it('60 M + a benefit of 0 is one initiative with benefit, not "many": 2.1.2b not met', () => {
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
      grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 5, count: 5 }, { name: 'CĐCS Bản Hon', parent: TAM_DUONG, plan: 5, count: 5 }]),
      initiativeSheet([
        { title: 'A', authors: 'Lò Văn A', unit: 'CĐCS Bản Bo', benefit: '60 triệu' },
        { title: 'B', authors: 'Lò Văn A', unit: 'CĐCS Bản Bo', benefit: 0 },
        { title: 'C', authors: 'Lò Văn C', unit: 'CĐCS Bản Hon', benefit: '60 triệu', registered: '02/9/2023' },
        { title: 'D', authors: 'Lò Văn C', unit: 'CĐCS Bản Hon', benefit: '10 triệu' },
      ]),
    ]);
    expect(run.unit('CĐCS Bản Bo').verdicts['2.1.2b']!.reason).toContain('số sáng kiến có giá trị làm lợi 1, chưa đạt từ 2');
    // A late 60 M initiative is not counted: 1 with benefit (10 M), below 50 M.
    expect(run.unit('CĐCS Bản Hon').verdicts['2.1.2b']!.result).toBe('not_met');
    expect(run.unit('CĐCS Bản Hon', 'en').verdicts['2.1.2b']!.reason).toContain('highest benefit 10,000,000 VND');
  });

  it('members unknown (empty cell) → the 2.2.2 quota cannot be known (null); 2.1.2 still can', () => {
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40, members: null }])]);
    expect(run.nomination('2.2.2', TAM_DUONG).quota).toBeNull();
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBe(1);
  });
});

describe('dates as Excel hands them over (serial numbers from office-js, Date from exceljs)', () => {
  // Serial 45169 = 31/8/2023, 45170 = 1/9/2023; serial 44439 = 31/8/2021, 44440 = 1/9/2021.
  const run = runSheets([
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
    grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 4, count: null }], 'CĐCS', { omit: ['count'] }),
    initiativeSheet([
      { title: 'Đăng ký ngày chốt', authors: 'Lò Văn A', unit: 'CĐCS Bản Bo', registered: 45169 },
      { title: 'Đăng ký sau ngày chốt', authors: 'Lò Văn A', unit: 'CĐCS Bản Bo', registered: 45170 },
      { title: 'Công nhận trước kỳ', authors: 'Lò Văn B', unit: 'CĐCS Bản Bo', doc: 44439 },
      { title: 'Công nhận đầu kỳ', authors: 'Lò Văn B', unit: 'CĐCS Bản Bo', doc: new Date(Date.UTC(2021, 8, 1)) },
    ]),
  ]);

  it('registration serial 45169 (31/8/2023) counts, 45170 (1/9/2023) does not', () => {
    expect(run.unit('CĐCS Bản Bo').count).toBe(3);
    expect(run.issues('registered_after_cutoff').map((f) => f.subject)).toEqual(['Đăng ký sau ngày chốt']);
  });

  it('a document of serial 44439 (31/8/2021) is out of the window, a Date of 1/9/2021 is in', () => {
    expect(run.issues('doc_date_out_of_window').map((f) => f.subject)).toEqual(['Công nhận trước kỳ']);
  });
});

describe('2.1.2c: the two yes/no columns, or the one the workbook has', () => {
  const grass = [
    { name: 'CĐCS Có Cả Hai', parent: TAM_DUONG, plan: 10, count: 5, clause: 'Có', rewarded: 'Đã khen 3 tác giả' },
    { name: 'CĐCS Chỉ Quy Chế', parent: TAM_DUONG, plan: 10, count: 5, clause: 'x', rewarded: 'Chưa' },
    { name: 'CĐCS Bỏ Trống', parent: TAM_DUONG, plan: 10, count: 5 },
  ];
  const upper = upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]);

  it('both columns: both must say yes; "Chưa" or an empty cell is not met', () => {
    const run = runSheets([upper, grassrootsSheet(grass)]);
    expect(run.unit('CĐCS Có Cả Hai').verdicts['2.1.2c']!.result).toBe('met');
    expect(run.unit('CĐCS Chỉ Quy Chế').verdicts['2.1.2c']!.result).toBe('not_met');
    expect(run.unit('CĐCS Chỉ Quy Chế', 'en').verdicts['2.1.2c']!.reason).toBe('2.1.2c: no: has rewarded authors');
    expect(run.unit('CĐCS Bỏ Trống').verdicts['2.1.2c']!.result).toBe('not_met');
  });

  it('only the reward-clause column: it alone decides', () => {
    const run = runSheets([upper, grassrootsSheet(grass, 'CĐCS', { omit: ['rewarded'] })]);
    expect(run.unit('CĐCS Chỉ Quy Chế').verdicts['2.1.2c']!.result).toBe('met');
  });

  it('neither column: unknown, and the reason says the workbook has no such column', () => {
    const run = runSheets([upper, grassrootsSheet(grass, 'CĐCS', { omit: ['clause', 'rewarded'] })]);
    const v = run.unit('CĐCS Có Cả Hai', 'en').verdicts['2.1.2c']!;
    expect(v.result).toBe('unknown');
    expect(v.reason).toContain('the workbook has no');
  });
});
