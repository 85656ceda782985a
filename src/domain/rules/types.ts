/**
 * A rule set is data (JSON-serialisable): criteria with the guidance's own clause ids,
 * conditions with comparators and thresholds, quotas, ordering keys and named parameters.
 * Upper-level unions may write their own (guidance III.3) and load them from a JSON file.
 */
import type { Bilingual } from '../i18n';

/**
 * Who a criterion is decided for. `top` = the top-level units of the rule set (see `topLevel`);
 * `enterprise` = a grassroots union in an enterprise (its ownership is known).
 */
export type Subject = 'province' | 'top' | 'upper' | 'grassroots' | 'enterprise' | 'author' | 'official';

export type Cmp = '>' | '>=' | '<' | '<=' | '=';

/** A comparator, or the name of a parameter that holds one (the ambiguous wording of 1.1.3). */
export type CmpRef = Cmp | { param: string };

/** A threshold: a literal, or the name of a parameter of the rule set. */
export type Value = number | { param: string };

/** Which unit a collective condition looks at: the subject itself, its parent, or its top-level unit. */
export type Scope = 'self' | 'parent' | 'top';

export type UnitMetric =
  | 'pct' // count/plan, compared exactly as count·100 cmp X·plan
  | 'count'
  | 'plan'
  | 'members'
  | 'grassroots'
  | 'rank' // portal rank, or computed locally among units of the same level
  | 'benefitCount' // counted initiatives with benefit > 0 in the unit and below
  | 'maxBenefit'
  | 'totalBenefit';

export type UnitFlag = 'rewardClause' | 'rewardedAuthors';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { criterion: string } // the verdict of another criterion for the same subject
  | { metric: UnitMetric; cmp: CmpRef; value: Value; scope?: Scope }
  | { flags: UnitFlag[]; scope?: Scope } // every one of these yes/no columns that the workbook has says yes
  | { highestInBloc: 'pct'; over: Value } // highest pct among units of the same level in the bloc, ties all met
  | { personInitiatives: Cmp; value: Value } // counted initiatives credited to the person
  | { evidencedInitiative: { benefit?: Value; social?: boolean } } // one evidenced initiative with benefit ≥ X, or (any) social mark
  | { highestEvidencedBenefit: true } // author of the highest evidenced benefit in the workbook (ties all)
  | { officialRole: ('standing' | 'department' | 'upper_fulltime')[] };

export interface CriterionDef {
  id: string; // "2.1.2a"
  appliesTo: Subject[];
  title: Bilingual; // the guidance's wording, short
  when: Condition;
  /** A sub-condition: counted in "number of sub-conditions met" of its parent award. */
  partOf?: string;
}

export interface SlotRule {
  when?: Condition; // evaluated on the group unit; the first rule that is met gives the slots
  slots: number;
}

export type OrderKey =
  | 'nonState' // non-state enterprises first
  | 'subMet' // number of sub-conditions met, more first
  | 'pct'
  | 'totalBenefit'
  | 'count'
  | 'bestEvidencedBenefit'
  | 'initiatives'
  | 'social'
  | 'name'; // Vietnamese collation

export interface QuotaDef {
  award: string; // criterion id whose "met" subjects are the candidates
  subject: Subject;
  /** Extra condition to be proposed (e.g. 1.1.2: above 200% and a reward clause). */
  eligible?: Condition;
  /** upper: each upper-level union; top: each top-level unit; workbook: one group "*". */
  groupBy: 'upper' | 'top' | 'workbook';
  /** Evaluated on the group unit; when not met the group has 0 slots, when unknown the quota is unknown. */
  groupWhen?: Condition;
  /** A boolean parameter that switches `groupWhen` on and off (precondition of the 2.2.2 quota). */
  groupWhenParam?: string;
  slots: SlotRule[];
  order: OrderKey[];
  /** Candidates tied with the last selected are all listed (the officer decides). */
  keepTies?: boolean;
}

export type ParamValue = number | string | boolean;

export interface ParamDef {
  value: ParamValue;
  type: 'number' | 'date' | 'boolean' | 'choice';
  choices?: string[];
  label: Bilingual;
  /** The guidance's words this parameter interprets. */
  seed: Bilingual;
}

export interface RuleSet {
  id: string;
  title: Bilingual;
  /** Which units are "top-level" for quotas and scope `top`: the upper-level unions, or the roots of the hierarchy. */
  topLevel: 'upper' | 'root';
  params: Record<string, ParamDef>;
  criteria: CriterionDef[];
  quotas: QuotaDef[];
  /** Awards nominated without a cap (listed with group "*" and quota null). */
  uncapped: string[];
}

/** Parameters that the engine itself reads (every rule set has them). */
export const ENGINE_PARAMS = ['many', 'cutoff', 'docFrom', 'docTo', 'firstAuthorOnly', 'collectiveRequiresEvidence'] as const;
