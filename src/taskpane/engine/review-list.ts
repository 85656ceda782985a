/**
 * The review list as the engine keeps it: this run's automatic flags (decisions carried over from
 * the review rows) and the reviewers' own rows, in the review sheet's order. At half a million
 * rows the pane cannot hold it, so the pane gets counts (`summary`) and asks for one page at a time
 * (`page`). Each row's category, code, upper-level union, unit and decision sit in typed arrays; a
 * row becomes a FlagView only when a page shows it. The positions matching the last few filters
 * are kept, so turning pages costs a page.
 */
import { collator } from '../../domain/engine/quotas';
import type { Outcome } from '../../domain/engine/run';
import { bi } from '../../domain/i18n';
import type { Issue } from '../../domain/issues';
import { type AutomaticIssues, automaticIssues, type ReviewRow, subjectKeyOf } from '../../domain/sheets/review';
import type { RowIndex } from './index-rows';
import type { DecisionFilter, FlagCategory, FlagFilter, FlagOrder, FlagPage, FlagQuery, FlagView, ReviewSummary } from './types';
import { MAX_PAGE } from './types';
import { yieldToUi } from './yield';

const CATEGORIES: FlagCategory[] = ['data', 'evidence', 'reviewer'];
const DECISIONS: DecisionFilter[] = ['none', 'exclude', 'keep', 'pin'];
/** Filtered position lists kept (the filters a reviewer goes back and forth between). */
const CACHED = 4;
const YIELD_EVERY = 20_000;

const whereOf = (i: Issue) => (i.sheet && i.row ? { sheet: i.sheet, row: i.row } : null);
const autoKey = (i: Issue) => `${subjectKeyOf(i.kind ?? 'other', i.subject ?? '', null, whereOf(i))}|${i.code}`;

/**
 * Review rows as they must be written: an automatic row that carries a decision but whose flag this
 * run no longer raises (an excluded initiative has no evidence flags) becomes a reviewer row, so the
 * decision that removed the flag is not lost when the sheet is rewritten.
 */
export function preserveDecided(o: Outcome, review: ReviewRow[]): ReviewRow[] {
  if (!review.some((r) => r.source === 'auto' && r.decision)) return review;
  const auto = automaticIssues(o);
  const current = new Set<string>();
  for (let n = 0; n < auto.length; n++) current.add(autoKey(auto.at(n)));
  return review.map((r) => (r.source === 'auto' && r.decision && !current.has(`${r.key}|${r.code}`) ? { ...r, source: 'reviewer' as const } : r));
}

/** Names interned as small numbers (-1: none). */
class Names {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(name: string | null): number {
    if (name === null) return -1;
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.list.push(name) - 1));
    return id;
  }
  /** The id of a known name; -2 (matches no row) for an unknown one. */
  find(name: string): number {
    return this.ids.get(name) ?? -2;
  }
}

export class ReviewList {
  private readonly codes = new Names();
  private readonly uppers = new Names();
  private readonly units = new Names();
  private readonly category: Uint8Array;
  private readonly decision: Uint8Array;
  private readonly code: Int32Array;
  private readonly upper: Int32Array;
  private readonly unit: Int32Array;
  /** For each automatic flag, the review row it was read from (decision, reviewer…), or -1. */
  private readonly earlier: Int32Array;
  /** Positions in `review` of the reviewers' own rows (after the automatic flags in the list). */
  private readonly reviewer: Int32Array;
  private readonly cache: { key: string; positions: Int32Array }[] = [];

  private constructor(
    private readonly auto: AutomaticIssues,
    private readonly evidence: number,
    private readonly review: ReviewRow[],
    private readonly index: RowIndex,
  ) {
    this.reviewer = Int32Array.from(review.flatMap((r, n) => (r.source === 'reviewer' ? [n] : [])));
    const size = auto.length + this.reviewer.length;
    this.category = new Uint8Array(size);
    this.decision = new Uint8Array(size);
    this.code = new Int32Array(size);
    this.upper = new Int32Array(size);
    this.unit = new Int32Array(size);
    this.earlier = new Int32Array(auto.length).fill(-1);
  }

