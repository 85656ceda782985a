/**
 * Evidence for individual awards (criteria.md "Initiative validity"): counted, posted online,
 * a recognition document, a benefit certification when the initiative qualifies through its
 * benefit, document dates inside 01/9/2021–31/8/2023. Missing evidence is a review flag naming
 * what is missing; a column the workbook does not have makes the verdict unknown, not "not met".
 */
import { decision, grassrootsSheet, initiativeSheet, runSheets, upperSheet, type InitiativeSpec, type InitiativeSheetOptions } from '../helpers/province';

const TAM_DUONG = 'LĐLĐ huyện Tam Đường';
const UNIT = 'CĐCS Trường PTDTBT THCS Bản Bo';

/** Initiative sheet rows start on Excel row 3 (title row, header row). */
const initiativeKey = (n: number) => `initiative:DS sáng kiến!${3 + n}`;

/** One author with a 60-million initiative (varied by the test) and one plain counted initiative. */
function author(name: string, main: Partial<InitiativeSpec>): InitiativeSpec[] {
  return [
    { title: `Sáng kiến chính của ${name}`, authors: name, unit: UNIT, benefit: 60_000_000, ...main },
    { title: `Sáng kiến phụ của ${name}`, authors: name, unit: UNIT },
  ];
}

function province(list: InitiativeSpec[], options: InitiativeSheetOptions = {}) {
  return [
    upperSheet([{ name: TAM_DUONG, plan: 10, count: 20, grassroots: 40, members: 900 }]),
    grassrootsSheet([{ name: UNIT, parent: TAM_DUONG, plan: 5, count: null }], 'CĐCS', { omit: ['count'] }),
    initiativeSheet(list, 'DS sáng kiến', options),
  ];
}

describe('benefit certification', () => {
  const run = runSheets(
    province([
      ...author('Lò Văn Chứng', {}), //                                                    rows 3–4: fully evidenced
      ...author('Lò Văn Thiếu', { cert: null }), //                                         rows 5–6: no certification
      ...author('Lò Thị Nhân Văn', { benefit: null, social: 'x', cert: null }), //           rows 7–8: social value, no benefit, no certification
      ...author('Lò Thị Cả Hai', { social: 'Có', cert: 'Chưa' }), //                       rows 9–10: benefit AND social, certification "not yet"
    ]),
  );

  it('with a certification the 60-million initiative qualifies: 2.2.2 met', () => {
    expect(run.person('Lò Văn Chứng').verdicts['2.2.2']!.result).toBe('met');
  });

  it('without one, 2.2.2 via benefit is not met, the reason names the missing certification, and a flag is raised', () => {
    const v = run.person('Lò Văn Thiếu', undefined, 'en').verdicts['2.2.2']!;
    expect(v.result).toBe('not_met');
    expect(v.reason).toContain('no benefit certification');
    const flags = run.issues('missing_benefit_certification');
    expect(flags.map((f) => f.row)).toContain(5);
    expect(flags.find((f) => f.row === 5)!.subject).toBe('Sáng kiến chính của Lò Văn Thiếu');
  });

  it('a social/humanitarian initiative needs no certification: 2.2.2 met, and no certification flag for it (it has no benefit)', () => {
    expect(run.person('Lò Thị Nhân Văn').verdicts['2.2.2']!.result).toBe('met');
    expect(run.issues('missing_benefit_certification').map((f) => f.row)).not.toContain(7);
  });

  it('an initiative with a benefit AND the social mark still qualifies through the social mark when its certification is missing', () => {
    expect(run.person('Lò Thị Cả Hai').verdicts['2.2.2']!.result).toBe('met');
    // 2.2.1 / 1.2.1 go through the benefit alone: that one is not evidenced, so it cannot be the best evidenced benefit.
    expect(run.person('Lò Thị Cả Hai').verdicts['2.2.1']!.result).toBe('not_met');
  });

  it('collective criteria count initiatives with benefit whether evidenced or not (2.1.2b met), unless the parameter asks for evidence', () => {
    // Benefits counted in the grassroots union: 60 M × 3 (Chứng, Thiếu, Cả Hai) → ≥ 2 with benefit, one ≥ 50 M.
    expect(run.unit(UNIT).verdicts['2.1.2b']!.result).toBe('met');
    const strict = runSheets(
      province([...author('Lò Văn Chứng', { benefit: 40_000_000 }), ...author('Lò Văn Thiếu', { cert: null })]),
      { params: { collectiveRequiresEvidence: true } },
    );
    // Only the certified 40-million one is left: one initiative with benefit, below 50 million.
    expect(strict.unit(UNIT).verdicts['2.1.2b']!.result).toBe('not_met');
  });
});

