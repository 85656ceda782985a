/**
 * Evaluating one condition of a rule set for one subject. Each evaluator decides the result
 * exactly (integers, never floats) and, only when asked to explain, writes the reason with its
 * numbers — so a million subjects can be decided without building a million sentences.
 */
import { bi, biNumber, type Bilingual } from '../i18n';
import type { Official } from '../model';
import type { Cmp, CmpRef, Condition, RuleSet, Scope, UnitFlag, UnitMetric, Value } from '../rules/types';
import { foldKey } from '../text';
import { type Facts, type Person, type UnitFacts, unreadableField } from './facts';
import type { Evidence } from './evidence';
import type { Params } from './params';
import { biMoney, biPct, combineAll, combineAny, comparePct, compareFractions, compareNumbers, comparison, type Result, type Verdict } from './verdict';

export type SubjectRef = { type: 'unit'; id: number } | { type: 'person'; index: number } | { type: 'official'; id: number };

export interface EvalContext {
  rules: RuleSet;
  params: Params;
  facts: Facts;
  officials: Official[];
  unitFields: Set<string>;
  explain: boolean;
  blocs: Map<string, UnitFacts[]>;
  /** Highest benefit of a counted initiative with evidence met, and with evidence unknown; whether some benefit is unreadable. */
  topBenefit: { met: number; unknown: number; unreadable: boolean };
  criterion(subject: SubjectRef, id: string): Verdict;
}

const SILENT: Bilingual = { vi: '', en: '' };
// Deciding a million subjects reads only the result: one shared verdict per result, no reason written.
const QUIET: Record<Result, Verdict> = { met: { result: 'met', reason: SILENT }, not_met: { result: 'not_met', reason: SILENT }, unknown: { result: 'unknown', reason: SILENT } };
const v = (result: Result, ctx: EvalContext, reason: () => Bilingual): Verdict => (ctx.explain ? { result, reason: reason() } : QUIET[result]);

function explainEach(parts: Condition[], subject: SubjectRef, ctx: EvalContext): Verdict[] {
  return parts.map((c) => evalCondition(c, subject, ctx));
}

function evalCriterionRef(id: string, subject: SubjectRef, ctx: EvalContext): Verdict {
  const r = ctx.criterion(subject, id);
  if (!ctx.explain) return QUIET[r.result];
  const reason = r.result === 'met' ? bi(`đạt ${id}`, `meets ${id}`) : r.result === 'not_met' ? bi(`chưa đạt ${id}`, `does not meet ${id}`) : bi(`${id} chưa rõ (${r.reason.vi})`, `${id} unknown (${r.reason.en})`);
  return { result: r.result, reason };
}

/** all / any without reasons: every part is still evaluated (criteria they name get decided), no arrays or texts. */
function quietCombine(parts: Condition[], all: boolean, subject: SubjectRef, ctx: EvalContext): Verdict {
  let met = false;
  let notMet = false;
  let unknown = false;
  for (const c of parts) {
    const r = evalCondition(c, subject, ctx).result;
    if (r === 'met') met = true;
    else if (r === 'not_met') notMet = true;
    else unknown = true;
  }
  if (all) return QUIET[notMet ? 'not_met' : unknown ? 'unknown' : 'met'];
  return QUIET[met ? 'met' : unknown ? 'unknown' : 'not_met'];
}

export const blocKey = (f: UnitFacts) => `${f.unit.level}|${foldKey(f.unit.bloc ?? '')}`;

function paramValue(value: Value, ctx: EvalContext): number {
  if (typeof value === 'number') return value;
  const p = ctx.params[value.param];
  return typeof p === 'number' ? p : NaN;
}

function paramCmp(cmp: CmpRef, ctx: EvalContext): Cmp {
  if (typeof cmp === 'string') return cmp;
  const p = ctx.params[cmp.param];
  return p === '>' || p === '>=' || p === '<' || p === '<=' || p === '=' ? p : '>=';
}