  /** Indexes the list of an outcome with these review rows (yielding now and then: it can be long). */
  static async build(o: Outcome, reviewRows: ReviewRow[], index: RowIndex, signal?: AbortSignal): Promise<ReviewList> {
    const review = preserveDecided(o, reviewRows);
    const list = new ReviewList(automaticIssues(o), o.flags.length, review, index);
    await list.indexRows(signal);
    return list;
  }

  get size(): number {
    return this.category.length;
  }

  private async indexRows(signal?: AbortSignal): Promise<void> {
    const { auto, review } = this;
    const rowOf = new Map<string, number>();
    review.forEach((r, n) => r.source === 'auto' && rowOf.set(`${r.key}|${r.code}`, n));
    for (let n = 0; n < auto.length; n++) {
      if (n > 0 && n % YIELD_EVERY === 0) await yieldToUi(signal);
      const i = auto.at(n);
      const where = whereOf(i);
      const entity = where ? this.index.at(where.sheet, where.row) : null;
      const at = rowOf.size ? (rowOf.get(autoKey(i)) ?? -1) : -1;
      this.earlier[n] = at;
      this.set(n, n < this.evidence ? 'evidence' : 'data', i.code, this.index.upperName(entity), this.index.unitName(entity), at >= 0 ? review[at]!.decision : null);
    }
    this.reviewer.forEach((at, k) => {
      const r = review[at]!;
      const entity = r.where ? this.index.at(r.where.sheet, r.where.row) : null;
      this.set(auto.length + k, 'reviewer', r.code, this.index.upperName(entity) ?? r.unit, r.unit ?? this.index.unitName(entity), r.decision);
    });
  }

  private set(n: number, category: FlagCategory, code: string, upper: string | null, unit: string | null, decision: ReviewRow['decision']): void {
    this.category[n] = CATEGORIES.indexOf(category);
    this.code[n] = this.codes.id(code);
    this.upper[n] = this.uppers.id(upper);
    this.unit[n] = this.units.id(unit);
    this.decision[n] = DECISIONS.indexOf(decision ?? 'none');
  }

  summary(): ReviewSummary {
    const byCategory: Record<FlagCategory, number> = { data: 0, evidence: 0, reviewer: 0 };
    const byDecision: Record<DecisionFilter, number> = { none: 0, exclude: 0, keep: 0, pin: 0 };
    const byCode = new Map<string, { code: string; category: FlagCategory; count: number }>();
    const byUpper = new Map<number, number>();
    for (let n = 0; n < this.size; n++) {
      const category = CATEGORIES[this.category[n]!]!;
      byCategory[category]++;
      byDecision[DECISIONS[this.decision[n]!]!]++;
      const code = this.codes.list[this.code[n]!]!;
      const k = `${code}\u0000${category}`;
      (byCode.get(k) ?? byCode.set(k, { code, category, count: 0 }).get(k)!).count++;
      if (this.upper[n]! >= 0) byUpper.set(this.upper[n]!, (byUpper.get(this.upper[n]!) ?? 0) + 1);
    }
    return {
      total: this.size,
      open: byDecision.none,
      byCategory,
      byCode: [...byCode.values()].sort((a, b) => b.count - a.count),
      byUpper: [...byUpper].map(([id, count]) => ({ name: this.uppers.list[id]!, count })).sort((a, b) => collator.compare(a.name, b.name)),
      byDecision,
    };
  }

