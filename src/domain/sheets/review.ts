/**
 * `Rà soát`: one row per flag — data issues and missing evidence found automatically, and the
 * reviewers' own rows. Reviewers write `Loại` / `Giữ` / `Chọn` in the decision column, by hand
 * or from the pane; every run reads the sheet back, applies the decisions and writes it again
 * with every decision kept.
 */
import type { CellValue } from '../cells';
import type { Decision, DecisionKind } from '../engine/decisions';
import type { FlagList } from '../engine/flags';
import type { Outcome } from '../engine/run';
import type { Lang } from '../i18n';
import type { Issue } from '../issues';
import { foldKey, nameKey, normalizeText } from '../text';
import { col, pick, REVIEW_SHEET } from './common';
import type { OutRow, ResultSheet } from './model';

/** One row of the review sheet, as read back or about to be written. */
export interface ReviewRow {
  key: string; // subject key (see Decision.subject)
  kind: 'unit' | 'initiative' | 'person' | 'official' | 'other';
  subject: string;
  unit: string | null;
  where: { sheet: string; row: number } | null;
  issue: string;
  code: string; // issue code, or "reviewer"
  source: 'auto' | 'reviewer';
  award: string | null;
  decision: DecisionKind | null;
  who: string | null;
  when: string | null;
  note: string | null;
}

const KIND_LABEL: Record<ReviewRow['kind'], [string, string]> = {
  unit: ['Đơn vị', 'Unit'], initiative: ['Sáng kiến', 'Initiative'], person: ['Cá nhân', 'Person'], official: ['Cán bộ', 'Official'], other: ['Khác', 'Other'],
};
const DECISION_LABEL: Record<DecisionKind, [string, string]> = { exclude: ['Loại', 'Exclude'], keep: ['Giữ', 'Keep'], pin: ['Chọn', 'Pin'] };

export const REVIEW_HEADERS = {
  vi: ['STT', 'Đối tượng', 'Tên', 'Đơn vị', 'Vị trí', 'Vấn đề', 'Mã vấn đề', 'Nguồn', 'Giải thưởng', 'Quyết định', 'Người rà soát', 'Thời gian', 'Ghi chú', 'Khóa'],
  en: ['No.', 'Subject', 'Name', 'Unit', 'Where', 'Issue', 'Issue code', 'Source', 'Award', 'Decision', 'Reviewer', 'When', 'Note', 'Key'],
};

export function parseDecisionWord(v: CellValue): DecisionKind | null {
  if (typeof v !== 'string') return null;
  const t = foldKey(v);
  if (/^(loai|exclude|x loai)\b/.test(t)) return 'exclude';
  if (/^(giu|keep)\b/.test(t)) return 'keep';
  if (/^(chon|ghim|pin)\b/.test(t)) return 'pin';
  return null;
}

function parseKind(v: CellValue): ReviewRow['kind'] {
  const t = foldKey(String(v ?? ''));
  if (/^(don vi|cdcs|unit)/.test(t)) return 'unit';
  if (/^(sang kien|initiative)/.test(t)) return 'initiative';
  if (/^(ca nhan|tac gia|person|author)/.test(t)) return 'person';
  if (/^(can bo|official)/.test(t)) return 'official';
  return 'other';
}

function parseWhere(v: CellValue): ReviewRow['where'] {
  const m = /^'?(.+?)'?!\$?[A-Z]*\$?(\d+)$/.exec(normalizeText(String(v ?? '')));
  return m ? { sheet: m[1]!, row: Number(m[2]) } : null;
}

const str = (v: CellValue | undefined) => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : normalizeText(String(v)));

export function subjectKeyOf(kind: ReviewRow['kind'], name: string, unit: string | null, where: ReviewRow['where']): string {
  if (kind === 'person') return `person:${nameKey(name)}|${nameKey(unit ?? '')}`;
  if (where && kind !== 'other') return `${kind}:${where.sheet}!${where.row}`;
  return `${kind}:${nameKey(name)}`;
}