/** The unit a collective condition looks at for this subject. */
function scopedUnit(subject: SubjectRef, scope: Scope | undefined, ctx: EvalContext): UnitFacts | null {
  const units = ctx.facts.units;
  let id: number | null;
  if (subject.type === 'unit') id = subject.id;
  else if (subject.type === 'person') id = ctx.facts.persons[subject.index]!.unitId;
  else id = ctx.officials[subject.id]!.unitId;
  if (id === null) return null;
  const f = units[id]!;
  if (scope === 'parent') return f.unit.parentId === null ? null : units[f.unit.parentId]!;
  if (scope === 'top') return f.topId === null ? null : units[f.topId]!;
  // A person's or an official's own numbers are those of the upper-level union they belong to.
  if (subject.type !== 'unit' && f.unit.level !== 'upper' && f.upperId !== null) return units[f.upperId]!;
  return f;
}

const prefix = (f: UnitFacts, subject: SubjectRef, scope: Scope | undefined): Bilingual =>
  subject.type === 'unit' && !scope ? SILENT : { vi: `${f.unit.name}: `, en: `${f.unit.name}: ` };
const pre = (p: Bilingual, t: Bilingual): Bilingual => ({ vi: p.vi + t.vi, en: p.en + t.en });

const NO_UNIT = bi('không xác định được đơn vị', 'the unit is not known');
const ROLE_UNKNOWN = bi('chưa rõ vai trò, chức vụ', 'role or position unknown');

function noUnit(ctx: EvalContext): Verdict {
  return ctx.explain ? { result: 'unknown', reason: NO_UNIT } : QUIET.unknown;
}

/** How a pct comparison came out; its result and its explanation both follow from it. */
type PctCase = 'no_plan' | 'no_count' | 'unplaced' | 'met' | 'not_met';
const PCT_RESULT: Record<PctCase, Result> = { no_plan: 'unknown', no_count: 'unknown', unplaced: 'unknown', met: 'met', not_met: 'not_met' };

function pctCase(f: UnitFacts, cmp: Cmp, x: number, ctx: EvalContext): PctCase {
  if (f.plan === null) return 'no_plan';
  if (f.count === null) return 'no_count';
  const ok = comparePct(f.count, f.plan, cmp, x);
  // Counted from the list while some initiatives could not be placed: they may be this unit's.
  const missed = f.countSource === 'list' ? ctx.facts.unattributed.count : 0;
  if (!ok && missed > 0 && (cmp === '>' || cmp === '>=')) return 'unplaced';
  return ok ? 'met' : 'not_met';
}

function evalPct(f: UnitFacts, cmp: Cmp, x: number, p: Bilingual, ctx: EvalContext): Verdict {
  const c = pctCase(f, cmp, x, ctx);
  return ctx.explain ? { result: PCT_RESULT[c], reason: pctExplained(c, f, cmp, x, p, ctx) } : QUIET[PCT_RESULT[c]];
}

function pctExplained(c: PctCase, f: UnitFacts, cmp: Cmp, x: number, p: Bilingual, ctx: EvalContext): Bilingual {
  if (c === 'no_plan') {
    const why = ctx.unitFields.has('plan') ? bi('chỉ tiêu trống hoặc không đọc được', 'plan target is empty or unreadable') : bi('bảng không có cột chỉ tiêu', 'the workbook has no plan column');
    return pre(p, bi(`chưa biết tỷ lệ: ${why.vi}`, `unknown: ${why.en}`));
  }
  if (c === 'no_count') return pre(p, bi('chưa biết tỷ lệ: chưa có số sáng kiến', 'unknown: initiative count is missing'));
  if (c === 'unplaced') {
    const missed = ctx.facts.unattributed.count;
    const r = pctReason(false, cmp, f.count!, f.plan!, x, SILENT);
    return pre(p, bi(`${r.vi}; nhưng ${missed} sáng kiến chưa rõ thuộc đơn vị nào`, `${r.en}; but ${missed} initiative(s) could not be placed in a unit`));
  }
  return pctReason(c === 'met', cmp, f.count!, f.plan!, x, p);
}

function pctReason(ok: boolean, cmp: Cmp, count: number, plan: number, x: number, p: Bilingual): Bilingual {
  const pct = biPct(count, plan);
  const left = bi(`${pct.vi} kế hoạch (${count}/${plan})`, `${pct.en} of plan (${count}/${plan})`);
  return pre(p, comparison(ok, cmp, left, bi(`${x}%`, `${x}%`)).reason);
}

