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

function noUnit(ctx: EvalContext): Verdict {
  return v('unknown', ctx, () => bi('không xác định được đơn vị', 'the unit is not known'));
}

function evalPct(f: UnitFacts, cmp: Cmp, x: number, p: Bilingual, ctx: EvalContext): Verdict {
  if (f.plan === null) {
    const why = ctx.unitFields.has('plan') ? bi('chỉ tiêu trống hoặc không đọc được', 'plan target is empty or unreadable') : bi('bảng không có cột chỉ tiêu', 'the workbook has no plan column');
    return v('unknown', ctx, () => pre(p, bi(`chưa biết tỷ lệ: ${why.vi}`, `unknown: ${why.en}`)));
  }
  if (f.count === null) return v('unknown', ctx, () => pre(p, bi('chưa biết tỷ lệ: chưa có số sáng kiến', 'unknown: initiative count is missing')));
  const ok = comparePct(f.count, f.plan, cmp, x);
  const c = f.count;
  const pl = f.plan;
  const missed = f.countSource === 'list' ? ctx.facts.unattributed.count : 0;
  if (!ok && missed > 0 && (cmp === '>' || cmp === '>=')) {
    // Counted from the list while some initiatives could not be placed: they may be this unit's.
    return v('unknown', ctx, () => pre(p, bi(`${pctReason(ok, cmp, c, pl, x, SILENT).vi}; nhưng ${missed} sáng kiến chưa rõ thuộc đơn vị nào`, `${pctReason(ok, cmp, c, pl, x, SILENT).en}; but ${missed} initiative(s) could not be placed in a unit`)));
  }
  return ctx.explain ? { result: ok ? 'met' : 'not_met', reason: pctReason(ok, cmp, c, pl, x, p) } : QUIET[ok ? 'met' : 'not_met'];
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

function evalMetric(cond: Extract<Condition, { metric: UnitMetric }>, subject: SubjectRef, ctx: EvalContext): Verdict {
  const f = scopedUnit(subject, cond.scope, ctx);
  if (!f) return noUnit(ctx);
  const cmp = paramCmp(cond.cmp, ctx);
  const x = paramValue(cond.value, ctx);
  const p = ctx.explain ? prefix(f, subject, cond.scope) : SILENT;
  if (cond.metric === 'pct') return evalPct(f, cmp, x, p, ctx);
  const metric = cond.metric;
  const value = metricValue(f, metric);
  const label = METRIC_LABEL[metric];
  if (value === null) {
    return v('unknown', ctx, () => {
      const why = metric.endsWith('enefit') || metric === 'benefitCount' ? bi('không có cột giá trị làm lợi trong danh sách sáng kiến', 'no benefit column in the initiative list') : bi('ô trống hoặc không có cột', 'empty cell or no such column');
      return pre(p, bi(`chưa biết ${label.vi}: ${why.vi}`, `${label.en} unknown: ${why.en}`));
    });
  }
  const ok = compareNumbers(value, cmp, x);
  // Benefits (and list counts) only grow with initiatives the engine could not read or place.
  const benefitMetric = metric === 'benefitCount' || metric === 'maxBenefit' || metric === 'totalBenefit';
  const hidden = benefitMetric ? f.benefitUnreadable + ctx.facts.unattributed.withBenefit : metric === 'count' && f.countSource === 'list' ? ctx.facts.unattributed.count : 0;
  if (!ok && hidden > 0 && (cmp === '>' || cmp === '>=')) {
    return v('unknown', ctx, () => {
      const fmt = metric === 'maxBenefit' || metric === 'totalBenefit' ? biMoney : biNumber;
      const why = bi(`${hidden} sáng kiến chưa đọc được giá trị làm lợi hoặc chưa rõ thuộc đơn vị nào`, `${hidden} initiative(s) have an unreadable benefit or could not be placed in a unit`);
      return pre(p, bi(`${label.vi} ${fmt(value).vi}, chưa đạt ${fmt(x).vi}; nhưng ${why.vi}`, `${label.en} ${fmt(value).en}, not ${fmt(x).en}; but ${why.en}`));
    });
  }
  return v(ok ? 'met' : 'not_met', ctx, () => {
    const money = metric === 'maxBenefit' || metric === 'totalBenefit';
    const fmt = money ? biMoney : biNumber;
    const local = metric === 'rank' && f.rankLocal ? bi(' (tính trong bảng)', ' (rank computed locally)') : metric === 'count' && f.countSource === 'list' ? bi(' (đếm từ danh sách)', ' (counted from the list)') : SILENT;
    const left = bi(`${label.vi} ${fmt(value).vi}${local.vi}`, `${label.en} ${fmt(value).en}${local.en}`);
    return pre(p, comparison(ok, cmp, left, fmt(x)).reason);
  });
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
  const p = ctx.facts.persons[subject.index]!;
  const ok = compareNumbers(p.counted, cmp, x);
  return v(ok ? 'met' : 'not_met', ctx, () => comparison(ok, cmp, bi(`${p.counted} sáng kiến được tính`, `${p.counted} counted initiatives`), biNumber(x)).reason);
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

function evalEvidenced(cond: { benefit?: Value; social?: boolean }, subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'person') return noUnit(ctx);
  const p = ctx.facts.persons[subject.index]!;
  const threshold = cond.benefit === undefined ? null : paramValue(cond.benefit, ctx);
  const { status } = ctx.facts;
  const initiatives = ctx.facts.initiatives;
  let unknownCandidate: { id: number; ev: Evidence } | null = null;
  const failed: { id: number; ev: Evidence }[] = [];
  const order = EVIDENCE_ORDER;
  for (const id of p.initiativeIds) {
    const i = initiatives[id]!;
    const byBenefit = threshold !== null && i.benefit !== null && i.benefit >= threshold;
    const bySocial = cond.social === true && i.social === true;
    if (!byBenefit && !bySocial) {
      // An unreadable benefit or social mark might qualify: unknown, not "no".
      if (i.unreadable === undefined) continue; // the usual case: nothing unreadable, nothing to say
      const unreadBenefit = threshold !== null && i.benefit === null && i.unreadable.includes('benefit');
      const unreadSocial = cond.social === true && i.social !== true && i.unreadable.includes('social');
      const unread = [...(unreadBenefit ? [BENEFIT_UNREADABLE] : []), ...(unreadSocial ? [SOCIAL_UNREADABLE] : [])];
      if (unread.length && status[id]!.counted) unknownCandidate ??= { id, ev: { result: 'unknown', missing: unread } };
      continue;
    }
    // Through its benefit an initiative needs a certification, through the social mark it does not:
    // one that qualifies both ways counts by the better-evidenced way (the benefit way when equal).
    const viaBenefit = byBenefit ? status[id]!.viaBenefit : null;
    const viaSocial = bySocial ? status[id]!.viaOther : null;
    const social = viaSocial !== null && (viaBenefit === null || order[viaSocial.result] < order[viaBenefit.result]);
    const ev = social ? viaSocial! : viaBenefit!;
    if (ev.result === 'met') {
      return v('met', ctx, () => !social
        ? bi(`sáng kiến «${i.title}» làm lợi ${biMoney(i.benefit!).vi} ≥ ${biMoney(threshold!).vi}, đủ minh chứng`, `initiative "${i.title}" benefit ${biMoney(i.benefit!).en} ≥ ${biMoney(threshold!).en}, evidenced`)
        : bi(`sáng kiến «${i.title}» có giá trị xã hội, nhân văn, đủ minh chứng`, `initiative "${i.title}" has social/humanitarian value, evidenced`));
    }
    if (ev.result === 'unknown') unknownCandidate ??= { id, ev };
    else failed.push({ id, ev });
  }
  if (unknownCandidate !== null) {
    const i = initiatives[unknownCandidate.id]!;
    const missing = unknownCandidate.ev.missing;
    return v('unknown', ctx, () => {
      const want = wantedInitiative(threshold, cond.social === true);
      return bi(`sáng kiến «${i.title}» (${want.vi}) chưa rõ minh chứng: ${missing.map((m) => m.vi).join(', ')}`, `initiative "${i.title}" (${want.en}) evidence unknown: ${missing.map((m) => m.en).join(', ')}`);
    });
  }
  return v('not_met', ctx, () => {
    const best = p.bestEvidencedBenefit > 0 ? bi(` (cao nhất đủ minh chứng: ${biMoney(p.bestEvidencedBenefit).vi})`, ` (best evidenced: ${biMoney(p.bestEvidencedBenefit).en})`) : SILENT;
    const why = failed.slice(0, 3).map(({ id, ev }) => {
      return bi(`«${initiatives[id]!.title}»: ${ev.missing.map((m) => m.vi).join(', ')}`, `"${initiatives[id]!.title}": ${ev.missing.map((m) => m.en).join(', ')}`);
    });
    const tail = why.length ? bi(`; ${why.map((w) => w.vi).join('; ')}`, `; ${why.map((w) => w.en).join('; ')}`) : SILENT;
    const want = wantedInitiative(threshold, cond.social === true);
    return bi(`không có sáng kiến đủ minh chứng ${want.vi}${best.vi}${tail.vi}`, `no evidenced initiative ${want.en}${best.en}${tail.en}`);
  });
}

function evalHighestBenefit(subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'person') return noUnit(ctx);
  const p: Person = ctx.facts.persons[subject.index]!;
  const { met, unknown, unreadable } = ctx.topBenefit;
  // Each scan below can find something only when the programme-wide figures say so (`unreadable`:
  // some counted benefit is unreadable; `unknown`: the highest benefit with unknown evidence):
  // most people are decided without reading their initiatives.
  const ownUnreadable = unreadable && p.initiativeIds.some((id) => ctx.facts.status[id]!.counted && ctx.facts.initiatives[id]!.benefit === null && ctx.facts.initiatives[id]!.unreadable?.includes('benefit'));
  if (ownUnreadable) return v('unknown', ctx, () => bi('có sáng kiến chưa đọc được giá trị làm lợi', 'an initiative has an unreadable benefit'));
  if (met === 0 && unknown === 0) return v('not_met', ctx, () => bi('không có sáng kiến đủ minh chứng có giá trị làm lợi', 'no evidenced initiative with a benefit value'));
  const own = p.bestEvidencedBenefit;
  if (own > 0 && own === met) {
    if (unreadable) return v('unknown', ctx, () => bi(`làm lợi ${biMoney(own).vi}; có sáng kiến chưa đọc được giá trị làm lợi`, `benefit ${biMoney(own).en}; an initiative has an unreadable benefit`));
    if (unknown > met) return v('unknown', ctx, () => bi(`làm lợi ${biMoney(own).vi}; có sáng kiến ${biMoney(unknown).vi} chưa rõ minh chứng`, `benefit ${biMoney(own).en}; an initiative of ${biMoney(unknown).en} has unknown evidence`));
    return v('met', ctx, () => bi(`làm lợi ${biMoney(own).vi}, cao nhất Chương trình`, `benefit ${biMoney(own).en}, the highest of the programme`));
  }
  const high = Math.max(met, 1);
  const ownUnknown = unknown >= high && p.initiativeIds.some((id) => ctx.facts.status[id]!.viaBenefit.result === 'unknown' && (ctx.facts.initiatives[id]!.benefit ?? 0) >= high);
  if (ownUnknown) return v('unknown', ctx, () => bi('có sáng kiến làm lợi cao nhưng chưa rõ minh chứng', 'a high-benefit initiative has unknown evidence'));
  return v('not_met', ctx, () => bi(`cao nhất của cá nhân ${biMoney(own).vi}; cao nhất Chương trình ${biMoney(met).vi}`, `own best ${biMoney(own).en}; highest of the programme ${biMoney(met).en}`));
}