/** Reads a review sheet (its values from row 1): its rows, whatever language its headers are in. */
export function readReviewRows(rows: CellValue[][]): ReviewRow[] {
  const headerAt = rows.findIndex((r) => r.some((v) => typeof v === 'string' && /^(quyet dinh|decision)$/.test(foldKey(v))));
  if (headerAt < 0) return [];
  const header = rows[headerAt]!.map((v) => foldKey(String(v ?? '')));
  const at = (vi: string, en: string) => header.findIndex((h) => h === foldKey(vi) || h === foldKey(en));
  const c = {
    kind: at('Đối tượng', 'Subject'), name: at('Tên', 'Name'), unit: at('Đơn vị', 'Unit'), where: at('Vị trí', 'Where'), issue: at('Vấn đề', 'Issue'),
    code: at('Mã vấn đề', 'Issue code'), source: at('Nguồn', 'Source'), award: at('Giải thưởng', 'Award'), decision: at('Quyết định', 'Decision'),
    who: at('Người rà soát', 'Reviewer'), when: at('Thời gian', 'When'), note: at('Ghi chú', 'Note'), key: at('Khóa', 'Key'),
  };
  const get = (r: CellValue[], i: number) => (i < 0 ? null : str(r[i]));
  const out: ReviewRow[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const name = get(r, c.name);
    const key = get(r, c.key);
    if (!name && !key) continue;
    const kind = parseKind(get(r, c.kind));
    const unit = get(r, c.unit);
    const where = parseWhere(get(r, c.where));
    const code = get(r, c.code) ?? 'reviewer';
    out.push({
      key: key ?? subjectKeyOf(kind, name ?? '', unit, where), kind, subject: name ?? '', unit, where, issue: get(r, c.issue) ?? '', code,
      source: /^(tu dong|auto)/.test(foldKey(get(r, c.source) ?? '')) ? 'auto' : 'reviewer',
      award: get(r, c.award), decision: parseDecisionWord(c.decision < 0 ? null : (r[c.decision] ?? null)), who: get(r, c.who), when: get(r, c.when), note: get(r, c.note),
    });
  }
  return out;
}

export function decisionsFrom(rows: ReviewRow[]): Decision[] {
  return rows.filter((r) => r.decision).map((r) => ({ subject: r.key, kind: r.decision!, award: r.award, who: r.who, when: r.when, note: r.note }));
}

/** A run's automatic rows, each made when read: the evidence flags (kept as numbers), then the data issues worth a review. */
export interface AutomaticIssues {
  length: number;
  at(n: number): Issue;
}

export function automaticIssues(o: Outcome): AutomaticIssues {
  const { flags } = o;
  const issues = o.issues.filter((i) => i.severity !== 'info');
  return { length: flags.length + issues.length, at: (n) => (n < flags.length ? flags.at(n) : issues[n - flags.length]!) };
}

function autoSubject(i: Issue): Pick<ReviewRow, 'key' | 'kind' | 'where'> {
  const kind: ReviewRow['kind'] = i.kind ?? 'other';
  const where = i.sheet && i.row ? { sheet: i.sheet, row: i.row } : null;
  return { key: subjectKeyOf(kind, i.subject ?? '', i.unit ?? null, where), kind, where };
}

/** An automatic row, undecided. One literal for every such row (see `autoRow`). */
function undecidedRow(key: string, kind: ReviewRow['kind'], where: ReviewRow['where'], subject: string, unit: string | null, issue: string, code: string): ReviewRow {
  return { key, kind, where, subject, unit, issue, code, source: 'auto', award: null, decision: null, who: null, when: null, note: null };
}

function autoRow(i: Issue, lang: Lang): ReviewRow {
  // Fields passed by name: V8 makes `{ ...subject, more }` key by key, a new hidden class per row
  // (at a million initiatives: result sheets 10× slower, 1 GB more held).
  const { key, kind, where } = autoSubject(i);
  return undecidedRow(key, kind, where, i.subject ?? '', i.unit ?? null, i.message[lang], i.code);
}