const METRIC_LABEL: Record<Exclude<UnitMetric, 'pct'>, Bilingual> = {
  count: bi('số sáng kiến', 'initiatives'),
  plan: bi('chỉ tiêu', 'plan target'),
  members: bi('số đoàn viên', 'members'),
  grassroots: bi('số CĐCS trực thuộc', 'grassroots unions'),
  rank: bi('xếp hạng', 'rank'),
  benefitCount: bi('số sáng kiến có giá trị làm lợi', 'initiatives with benefit'),
  maxBenefit: bi('sáng kiến làm lợi cao nhất', 'highest benefit'),
  totalBenefit: bi('tổng giá trị làm lợi', 'total benefit'),
};

function metricValue(f: UnitFacts, metric: Exclude<UnitMetric, 'pct'>): number | null {
  switch (metric) {
    case 'count': return f.count;
    case 'plan': return f.plan;
    case 'members': return f.unit.members;
    case 'grassroots': return unreadableField(f.unit, 'grassroots') ? null : f.grassroots;
    case 'rank': return unreadableField(f.unit, 'rank') ? null : f.rank;
    case 'benefitCount': return f.benefitKnown ? f.benefitCount : null;
    case 'maxBenefit': return f.benefitKnown ? f.maxBenefit : null;
    case 'totalBenefit': return f.benefitKnown ? f.totalBenefit : null;
  }
}

/** A unit figure compared: unknown (no value), unknown (initiatives that could not be read or placed may count), met, not met. */
type MetricCase = 'no_value' | 'hidden' | 'met' | 'not_met';
const METRIC_RESULT: Record<MetricCase, Result> = { no_value: 'unknown', hidden: 'unknown', met: 'met', not_met: 'not_met' };

/** Initiatives a unit figure may lack: benefits (and list counts) only grow with those the engine could not read or place. */
function hiddenFrom(f: UnitFacts, metric: Exclude<UnitMetric, 'pct'>, ctx: EvalContext): number {
  if (metric === 'benefitCount' || metric === 'maxBenefit' || metric === 'totalBenefit') return f.benefitUnreadable + ctx.facts.unattributed.withBenefit;
  return metric === 'count' && f.countSource === 'list' ? ctx.facts.unattributed.count : 0;
}

function metricCase(value: number | null, f: UnitFacts, metric: Exclude<UnitMetric, 'pct'>, cmp: Cmp, x: number, ctx: EvalContext): MetricCase {
  if (value === null) return 'no_value';
  const ok = compareNumbers(value, cmp, x);
  if (!ok && (cmp === '>' || cmp === '>=') && hiddenFrom(f, metric, ctx) > 0) return 'hidden';
  return ok ? 'met' : 'not_met';
}

function evalMetric(cond: Extract<Condition, { metric: UnitMetric }>, subject: SubjectRef, ctx: EvalContext): Verdict {
  const f = scopedUnit(subject, cond.scope, ctx);
  if (!f) return noUnit(ctx);
  const cmp = paramCmp(cond.cmp, ctx);
  const x = paramValue(cond.value, ctx);
  const p = ctx.explain ? prefix(f, subject, cond.scope) : SILENT;
  if (cond.metric === 'pct') return evalPct(f, cmp, x, p, ctx);
  const value = metricValue(f, cond.metric);
  const c = metricCase(value, f, cond.metric, cmp, x, ctx);
  return ctx.explain ? { result: METRIC_RESULT[c], reason: pre(p, metricExplained(c, value, f, cond.metric, cmp, x, ctx)) } : QUIET[METRIC_RESULT[c]];
}

function metricExplained(c: MetricCase, value: number | null, f: UnitFacts, metric: Exclude<UnitMetric, 'pct'>, cmp: Cmp, x: number, ctx: EvalContext): Bilingual {
  const label = METRIC_LABEL[metric];
  const fmt = metric === 'maxBenefit' || metric === 'totalBenefit' ? biMoney : biNumber;
  if (c === 'no_value') {
    const why = metric.endsWith('enefit') || metric === 'benefitCount' ? bi('không có cột giá trị làm lợi trong danh sách sáng kiến', 'no benefit column in the initiative list') : bi('ô trống hoặc không có cột', 'empty cell or no such column');
    return bi(`chưa biết ${label.vi}: ${why.vi}`, `${label.en} unknown: ${why.en}`);
  }
  if (c === 'hidden') {
    const hidden = hiddenFrom(f, metric, ctx);
    const why = bi(`${hidden} sáng kiến chưa đọc được giá trị làm lợi hoặc chưa rõ thuộc đơn vị nào`, `${hidden} initiative(s) have an unreadable benefit or could not be placed in a unit`);
    return bi(`${label.vi} ${fmt(value!).vi}, chưa đạt ${fmt(x).vi}; nhưng ${why.vi}`, `${label.en} ${fmt(value!).en}, not ${fmt(x).en}; but ${why.en}`);
  }
  const local = metric === 'rank' && f.rankLocal ? bi(' (tính trong bảng)', ' (rank computed locally)') : metric === 'count' && f.countSource === 'list' ? bi(' (đếm từ danh sách)', ' (counted from the list)') : SILENT;
  const left = bi(`${label.vi} ${fmt(value!).vi}${local.vi}`, `${label.en} ${fmt(value!).en}${local.en}`);
  return comparison(c === 'met', cmp, left, fmt(x)).reason;
}

