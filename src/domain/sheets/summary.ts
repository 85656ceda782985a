/**
 * `Tổng hợp`: one row per unit (plan, count, % of plan, members, grassroots, criteria met), totals,
 * initiatives and benefit by field, verdict counts per criterion, nominations against quota —
 * the numbers part of the report outline II.1, II.4 and II.6.
 */
import type { SubjectRef } from '../engine/conditions';
import type { Outcome } from '../engine/run';
import type { Lang } from '../i18n';
import type { Unit } from '../model';
import { collator } from '../engine/quotas';
import { col, metCriteria, pctOrNull, pick, SUMMARY_SHEET } from './common';
import { type ListBlock, listBlocks, type OutRow, type ResultSheet } from './model';

const LABEL_WIDTH = 44;
const LEVEL = { province: ['Tỉnh', 'Province'], upper: ['CĐ cấp trên', 'Upper-level'], grassroots: ['CĐCS', 'Grassroots'], enterprise: ['Doanh nghiệp', 'Enterprise'] } as const;

/** Units in hierarchy order: each top unit followed by the units below it, names in Vietnamese order. */
function hierarchyOrder(units: Unit[]): Unit[] {
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId;
    (children.get(key) ?? children.set(key, []).get(key)!).push(u);
  }
  for (const list of children.values()) list.sort((a, b) => (a.source.sheet === b.source.sheet ? 0 : a.source.sheet.localeCompare(b.source.sheet)) || a.source.row - b.source.row);
  const out: Unit[] = [];
  const visit = (u: Unit, depth: number) => {
    out.push(u);
    if (depth < 16) for (const c of children.get(u.id) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return out;
}

function unitsBlock(o: Outcome, lang: Lang): ListBlock {
  const facts = o.evaluation.facts.units;
  const rows: OutRow[] = hierarchyOrder(o.model.units).map((u) => {
    const f = facts[u.id]!;
    return {
      style: u.level === 'grassroots' || u.level === 'enterprise' ? 'normal' : 'section',
      cells: [u.name, LEVEL[u.level][lang === 'vi' ? 0 : 1], u.parentId !== null ? o.model.units[u.parentId]!.name : u.parentName, f.plan, f.count, pctOrNull(f.count, f.plan), u.members, u.level === 'grassroots' ? null : f.grassroots, u.bloc, metCriteria(o, { type: 'unit', id: u.id }), { text: `${u.source.sheet}!${u.source.row}`, sheet: u.source.sheet, row: u.source.row }],
    };
  });
  // Totals over the top of the hierarchy only, so nothing is counted twice.
  const tops = o.model.units.filter((u) => u.parentId === null);
  const plans = tops.map((u) => facts[u.id]!.plan);
  const counts = tops.map((u) => facts[u.id]!.count);
  const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0));
  const plan = sum(plans);
  const count = sum(counts);
  rows.push({ style: 'total', cells: [pick(lang, 'Tổng cộng', 'Total'), null, null, plan, count, pctOrNull(count, plan), sum(tops.map((u) => u.members)), null, null, null, null] });
  return {
    title: pick(lang, 'I. Kết quả thực hiện chỉ tiêu theo đơn vị', 'I. Results against plan by unit'),
    columns: [
      // Every block of this sheet starts with a wide label column: blocks share Excel's columns.
      col(pick(lang, 'Đơn vị', 'Unit'), 'text', LABEL_WIDTH), col(pick(lang, 'Cấp', 'Level'), 'text', 12),
      col(pick(lang, 'Thuộc', 'Parent'), 'text', 30), col(pick(lang, 'Chỉ tiêu', 'Plan'), 'integer', 10), col(pick(lang, 'Số SK', 'Initiatives'), 'integer', 10),
      col(pick(lang, 'Tỷ lệ %', '% of plan'), 'percent1', 10), col(pick(lang, 'Số ĐV', 'Members'), 'integer', 10), col(pick(lang, 'Số CĐCS', 'Grassroots'), 'integer', 10),
      col(pick(lang, 'Khối thi đua', 'Bloc'), 'text', 24), col(pick(lang, 'Tiêu chí đạt', 'Criteria met'), 'text', 24), col(pick(lang, 'Dòng nguồn', 'Source row'), 'link', 18),
    ],
    rows,
  };
}

