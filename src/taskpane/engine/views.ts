/**
 * The pane's view of one outcome, as plain data: criteria with their counts (and why some are
 * unknown), nominations per award and group, the review list, key figures. Long loops yield to the
 * browser every few thousand subjects.
 */
import type { SubjectRef } from '../../domain/engine/conditions';
import type { Candidate, Nomination } from '../../domain/engine/quotas';
import type { Outcome } from '../../domain/engine/run';
import { subjectUnitName } from '../../domain/engine/subjects';
import { biMoney, biPct } from '../../domain/engine/verdict';
import { allSubjects, criterionColor } from '../../domain/highlights';
import { bi, type Bilingual } from '../../domain/i18n';
import type { Issue } from '../../domain/issues';
import { subjectKeyOf, type ReviewRow } from '../../domain/sheets/review';
import type { AnalysisViews, AwardTotal, CandidateView, CriterionView, Figures, FlagView, NominationView, Tally } from './types';
import { type RowIndex, sourceRows } from './index-rows';
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

function figuresOf(o: Outcome, s: SubjectRef): Bilingual {
  const facts = o.evaluation.facts;
  if (s.type === 'unit') {
    const f = facts.units[s.id]!;
    const parts: Bilingual[] = [];
    if (f.count !== null && f.plan !== null && f.plan > 0) {
      const pct = biPct(f.count, f.plan);
      parts.push(bi(`${pct.vi} kế hoạch (${f.count}/${f.plan})`, `${pct.en} of plan (${f.count}/${f.plan})`));
    } else if (f.count !== null) parts.push(bi(`${f.count} SK`, `${f.count} initiatives`));
    if (f.benefitCount) {
      const total = biMoney(f.totalBenefit);
      parts.push(bi(`${f.benefitCount} SK làm lợi, tổng ${total.vi}`, `${f.benefitCount} with benefit, total ${total.en}`));
    }
    return join(parts);
  }
  if (s.type === 'person') {
    const p = facts.persons[s.index]!;
    const parts = [bi(`${p.counted} SK`, `${p.counted} initiative${p.counted === 1 ? '' : 's'}`)];
    if (p.bestEvidencedBenefit) {
      const best = biMoney(p.bestEvidencedBenefit);
      parts.push(bi(`làm lợi cao nhất ${best.vi}`, `best benefit ${best.en}`));
    }
    if (p.evidencedSocial) parts.push(bi('giá trị xã hội, nhân văn', 'social/humanitarian value'));
    return join(parts);
  }
  const position = o.model.officials[s.id]!.position ?? '';
  return bi(position, position);
}

