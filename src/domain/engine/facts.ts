/**
 * The numbers criteria look at, computed once per run: per unit (count, pct, benefits over the
 * unit and everything below it, grassroots, rank), per person, per initiative. Linear in the
 * number of initiatives; nothing here is quadratic.
 */
import { bi } from '../i18n';
import type { Issue } from '../issues';
import type { Initiative, Model, Unit } from '../model';
import { nameKey } from '../text';
import type { RuleSet } from '../rules/types';
import type { DecisionBook } from './decisions';
import { EvidenceCases, type EvidenceWindow, type InitiativeStatus } from './evidence';
import { boolParam, type Params, stringParam } from './params';
import { compareFractions } from './verdict';

export interface UnitFacts {
  unit: Unit;
  count: number | null;
  countSource: 'column' | 'list' | null;
  plan: number | null;
  grassroots: number;
  grassrootsSource: 'column' | 'rows';
  rank: number | null;
  rankLocal: boolean;
  benefitCount: number;
  maxBenefit: number;
  totalBenefit: number;
  /** Whether the initiative list can say anything about benefits (an initiatives sheet with a benefit column). */
  benefitKnown: boolean;
  /** Counted initiatives at or below the unit whose benefit cell is unreadable. */
  benefitUnreadable: number;
  upperId: number | null; // the upper-level union it is, or belongs to
  topId: number | null; // its top-level unit
  children: number[];
}

export interface Person {
  key: string; // `person:<name key>|<unit key>`
  name: string;
  unitId: number | null;
  unitName: string | null;
  /** Credited (all, counted or not), in initiative order: a view into one array shared by every person. */
  initiativeIds: Int32Array;
  counted: number;
  bestEvidencedBenefit: number; // 0 when none
  evidencedSocial: boolean;
  /** A counted initiative of theirs has an unreadable benefit (2.2.1 cannot say they are not the highest). */
  unreadableBenefit: boolean;
}

export interface Facts {
  units: UnitFacts[];
  initiatives: Initiative[];
  persons: Person[];
  status: InitiativeStatus[];
  window: EvidenceWindow;
  /** Evidence worked out once per case (statuses above, flags after deciding). */
  evidence: EvidenceCases;
  issues: Issue[];
  /**
   * Counted initiatives no unit could be found for (no unit column, an unknown name): any unit's
   * list count or benefits may lack them. `withBenefit`: those with a benefit or an unreadable one.
   */
  unattributed: { count: number; withBenefit: number };
}

/** A unit field whose cell was unreadable or impossible: unknown, where an empty cell may mean "none". */
export const unreadableField = (u: Unit, field: string) => u.unreadable?.includes(field) === true;

export function ancestorAt(units: Unit[], id: number | null, test: (u: Unit) => boolean): number | null {
  for (let u = id === null ? undefined : units[id], guard = 0; u && guard < 64; u = u.parentId === null ? undefined : units[u.parentId], guard++) {
    if (test(u)) return u.id;
  }
  return null;
}

export function isTopLevel(rules: RuleSet, u: Unit): boolean {
  return rules.topLevel === 'upper' ? u.level === 'upper' : u.parentId === null && u.level !== 'grassroots' && u.level !== 'enterprise';
}

/** 1,2,2,4 ranking by count among units of the same level (units without a count get no rank). */
function localRanks(facts: UnitFacts[]): void {
  const byLevel = new Map<string, UnitFacts[]>();
  for (const f of facts) if (f.rank === null && f.count !== null && !unreadableField(f.unit, 'rank')) (byLevel.get(f.unit.level) ?? byLevel.set(f.unit.level, []).get(f.unit.level)!).push(f);
  for (const list of byLevel.values()) {
    if (list.length < 2) continue; // a rank among one unit says nothing about the portal
    list.sort((a, b) => b.count! - a.count!);
    list.forEach((f, i) => {
      f.rank = i > 0 && list[i - 1]!.count === f.count ? list[i - 1]!.rank : i + 1;
      f.rankLocal = true;
    });
  }
}

