/**
 * The guidance as data. `lai-chau-82-2023`: the provincial federation's own awards (2.x) and its
 * proposals upward (1.x); `tld-91-2023`: the Confederation's awards for a national workbook.
 * Wording in `title` follows the seed text so an officer can read it against the paper.
 */
import { bi } from '../i18n';
import type { Condition, CriterionDef, ParamDef, QuotaDef, RuleSet } from './types';

const pct = (cmp: '>' | '>=', value: number, scope?: 'top' | 'parent'): Condition => ({ metric: 'pct', cmp, value, ...(scope ? { scope } : {}) });
const many = { param: 'many' };

const COMMON_PARAMS: Record<string, ParamDef> = {
  many: { value: 2, type: 'number', label: bi('"Nhiều" sáng kiến = ít nhất', '"Many" initiatives = at least'), seed: bi('có nhiều sáng kiến có giá trị làm lợi cao', 'many initiatives of high benefit') },
  cutoff: { value: '2023-08-31', type: 'date', label: bi('Tính sáng kiến đến hết ngày', 'Initiatives counted up to'), seed: bi('tính đến 24h00 ngày 31/8/2023', 'up to 24:00 on 31/8/2023') },
  docFrom: { value: '2021-09-01', type: 'date', label: bi('Văn bản ký từ ngày', 'Documents dated from'), seed: bi('thời gian từ ngày 01/9/2021 đến ngày 31/8/2023', 'dated 01/9/2021 to 31/8/2023') },
  docTo: { value: '2023-08-31', type: 'date', label: bi('Văn bản ký đến ngày', 'Documents dated to'), seed: bi('thời gian từ ngày 01/9/2021 đến ngày 31/8/2023', 'dated 01/9/2021 to 31/8/2023') },
  firstAuthorOnly: { value: false, type: 'boolean', label: bi('Chỉ tính tác giả đứng đầu', 'Credit the first author only'), seed: bi('cá nhân có sáng kiến', 'individuals with initiatives') },
  collectiveRequiresEvidence: { value: false, type: 'boolean', label: bi('Tiêu chí tập thể chỉ tính sáng kiến đủ minh chứng', 'Collective criteria count evidenced initiatives only'), seed: bi('có nhiều sáng kiến tiêu biểu, có giá trị làm lợi cao', 'many outstanding initiatives of high benefit') },
  cmp113: { value: '>=', type: 'choice', choices: ['>', '>='], label: bi('So sánh của 1.1.3 ("trên 200% … trở lên")', 'Comparator of 1.1.3 ("above 200% … or more")'), seed: bi('đạt trên 200% … trở lên', 'above 200% … or more') },
};

const UP_CRITERIA: CriterionDef[] = [
  { id: '1.1.2', appliesTo: ['grassroots'], title: bi('CĐCS xếp hạng 1–10 trên cổng hoặc vượt trên 200% chỉ tiêu', 'Grassroots union ranked 1–10 on the portal or above 200% of plan'), when: { any: [{ metric: 'rank', cmp: '<=', value: 10 }, pct('>', 200)] } },
  { id: '1.1.3', appliesTo: ['enterprise'], title: bi('Doanh nghiệp phối hợp tốt, khen thưởng tác giả thường xuyên (đơn vị đạt trên 200% trở lên)', 'Enterprise rewarding authors regularly (unit above 200% or more)'), when: { all: [{ metric: 'pct', cmp: { param: 'cmp113' }, value: 200, scope: 'top' }, { flags: ['rewardedAuthors'] }] } },
  { id: '1.2.1', appliesTo: ['author'], title: bi('Sáng kiến có giá trị làm lợi cao nhất Chương trình', 'Initiative with the highest benefit of the programme'), when: { highestEvidencedBenefit: true } },
  { id: '1.2.2', appliesTo: ['author'], title: bi('Sáng kiến tiêu biểu toàn quốc, làm lợi từ 30 tỷ đồng/năm', 'Nationally outstanding initiative, benefit ≥ 30 billion VND/year'), when: { evidencedInitiative: { benefit: 30_000_000_000 } } },
  { id: '1.2.3', appliesTo: ['author'], title: bi('Đơn vị đạt từ 100% chỉ tiêu; sáng kiến làm lợi từ 1 tỷ đồng/năm hoặc giá trị xã hội, nhân văn', 'Unit at ≥ 100% of plan; initiative ≥ 1 billion VND/year or social/humanitarian value'), when: { all: [pct('>=', 100, 'top'), { evidencedInitiative: { benefit: 1_000_000_000, social: true } }] } },
];