const ROLE_LABEL = { standing: bi('Thường trực', 'standing officer'), department: bi('ban chuyên môn', 'programme department'), upper_fulltime: bi('chuyên trách CĐ cấp trên', 'full-time official of an upper-level union'), other: bi('khác', 'other') };

function evalOfficialRole(roles: string[], subject: SubjectRef, ctx: EvalContext): Verdict {
  if (subject.type !== 'official') return noUnit(ctx);
  const role = ctx.officials[subject.id]!.role;
  if (role === null) return v('unknown', ctx, () => bi('chưa rõ vai trò, chức vụ', 'role or position unknown'));
  const ok = roles.includes(role);
  return v(ok ? 'met' : 'not_met', ctx, () => bi(`vai trò: ${ROLE_LABEL[role].vi}`, `role: ${ROLE_LABEL[role].en}`));
}

export function evalCondition(cond: Condition, subject: SubjectRef, ctx: EvalContext): Verdict {
  if ('all' in cond) return ctx.explain ? combineAll(cond.all.map((c) => evalCondition(c, subject, ctx))) : quietCombine(cond.all, true, subject, ctx);
  if ('any' in cond) return ctx.explain ? combineAny(cond.any.map((c) => evalCondition(c, subject, ctx))) : quietCombine(cond.any, false, subject, ctx);
  if ('criterion' in cond) {
    const r = ctx.criterion(subject, cond.criterion);
    return v(r.result, ctx, () => (r.result === 'met' ? bi(`đạt ${cond.criterion}`, `meets ${cond.criterion}`) : r.result === 'not_met' ? bi(`chưa đạt ${cond.criterion}`, `does not meet ${cond.criterion}`) : bi(`${cond.criterion} chưa rõ (${r.reason.vi})`, `${cond.criterion} unknown (${r.reason.en})`)));
  }
  if ('metric' in cond) return evalMetric(cond, subject, ctx);
  if ('flags' in cond) return evalFlags(cond, subject, ctx);
  if ('highestInBloc' in cond) return evalHighestInBloc(paramValue(cond.over, ctx), subject, ctx);
  if ('personInitiatives' in cond) return evalPersonInitiatives(cond.personInitiatives, paramValue(cond.value, ctx), subject, ctx);
  if ('evidencedInitiative' in cond) return evalEvidenced(cond.evidencedInitiative, subject, ctx);
  if ('highestEvidencedBenefit' in cond) return evalHighestBenefit(subject, ctx);
  return evalOfficialRole(cond.officialRole, subject, ctx);
}
