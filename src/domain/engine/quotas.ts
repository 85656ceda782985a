/**
 * Quota-capped nominations: candidates (subjects meeting the award, eligible, not excluded)
 * grouped per quota unit, ordered by the rule set's keys with Vietnamese collation, cut at the
 * quota; the rest is a numbered reserve. A reviewer's exclusion promotes the next reserve; a pin
 * forces a candidate in and names whom it displaced. Same input → same order, always.
 */
import { bi, type Bilingual } from '../i18n';
import type { Unit } from '../model';
import type { Condition, OrderKey, QuotaDef, RuleSet, Subject } from '../rules/types';
import type { SubjectRef } from './conditions';
import type { DecisionBook } from './decisions';
import { type Evaluation, unitSubjects } from './evaluate';
import { comparePctFacts, isTopLevel } from './facts';
import { boolParam } from './params';
import { subjectKey, subjectName } from './subjects';
import type { Verdict } from './verdict';

export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export interface Candidate {
  subject: SubjectRef;
  key: string;
  name: string;
  pinned: boolean;
}

export interface Nomination {
  award: string;
  group: string; // unit name, or "*" for workbook-wide and uncapped awards
  groupUnitId: number | null;
  quota: number | null;
  quotaReason: Bilingual;
  selected: Candidate[];
  reserve: Candidate[];
  excluded: Candidate[]; // excluded by a reviewer
  /** Pins that pushed a candidate out of the quota: "A thay B". */
  displaced: { pinned: string; displaced: string }[];
}

function groupUnits(rules: RuleSet, units: Unit[], groupBy: QuotaDef['groupBy']): Unit[] {
  if (groupBy === 'upper') return units.filter((u) => u.level === 'upper');
  return units.filter((u) => isTopLevel(rules, u));
}

/** subjectsOf, only those meeting `award`, in the same order (persons and officials straight from the results). */
function metSubjectsOf(ev: Evaluation, subject: Subject, award: string): SubjectRef[] {
  if (subject === 'author') return ev.indexesWith('person', award, 'met').map((index) => ({ type: 'person', index }));
  if (subject === 'official') return ev.indexesWith('official', award, 'met').map((id) => ({ type: 'official', id }));
  return subjectsOf(ev, subject).filter((s) => ev.result(s, award) === 'met');
}

function subjectsOf(ev: Evaluation, subject: Subject): SubjectRef[] {
  if (subject === 'author') return ev.facts.persons.map((_, index) => ({ type: 'person', index }));
  if (subject === 'official') return ev.model.officials.map((_, id) => ({ type: 'official', id }));
  return ev.model.units.filter((u) => unitSubjects(ev.rules, u).includes(subject)).map((u) => ({ type: 'unit', id: u.id }));
}

function groupOf(ev: Evaluation, s: SubjectRef, groupBy: QuotaDef['groupBy']): number | null {
  const unitId = s.type === 'unit' ? s.id : s.type === 'person' ? ev.facts.persons[s.index]!.unitId : ev.model.officials[s.id]!.unitId;
  if (unitId === null) return null;
  const f = ev.facts.units[unitId]!;
  return groupBy === 'upper' ? f.upperId : f.topId;
}

