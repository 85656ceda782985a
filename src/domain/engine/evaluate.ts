/**
 * Every applicable criterion for every unit, person and official. Results are kept compactly
 * (one byte per subject and criterion); reasons are written on demand by `explain`, with the
 * same code that decided the result.
 */
import type { Model, Unit } from '../model';
import type { Condition, CriterionDef, RuleSet, Subject } from '../rules/types';
import { type EvalContext, blocKey, evalCondition, type SubjectRef } from './conditions';
import type { Facts, UnitFacts } from './facts';
import { isTopLevel } from './facts';
import type { Params } from './params';
import type { Result, Verdict } from './verdict';

const CODE: Record<Result, number> = { met: 1, not_met: 2, unknown: 3 };
const RESULT: (Result | null)[] = [null, 'met', 'not_met', 'unknown'];
/** A decided result asked for again without its reason (criteria naming criteria): shared, never changed. */
const KNOWN: Record<Result, Verdict> = { met: { result: 'met', reason: { vi: '', en: '' } }, not_met: { result: 'not_met', reason: { vi: '', en: '' } }, unknown: { result: 'unknown', reason: { vi: '', en: '' } } };

export type SubjectType = SubjectRef['type'];

export function unitSubjects(rules: RuleSet, u: Unit): Subject[] {
  const out: Subject[] = [];
  if (u.level === 'province') out.push('province');
  if (isTopLevel(rules, u)) out.push('top');
  if (u.level === 'upper') out.push('upper');
  if (u.level === 'grassroots') out.push('grassroots');
  if (u.level === 'enterprise' || (u.level === 'grassroots' && u.ownership !== null)) out.push('enterprise');
  return out;
}

export class Evaluation {
  readonly criteria: CriterionDef[];
  private readonly index = new Map<string, number>();
  private readonly results: Record<SubjectType, Uint8Array>;
  private readonly ctx: EvalContext;
  private readonly applicableByKinds = new Map<string, CriterionDef[]>();

  constructor(
    readonly model: Model,
    readonly rules: RuleSet,
    readonly params: Params,
    readonly facts: Facts,
  ) {
    this.criteria = rules.criteria;
    this.criteria.forEach((c, i) => this.index.set(c.id, i));
    const n = this.criteria.length;
    this.results = {
      unit: new Uint8Array(model.units.length * n),
      person: new Uint8Array(facts.persons.length * n),
      official: new Uint8Array(model.officials.length * n),
    };
    this.ctx = this.context();
    this.decideAll();
  }

  private context(): EvalContext {
    const blocs = new Map<string, UnitFacts[]>();
    for (const f of this.facts.units) if (f.unit.bloc) (blocs.get(blocKey(f)) ?? blocs.set(blocKey(f), []).get(blocKey(f))!).push(f);
    const topBenefit = { met: 0, unknown: 0, unreadable: false };
    this.facts.initiatives.forEach((i, n) => {
      const st = this.facts.status[n]!;
      if (st.counted && i.benefit === null && i.unreadable?.includes('benefit')) topBenefit.unreadable = true;
      if (!st.counted || i.benefit === null || i.benefit <= 0) return;
      if (st.viaBenefit.result === 'met') topBenefit.met = Math.max(topBenefit.met, i.benefit);
      else if (st.viaBenefit.result === 'unknown') topBenefit.unknown = Math.max(topBenefit.unknown, i.benefit);
    });
    return {
      rules: this.rules, params: this.params, facts: this.facts, officials: this.model.officials, unitFields: this.model.unitFields,
      explain: false, blocs, topBenefit,
      criterion: (subject, id) => this.decide(subject, id),
    };
  }

  /** Which criteria apply to a subject. */
  applicable(subject: SubjectRef): CriterionDef[] {
    // Persons and officials (hundreds of thousands) all share one list.
    if (subject.type === 'person') return (this.personCriteria ??= this.applicableTo(['author']));
    if (subject.type === 'official') return (this.officialCriteria ??= this.applicableTo(['official']));
    return this.applicableTo(unitSubjects(this.rules, this.model.units[subject.id]!));
  }

  private personCriteria: CriterionDef[] | undefined;
  private officialCriteria: CriterionDef[] | undefined;

