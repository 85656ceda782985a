/**
 * The entities the rule engine works on, built from the officer's tables.
 * `null` always means "not known" (missing or unreadable — the reading step has raised an issue).
 */
import type { Issue } from './issues';

export type UnitLevel = 'province' | 'upper' | 'grassroots' | 'enterprise';

/** Where an entity was read from: 1-based Excel row. */
export interface SourceRef {
  sheet: string;
  row: number;
}

export interface Unit {
  id: number; // index in Model.units
  name: string; // as written (NFC, spaces collapsed)
  key: string; // normalised name used for matching
  code: string | null;
  level: UnitLevel;
  parentId: number | null;
  parentName: string | null; // as written in the workbook (even when unresolved)
  source: SourceRef;
  plan: number | null;
  count: number | null; // from the count column; null when absent
  members: number | null;
  grassroots: number | null; // from its own column
  bloc: string | null;
  portalRank: number | null;
  rewardClause: boolean | null; // reward clause in collective agreement / regulations
  rewardedAuthors: boolean | null;
  ownership: 'state' | 'non_state' | null; // enterprise type
  /** Fields whose cell held something unreadable or impossible (an issue names each): unknown, not empty. */
  unreadable?: string[];
  /** Set when the workbook has no row for the province: its figures come from the totals row or the sum of its units. */
  derived?: 'totals_row' | 'sum';
}

export interface Initiative {
  id: number;
  source: SourceRef;
  code: string | null;
  title: string;
  authors: string[]; // normalised names, in written order (first = first author)
  unitName: string | null;
  unitId: number | null; // resolved unit (usually grassroots)
  field: string | null;
  benefit: number | null; // VND per year; null = none/unknown
  social: boolean | null; // outstanding social / humanitarian value
  posted: boolean | null;
  registeredOn: string | null; // ISO date
  recognitionDoc: boolean | null;
  rewardDecision: boolean | null;
  benefitCertification: boolean | null;
  docDates: string[]; // every document date present (ISO)
  /** Columns this initiatives sheet has, so evidence checks can tell "column absent" from "cell empty". */
  has: InitiativeColumns;
  /** Fields whose cell held something unreadable or impossible (an issue names each): unknown, not empty. */
  unreadable?: string[];
}

export interface InitiativeColumns {
  posted: boolean;
  registeredOn: boolean;
  recognitionDoc: boolean;
  rewardDecision: boolean;
  benefitCertification: boolean;
  docDate: boolean;
  social: boolean;
  benefit: boolean;
}

export type OfficialRole = 'standing' | 'department' | 'upper_fulltime' | 'other';

export interface Official {
  id: number;
  source: SourceRef;
  name: string;
  position: string | null;
  unitName: string | null;
  unitId: number | null;
  role: OfficialRole | null;
}

export interface Model {
  units: Unit[];
  initiatives: Initiative[];
  officials: Official[];
  issues: Issue[];
  /** Which optional unit fields exist somewhere in the workbook (for "column missing" explanations). */
  unitFields: Set<string>;
}