const criteria111 = (subject: 'province' | 'top'): CriterionDef[] => [
  { id: '1.1.1a', appliesTo: [subject], partOf: '1.1.1', title: bi('Xếp hạng 1–10 trên cổng và vượt trên 100% chỉ tiêu', 'Ranked 1–10 on the portal and above 100% of plan'), when: { all: [{ metric: 'rank', cmp: '<=', value: 10 }, pct('>', 100)] } },
  { id: '1.1.1b', appliesTo: [subject], partOf: '1.1.1', title: bi('Vượt trên 150% chỉ tiêu', 'Above 150% of plan'), when: pct('>', 150) },
  { id: '1.1.1c', appliesTo: [subject], partOf: '1.1.1', title: bi('Tỷ lệ vượt chỉ tiêu cao nhất trong cụm, khối', 'Highest over-target ratio in its cluster/bloc'), when: { highestInBloc: 'pct', over: 100 } },
  { id: '1.1.1', appliesTo: [subject], title: bi('Đạt một trong các tiêu chí 1.1.1a–c', 'Meets one of 1.1.1a–c'), when: { any: [{ criterion: '1.1.1a' }, { criterion: '1.1.1b' }, { criterion: '1.1.1c' }] } },
];

const collectiveOrder: QuotaDef['order'] = ['subMet', 'pct', 'totalBenefit', 'count', 'name'];
const individualOrder: QuotaDef['order'] = ['bestEvidencedBenefit', 'initiatives', 'social', 'name'];

const UP_QUOTAS: QuotaDef[] = [
  { award: '1.1.2', subject: 'grassroots', groupBy: 'top', eligible: { all: [pct('>', 200), { flags: ['rewardClause', 'rewardedAuthors'] }] }, slots: [{ slots: 1 }], order: collectiveOrder },
  { award: '1.1.3', subject: 'enterprise', groupBy: 'top', groupWhen: { metric: 'pct', cmp: { param: 'cmp113' }, value: 200 }, slots: [{ slots: 1 }], order: ['nonState', ...collectiveOrder] },
  { award: '1.2.3', subject: 'author', groupBy: 'top', groupWhen: pct('>=', 100), slots: [{ slots: 1 }], order: individualOrder },
  { award: '1.2.1', subject: 'author', groupBy: 'workbook', slots: [{ slots: 1 }], order: individualOrder, keepTies: true },
];