  private applicableTo(kinds: Subject[]): CriterionDef[] {
    const key = kinds.join(',');
    let list = this.applicableByKinds.get(key);
    if (!list) {
      list = this.criteria.filter((c) => c.appliesTo.some((s) => kinds.includes(s)));
      this.applicableByKinds.set(key, list);
    }
    return list;
  }

  /** How many subjects of a type have each result for criterion `id` (undecided ones are not counted). */
  countResults(type: SubjectType, id: string): Record<Result, number> {
    const out = { met: 0, not_met: 0, unknown: 0 };
    const ci = this.index.get(id);
    if (ci === undefined) return out;
    const store = this.results[type];
    const n = this.criteria.length;
    for (let at = ci; at < store.length; at += n) {
      const r = RESULT[store[at]!];
      if (r) out[r]++;
    }
    return out;
  }

  /** Indexes (unit or official ids, person indexes), ascending, of the subjects of a type with this result: no subject refs built. */
  indexesWith(type: SubjectType, id: string, result: Result): number[] {
    const ci = this.index.get(id);
    const out: number[] = [];
    if (ci === undefined) return out;
    const store = this.results[type];
    const n = this.criteria.length;
    const code = CODE[result];
    for (let at = ci, i = 0; at < store.length; at += n, i++) if (store[at] === code) out.push(i);
    return out;
  }

  private slot(subject: SubjectRef): number {
    return (subject.type === 'person' ? subject.index : subject.id) * this.criteria.length;
  }

  private decideAll(): void {
    const each = (type: SubjectType, count: number) => {
      for (let i = 0; i < count; i++) {
        const subject = (type === 'person' ? { type, index: i } : { type, id: i }) as SubjectRef;
        for (const c of this.applicable(subject)) this.decide(subject, c.id);
      }
    };
    each('unit', this.model.units.length);
    each('person', this.facts.persons.length);
    each('official', this.model.officials.length);
  }

  /** The result of one criterion for one subject (memoised; criteria may refer to each other). */
  private decide(subject: SubjectRef, id: string): Verdict {
    const ci = this.index.get(id);
    if (ci === undefined) return { result: 'unknown', reason: { vi: `không có tiêu chí ${id}`, en: `no criterion ${id}` } };
    const store = this.results[subject.type];
    const at = this.slot(subject) + ci;
    const known = RESULT[store[at]!];
    if (known && !this.ctx.explain) return KNOWN[known];
    const verdict = evalCondition(this.criteria[ci]!.when, subject, this.ctx);
    store[at] = CODE[verdict.result];
    return verdict;
  }

  result(subject: SubjectRef, id: string): Result | null {
    const ci = this.index.get(id);
    return ci === undefined ? null : RESULT[this.results[subject.type][this.slot(subject) + ci]!] ?? null;
  }

  /** The verdict with its reason, prefixed with the criterion id: "2.1.2a: 152% kế hoạch (38/25) > 150%". */
  explain(subject: SubjectRef, id: string): Verdict {
    this.ctx.explain = true;
    try {
      const v = this.decide(subject, id);
      return { result: v.result, reason: { vi: `${id}: ${v.reason.vi}`, en: `${id}: ${v.reason.en}` } };
    } finally {
      this.ctx.explain = false;
    }
  }

  /** Every applicable verdict of a subject, explained. */
  verdicts(subject: SubjectRef): Record<string, Verdict> {
    const out: Record<string, Verdict> = {};
    for (const c of this.applicable(subject)) out[c.id] = this.explain(subject, c.id);
    return out;
  }

  /** Evaluates a condition that is not a criterion (quota groups, eligibility), with its reason when asked. */
  condition(cond: Condition, subject: SubjectRef, explain = false): Verdict {
    this.ctx.explain = explain;
    try {
      return evalCondition(cond, subject, this.ctx);
    } finally {
      this.ctx.explain = false;
    }
  }

  /** How many sub-conditions of an award a subject meets (ordering key). */
  subMet(subject: SubjectRef, award: string): number {
    let n = 0;
    for (const c of this.criteria) if (c.partOf === award && this.result(subject, c.id) === 'met') n++;
    return n;
  }
}