const FLAG_LABEL: Record<UnitFlag, Bilingual> = {
  rewardClause: bi('có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'reward clause in agreement/regulations'),
  rewardedAuthors: bi('đã khen thưởng tác giả', 'has rewarded authors'),
};

function evalFlags(cond: Extract<Condition, { flags: UnitFlag[] }>, subject: SubjectRef, ctx: EvalContext): Verdict {
  const f = scopedUnit(subject, cond.scope, ctx);
  if (!f) return noUnit(ctx);
  const present = cond.flags.filter((flag) => ctx.unitFields.has(flag));
  if (!present.length) {
    return v('unknown', ctx, () => bi(`bảng không có cột «${cond.flags.map((x) => FLAG_LABEL[x].vi).join('», «')}»`, `the workbook has no "${cond.flags.map((x) => FLAG_LABEL[x].en).join('", "')}" column`));
  }
  const missing = present.filter((flag) => f.unit[flag] !== true);
  const unread = missing.filter((flag) => unreadableField(f.unit, flag));
  if (missing.length && unread.length === missing.length) {
    return v('unknown', ctx, () => bi(`ô «${unread.map((x) => FLAG_LABEL[x].vi).join('», «')}» không đọc được`, `the "${unread.map((x) => FLAG_LABEL[x].en).join('", "')}" cell is unreadable`));
  }
  return v(missing.length ? 'not_met' : 'met', ctx, () =>
    missing.length
      ? bi(`chưa: ${missing.map((x) => FLAG_LABEL[x].vi).join('; ')}`, `no: ${missing.map((x) => FLAG_LABEL[x].en).join('; ')}`)
      : bi(present.map((x) => FLAG_LABEL[x].vi).join('; '), present.map((x) => FLAG_LABEL[x].en).join('; ')),
  );
}

function evalHighestInBloc(over: number, subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'unit') return noUnit(ctx);
  const f = ctx.facts.units[subject.id]!;
  if (!f.unit.bloc) return v('not_met', ctx, () => bi('không thuộc khối thi đua nào: không áp dụng', 'in no emulation bloc: not applicable'));
  const above = evalPct(f, '>', over, SILENT, ctx);
  if (above.result !== 'met') return above;
  const peers = ctx.blocs.get(blocKey(f)) ?? [];
  const higher = peers.find((o) => o !== f && o.count !== null && o.plan !== null && compareFractions(o.count, o.plan, f.count!, f.plan!) > 0);
  const pct = () => biPct(f.count!, f.plan!);
  if (higher) {
    return v('not_met', ctx, () => bi(`${pct().vi} (${f.count}/${f.plan}) thấp hơn ${higher.unit.name} ${biPct(higher.count!, higher.plan!).vi} trong «${f.unit.bloc}»`, `${pct().en} (${f.count}/${f.plan}) is below ${higher.unit.name} at ${biPct(higher.count!, higher.plan!).en} in "${f.unit.bloc}"`));
  }
  const blind = peers.find((o) => o !== f && (o.count === null || o.plan === null));
  if (blind) return v('unknown', ctx, () => bi(`chưa biết tỷ lệ của ${blind.unit.name} cùng khối «${f.unit.bloc}»`, `the ratio of ${blind.unit.name} in "${f.unit.bloc}" is unknown`));
  const tied = peers.filter((o) => o !== f && compareFractions(o.count!, o.plan!, f.count!, f.plan!) === 0).map((o) => o.unit.name);
  return v('met', ctx, () => bi(`${pct().vi} (${f.count}/${f.plan}) cao nhất khối «${f.unit.bloc}»${tied.length ? `, bằng ${tied.join(', ')}` : ''}`, `${pct().en} (${f.count}/${f.plan}) is the highest in "${f.unit.bloc}"${tied.length ? `, tied with ${tied.join(', ')}` : ''}`));
}

