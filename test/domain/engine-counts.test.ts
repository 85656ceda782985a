/**
 * Where count(u) and rank(u) come from (criteria.md "Quantities"), and the bloc comparison of
 * 2.1.1d: the count column is authoritative, otherwise the initiative list over the unit and
 * everything below it; the rank is the portal's, otherwise computed in the workbook (1,2,2,4)
 * and said so; the highest ratio in a bloc is met by every tied unit.
 */
import { grassrootsSheet, initiativeSheet, runSheets, upperSheet, type InitiativeSpec } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const PHONG_THO = 'LĐLĐ huyện Phong Thổ';
const SIN_HO = 'LĐLĐ huyện Sìn Hồ';
const THAN_UYEN = 'LĐLĐ huyện Than Uyên';

const initiatives = (unit: string, n: number, tag = unit): InitiativeSpec[] =>
  Array.from({ length: n }, (_, i) => ({ title: `Sáng kiến ${tag} số ${i + 1}`, authors: `Tác giả ${i + 1}`, unit }));

describe('count(u): the column is authoritative, the list is the fallback', () => {
  it('column 16, list 3 → 16 is used (2.1.2a met on 16/10) and a count_mismatch issue shows both numbers', () => {
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40 }]),
      grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 10, count: 16 }]),
      initiativeSheet(initiatives('CĐCS Bản Bo', 3)),
    ]);
    expect(run.unit('CĐCS Bản Bo').count).toBe(16);
    expect(run.unit('CĐCS Bản Bo').verdicts['2.1.2a']!.result).toBe('met');
    const issue = run.issues('count_mismatch').find((i) => i.subject === 'CĐCS Bản Bo')!;
    expect(issue).toMatchObject({ sheet: 'CĐCS', row: 4 });
    expect(issue.message).toContain('16');
    expect(issue.message).toContain('3');
    const en = run.issues('count_mismatch', 'en').find((i) => i.subject === 'CĐCS Bản Bo')!;
    expect(en.message).toBe('Count column says 16, the initiative list has 3: the column is used');
  });

  it('column and list agreeing raise no issue', () => {
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 10, count: 3, grassroots: 40 }]),
      grassrootsSheet([{ name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 2, count: 3 }]),
      initiativeSheet(initiatives('CĐCS Bản Bo', 3)),
    ]);
    expect(run.issues('count_mismatch')).toEqual([]);
  });

  it('no count column → counted from the list over the unit and every unit below it', () => {
    // Tam Đường: 4 + 3 in its grassroots unions, 1 registered directly on the district federation = 8.
    const run = runSheets([
      upperSheet([{ name: TAM_DUONG, plan: 5, count: null, grassroots: 40 }, { name: PHONG_THO, plan: 5, count: null, grassroots: 40 }], 'TH chỉ tiêu', { omit: ['count'] }),
      grassrootsSheet([
        { name: 'CĐCS Bản Bo', parent: TAM_DUONG, plan: 2, count: null },
        { name: 'CĐCS Bản Giang', parent: TAM_DUONG, plan: 2, count: null },
        { name: 'CĐCS Mường So', parent: PHONG_THO, plan: 2, count: null },
      ], 'CĐCS', { omit: ['count'] }),
      initiativeSheet([
        ...initiatives('CĐCS Bản Bo', 4),
        ...initiatives('CĐCS Bản Giang', 3),
        ...initiatives(TAM_DUONG, 1),
        ...initiatives('CĐCS Mường So', 7),
      ]),
    ]);
    expect(run.unit('CĐCS Bản Bo').count).toBe(4);
    expect(run.unit('CĐCS Bản Giang').count).toBe(3);
    expect(run.unit(TAM_DUONG).count).toBe(8);
    expect(run.unit(PHONG_THO).count).toBe(7);
    // 8/5 = 160% > 150%; 7/5 = 140%.
    expect(run.unit(TAM_DUONG).verdicts['2.1.1a']!.reason).toBe('2.1.1a: 160% kế hoạch (8/5) > 150%');
    expect(run.unit(PHONG_THO).verdicts['2.1.1a']!.result).toBe('not_met');
    expect(run.issues('count_mismatch')).toEqual([]);
  });

  it('no count column and no initiative list → the count is unknown and so is every ratio verdict', () => {
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 5, count: null, grassroots: 40 }], 'TH chỉ tiêu', { omit: ['count'] })]);
    expect(run.unit(TAM_DUONG).count).toBeNull();
    expect(run.unit(TAM_DUONG).verdicts['2.1.1a']!.result).toBe('unknown');
    expect(run.nomination('2.1.2', TAM_DUONG).quota).toBeNull();
  });
});