interface FieldTally {
  count: number;
  withBenefit: number;
  total: number;
}

/** The counted initiatives' figures, overall and by field: one pass over a million initiatives for both blocks. */
interface CountedTally extends FieldTally {
  evidenced: number;
  byField: Map<string, FieldTally>;
}

function tallyCounted(o: Outcome, lang: Lang): CountedTally {
  const status = o.evaluation.facts.status;
  const noField = pick(lang, '(chưa ghi lĩnh vực)', '(no field)');
  const out: CountedTally = { count: 0, withBenefit: 0, total: 0, evidenced: 0, byField: new Map() };
  const { initiatives } = o.model;
  // Initiatives come in the officer's order, often by field: the tally of the row before is reused.
  let field: string | undefined;
  let e: FieldTally = { count: 0, withBenefit: 0, total: 0 };
  for (let n = 0; n < initiatives.length; n++) {
    const i = initiatives[n]!;
    const st = status[n]!;
    if (!st.counted) continue;
    const key = i.field ?? noField;
    if (key !== field) {
      const known = out.byField.get(key);
      if (known) e = known;
      else out.byField.set(key, (e = { count: 0, withBenefit: 0, total: 0 }));
      field = key;
    }
    out.count++;
    e.count++;
    if (i.benefit !== null && i.benefit > 0) {
      out.withBenefit++;
      out.total += i.benefit;
      e.withBenefit++;
      e.total += i.benefit;
    }
    if (st.viaOther.result === 'met') out.evidenced++;
  }
  return out;
}

function totalsBlock(o: Outcome, t: CountedTally, lang: Lang): ListBlock {
  const row = (label: string, value: number, format: 'integer' | 'money' = 'integer'): OutRow => ({ cells: [label, value, format === 'money' ? pick(lang, 'đồng/năm', 'VND/year') : null] });
  return {
    title: pick(lang, 'II.1. Số lượng, chất lượng sáng kiến và tổng giá trị làm lợi', 'II.1. Number and quality of initiatives, total benefit'),
    columns: [col(pick(lang, 'Chỉ số', 'Figure'), 'text', LABEL_WIDTH), col(pick(lang, 'Giá trị', 'Value'), 'money', 18), col('', 'text', 12)],
    rows: [
      row(pick(lang, 'Sáng kiến trong danh sách', 'Initiatives listed'), o.model.initiatives.length),
      row(pick(lang, 'Sáng kiến được tính (đến ngày chốt, không bị loại)', 'Initiatives counted (by the cutoff, not excluded)'), t.count),
      row(pick(lang, 'Sáng kiến có giá trị làm lợi', 'Initiatives with a benefit value'), t.withBenefit),
      row(pick(lang, 'Sáng kiến đủ minh chứng (đăng tải, văn bản công nhận)', 'Initiatives evidenced (posted, recognised)'), t.evidenced),
      row(pick(lang, 'Tổng giá trị làm lợi', 'Total benefit'), t.total, 'money'),
      row(pick(lang, 'Số tác giả', 'Authors'), o.evaluation.facts.persons.length),
    ],
  };
}

