/**
 * The Data step as plain data: every sheet with its role, header rows and column mapping (with
 * confidence), sheets not used and why, the columns the workbook lacks and which criteria they
 * leave undecided, and the data issues found while reading.
 */
import { FIELDS_BY_ROLE, type SheetRole } from '../../domain/detect/fields';
import type { LayoutOverride, LayoutResult } from '../../domain/detect/layout';
import type { Bilingual } from '../../domain/i18n';
import type { RuleSet, Subject } from '../../domain/rules/types';
import type { CriterionView, WorkbookCounts, WorkbookShape } from '../engine/types';
import { criterionFields } from './dependencies';

/**
 * Where a field's values come from: a column (matched, or chosen by the officer), somewhere else
 * (section rows, the initiative list, another column, another sheet), or nowhere although a
 * criterion needs it; `unused` fields have no column and no criterion reads them.
 */
export type FieldSource = 'column' | 'confirmed' | 'sections' | 'list' | 'rewardDecision' | 'elsewhere' | 'missing' | 'unused';

export interface FieldRow {
  id: string;
  label: Bilingual;
  column: number | null; // 0-based
  header: string | null;
  confidence: number | null;
  source: FieldSource;
  /** Some criterion of the rule set reads this field. */
  used: boolean;
}

export interface SheetView {
  name: string;
  status: 'used' | 'skipped' | 'result';
  role: SheetRole | null;
  skipReason: Exclude<LayoutResult, { ok: true }>['reason'] | null;
  roleOverridden: boolean;
  headerRows: number[];
  dataStartRow: number | null;
  rowCount: number;
  /** Fields of the role, mapped first. */
  fields: FieldRow[];
  /** Header columns to choose from: 0-based index and text. */
  columns: { index: number; text: string }[];
}

export interface MissingField {
  /** "units.plan", or "role:officials" when no sheet of that kind exists. */
  id: string;
  role: SheetRole;
  label: Bilingual | null;
  /** Criteria that read it, with how many of their verdicts are unknown. */
  criteria: { id: string; unknown: number }[];
}

export interface DataView {
  sheets: SheetView[];
  missing: MissingField[];
  counts: WorkbookCounts;
  issues: { total: number; byCode: { code: string; count: number }[] };
  recognised: boolean;
}

const ROLE_SUBJECTS: Record<SheetRole, Subject[]> = {
  units: ['province', 'top', 'upper', 'grassroots', 'enterprise'],
  initiatives: ['author'],
  officials: ['official'],
};

/** `issues`: the review list's data issues per code (ReviewSummary.byCode). */
export function dataView(shape: WorkbookShape, rules: RuleSet, overrides: LayoutOverride[], criteria: CriterionView[], issues: { code: string; count: number }[]): DataView {
  const { sheets } = shape;
  const fieldsUsed = new Set<string>();
  const deps = criterionFields(rules);
  for (const set of deps.values()) for (const f of set) fieldsUsed.add(f);
  const override = new Map(overrides.map((o) => [o.sheet, o]));
  const views: SheetView[] = [];
  for (const info of sheets) {
    const layout = shape.layouts.find((l) => l.sheet === info.name);
    const skipped = shape.skipped.find((s) => s.sheet === info.name);
    const o = override.get(info.name);
    if (info.owned) {
      views.push({ name: info.name, status: 'result', role: null, skipReason: null, roleOverridden: false, headerRows: [], dataStartRow: null, rowCount: info.rowCount, fields: [], columns: [] });
      continue;
    }
    if (layout) {
      const confirmed = o?.columns ?? {};
      const fields: FieldRow[] = FIELDS_BY_ROLE[layout.role]
        .filter((f) => f.id !== 'stt')
        .map((f) => {
          const m = layout.mapping[f.id];
          const id = `${layout.role}.${f.id}`;
          const used = fieldsUsed.has(id);
          const source: FieldSource = m
            ? f.id in confirmed
              ? 'confirmed'
              : 'column'
            : (coveredBy(id, shape) ?? (!used ? 'unused' : shape.layouts.some((l) => l.role === layout.role && l.mapping[f.id]) ? 'elsewhere' : 'missing'));
          return { id: f.id, label: f.label, column: m?.column ?? null, header: m?.header ?? null, confidence: m?.confidence ?? null, source, used };
        })
        .sort((a, b) => Number(b.column !== null) - Number(a.column !== null));
      views.push({
        name: info.name, status: 'used', role: layout.role, skipReason: null, roleOverridden: !!o?.role, headerRows: layout.headerRows, dataStartRow: layout.dataStartRow,
        rowCount: info.rowCount, fields, columns: layout.labels.filter((l) => l.text).map((l) => ({ index: l.index, text: l.text })),
      });
    } else {
      views.push({ name: info.name, status: 'skipped', role: null, skipReason: skipped?.reason ?? 'empty', roleOverridden: !!o?.role, headerRows: [], dataStartRow: null, rowCount: info.rowCount, fields: [], columns: [] });
    }
  }
  const unknown = new Map(criteria.map((c) => [c.id, c.counts.unknown]));
  const readers = (field: string) => rules.criteria.filter((c) => deps.get(c.id)!.has(field)).map((c) => ({ id: c.id, unknown: unknown.get(c.id) ?? 0 }));
  const missing: MissingField[] = [];
  const roles = new Set(shape.layouts.map((l) => l.role));
  for (const role of Object.keys(FIELDS_BY_ROLE) as SheetRole[]) {
    if (!roles.has(role)) {
      const crit = rules.criteria.filter((c) => c.appliesTo.some((s) => ROLE_SUBJECTS[role].includes(s)) || [...deps.get(c.id)!].some((f) => f.startsWith(`${role}.`)));
      // Units are needed by everything; initiatives feed unit counts too. Name the role only when some criterion needs it.
      if (crit.length) missing.push({ id: `role:${role}`, role, label: null, criteria: crit.map((c) => ({ id: c.id, unknown: unknown.get(c.id) ?? 0 })) });
      continue;
    }
    for (const f of FIELDS_BY_ROLE[role]) {
      const id = `${role}.${f.id}`;
      if (!fieldsUsed.has(id)) continue;
      const mapped = shape.layouts.some((l) => l.role === role && l.mapping[f.id]);
      if (mapped || coveredBy(id, shape)) continue;
      missing.push({ id, role, label: f.label, criteria: readers(id) });
    }
  }
  return {
    sheets: views,
    missing,
    counts: shape.counts,
    issues: { total: issues.reduce((n, c) => n + c.count, 0), byCode: issues.map(({ code, count }) => ({ code, count })).sort((a, b) => b.count - a.count) },
    recognised: shape.layouts.length > 0,
  };
}

/**
 * Fields the workbook provides without their own column: the count comes from the initiative list,
 * a reward decision stands for a recognition document, blocs are read from section rows
 * ("I. Khối LĐLĐ huyện…").
 */
function coveredBy(id: string, shape: WorkbookShape): 'list' | 'rewardDecision' | 'sections' | null {
  const { layouts, blocs } = shape;
  if (id === 'units.count' && layouts.some((l) => l.role === 'initiatives')) return 'list';
  if (id === 'initiatives.recognitionDoc' && layouts.some((l) => l.role === 'initiatives' && l.mapping.rewardDecision)) return 'rewardDecision';
  if (id === 'units.bloc' && blocs) return 'sections';
  return null;
}
