/** The short human summary the command prints: what it understood, what it decided, where things are. */
import type { Outcome } from '../domain/engine/run';
import { FIELDS_BY_ROLE } from '../domain/detect/fields';
import { formatNumber, type Lang } from '../domain/i18n';
import type { WorkbookState } from '../workbook/analyse';
import { pick } from '../domain/sheets/common';

const ROLE = { units: ['đơn vị', 'units'], initiatives: ['sáng kiến', 'initiatives'], officials: ['cán bộ', 'officials'] } as const;
const SKIP = {
  empty: ['trang trống', 'empty sheet'],
  no_header: ['không tìm thấy dòng tiêu đề', 'no header row found'],
  no_role: ['không nhận ra bảng', 'not a table Bình xét knows'],
  ignored: ['bỏ qua theo cài đặt', 'ignored by setting'],
} as const;

export function describeReading(state: WorkbookState, lang: Lang): string[] {
  const li = lang === 'vi' ? 0 : 1;
  const lines: string[] = [pick(lang, 'Trang tính:', 'Sheets:')];
  for (const l of state.reading.layouts) {
    const labels = new Map(FIELDS_BY_ROLE[l.role].map((f) => [f.id, f.label[lang]]));
    lines.push(`  ✓ ${l.sheet} — ${ROLE[l.role][li]}, ${pick(lang, 'tiêu đề dòng', 'header row')} ${l.headerRows.join('–')}, ${pick(lang, 'dữ liệu từ dòng', 'data from row')} ${l.dataStartRow}`);
    const mapped = Object.entries(l.mapping).filter(([id]) => id !== 'stt');
    for (const [id, m] of mapped) lines.push(`      ${labels.get(id)} ← «${m.header}»${m.confidence < 1 ? ` (${Math.round(m.confidence * 100)}%)` : ''}`);
    if (l.role !== 'units' && !l.mapping.unit) {
      // No unit column: the unit may come from the section rows above the entries ("CĐCS Trường THPT …").
      const list: { source: { sheet: string }; unitName: string | null }[] = l.role === 'initiatives' ? state.reading.model.initiatives : state.reading.model.officials;
      const fromSections = list.filter((x) => x.source.sheet === l.sheet && x.unitName).length;
      if (fromSections) lines.push(`      ${labels.get('unit')} ← ${pick(lang, `dòng tiêu mục phía trên (${fromSections} dòng)`, `the section rows above (${fromSections} rows)`)}`);
    }
    if (l.missing.length) lines.push(`      ${pick(lang, 'Không có cột', 'Not found')}: ${l.missing.map((id) => labels.get(id)).join(', ')}`);
  }
  for (const s of state.reading.skipped) {
    let why: string = SKIP[s.reason][li];
    if (s.nearest) {
      // Say plainly what could not be mapped: "header row 5 looks like a units table but has no column «Tên đơn vị»".
      const labels = new Map(FIELDS_BY_ROLE[s.nearest.role].map((f) => [f.id, f.label[lang]]));
      const lacking = s.nearest.lacking.map((group) => group.map((id) => `«${labels.get(id)}»`).join(pick(lang, ' hoặc ', ' or '))).join(', ');
      why += pick(
        lang,
        ` — tiêu đề dòng ${s.nearest.headerRows.join('–')} giống bảng ${ROLE[s.nearest.role][0]} nhưng không có cột ${lacking}`,
        ` — header row ${s.nearest.headerRows.join('–')} looks like a table of ${ROLE[s.nearest.role][1]} but has no column ${lacking}`,
      );
    }
    lines.push(`  – ${s.sheet}: ${why}`);
  }
  return lines;
}

export function describeOutcome(o: Outcome, lang: Lang): string[] {
  const { model } = o;
  const levels = new Map<string, number>();
  for (const u of model.units) levels.set(u.level, (levels.get(u.level) ?? 0) + 1);
  const n = (x: number) => formatNumber(x, lang);
  const lines = [
    pick(lang, 'Đã đọc:', 'Read:'),
    `  ${n(model.units.length)} ${pick(lang, 'đơn vị', 'units')} (${[...levels].map(([k, v]) => `${k}: ${n(v)}`).join(', ')}), ${n(model.initiatives.length)} ${pick(lang, 'sáng kiến', 'initiatives')}, ${n(o.evaluation.facts.persons.length)} ${pick(lang, 'tác giả', 'authors')}, ${n(model.officials.length)} ${pick(lang, 'cán bộ', 'officials')}`,
  ];
  const byCode = new Map<string, number>();
  for (const i of [...o.issues, ...o.flags]) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  if (byCode.size) {
    lines.push(pick(lang, 'Vấn đề dữ liệu và cờ rà soát:', 'Data issues and review flags:'));
    for (const [code, count] of [...byCode].sort((a, b) => b[1] - a[1])) lines.push(`  ${code}: ${n(count)}`);
  }
  lines.push(pick(lang, 'Đề cử:', 'Nominations:'));
  const awards = [...new Set(o.nominations.map((x) => x.award))];
  for (const award of awards) {
    const list = o.nominations.filter((x) => x.award === award);
    const selected = list.reduce((a, x) => a + x.selected.length, 0);
    const reserve = list.reduce((a, x) => a + x.reserve.length, 0);
    const quota = list.every((x) => x.quota === null) ? pick(lang, 'không giới hạn', 'no cap') : `${pick(lang, 'tổng suất', 'total quota')} ${list.reduce((a, x) => a + (x.quota ?? 0), 0)}`;
    lines.push(`  ${award}: ${n(selected)} ${pick(lang, 'được chọn', 'selected')}, ${n(reserve)} ${pick(lang, 'dự bị', 'reserve')} (${quota})`);
  }
  return lines;
}
