/**
 * Which columns each criterion reads, found by walking its condition. Used to tell the officer,
 * for a column the workbook lacks, which criteria it leaves undecided.
 * Field ids are `<role>.<field>` ("units.plan", "initiatives.benefit", "officials.role").
 */
import type { Condition, RuleSet } from '../../domain/rules/types';

const METRIC_FIELDS: Record<string, string[]> = {
  pct: ['units.plan', 'units.count'],
  count: ['units.count'],
  plan: ['units.plan'],
  members: ['units.members'],
  grassroots: [], // counted from the grassroots rows when there is no column
  rank: [], // ranked locally when there is no portal rank
  benefitCount: ['initiatives.benefit'],
  maxBenefit: ['initiatives.benefit'],
  totalBenefit: ['initiatives.benefit'],
};

const EVIDENCE = ['initiatives.posted', 'initiatives.recognitionDoc'];

function walk(c: Condition, rules: RuleSet, out: Set<string>, seen: Set<string>): void {
  if ('all' in c) c.all.forEach((x) => walk(x, rules, out, seen));
  else if ('any' in c) c.any.forEach((x) => walk(x, rules, out, seen));
  else if ('criterion' in c) {
    if (seen.has(c.criterion)) return;
    seen.add(c.criterion);
    const def = rules.criteria.find((d) => d.id === c.criterion);
    if (def) walk(def.when, rules, out, seen);
  } else if ('metric' in c) (METRIC_FIELDS[c.metric] ?? []).forEach((f) => out.add(f));
  else if ('flags' in c) c.flags.forEach((f) => out.add(`units.${f}`));
  else if ('highestInBloc' in c) ['units.bloc', 'units.plan', 'units.count'].forEach((f) => out.add(f));
  else if ('personInitiatives' in c) out.add('initiatives.authors');
  else if ('evidencedInitiative' in c) {
    [...EVIDENCE, 'initiatives.authors'].forEach((f) => out.add(f));
    if (c.evidencedInitiative.benefit !== undefined) ['initiatives.benefit', 'initiatives.benefitCertification'].forEach((f) => out.add(f));
    if (c.evidencedInitiative.social) out.add('initiatives.social');
  } else if ('highestEvidencedBenefit' in c) [...EVIDENCE, 'initiatives.authors', 'initiatives.benefit', 'initiatives.benefitCertification'].forEach((f) => out.add(f));
  else if ('officialRole' in c) out.add('officials.role');
}

/** criterion id → the fields it reads (an award also gets the fields its quota reads: members for 2.2.2…). */
export function criterionFields(rules: RuleSet): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of rules.criteria) {
    const fields = new Set<string>();
    walk(c.when, rules, fields, new Set([c.id]));
    out.set(c.id, fields);
  }
  for (const q of rules.quotas) {
    const fields = out.get(q.award);
    if (!fields) continue;
    for (const cond of [q.groupWhen, q.eligible, ...q.slots.map((s) => s.when)]) if (cond) walk(cond, rules, fields, new Set([q.award]));
  }
  return out;
}