export function computeFacts(model: Model, rules: RuleSet, params: Params, decisions: DecisionBook): Facts {
  const issues: Issue[] = [];
  const window: EvidenceWindow = { cutoff: stringParam(params, 'cutoff', '2023-08-31'), docFrom: stringParam(params, 'docFrom', '2021-09-01'), docTo: stringParam(params, 'docTo', '2023-08-31') };
  const { units, initiatives } = model;
  const cases = new EvidenceCases(window, decisions, initiatives.length);
  const status = initiatives.map((i) => cases.status(i));
  const hasList = initiatives.length > 0;
  const benefitKnown = initiatives.some((i) => i.has.benefit);
  const requireEvidence = boolParam(params, 'collectiveRequiresEvidence', false);

  const facts: UnitFacts[] = units.map((u) => ({
    unit: u, count: u.count, countSource: u.count !== null ? 'column' : null, plan: u.plan,
    grassroots: 0, grassrootsSource: u.grassroots !== null ? 'column' : 'rows',
    rank: u.portalRank, rankLocal: false, benefitCount: 0, maxBenefit: 0, totalBenefit: 0, benefitKnown, benefitUnreadable: 0,
    upperId: ancestorAt(units, u.id, (a) => a.level === 'upper'),
    topId: ancestorAt(units, u.id, (a) => isTopLevel(rules, a)),
    children: [],
  }));
  for (const u of units) if (u.parentId !== null) facts[u.parentId]!.children.push(u.id);
  for (const f of facts) f.grassroots = f.unit.grassroots ?? f.children.filter((c) => units[c]!.level === 'grassroots').length;

  // Initiatives add up over the unit and everything above it: in typed arrays by unit id (a number
  // field of an object, added to a million times, can box each sum), written to the facts after.
  const listCount = new Int32Array(units.length);
  const benefitCount = new Int32Array(units.length);
  const totalBenefit = new Float64Array(units.length);
  const maxBenefit = new Float64Array(units.length);
  const benefitUnreadable = new Int32Array(units.length);
  const unattributed = { count: 0, withBenefit: 0 };
  for (let n = 0; n < initiatives.length; n++) {
    const i = initiatives[n]!;
    if (!status[n]!.counted) continue;
    const unreadable = i.benefit === null && i.unreadable?.includes('benefit') === true;
    if (i.unitId === null) {
      unattributed.count++;
      if (unreadable || (i.benefit !== null && i.benefit > 0)) unattributed.withBenefit++;
    }
    if (unreadable) for (let id = i.unitId, guard = 0; id !== null && guard < 64; id = units[id]!.parentId, guard++) benefitUnreadable[id]!++;
    const benefit = i.benefit !== null && i.benefit > 0 && (!requireEvidence || status[n]!.viaBenefit.result === 'met') ? i.benefit : 0;
    for (let id = i.unitId, guard = 0; id !== null && guard < 64; id = units[id]!.parentId, guard++) {
      listCount[id]!++;
      if (benefit > 0) {
        benefitCount[id]!++;
        totalBenefit[id]! += benefit;
        if (benefit > maxBenefit[id]!) maxBenefit[id] = benefit;
      }
    }
  }
  for (const f of facts) {
    const id = f.unit.id;
    f.benefitCount = benefitCount[id]!;
    f.totalBenefit = totalBenefit[id]!;
    f.maxBenefit = maxBenefit[id]!;
    f.benefitUnreadable = benefitUnreadable[id]!;
  }
  if (hasList) {
    for (const f of facts) {
      // An unreadable count cell is unknown: the list is a stand-in only for a count nobody wrote.
      if (f.count === null && !unreadableField(f.unit, 'count')) {
        f.count = listCount[f.unit.id]!;
        f.countSource = 'list';
      } else if (f.count !== listCount[f.unit.id] && listCount[f.unit.id]! > 0) {
        issues.push({
          sheet: f.unit.source.sheet, row: f.unit.source.row, column: null, kind: 'unit', code: 'count_mismatch', severity: 'info', subject: f.unit.name,
          message: bi(`Cột số sáng kiến ghi ${f.count}, danh sách sáng kiến có ${listCount[f.unit.id]}: dùng số của cột`, `Count column says ${f.count}, the initiative list has ${listCount[f.unit.id]}: the column is used`),
        });
      }
    }
  }
  localRanks(facts);
  const persons = buildPersons(initiatives, units, status, boolParam(params, 'firstAuthorOnly', false));
  return { units: facts, initiatives, persons, status, window, evidence: cases, issues, unattributed };
}

interface UnitPeople {
  unitKey: string;
  /** People of the union by name key, and by name as written (indexes into the list of people). */
  inUnit: Map<string, number> | null;
  written: Map<string, number> | null;
}

const NO_IDS = new Int32Array(0);

/** Whether person `k` is among credits [from, to) (one initiative's few authors). */
function creditedSince(creditPerson: Int32Array, from: number, to: number, k: number): boolean {
  for (let c = from; c < to; c++) if (creditPerson[c] === k) return true;
  return false;
}

/**
 * The people credited with the initiatives, in order of first credit. Each person's initiatives
 * are one view into a single array for everyone, filled once every credit is counted: not 254,000
 * arrays grown by pushing (each with room for 17) and then copied to their size.
 */