/**
 * An evidence flag's row, as `autoRow` makes it of the flag's `Issue`, made straight from the flag:
 * half a million rows at a million initiatives, without an `Issue` and its subject for each.
 */
function flagRow(flags: FlagList, n: number, lang: Lang): ReviewRow {
  const i = flags.initiativeAt(n);
  const { code, message } = flags.entryAt(n);
  const where = i.source; // a new object each time: the row's own
  return undecidedRow(subjectKeyOf('initiative', i.title, i.unitName, where), 'initiative', where, i.title, i.unitName, message[lang], code);
}

/**
 * The new review sheet: this run's automatic flags (decisions carried over) and every reviewer row
 * kept. One row per flag and issue (half a million at a million initiatives), each made only when
 * a writer asks for its page.
 */
export function buildReviewSheet(o: Outcome, previous: ReviewRow[], lang: Lang): ResultSheet {
  const earlier = new Map(previous.filter((r) => r.source === 'auto').map((r) => [`${r.key}|${r.code}`, r]));
  const outRow = (r: ReviewRow, n: number): OutRow => ({
    style: r.decision === 'exclude' ? 'excluded' : 'normal',
    cells: [
      n + 1, KIND_LABEL[r.kind][lang === 'vi' ? 0 : 1], r.subject, r.unit, r.where ? { text: `${r.where.sheet}!${r.where.row}`, sheet: r.where.sheet, row: r.where.row } : null,
      r.issue, r.code, r.source === 'auto' ? pick(lang, 'Tự động', 'Automatic') : pick(lang, 'Người rà soát', 'Reviewer'), r.award,
      r.decision ? DECISION_LABEL[r.decision][lang === 'vi' ? 0 : 1] : null, r.who, r.when, r.note, r.key,
    ],
  });
  const auto = automaticIssues(o);
  const autoCount = auto.length;
  const autoAt = auto.at;
  const decided = (key: string, code: string) => (earlier.size ? earlier.get(`${key}|${code}`) : undefined);
  // A decision can remove its own flag (an excluded initiative raises no evidence flags): keep that row.
  const carried = new Set<ReviewRow>();
  if (earlier.size) {
    for (let n = 0; n < autoCount; n++) {
      const i = autoAt(n);
      const before = decided(autoSubject(i).key, i.code);
      if (before) carried.add(before);
    }
  }
  const kept = [...previous.filter((r) => r.source === 'auto' && r.decision && !carried.has(r)), ...previous.filter((r) => r.source === 'reviewer')];
  const { flags } = o;
  const rowAt = (n: number): OutRow => {
    if (n >= autoCount) return outRow(kept[n - autoCount]!, n);
    const row = n < flags.length ? flagRow(flags, n, lang) : autoRow(autoAt(n), lang);
    const before = decided(row.key, row.code);
    if (before) Object.assign(row, { decision: before.decision, who: before.who, when: before.when, note: before.note, award: before.award });
    return outRow(row, n);
  };
  const rowCount = autoCount + kept.length;
  const rows = (start: number, end: number) => {
    const out: OutRow[] = [];
    for (let n = start; n < Math.min(end, rowCount); n++) out.push(rowAt(n));
    return out;
  };
  const h = REVIEW_HEADERS[lang];
  const widths = [6, 11, 36, 28, 18, 50, 22, 13, 10, 11, 18, 14, 30, 30];
  const formats = ['integer', 'text', 'text', 'text', 'link', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'] as const;
  return {
    name: REVIEW_SHEET[lang],
    kind: 'review',
    title: [pick(lang, 'RÀ SOÁT: ghi «Loại», «Giữ» hoặc «Chọn» ở cột Quyết định; Bình xét đọc lại mỗi lần chạy', 'REVIEW: write "Exclude", "Keep" or "Pin" in the Decision column; Bình xét reads it back on every run')],
    blocks: [{ columns: h.map((header, i) => col(header, formats[i]!, widths[i])), rowCount, rows }],
  };
}
