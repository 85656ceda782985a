/**
 * Nominations as the pane sees them: per award and group, the quota, the first few candidates of
 * each list (selected, reserve, excluded) and how many there are. A group's reserve can run to
 * thousands at a million initiatives (every author meeting 2.2.2 in an upper-level union), so the
 * rest of a list is asked for a page at a time (`candidatePage`).
 */
import type { SubjectRef } from '../../domain/engine/conditions';
import type { Candidate, Nomination } from '../../domain/engine/quotas';
import type { Outcome } from '../../domain/engine/run';
import { subjectUnitName } from '../../domain/engine/subjects';
import { biMoney, biPct } from '../../domain/engine/verdict';
import { bi, type Bilingual } from '../../domain/i18n';
import { sourceRows } from './index-rows';
import { type AwardTotal, type CandidateList, type CandidateView, MAX_PAGE, type NominationView } from './types';

/** Candidates of each list in the views (uncapped awards select every subject meeting them; a reserve is long). */
export const PREVIEW: Record<CandidateList, number> = { selected: 20, reserve: 5, excluded: 5 };

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

const views = (o: Outcome, list: Candidate[], from: number, count: number) => list.slice(from, from + count).map((c) => candidateView(o, c));

export function nominationViews(o: Outcome): NominationView[] {
  const title = (award: string) => o.rules.criteria.find((c) => c.id === award)?.title ?? bi(award, award);
  return o.nominations.map((n: Nomination, id) => ({
    id,
    award: n.award,
    awardTitle: title(n.award),
    group: n.group,
    quota: n.quota,
    uncapped: o.rules.uncapped.includes(n.award),
    quotaReason: n.quotaReason,
    selected: views(o, n.selected, 0, PREVIEW.selected),
    reserve: views(o, n.reserve, 0, PREVIEW.reserve),
    excluded: views(o, n.excluded, 0, PREVIEW.excluded),
    counts: { selected: n.selected.length, reserve: n.reserve.length, excluded: n.excluded.length },
    displaced: n.displaced,
  }));
}

/** Candidates `offset…offset+limit` of a nomination's list (at most MAX_PAGE); none for an unknown nomination. */
export function candidatePage(o: Outcome, nomination: number, list: CandidateList, offset: number, limit: number): CandidateView[] {
  const n = o.nominations[nomination];
  if (!n) return [];
  return views(o, n[list], Math.max(0, Math.floor(offset) || 0), Math.max(0, Math.min(MAX_PAGE, Math.floor(limit) || 0)));
}

export function awardTotals(views: NominationView[]): AwardTotal[] {
  const out = new Map<string, AwardTotal>();
  for (const n of views) {
    const t = out.get(n.award) ?? out.set(n.award, { award: n.award, title: n.awardTitle, selected: 0, reserve: 0, quota: null, uncapped: n.uncapped }).get(n.award)!;
    t.selected += n.counts.selected;
    t.reserve += n.counts.reserve;
    if (n.quota !== null) t.quota = (t.quota ?? 0) + n.quota;
  }
  return [...out.values()];
}