  page(q: FlagQuery): FlagPage {
    const positions = this.positions(q, q.order ?? 'list');
    const total = positions.length;
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(q.limit) || 1));
    // A page past the end (the list got shorter after a decision) becomes the last page.
    const offset = Math.max(0, Math.min(Math.floor(q.offset) || 0, total === 0 ? 0 : Math.floor((total - 1) / limit) * limit));
    const rows = Array.from(positions.subarray(offset, offset + limit), (n) => this.view(n));
    return { total, offset, rows };
  }

  /** Positions of the rows matching a filter, in the order asked (kept for the last few filters). */
  private positions(f: FlagFilter, order: FlagOrder): Int32Array {
    const key = JSON.stringify([f.category ?? null, f.code ?? null, f.upper ?? null, f.decision ?? null, order]);
    const hit = this.cache.findIndex((c) => c.key === key);
    if (hit >= 0) {
      const [c] = this.cache.splice(hit, 1);
      this.cache.unshift(c!);
      return c!.positions;
    }
    const category = f.category ? CATEGORIES.indexOf(f.category) : -1;
    const decision = f.decision ? DECISIONS.indexOf(f.decision) : -1;
    const code = f.code != null ? this.codes.find(f.code) : null;
    const upper = f.upper != null ? this.uppers.find(f.upper) : null;
    const out = new Int32Array(this.size);
    let k = 0;
    for (let n = 0; n < this.size; n++) {
      if (category >= 0 && this.category[n] !== category) continue;
      if (decision >= 0 && this.decision[n] !== decision) continue;
      if (code !== null && this.code[n] !== code) continue;
      if (upper !== null && this.upper[n] !== upper) continue;
      out[k++] = n;
    }
    const positions = out.slice(0, k);
    if (order === 'unit') this.sortByUnit(positions);
    this.cache.unshift({ key, positions });
    this.cache.length = Math.min(this.cache.length, CACHED);
    return positions;
  }

  /** Upper-level union, then unit (Vietnamese order, rows without one last), then list order. */
  private sortByUnit(positions: Int32Array): void {
    // Names the collator finds equal ("Bản Bo", "Ban Bo") share a rank: their rows stay in list order.
    const rank = (names: Names) => {
      const r = new Int32Array(names.list.length);
      const sorted = names.list.map((name, id) => ({ name, id })).sort((a, b) => collator.compare(a.name, b.name));
      sorted.forEach((x, i) => (r[x.id] = i > 0 && collator.compare(sorted[i - 1]!.name, x.name) === 0 ? r[sorted[i - 1]!.id]! : i));
      return r;
    };
    const [upperRank, unitRank] = [rank(this.uppers), rank(this.units)];
    const at = (ranks: Int32Array, id: number) => (id < 0 ? ranks.length : ranks[id]!);
    positions.sort((a, b) => at(upperRank, this.upper[a]!) - at(upperRank, this.upper[b]!) || at(unitRank, this.unit[a]!) - at(unitRank, this.unit[b]!) || a - b);
  }

  /** The row at a position of the list, as the pane shows it. */
  private view(n: number): FlagView {
    if (n >= this.auto.length) return this.reviewerView(n);
    const i = this.auto.at(n);
    const kind = i.kind ?? 'other';
    const where = whereOf(i);
    const key = subjectKeyOf(kind, i.subject ?? '', null, where);
    const before = this.earlier[n]! >= 0 ? this.review[this.earlier[n]!] : undefined;
    return {
      id: `auto:${n}:${key}|${i.code}`, key, code: i.code, kind, subject: i.subject ?? '', unit: this.name(this.units, this.unit[n]!), upper: this.name(this.uppers, this.upper[n]!),
      where, message: i.message, severity: i.severity, category: n < this.evidence ? 'evidence' : 'data', source: 'auto',
      award: before?.award ?? null, decision: before?.decision ?? null, who: before?.who ?? null, when: before?.when ?? null, note: before?.note ?? null,
    };
  }

  private reviewerView(n: number): FlagView {
    const at = this.reviewer[n - this.auto.length]!;
    const r = this.review[at]!;
    return {
      id: `reviewer:${at}`, key: r.key, code: r.code, kind: r.kind, subject: r.subject, unit: this.name(this.units, this.unit[n]!), upper: this.name(this.uppers, this.upper[n]!),
      where: r.where, message: bi(r.issue, r.issue), severity: 'reviewer', category: 'reviewer', source: 'reviewer',
      award: r.award, decision: r.decision, who: r.who, when: r.when, note: r.note,
    };
  }

  private name(names: Names, id: number): string | null {
    return id < 0 ? null : names.list[id]!;
  }
}