const join = (parts: Bilingual[]): Bilingual => ({ vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') });

function candidateView(o: Outcome, c: Candidate): CandidateView {
  const s = c.subject;
  const where = s.type === 'person' ? bestInitiativeRow(o, s.index) : (sourceRows(o, s)[0] ?? null);
  return { key: c.key, kind: s.type, name: c.name, unit: subjectUnitName(o.model, o.evaluation.facts, s), where, figures: figuresOf(o, s), pinned: c.pinned };
}

/** A person's row to go to: the initiative with the highest benefit, else the first. */
function bestInitiativeRow(o: Outcome, index: number) {
  const ids = o.evaluation.facts.persons[index]!.initiativeIds;
  let best = ids[0];
  for (const id of ids) if ((o.model.initiatives[id]!.benefit ?? 0) > (o.model.initiatives[best!]!.benefit ?? 0)) best = id;
  return best === undefined ? null : o.model.initiatives[best]!.source;
}

export function nominationViews(o: Outcome): NominationView[] {
  const title = (award: string) => o.rules.criteria.find((c) => c.id === award)?.title ?? bi(award, award);
  return o.nominations.map((n: Nomination) => ({
    award: n.award,
    awardTitle: title(n.award),
    group: n.group,
    quota: n.quota,
    uncapped: o.rules.uncapped.includes(n.award),
    quotaReason: n.quotaReason,
    selected: n.selected.map((c) => candidateView(o, c)),
    reserve: n.reserve.map((c) => candidateView(o, c)),
    excluded: n.excluded.map((c) => candidateView(o, c)),
    displaced: n.displaced,
  }));
}

export function awardTotals(views: NominationView[]): AwardTotal[] {
  const out = new Map<string, AwardTotal>();
  for (const n of views) {
    const t = out.get(n.award) ?? out.set(n.award, { award: n.award, title: n.awardTitle, selected: 0, reserve: 0, quota: null, uncapped: n.uncapped }).get(n.award)!;
    t.selected += n.selected.length;
    t.reserve += n.reserve.length;
    if (n.quota !== null) t.quota = (t.quota ?? 0) + n.quota;
  }
  return [...out.values()];
}

/** Automatic flags of this run, reviewer-independent: the review sheet's automatic rows. */
function autoIssues(o: Outcome): Issue[] {
  return [...o.flags, ...o.issues.filter((i) => i.severity !== 'info')];
}

const autoKey = (i: Issue) => `${subjectKeyOf(i.kind ?? 'other', i.subject ?? '', null, i.sheet && i.row ? { sheet: i.sheet, row: i.row } : null)}|${i.code}`;

/**
 * Review rows as they must be written: an automatic row that carries a decision but whose flag this
 * run no longer raises (an excluded initiative has no evidence flags) becomes a reviewer row, so the
 * decision that removed the flag is not lost when the sheet is rewritten.
 */
export function preserveDecided(o: Outcome, review: ReviewRow[]): ReviewRow[] {
  if (!review.some((r) => r.source === 'auto' && r.decision)) return review;
  const current = new Set(autoIssues(o).map(autoKey));
  return review.map((r) => (r.source === 'auto' && r.decision && !current.has(`${r.key}|${r.code}`) ? { ...r, source: 'reviewer' as const } : r));
}

/** The review list as the review sheet will hold it: this run's flags (decisions carried over) and the reviewers' rows. */
export function flagViews(o: Outcome, reviewRows: ReviewRow[], index: RowIndex): FlagView[] {
  const review = preserveDecided(o, reviewRows);
  const earlier = new Map(review.filter((r) => r.source === 'auto').map((r) => [`${r.key}|${r.code}`, r]));
  const evidence = new Set(o.flags);
  const auto = autoIssues(o).map((i: Issue, n): FlagView => {
    const kind = i.kind ?? 'other';
    const where = i.sheet && i.row ? { sheet: i.sheet, row: i.row } : null;
    const key = subjectKeyOf(kind, i.subject ?? '', null, where);
    const entity = where ? index.at(where.sheet, where.row) : null;
    const before = earlier.get(`${key}|${i.code}`);
    return {
      id: `auto:${n}:${key}|${i.code}`, key, code: i.code, kind, subject: i.subject ?? '', unit: index.unitName(entity), upper: index.upperName(entity),
      where, message: i.message, severity: i.severity, category: evidence.has(i) ? 'evidence' : 'data', source: 'auto',
      award: before?.award ?? null, decision: before?.decision ?? null, who: before?.who ?? null, when: before?.when ?? null, note: before?.note ?? null,
    };
  });
  const reviewer = review
    .map((r, n) => ({ r, n }))
    .filter(({ r }) => r.source === 'reviewer')
    .map(({ r, n }): FlagView => {
      const entity = r.where ? index.at(r.where.sheet, r.where.row) : null;
      return {
        id: `reviewer:${n}`, key: r.key, code: r.code, kind: r.kind, subject: r.subject, unit: r.unit ?? index.unitName(entity), upper: index.upperName(entity) ?? r.unit,
        where: r.where, message: bi(r.issue, r.issue), severity: 'reviewer', category: 'reviewer', source: 'reviewer',
        award: r.award, decision: r.decision, who: r.who, when: r.when, note: r.note,
      };
    });
  return [...auto, ...reviewer];
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

export async function buildViews(o: Outcome, review: ReviewRow[], index: RowIndex, signal?: AbortSignal): Promise<AnalysisViews> {
  const criteria = await criteriaViews(o, signal);
  const nominations = nominationViews(o);
  return { rulesTitle: o.rules.title, criteria, nominations, awards: awardTotals(nominations), flags: flagViews(o, review, index), figures: figures(o) };
}
