/**
 * The pane's view of one outcome, as plain data whose size does not grow with the workbook's
 * rows: criteria with their counts (and why some are unknown), nominations per award and group
 * (the first few candidates of each list), the review list's counts, key figures. Long loops
 * yield to the browser every few thousand subjects.
 */
import type { SubjectRef } from '../../domain/engine/conditions';
import type { Outcome } from '../../domain/engine/run';
import { allSubjects, criterionColor } from '../../domain/highlights';
import { bi, type Bilingual } from '../../domain/i18n';
import { awardTotals, nominationViews } from './nominations';
import type { ReviewList } from './review-list';
import type { AnalysisViews, CriterionView, Figures, Tally } from './types';
import { forEachChunked } from './yield';

/** Unknown verdicts explained per criterion to find the usual reasons (explaining is the costly part). */
const UNKNOWN_SAMPLE = 40;

const stripId = (id: string, text: string) => (text.startsWith(`${id}: `) ? text.slice(id.length + 2) : text);

export async function criteriaViews(o: Outcome, signal?: AbortSignal): Promise<CriterionView[]> {
  const ev = o.evaluation;
  const tally = new Map<string, Tally>(ev.criteria.map((c) => [c.id, { met: 0, not_met: 0, unknown: 0 }]));
  const unknownSample = new Map<string, SubjectRef[]>(ev.criteria.map((c) => [c.id, []]));
  await forEachChunked(
    allSubjects(o),
    (s) => {
      for (const c of ev.applicable(s)) {
        const r = ev.result(s, c.id);
        if (!r) continue;
        tally.get(c.id)![r]++;
        if (r === 'unknown') {
          const sample = unknownSample.get(c.id)!;
          if (sample.length < UNKNOWN_SAMPLE) sample.push(s);
        }
      }
    },
    signal,
  );
  return ev.criteria.map((c) => {
    const reasons = new Map<string, { reason: Bilingual; count: number }>();
    for (const s of unknownSample.get(c.id)!) {
      const v = ev.explain(s, c.id);
      const reason = bi(stripId(c.id, v.reason.vi), stripId(c.id, v.reason.en));
      const e = reasons.get(reason.vi) ?? reasons.set(reason.vi, { reason, count: 0 }).get(reason.vi)!;
      e.count++;
    }
    return {
      id: c.id,
      title: c.title,
      partOf: c.partOf ?? null,
      appliesTo: c.appliesTo,
      color: criterionColor(o, c.id),
      counts: tally.get(c.id)!,
      unknownReasons: [...reasons.values()].sort((a, b) => b.count - a.count).slice(0, 3),
    };
  });
}

export function figures(o: Outcome): Figures {
  const { model, evaluation } = o;
  const status = evaluation.facts.status;
  let counted = 0, withBenefit = 0, totalBenefit = 0, evidenced = 0;
  model.initiatives.forEach((i, n) => {
    if (!status[n]!.counted) return;
    counted++;
    if (i.benefit !== null && i.benefit > 0) {
      withBenefit++;
      totalBenefit += i.benefit;
    }
    if (status[n]!.viaOther.result === 'met') evidenced++;
  });
  const tops = model.units.filter((u) => u.parentId === null);
  const sum = (xs: (number | null)[]) => (xs.length === 0 || xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0));
  return {
    units: model.units.filter((u) => u.level !== 'province').length,
    upper: model.units.filter((u) => u.level === 'upper').length,
    grassroots: model.units.filter((u) => u.level === 'grassroots').length,
    initiatives: model.initiatives.length,
    counted, withBenefit, evidenced, totalBenefit,
    authors: evaluation.facts.persons.length,
    officials: model.officials.length,
    plan: sum(tops.map((u) => evaluation.facts.units[u.id]!.plan)),
    count: sum(tops.map((u) => evaluation.facts.units[u.id]!.count)),
    issues: o.issues.filter((i) => i.severity !== 'info').length,
    flags: o.flags.length,
  };
}

export async function buildViews(o: Outcome, list: ReviewList, signal?: AbortSignal): Promise<AnalysisViews> {
  const criteria = await criteriaViews(o, signal);
  const nominations = nominationViews(o);
  return { rulesTitle: o.rules.title, criteria, nominations, awards: awardTotals(nominations), review: list.summary(), figures: figures(o) };
}