function buildPersons(initiatives: Initiative[], units: Unit[], status: InitiativeStatus[], firstOnly: boolean): Person[] {
  const persons: Person[] = [];
  // Person key `person:<name key>|<unit key>` without building it per author: by unit key, then name
  // key. Keys with a `|` in either part go through the full text, where they may coincide as before.
  const byUnit = new Map<string, UnitPeople>();
  const byKey = new Map<string, number>();
  const keys = new Map<string, string>();
  const keyOf = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = nameKey(s)));
    return k;
  };
  // A union's key, people by name key (null when its key holds a `|`) and by name as written, by
  // unit id: found once per unit. A name as written is looked up in its union's small map first,
  // before the name key (a look-up in a map of every name, a few hundred nanoseconds at this size).
  const ofUnit: (UnitPeople | undefined)[] = new Array(units.length);
  const groupOf = (unitKey: string): UnitPeople => {
    let group = byUnit.get(unitKey);
    if (group === undefined) {
      const plain = !unitKey.includes('|');
      byUnit.set(unitKey, (group = { unitKey, inUnit: plain ? new Map() : null, written: plain ? new Map() : null }));
    }
    return group;
  };
  const authorsOf = (i: Initiative) => (firstOnly ? Math.min(1, i.authors.length) : i.authors.length);
  let names = 0;
  for (let n = 0; n < initiatives.length; n++) names += authorsOf(initiatives[n]!);
  // Every credit (a person and an initiative), in initiative order.
  const creditPerson = new Int32Array(names);
  const creditInitiative = new Int32Array(names);
  let credits = 0;
  initiatives.forEach((i, n) => {
    const unit = i.unitId === null ? null : units[i.unitId]!;
    // Stable across runs (a reviewer's decision names the person by name and union).
    const { unitKey, inUnit, written } = unit ? (ofUnit[unit.id] ??= groupOf(keyOf(unit.name))) : groupOf(keyOf(i.unitName ?? ''));
    const st = status[n]!;
    const first = credits; // this initiative's first credit
    for (let a = 0, end = authorsOf(i); a < end; a++) {
      const name = i.authors[a]!;
      let k = written?.get(name);
      if (k === undefined) {
        const nk = keyOf(name);
        const plain = inUnit !== null && !nk.includes('|');
        k = plain ? inUnit!.get(nk) : byKey.get(`person:${nk}|${unitKey}`);
        if (k === undefined) {
          const key = `person:${nk}|${unitKey}`;
          k = persons.push({ key, name, unitId: unit?.id ?? null, unitName: unit?.name ?? i.unitName, initiativeIds: NO_IDS, counted: 0, bestEvidencedBenefit: 0, evidencedSocial: false, unreadableBenefit: false }) - 1;
          if (plain) inUnit!.set(nk, k);
          else byKey.set(key, k);
        }
        if (plain) written!.set(name, k);
      }
      if (creditedSince(creditPerson, first, credits, k)) continue; // the same name twice on one initiative
      creditPerson[credits] = k;
      creditInitiative[credits++] = i.id;
      const p = persons[k]!;
      if (st.counted) {
        p.counted++;
        if (i.benefit === null && i.unreadable?.includes('benefit') === true) p.unreadableBenefit = true;
      }
      if (st.viaBenefit.result === 'met' && i.benefit !== null && i.benefit > p.bestEvidencedBenefit) p.bestEvidencedBenefit = i.benefit;
      if (st.viaOther.result === 'met' && i.social === true) p.evidencedSocial = true;
    }
  });
  // Each person's credits side by side, in the order they were met (initiative order).
  const counts = new Int32Array(persons.length);
  for (let c = 0; c < credits; c++) counts[creditPerson[c]!]!++;
  const ids = new Int32Array(credits);
  const next = new Int32Array(persons.length);
  for (let k = 0, at = 0; k < persons.length; k++) {
    next[k] = at;
    at += counts[k]!;
  }
  for (let c = 0; c < credits; c++) ids[next[creditPerson[c]!]!++] = creditInitiative[c]!;
  for (let k = 0; k < persons.length; k++) persons[k]!.initiativeIds = ids.subarray(next[k]! - counts[k]!, next[k]!);
  return persons;
}

/** Order of two units by pct (unknown last). */
export function comparePctFacts(a: UnitFacts, b: UnitFacts): number {
  const ka = a.count !== null && a.plan !== null;
  const kb = b.count !== null && b.plan !== null;
  if (!ka || !kb) return ka === kb ? 0 : ka ? 1 : -1;
  return compareFractions(a.count!, a.plan!, b.count!, b.plan!);
}