describe('rank(u): portal column, or computed locally and said so', () => {
  // Twelve grassroots unions, counts 30, 20, 20, 10, then 9 … 2: local ranks 1, 2, 2, 4, 5 … 12.
  const counts = [30, 20, 20, 10, 9, 8, 7, 6, 5, 4, 3, 2];
  const grass = counts.map((count, i) => ({ name: `CĐCS Số ${String(i + 1).padStart(2, '0')}`, parent: TAM_DUONG, plan: 100, count }));

  it('1,2,2,4 ranking by count; the reason says "tính trong bảng" / "computed locally"', () => {
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 100, count: 200, grassroots: 40 }]), grassrootsSheet(grass)]);
    const reason = (n: number, lang: 'vi' | 'en' = 'vi') => run.unit(grass[n]!.name, lang).verdicts['1.1.2']!.reason;
    expect(reason(0)).toBe('1.1.2: xếp hạng 1 (tính trong bảng) ≤ 10');
    expect(reason(1)).toContain('xếp hạng 2 (tính trong bảng)');
    expect(reason(2)).toContain('xếp hạng 2 (tính trong bảng)');
    expect(reason(3, 'en')).toContain('rank 4 (rank computed locally) ≤ 10');
    // Ranks 11 and 12 are beyond the top ten and 30% is not above 200%.
    expect(run.unit(grass[9]!.name).verdicts['1.1.2']!.result).toBe('met');
    expect(run.unit(grass[10]!.name).verdicts['1.1.2']!.result).toBe('not_met');
    expect(reason(10, 'en')).toContain('rank 11 (rank computed locally) is not at most 10');
  });

  it('a portal rank column is used as written and the reason does not say "computed locally"', () => {
    const ranked = grass.map((g, i) => ({ ...g, rank: 100 + i }));
    ranked[11]!.rank = 7;
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 100, count: 200, grassroots: 40 }]), grassrootsSheet(ranked)]);
    expect(run.unit(grass[0]!.name).verdicts['1.1.2']!.result).toBe('not_met');
    expect(run.unit(grass[11]!.name).verdicts['1.1.2']!.result).toBe('met');
    expect(run.unit(grass[11]!.name).verdicts['1.1.2']!.reason).toBe('1.1.2: xếp hạng 7 ≤ 10');
  });
});

describe('2.1.1d: highest over-target ratio in the emulation bloc', () => {
  const BLOC = 'Khối LĐLĐ huyện, thành phố';

  it('two unions tied at the highest ratio (12/10 and 24/20) both meet it, the third does not and is told who is higher', () => {
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 12, grassroots: 40, bloc: BLOC },
        { name: PHONG_THO, plan: 20, count: 24, grassroots: 40, bloc: BLOC },
        { name: SIN_HO, plan: 10, count: 11, grassroots: 40, bloc: BLOC },
      ]),
    ]);
    expect(run.unit(TAM_DUONG).verdicts['2.1.1d']!.result).toBe('met');
    expect(run.unit(PHONG_THO).verdicts['2.1.1d']!.result).toBe('met');
    expect(run.unit(TAM_DUONG, 'en').verdicts['2.1.1d']!.reason).toContain(`tied with ${PHONG_THO}`);
    expect(run.unit(SIN_HO).verdicts['2.1.1d']!.result).toBe('not_met');
    expect(run.unit(SIN_HO, 'en').verdicts['2.1.1d']!.reason).toContain('110% (11/10) is below');
  });

  it('units in another bloc are not peers: the best of each bloc meets it', () => {
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 30, grassroots: 40, bloc: BLOC },
        { name: 'Công đoàn ngành Giáo dục', plan: 10, count: 11, grassroots: 40, bloc: 'Khối Công đoàn ngành' },
      ]),
    ]);
    expect(run.unit('Công đoàn ngành Giáo dục').verdicts['2.1.1d']!.result).toBe('met');
  });

  it('a union in no bloc: not applicable, decided as not met with that reason', () => {
    const run = runSheets([upperSheet([{ name: TAM_DUONG, plan: 10, count: 30, grassroots: 40 }])]);
    const v = run.unit(TAM_DUONG, 'en').verdicts['2.1.1d']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('not applicable');
  });

  it('a bloc peer with an unknown plan → unknown (it might be higher); a known higher peer → not met regardless', () => {
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 13, grassroots: 40, bloc: BLOC },
        { name: PHONG_THO, plan: null, count: 24, grassroots: 40, bloc: BLOC },
        { name: SIN_HO, plan: 10, count: 12, grassroots: 40, bloc: BLOC },
      ]),
    ]);
    const v = run.unit(TAM_DUONG, 'en').verdicts['2.1.1d']!;
    expect(v.result).toBe('unknown');
    expect(v.reason).toContain(PHONG_THO);
    expect(run.unit(SIN_HO).verdicts['2.1.1d']!.result).toBe('not_met');
    // 2.1.1 = any of a–d: a (130%) not met, b/c unknown without a list, d unknown → unknown.
    expect(run.unit(TAM_DUONG).verdicts['2.1.1']!.result).toBe('unknown');
  });

  it('at or below 100% the unit does not meet it even as the best of its bloc', () => {
    const run = runSheets([
      upperSheet([
        { name: TAM_DUONG, plan: 10, count: 10, grassroots: 40, bloc: BLOC },
        { name: THAN_UYEN, plan: 10, count: 9, grassroots: 40, bloc: BLOC },
      ]),
    ]);
    expect(run.unit(TAM_DUONG).verdicts['2.1.1d']!.result).toBe('not_met');
  });
});