export const LAI_CHAU_82_2023: RuleSet = {
  id: 'lai-chau-82-2023',
  title: bi('Hướng dẫn 82/HD-LĐLĐ tỉnh Lai Châu (2023)', 'Guidance 82/HD-LĐLĐ, Lai Châu province (2023)'),
  // The province proposes upward (1.x): its own 01 grassroots union, enterprise and individual.
  topLevel: 'root',
  params: {
    ...COMMON_PARAMS,
    quota222NeedsPct150: { value: true, type: 'boolean', label: bi('Chỉ tiêu 2.2.2 chỉ cho đơn vị đạt từ 150%', '2.2.2 quota only for units at ≥ 150%'), seed: bi('đạt từ 150% chỉ tiêu trở lên và có từ 2.000 đoàn viên trở lên được đề nghị 05 cá nhân; dưới 2.000 đoàn viên 03 cá nhân', 'at 150% or more with ≥ 2,000 members: 05 individuals; fewer than 2,000 members: 03') },
  },
  criteria: [
    { id: '2.1.1a', appliesTo: ['upper'], partOf: '2.1.1', title: bi('Vượt trên 150% chỉ tiêu LĐLĐ tỉnh giao', 'Above 150% of the plan the province assigned'), when: pct('>', 150) },
    { id: '2.1.1b', appliesTo: ['upper'], partOf: '2.1.1', title: bi('Đạt từ 100% chỉ tiêu, có nhiều sáng kiến làm lợi cao (có sáng kiến từ 100 triệu đồng/năm)', '≥ 100% of plan and many high-benefit initiatives (one ≥ 100 million VND/year)'), when: { all: [pct('>=', 100), { metric: 'benefitCount', cmp: '>=', value: many }, { metric: 'maxBenefit', cmp: '>=', value: 100_000_000 }] } },
    { id: '2.1.1c', appliesTo: ['upper'], partOf: '2.1.1', title: bi('Nhiều sáng kiến, tổng giá trị làm lợi từ 10 tỷ đồng', 'Many initiatives with total benefit ≥ 10 billion VND'), when: { all: [{ metric: 'benefitCount', cmp: '>=', value: many }, { metric: 'totalBenefit', cmp: '>=', value: 10_000_000_000 }] } },
    { id: '2.1.1d', appliesTo: ['upper'], partOf: '2.1.1', title: bi('Tỷ lệ vượt chỉ tiêu cao nhất trong khối thi đua', 'Highest over-target ratio in its emulation bloc'), when: { highestInBloc: 'pct', over: 100 } },
    { id: '2.1.1', appliesTo: ['upper'], title: bi('CĐ cấp trên đạt một trong các tiêu chí 2.1.1a–d', 'Upper-level union meeting one of 2.1.1a–d'), when: { any: [{ criterion: '2.1.1a' }, { criterion: '2.1.1b' }, { criterion: '2.1.1c' }, { criterion: '2.1.1d' }] } },
    { id: '2.1.2a', appliesTo: ['grassroots'], partOf: '2.1.2', title: bi('Vượt trên 150% chỉ tiêu', 'Above 150% of plan'), when: pct('>', 150) },
    { id: '2.1.2b', appliesTo: ['grassroots'], partOf: '2.1.2', title: bi('Nhiều sáng kiến làm lợi cao (có sáng kiến từ 50 triệu đồng/năm)', 'Many high-benefit initiatives (one ≥ 50 million VND/year)'), when: { all: [{ metric: 'benefitCount', cmp: '>=', value: many }, { metric: 'maxBenefit', cmp: '>=', value: 50_000_000 }] } },
    { id: '2.1.2c', appliesTo: ['grassroots'], partOf: '2.1.2', title: bi('Có nội dung khen thưởng SK trong TƯLĐTT/quy chế và đã khen thưởng tác giả', 'Reward clause in agreement/regulations and has rewarded authors'), when: { flags: ['rewardClause', 'rewardedAuthors'] } },
    { id: '2.1.2', appliesTo: ['grassroots'], title: bi('CĐCS đạt một trong các tiêu chí 2.1.2a–c', 'Grassroots union meeting one of 2.1.2a–c'), when: { any: [{ criterion: '2.1.2a' }, { criterion: '2.1.2b' }, { criterion: '2.1.2c' }] } },
    { id: '2.2.1', appliesTo: ['author'], title: bi('Sáng kiến có giá trị làm lợi cao nhất Chương trình (tỉnh)', 'Initiative with the highest benefit of the programme (province)'), when: { highestEvidencedBenefit: true } },
    { id: '2.2.2', appliesTo: ['author'], title: bi('Nhiều sáng kiến, có sáng kiến làm lợi từ 50 triệu đồng/năm hoặc giá trị xã hội, nhân văn', 'Many initiatives, one ≥ 50 million VND/year or of social/humanitarian value'), when: { all: [{ personInitiatives: '>=', value: many }, { evidencedInitiative: { benefit: 50_000_000, social: true } }] } },
    { id: '2.2.3', appliesTo: ['official'], title: bi('Cán bộ chuyên trách chỉ đạo, hướng dẫn Chương trình', 'Full-time officials who directed the programme'), when: { any: [{ officialRole: ['standing', 'department'] }, { all: [{ officialRole: ['upper_fulltime'] }, pct('>=', 150)] }] } },
    ...criteria111('province'),
    ...UP_CRITERIA,
  ],
  quotas: [
    { award: '2.1.2', subject: 'grassroots', groupBy: 'upper', groupWhen: pct('>=', 150), slots: [{ when: { metric: 'grassroots', cmp: '>=', value: 80 }, slots: 3 }, { when: { metric: 'grassroots', cmp: '>=', value: 50 }, slots: 2 }, { slots: 1 }], order: collectiveOrder },
    { award: '2.2.2', subject: 'author', groupBy: 'upper', groupWhen: pct('>=', 150), groupWhenParam: 'quota222NeedsPct150', slots: [{ when: { metric: 'members', cmp: '>=', value: 2000 }, slots: 5 }, { slots: 3 }], order: individualOrder },
    { award: '2.2.1', subject: 'author', groupBy: 'workbook', slots: [{ slots: 1 }], order: individualOrder, keepTies: true },
    ...UP_QUOTAS,
  ],
  uncapped: ['2.1.1', '2.2.3', '1.1.1', '1.2.2'],
};

export const TLD_91_2023: RuleSet = {
  id: 'tld-91-2023',
  title: bi('Hướng dẫn 91/HD-TLĐ của Tổng Liên đoàn (2023)', 'Guidance 91/HD-TLĐ of the Confederation (2023)'),
  topLevel: 'root',
  params: { ...COMMON_PARAMS },
  criteria: [...criteria111('top'), ...UP_CRITERIA],
  quotas: UP_QUOTAS,
  uncapped: ['1.1.1', '1.2.2'],
};

export const PRESETS: Record<string, RuleSet> = { [LAI_CHAU_82_2023.id]: LAI_CHAU_82_2023, [TLD_91_2023.id]: TLD_91_2023 };
export const DEFAULT_PRESET = LAI_CHAU_82_2023.id;