function evalPersonInitiatives(cmp: Cmp, x: number, subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'person') return noUnit(ctx);
  const counted = ctx.facts.persons[subject.index]!.counted;
  const ok = compareNumbers(counted, cmp, x);
  if (!ctx.explain) return QUIET[ok ? 'met' : 'not_met'];
  return { result: ok ? 'met' : 'not_met', reason: comparison(ok, cmp, bi(`${counted} sáng kiến được tính`, `${counted} counted initiatives`), biNumber(x)).reason };
}

const EVIDENCE_ORDER: Record<Result, number> = { met: 0, unknown: 1, not_met: 2 };
const BENEFIT_UNREADABLE = bi('giá trị làm lợi không đọc được', 'the benefit is unreadable');
const SOCIAL_UNREADABLE = bi('ô giá trị xã hội không đọc được', 'the social value cell is unreadable');

/** What an evidenced initiative must have: "làm lợi ≥ 50 triệu đồng hoặc có giá trị xã hội, nhân văn". */
function wantedInitiative(threshold: number | null, social: boolean): Bilingual {
  const parts: Bilingual[] = [];
  if (threshold !== null) parts.push(bi(`làm lợi ≥ ${biMoney(threshold).vi}`, `benefit ≥ ${biMoney(threshold).en}`));
  if (social) parts.push(bi('có giá trị xã hội, nhân văn', 'of social/humanitarian value'));
  return bi(parts.map((x) => x.vi).join(' hoặc '), parts.map((x) => x.en).join(' or '));
}

/** What decided a person's evidenced-initiative condition, for its explanation. */
interface EvidencedFinding {
  id: number;
  ev: Evidence | null;
  social: boolean;
  failed: { id: number; ev: Evidence }[];
}

/**
 * The person's first initiative that meets the condition with evidence met; else the first with
 * evidence unknown (an unreadable benefit or social mark may qualify: unknown, not "no"). Fills
 * `found` only when explaining: deciding a quarter of a million people allocates nothing here.
 */
function scanEvidenced(p: Person, threshold: number | null, social: boolean, ctx: EvalContext, found: EvidencedFinding | null): Result {
  const { status, initiatives } = ctx.facts;
  const order = EVIDENCE_ORDER;
  let unknownId = -1;
  let unknownEv: Evidence | null = null;
  for (const id of p.initiativeIds) {
    const i = initiatives[id]!;
    const byBenefit = threshold !== null && i.benefit !== null && i.benefit >= threshold;
    const bySocial = social && i.social === true;
    if (!byBenefit && !bySocial) {
      if (i.unreadable === undefined || unknownId !== -1) continue; // nothing unreadable (the usual case), or an unknown already found
      const unreadBenefit = threshold !== null && i.benefit === null && i.unreadable.includes('benefit');
      const unreadSocial = social && i.social !== true && i.unreadable.includes('social');
      if ((unreadBenefit || unreadSocial) && status[id]!.counted) {
        unknownId = id;
        unknownEv = { result: 'unknown', missing: [...(unreadBenefit ? [BENEFIT_UNREADABLE] : []), ...(unreadSocial ? [SOCIAL_UNREADABLE] : [])] };
      }
      continue;
    }
    // Through its benefit an initiative needs a certification, through the social mark it does not:
    // one that qualifies both ways counts by the better-evidenced way (the benefit way when equal).
    const viaBenefit = byBenefit ? status[id]!.viaBenefit : null;
    const viaSocial = bySocial ? status[id]!.viaOther : null;
    const throughSocial = viaSocial !== null && (viaBenefit === null || order[viaSocial.result] < order[viaBenefit.result]);
    const ev = throughSocial ? viaSocial! : viaBenefit!;
    if (ev.result === 'met') {
      if (found) Object.assign(found, { id, ev, social: throughSocial });
      return 'met';
    }
    if (ev.result === 'unknown') {
      if (unknownId === -1) {
        unknownId = id;
        unknownEv = ev;
      }
    } else found?.failed.push({ id, ev });
  }
  if (found) Object.assign(found, { id: unknownId, ev: unknownEv });
  return unknownId === -1 ? 'not_met' : 'unknown';
}