describe('posted online and recognition document', () => {
  const run = runSheets(
    province([
      ...author('Giàng A Đăng', { posted: 'Chưa' }), //                rows 3–4
      ...author('Giàng A Công Nhận', { doc: null }), //                rows 5–6
      ...author('Giàng A Giữ', { posted: 'Không', doc: 'Không' }), //  rows 7–8: kept by the reviewer below
    ]),
    { decisions: [{ subject: initiativeKey(4), kind: 'keep', award: null, who: 'Chị Hoa', when: '2023-09-05', note: 'Đã đăng tải, chưa cập nhật cột' }] },
  );

  it('not posted → 2.2.2 not met, flag not_posted on that row', () => {
    expect(run.person('Giàng A Đăng').verdicts['2.2.2']!.result).toBe('not_met');
    expect(run.person('Giàng A Đăng', undefined, 'en').verdicts['2.2.2']!.reason).toContain('not posted on the online system');
    expect(run.issues('not_posted').map((f) => f.row)).toContain(3);
  });

  it('no recognition document → 2.2.2 not met, flag missing_recognition_doc on that row', () => {
    expect(run.person('Giàng A Công Nhận').verdicts['2.2.2']!.result).toBe('not_met');
    expect(run.issues('missing_recognition_doc').map((f) => f.row)).toContain(5);
  });

  it('a reviewer\'s "keep" on the initiative waives its missing evidence: 2.2.2 met', () => {
    expect(run.person('Giàng A Giữ').verdicts['2.2.2']!.result).toBe('met');
  });

  it('the flags of the kept initiative are still listed, so the review sheet can carry the decision to the next run', () => {
    expect(run.issues('not_posted').map((f) => f.row)).toContain(7);
    expect(run.issues('missing_recognition_doc').map((f) => f.row)).toContain(7);
  });

  it('without the keep the same initiative is not evidenced', () => {
    const plain = runSheets(province([...author('Giàng A Giữ', { posted: 'Không', doc: 'Không' })]));
    expect(plain.person('Giàng A Giữ').verdicts['2.2.2']!.result).toBe('not_met');
  });

  it('a reviewer\'s "exclude" on an initiative drops it from every count, and it raises no evidence flag', () => {
    const excluded = runSheets(province([...author('Giàng A Đăng', { posted: 'Chưa' })]), { decisions: [decision(initiativeKey(0), 'exclude')] });
    expect(excluded.unit(UNIT).count).toBe(1);
    expect(excluded.person('Giàng A Đăng').verdicts['2.2.2']!.reason).toContain('1 sáng kiến được tính');
    expect(excluded.issues('not_posted')).toEqual([]);
  });
});

describe('a column the workbook lacks makes evidence unknown, never "not met"', () => {
  it('no "posted" column at all → 2.2.2 unknown, with the reason', () => {
    const run = runSheets(province([...author('Hờ A Vàng', {})], { omit: ['posted'] }));
    const v = run.person('Hờ A Vàng', undefined, 'en').verdicts['2.2.2']!;
    expect(v.result).toBe('unknown');
    expect(v.reason).toContain('no "posted" column');
    expect(run.person('Hờ A Vàng').verdicts['2.2.1']!.result).toBe('unknown');
    expect(run.issues('not_posted')).toEqual([]);
  });

  it('no certification column → a benefit-only initiative is unknown, a social one still qualifies', () => {
    const run = runSheets(province([...author('Hờ A Lợi', {}), ...author('Hờ Thị Nhân', { benefit: null, social: 'x' })], { omit: ['cert'] }));
    expect(run.person('Hờ A Lợi').verdicts['2.2.2']!.result).toBe('unknown');
    expect(run.person('Hờ Thị Nhân').verdicts['2.2.2']!.result).toBe('met');
  });

  it('a present column with an empty cell is "missing" (not met), not unknown', () => {
    const run = runSheets(province([...author('Hờ A Trống', { posted: null })]));
    expect(run.person('Hờ A Trống').verdicts['2.2.2']!.result).toBe('not_met');
  });
});

describe('document dates', () => {
  it('a certification dated 15/7/2021 is outside the window even when the recognition document is inside', () => {
    const run = runSheets(province([...author('Tẩn Láo Sử', { cert: 'Xác nhận ngày 15/7/2021' })]));
    expect(run.person('Tẩn Láo Sử').verdicts['2.2.2']!.result).toBe('not_met');
    expect(run.issues('doc_date_out_of_window').map((f) => f.row)).toEqual([3]);
  });

  it('the window is a parameter: moving its start to 01/7/2021 makes the same certification valid', () => {
    const run = runSheets(province([...author('Tẩn Láo Sử', { cert: 'Xác nhận ngày 15/7/2021' })]), { params: { docFrom: '2021-07-01' } });
    expect(run.person('Tẩn Láo Sử').verdicts['2.2.2']!.result).toBe('met');
  });
});