function fieldsBlock(t: CountedTally, lang: Lang): ListBlock {
  const names = [...t.byField.keys()].sort(collator.compare);
  return {
    title: pick(lang, 'II.4. Sáng kiến theo lĩnh vực', 'II.4. Initiatives by field'),
    columns: [col(pick(lang, 'Lĩnh vực', 'Field'), 'text', LABEL_WIDTH), col(pick(lang, 'Số SK', 'Initiatives'), 'integer', 12), col(pick(lang, 'Số SK có giá trị làm lợi', 'With benefit'), 'integer', 14), col(pick(lang, 'Tổng giá trị làm lợi (đồng)', 'Total benefit (VND)'), 'money', 20)],
    rows: names.map((name) => {
      const e = t.byField.get(name)!;
      return { cells: [name, e.count, e.withBenefit, e.total] };
    }),
  };
}

function criteriaBlock(o: Outcome, lang: Lang): ListBlock {
  const ev = o.evaluation;
  const tally = new Map(ev.criteria.map((c) => [c.id, { met: 0, not_met: 0, unknown: 0 }]));
  for (const u of o.model.units) {
    const s: SubjectRef = { type: 'unit', id: u.id };
    for (const c of ev.applicable(s)) tally.get(c.id)![ev.result(s, c.id)!]++;
  }
  // Every person (every official) has the same criteria: count their results column by column.
  const add = (type: 'person' | 'official', count: number, s: SubjectRef) => {
    if (count === 0) return;
    for (const c of ev.applicable(s)) {
      const t = tally.get(c.id)!;
      const r = ev.countResults(type, c.id);
      t.met += r.met;
      t.not_met += r.not_met;
      t.unknown += r.unknown;
    }
  };
  add('person', ev.facts.persons.length, { type: 'person', index: 0 });
  add('official', o.model.officials.length, { type: 'official', id: 0 });
  return {
    title: pick(lang, 'Kết quả theo tiêu chí', 'Results by criterion'),
    columns: [col(pick(lang, 'Tiêu chí', 'Criterion'), 'text', LABEL_WIDTH), col(pick(lang, 'Đạt', 'Met'), 'integer', 8), col(pick(lang, 'Không đạt', 'Not met'), 'integer', 10), col(pick(lang, 'Chưa rõ', 'Unknown'), 'integer', 9)],
    rows: ev.criteria.map((c) => {
      const t = tally.get(c.id)!;
      return { style: c.partOf ? 'normal' : 'section', cells: [`${c.id}: ${c.title[lang]}`, t.met, t.not_met, t.unknown] };
    }),
  };
}

function nominationsBlock(o: Outcome, lang: Lang): ListBlock {
  return {
    title: pick(lang, 'II.6. Kết quả bình xét, đề nghị khen thưởng', 'II.6. Nominations against quota'),
    columns: [col(pick(lang, 'Giải thưởng — nhóm', 'Award — group'), 'text', LABEL_WIDTH), col(pick(lang, 'Số suất', 'Quota'), 'integer', 9), col(pick(lang, 'Đã chọn', 'Selected'), 'integer', 9), col(pick(lang, 'Dự bị', 'Reserve'), 'integer', 9), col(pick(lang, 'Căn cứ số suất', 'Quota basis'), 'text', 12)], // last column: its text runs on into the empty cells to its right
    rows: o.nominations.map((n) => ({ cells: [`${n.award} — ${n.group === '*' ? pick(lang, 'toàn bảng', 'whole workbook') : n.group}`, n.quota, n.selected.length, n.reserve.length, n.quotaReason[lang]] })),
  };
}

export function buildSummarySheet(o: Outcome, lang: Lang): ResultSheet {
  const counted = tallyCounted(o, lang);
  return {
    name: SUMMARY_SHEET[lang],
    kind: 'summary',
    title: [pick(lang, 'TỔNG HỢP KẾT QUẢ CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"', 'SUMMARY OF THE "ONE MILLION INITIATIVES" PROGRAMME'), `${o.rules.title[lang]} — ${pick(lang, 'Lập bởi Bình xét', 'Made by Bình xét')}`],
    blocks: listBlocks([unitsBlock(o, lang), totalsBlock(o, counted, lang), fieldsBlock(counted, lang), criteriaBlock(o, lang), nominationsBlock(o, lang)]),
  };
}