/** Sort keys; larger first except the name. */
function comparator(ev: Evaluation, order: OrderKey[], award: string): (a: Candidate, b: Candidate) => number {
  const unit = (c: Candidate) => (c.subject.type === 'unit' ? ev.facts.units[c.subject.id]! : null);
  const person = (c: Candidate) => (c.subject.type === 'person' ? ev.facts.persons[c.subject.index]! : null);
  const keyOrder: Record<OrderKey, (a: Candidate, b: Candidate) => number> = {
    nonState: (a, b) => rankOwnership(unit(a)?.unit.ownership) - rankOwnership(unit(b)?.unit.ownership),
    subMet: (a, b) => ev.subMet(b.subject, award) - ev.subMet(a.subject, award),
    pct: (a, b) => (unit(a) && unit(b) ? comparePctFacts(unit(b)!, unit(a)!) : 0),
    totalBenefit: (a, b) => (unit(b)?.totalBenefit ?? 0) - (unit(a)?.totalBenefit ?? 0),
    count: (a, b) => (unit(b)?.count ?? 0) - (unit(a)?.count ?? 0),
    bestEvidencedBenefit: (a, b) => (person(b)?.bestEvidencedBenefit ?? 0) - (person(a)?.bestEvidencedBenefit ?? 0),
    initiatives: (a, b) => (person(b)?.counted ?? 0) - (person(a)?.counted ?? 0),
    social: (a, b) => Number(person(b)?.evidencedSocial ?? false) - Number(person(a)?.evidencedSocial ?? false),
    name: (a, b) => collator.compare(a.name, b.name),
  };
  const keys = order.map((k) => keyOrder[k]);
  return (a, b) => {
    for (const k of keys) {
      const d = k(a, b);
      if (d !== 0) return d;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; // total order: same input, same output
  };
}

const rankOwnership = (o: Unit['ownership'] | undefined) => (o === 'non_state' ? 0 : o === 'state' ? 1 : 2);

function slotsFor(ev: Evaluation, q: QuotaDef, group: Unit | null): { quota: number | null; reason: Bilingual } {
  if (!group) return { quota: q.slots[0]?.slots ?? 1, reason: bi('toàn bảng', 'whole workbook') };
  const subject: SubjectRef = { type: 'unit', id: group.id };
  const explainGroup = (c: Condition): Verdict => ev.condition(c, subject, true);
  const needsGroup = q.groupWhen && (!q.groupWhenParam || boolParam(ev.params, q.groupWhenParam, true));
  if (needsGroup) {
    const g = explainGroup(q.groupWhen!);
    if (g.result === 'unknown') return { quota: null, reason: g.reason };
    if (g.result === 'not_met') return { quota: 0, reason: g.reason };
  }
  for (const rule of q.slots) {
    if (!rule.when) return { quota: rule.slots, reason: bi(`${rule.slots} suất`, `${rule.slots} slot(s)`) };
    const r = explainGroup(rule.when);
    if (r.result === 'unknown') return { quota: null, reason: r.reason };
    if (r.result === 'met') return { quota: rule.slots, reason: bi(`${r.reason.vi} → ${rule.slots} suất`, `${r.reason.en} → ${rule.slots} slot(s)`) };
  }
  return { quota: 0, reason: bi('không có suất', 'no slot') };
}


/** Ties the officer decides (2.2.1): equal on the first ordering key, which is what the award is about. */
function tiedOnFirstKey(ev: Evaluation, q: QuotaDef) {
  const first = comparator(ev, q.order.slice(0, 1), q.award);
  return (a: Candidate, b: Candidate) => first({ ...a, key: '' }, { ...b, key: '' }) === 0 || (q.order[0] === 'name' && a.name === b.name);
}

function allocate(candidates: Candidate[], quota: number | null, keepTies: boolean, same: (a: Candidate, b: Candidate) => boolean) {
  // Unknown quota: the engine selects no one, but an officer's pin still forces its candidate in.
  if (quota === null) return { selected: candidates.filter((c) => c.pinned), reserve: candidates.filter((c) => !c.pinned), displaced: [] as Nomination['displaced'] };
  let cut = Math.min(quota, candidates.length);
  if (keepTies) while (cut > 0 && cut < candidates.length && same(candidates[cut - 1]!, candidates[cut]!)) cut++;
  const selected = candidates.slice(0, cut);
  const reserve = candidates.slice(cut);
  const displaced: Nomination['displaced'] = [];
  // Pins come in over the quota: each displaces the last unpinned selected candidate.
  for (const pin of reserve.filter((c) => c.pinned)) {
    reserve.splice(reserve.indexOf(pin), 1);
    const victimIndex = findLastIndex(selected, (c) => !c.pinned);
    if (selected.length >= Math.max(quota, 1) && victimIndex >= 0) {
      const [victim] = selected.splice(victimIndex, 1);
      reserve.unshift(victim!);
      displaced.push({ pinned: pin.name, displaced: victim!.name });
    }
    selected.push(pin);
  }
  return { selected, reserve, displaced };
}

function findLastIndex<T>(list: T[], test: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

export function allocateQuotas(ev: Evaluation, decisions: DecisionBook): Nomination[] {
  const out: Nomination[] = [];
  for (const q of ev.rules.quotas) {
    const order = comparator(ev, q.order, q.award);
    const byGroup = new Map<number | null, Candidate[]>();
    const excludedByGroup = new Map<number | null, Candidate[]>();
    for (const s of metSubjectsOf(ev, q.subject, q.award)) {
      if (q.eligible && ev.condition(q.eligible, s).result !== 'met') continue;
      const key = subjectKey(ev.model, ev.facts, s);
      const c: Candidate = { subject: s, key, name: subjectName(ev.model, ev.facts, s), pinned: decisions.pinned(key, q.award) };
      const g = q.groupBy === 'workbook' ? null : groupOf(ev, s, q.groupBy);
      if (q.groupBy !== 'workbook' && g === null) continue;
      const target = decisions.excluded(key, q.award) ? excludedByGroup : byGroup;
      (target.get(g) ?? target.set(g, []).get(g)!).push(c);
    }
    const groups: (Unit | null)[] = q.groupBy === 'workbook' ? [null] : groupUnits(ev.rules, ev.model.units, q.groupBy);
    for (const group of groups) {
      const id = group?.id ?? null;
      const candidates = (byGroup.get(id) ?? []).sort(order);
      const { quota, reason } = slotsFor(ev, q, group);
      const { selected, reserve, displaced } = allocate(candidates, quota, !!q.keepTies, tiedOnFirstKey(ev, q));
      out.push({ award: q.award, group: group?.name ?? '*', groupUnitId: id, quota, quotaReason: reason, selected, reserve, excluded: excludedByGroup.get(id) ?? [], displaced });
    }
  }
  for (const award of ev.rules.uncapped) out.push(uncapped(ev, award, decisions));
  return out;
}

function uncapped(ev: Evaluation, award: string, decisions: DecisionBook): Nomination {
  const def = ev.rules.criteria.find((c) => c.id === award);
  const selected: Candidate[] = [];
  const excluded: Candidate[] = [];
  const seen = new Set<string>();
  for (const subject of def?.appliesTo ?? []) {
    for (const s of metSubjectsOf(ev, subject, award)) {
      const key = subjectKey(ev.model, ev.facts, s);
      if (seen.has(key)) continue;
      seen.add(key);
      const c: Candidate = { subject: s, key, name: subjectName(ev.model, ev.facts, s), pinned: false };
      (decisions.excluded(key, award) ? excluded : selected).push(c);
    }
  }
  selected.sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
  return { award, group: '*', groupUnitId: null, quota: null, quotaReason: bi('không giới hạn', 'no cap'), selected, reserve: [], excluded, displaced: [] };
}
