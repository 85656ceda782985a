/** The JSON report of spec/report.md — a stable contract for tests and tools. */
import type { SubjectRef } from './engine/conditions';
import type { Outcome } from './engine/run';
import type { Lang } from './i18n';
import type { UnitLevel } from './model';

export interface ReportVerdict {
  result: 'met' | 'not_met' | 'unknown';
  reason: string;
}

export interface Report {
  rules: string;
  units: {
    name: string;
    sheet: string;
    row: number;
    level: UnitLevel;
    parent: string | null;
    plan: number | null;
    count: number | null;
    pct: number | null;
    verdicts: Record<string, ReportVerdict>;
  }[];
  people: {
    name: string;
    unit: string | null;
    kind: 'author' | 'official';
    rows: { sheet: string; row: number }[];
    verdicts: Record<string, ReportVerdict>;
  }[];
  nominations: { award: string; group: string; quota: number | null; selected: string[]; reserve: string[] }[];
  issues: { sheet: string | null; row: number | null; column: string | null; code: string; severity: string; message: string; subject: string | null }[];
}

/** Percent of plan, one decimal (display value; verdicts never use it). */
export function pctValue(count: number | null, plan: number | null): number | null {
  return count === null || plan === null ? null : Math.round((count * 1000) / plan) / 10;
}

export function buildReport(outcome: Outcome, lang: Lang = 'vi'): Report {
  const { model, evaluation: ev } = outcome;
  const verdicts = (s: SubjectRef) => {
    const out: Record<string, ReportVerdict> = {};
    for (const [id, v] of Object.entries(ev.verdicts(s))) out[id] = { result: v.result, reason: v.reason[lang] };
    return out;
  };
  const units = model.units.map((u) => {
    const f = ev.facts.units[u.id]!;
    return {
      name: u.name, sheet: u.source.sheet, row: u.source.row, level: u.level,
      parent: u.parentId !== null ? model.units[u.parentId]!.name : u.parentName,
      plan: f.plan, count: f.count, pct: pctValue(f.count, f.plan), verdicts: verdicts({ type: 'unit', id: u.id }),
    };
  });
  const authors = ev.facts.persons.map((p, index) => ({
    name: p.name, unit: p.unitName, kind: 'author' as const,
    rows: Array.from(p.initiativeIds, (id) => ({ ...model.initiatives[id]!.source })),
    verdicts: verdicts({ type: 'person', index }),
  }));
  const officials = model.officials.map((o) => ({ name: o.name, unit: o.unitName, kind: 'official' as const, rows: [{ ...o.source }], verdicts: verdicts({ type: 'official', id: o.id }) }));
  return {
    rules: outcome.rules.id,
    units,
    people: [...authors, ...officials],
    nominations: outcome.nominations.map((n) => ({ award: n.award, group: n.group, quota: n.quota, selected: n.selected.map((c) => c.name), reserve: n.reserve.map((c) => c.name) })),
    issues: [...outcome.issues, ...outcome.flags].map((i) => ({ sheet: i.sheet, row: i.row, column: i.column ?? null, code: i.code, severity: i.severity, message: i.message[lang], subject: i.subject ?? null })),
  };
}