function evalEvidenced(cond: { benefit?: Value; social?: boolean }, subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'person') return noUnit(ctx);
  const p = ctx.facts.persons[subject.index]!;
  const threshold = cond.benefit === undefined ? null : paramValue(cond.benefit, ctx);
  const social = cond.social === true;
  if (!ctx.explain) return QUIET[scanEvidenced(p, threshold, social, ctx, null)];
  const found: EvidencedFinding = { id: -1, ev: null, social: false, failed: [] };
  const result = scanEvidenced(p, threshold, social, ctx, found);
  return { result, reason: evidencedReason(result, found, p, threshold, social, ctx) };
}

function evidencedReason(result: Result, found: EvidencedFinding, p: Person, threshold: number | null, social: boolean, ctx: EvalContext): Bilingual {
  const initiatives = ctx.facts.initiatives;
  const want = wantedInitiative(threshold, social);
  if (result === 'met') {
    const i = initiatives[found.id]!;
    return !found.social
      ? bi(`sáng kiến «${i.title}» làm lợi ${biMoney(i.benefit!).vi} ≥ ${biMoney(threshold!).vi}, đủ minh chứng`, `initiative "${i.title}" benefit ${biMoney(i.benefit!).en} ≥ ${biMoney(threshold!).en}, evidenced`)
      : bi(`sáng kiến «${i.title}» có giá trị xã hội, nhân văn, đủ minh chứng`, `initiative "${i.title}" has social/humanitarian value, evidenced`);
  }
  if (result === 'unknown') {
    const i = initiatives[found.id]!;
    const missing = found.ev!.missing;
    return bi(`sáng kiến «${i.title}» (${want.vi}) chưa rõ minh chứng: ${missing.map((m) => m.vi).join(', ')}`, `initiative "${i.title}" (${want.en}) evidence unknown: ${missing.map((m) => m.en).join(', ')}`);
  }
  const best = p.bestEvidencedBenefit > 0 ? bi(` (cao nhất đủ minh chứng: ${biMoney(p.bestEvidencedBenefit).vi})`, ` (best evidenced: ${biMoney(p.bestEvidencedBenefit).en})`) : SILENT;
  const why = found.failed.slice(0, 3).map(({ id, ev }) => {
    return bi(`«${initiatives[id]!.title}»: ${ev.missing.map((m) => m.vi).join(', ')}`, `"${initiatives[id]!.title}": ${ev.missing.map((m) => m.en).join(', ')}`);
  });
  const tail = why.length ? bi(`; ${why.map((w) => w.vi).join('; ')}`, `; ${why.map((w) => w.en).join('; ')}`) : SILENT;
  return bi(`không có sáng kiến đủ minh chứng ${want.vi}${best.vi}${tail.vi}`, `no evidenced initiative ${want.en}${best.en}${tail.en}`);
}

/** 2.2.1 for one person; its result and its explanation both follow from it. */
type TopCase = 'own_unreadable' | 'none' | 'top_but_unreadable' | 'top_but_unknown' | 'top' | 'own_unknown' | 'below';
const TOP_RESULT: Record<TopCase, Result> = { own_unreadable: 'unknown', none: 'not_met', top_but_unreadable: 'unknown', top_but_unknown: 'unknown', top: 'met', own_unknown: 'unknown', below: 'not_met' };

function hasUnknownAtLeast(p: Person, facts: Facts, high: number): boolean {
  for (const id of p.initiativeIds) if (facts.status[id]!.viaBenefit.result === 'unknown' && (facts.initiatives[id]!.benefit ?? 0) >= high) return true;
  return false;
}

function topCase(p: Person, ctx: EvalContext): TopCase {
  const { met, unknown, unreadable } = ctx.topBenefit;
  // A counted benefit of their own that is unreadable is known from gathering people; the scan below
  // can find something only when the programme-wide figures say so (`unknown`: the highest benefit
  // with unknown evidence): most people are decided without reading their initiatives.
  if (unreadable && p.unreadableBenefit) return 'own_unreadable';
  if (met === 0 && unknown === 0) return 'none';
  const own = p.bestEvidencedBenefit;
  if (own > 0 && own === met) return unreadable ? 'top_but_unreadable' : unknown > met ? 'top_but_unknown' : 'top';
  const high = Math.max(met, 1);
  return unknown >= high && hasUnknownAtLeast(p, ctx.facts, high) ? 'own_unknown' : 'below';
}

function evalHighestBenefit(subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'person') return noUnit(ctx);
  const p = ctx.facts.persons[subject.index]!;
  const c = topCase(p, ctx);
  return ctx.explain ? { result: TOP_RESULT[c], reason: topExplained(c, p.bestEvidencedBenefit, ctx) } : QUIET[TOP_RESULT[c]];
}

function topExplained(c: TopCase, own: number, ctx: EvalContext): Bilingual {
  const { met, unknown } = ctx.topBenefit;
  switch (c) {
    case 'own_unreadable': return bi('có sáng kiến chưa đọc được giá trị làm lợi', 'an initiative has an unreadable benefit');
    case 'none': return bi('không có sáng kiến đủ minh chứng có giá trị làm lợi', 'no evidenced initiative with a benefit value');
    case 'top_but_unreadable': return bi(`làm lợi ${biMoney(own).vi}; có sáng kiến chưa đọc được giá trị làm lợi`, `benefit ${biMoney(own).en}; an initiative has an unreadable benefit`);
    case 'top_but_unknown': return bi(`làm lợi ${biMoney(own).vi}; có sáng kiến ${biMoney(unknown).vi} chưa rõ minh chứng`, `benefit ${biMoney(own).en}; an initiative of ${biMoney(unknown).en} has unknown evidence`);
    case 'top': return bi(`làm lợi ${biMoney(own).vi}, cao nhất Chương trình`, `benefit ${biMoney(own).en}, the highest of the programme`);
    case 'own_unknown': return bi('có sáng kiến làm lợi cao nhưng chưa rõ minh chứng', 'a high-benefit initiative has unknown evidence');
    case 'below': return bi(`cao nhất của cá nhân ${biMoney(own).vi}; cao nhất Chương trình ${biMoney(met).vi}`, `own best ${biMoney(own).en}; highest of the programme ${biMoney(met).en}`);
  }
}

const ROLE_LABEL = { standing: bi('Thường trực', 'standing officer'), department: bi('ban chuyên môn', 'programme department'), upper_fulltime: bi('chuyên trách CĐ cấp trên', 'full-time official of an upper-level union'), other: bi('khác', 'other') };

function evalOfficialRole(roles: string[], subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'official') return noUnit(ctx);
  const role = ctx.officials[subject.id]!.role;
  if (role === null) return ctx.explain ? { result: 'unknown', reason: ROLE_UNKNOWN } : QUIET.unknown;
  const result = roles.includes(role) ? 'met' : 'not_met';
  return ctx.explain ? { result, reason: bi(`vai trò: ${ROLE_LABEL[role].vi}`, `role: ${ROLE_LABEL[role].en}`) } : QUIET[result];
}

/**
 * No closure is made here, nor on the quiet path of the evaluators that run for every person,
 * official or unit figure: a function holding a closure allocates its context on every call, and
 * this runs for every criterion of every subject.
 */
export function evalCondition(cond: Condition, subject: SubjectRef, ctx: EvalContext): Verdict {
  if ('all' in cond) return ctx.explain ? combineAll(explainEach(cond.all, subject, ctx)) : quietCombine(cond.all, true, subject, ctx);
  if ('any' in cond) return ctx.explain ? combineAny(explainEach(cond.any, subject, ctx)) : quietCombine(cond.any, false, subject, ctx);
  if ('criterion' in cond) return evalCriterionRef(cond.criterion, subject, ctx);
  if ('metric' in cond) return evalMetric(cond, subject, ctx);
  if ('flags' in cond) return evalFlags(cond, subject, ctx);
  if ('highestInBloc' in cond) return evalHighestInBloc(paramValue(cond.over, ctx), subject, ctx);
  if ('personInitiatives' in cond) return evalPersonInitiatives(cond.personInitiatives, paramValue(cond.value, ctx), subject, ctx);
  if ('evidencedInitiative' in cond) return evalEvidenced(cond.evidencedInitiative, subject, ctx);
  if ('highestEvidencedBenefit' in cond) return evalHighestBenefit(subject, ctx);
  return evalOfficialRole(cond.officialRole, subject, ctx);
}
