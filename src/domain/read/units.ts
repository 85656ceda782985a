/**
 * Units from unit sheets: level, parent and bloc, the hierarchy by code or normalised name,
 * and the issues of a broken hierarchy (unknown parent, cycle, self-parent, duplicate name).
 */
import { columnLetter } from '../cells';
import type { SheetLayout } from '../detect/layout';
import { bi } from '../i18n';
import type { Issue } from '../issues';
import type { Unit, UnitLevel } from '../model';
import { clip, foldKey, nameKey, normalizeText } from '../text';
import type { RawRow } from './table-reader';

/** Canonical key that also matches common abbreviations ("Liên đoàn Lao động" = "LĐLĐ"). */
export function unitKey(name: string): string {
  return foldKey(name)
    .replace(/\blien doan lao dong\b/g, 'ldld')
    .replace(/\bcong doan co so\b/g, 'cdcs')
    .replace(/\bcong doan\b/g, 'cd')
    .replace(/\bthanh pho\b/g, 'tp');
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

function levelFromText(raw: string | null): UnitLevel | null {
  if (!raw) return null;
  const t = foldKey(raw);
  // "Cấp trên cơ sở" / "CĐ cấp trên trực tiếp cơ sở" is the upper level, though it says "cơ sở".
  if (/\bcap tren\b/.test(t)) return 'upper';
  if (/co so|cdcs|grassroots/.test(t)) return 'grassroots';
  if (/doanh nghiep|enterprise/.test(t)) return 'enterprise';
  if (/cap tren|huyen|nganh|upper|district|sector/.test(t)) return 'upper';
  if (/tinh|province|trung uong/.test(t)) return 'province';
  return null;
}

function levelFromName(name: string): UnitLevel | null {
  const k = unitKey(name);
  if (/^cdcs\b/.test(k)) return 'grassroots';
  if (/^ldld (tinh|tp (ha noi|ho chi minh|hai phong|da nang|can tho|hue))\b/.test(k)) return 'province';
  if (/^(ldld (huyen|tp|thi xa|quan)|cd (nganh|vien chuc|cac khu|khu cong nghiep|tong cong ty|tap doan))\b/.test(k)) return 'upper';
  return null;
}

function ownershipOf(raw: string | null): Unit['ownership'] {
  if (!raw) return null;
  const t = foldKey(raw);
  if (/ngoai nha nuoc|ngoai quoc doanh|tu nhan|fdi|nuoc ngoai|non state|private/.test(t)) return 'non_state';
  if (/nha nuoc|quoc doanh|dnnn|state/.test(t)) return 'state';
  return null;
}

const isGroupSection = (s: string) => /^(khoi|cum)\b/.test(foldKey(s));

interface Pending {
  unit: Unit;
  explicitLevel: boolean;
  sectionParent: string | null;
}

function positive(value: number | null, row: RawRow, field: string, label: { vi: string; en: string }, issues: Issue[], name: string, allowZero: boolean, unreadable: Set<string>, layout: SheetLayout): number | null {
  if (value === null) return null;
  if (value > 0 || (allowZero && value === 0)) return value;
  unreadable.add(field);
  const column = layout.mapping[field]?.column;
  issues.push({
    sheet: row.source.sheet, row: row.source.row, column: column === undefined ? null : columnLetter(column + 1), kind: 'unit', code: `invalid_${field}`, severity: 'warning', subject: name, raw: String(value),
    message: bi(`${label.vi} không hợp lệ (${value}): coi như chưa biết`, `${label.en} is not valid (${value}): treated as unknown`),
  });
  return null;
}

function toUnit(row: RawRow, layout: SheetLayout, id: number, issues: Issue[]): Pending {
  const f = row.fields;
  const name = normalizeText(String(f.name));
  const fromColumn = levelFromText(text(f.level));
  // A provincial federation named as such is a province even in a sheet whose headers hint at
  // upper-level unions (a national sheet with a "Số CĐCS" column).
  const byName = levelFromName(name);
  const level = fromColumn ?? (byName === 'province' ? byName : null) ?? layout.levelHint ?? byName;
  const section = row.section;
  const bloc = text(f.bloc) ?? (section && (isGroupSection(section) || level !== 'grassroots') ? section : null);
  const unreadable = new Set(row.bad ?? []);
  const unit: Unit = {
    id, name, key: nameKey(name), code: text(f.code), level: level ?? 'upper', parentId: null,
    parentName: text(f.parent) ? normalizeText(String(f.parent)) : null,
    source: row.source,
    plan: positive(num(f.plan), row, 'plan', bi('Chỉ tiêu', 'Plan target'), issues, name, false, unreadable, layout),
    count: positive(num(f.count), row, 'count', bi('Số sáng kiến', 'Initiative count'), issues, name, true, unreadable, layout),
    members: positive(num(f.members), row, 'members', bi('Số đoàn viên', 'Members'), issues, name, true, unreadable, layout),
    grassroots: positive(num(f.grassroots), row, 'grassroots', bi('Số CĐCS', 'Grassroots count'), issues, name, true, unreadable, layout),
    bloc: bloc ? normalizeText(bloc) : null,
    portalRank: positive(num(f.rank), row, 'rank', bi('Xếp hạng', 'Rank'), issues, name, false, unreadable, layout),
    rewardClause: flag(f.rewardClause), rewardedAuthors: flag(f.rewardedAuthors), ownership: ownershipOf(text(f.ownership)),
  };
  if (unreadable.size) unit.unreadable = [...unreadable];
  return { unit, explicitLevel: level !== null, sectionParent: !unit.parentName && section && !isGroupSection(section) ? section : null };
}

/** Looks units up by code, then exact normalised name, then accent-/abbreviation-insensitive key. */
export class UnitIndex {
  private byCode = new Map<string, number>();
  private byName = new Map<string, number[]>();
  private byFold = new Map<string, number[]>();

  constructor(private readonly units: Unit[]) {
    for (const u of units) {
      if (u.code) this.byCode.set(foldKey(u.code), u.id);
      push(this.byName, u.key, u.id);
      push(this.byFold, unitKey(u.name), u.id);
    }
  }

  /** All units the text may name (several when a name is duplicated). */
  find(ref: string): number[] {
    const code = this.byCode.get(foldKey(ref));
    if (code !== undefined) return [code];
    return this.byName.get(nameKey(ref)) ?? this.byFold.get(unitKey(ref)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const CHILD_LEVEL: Record<UnitLevel, UnitLevel> = { province: 'upper', upper: 'grassroots', grassroots: 'enterprise', enterprise: 'enterprise' };
const issueAt = (u: Unit, code: string, severity: Issue['severity'], vi: string, en: string): Issue => ({
  sheet: u.source.sheet, row: u.source.row, column: null, code, severity, subject: u.name, message: bi(vi, en), kind: 'unit',
});

export function buildUnits(sheets: { layout: SheetLayout; rows: RawRow[]; totals?: RawRow | null }[], issues: Issue[]): { units: Unit[]; index: UnitIndex } {
  const pending: Pending[] = [];
  for (const { layout, rows } of sheets) for (const row of rows) pending.push(toUnit(row, layout, pending.length, issues));
  const units = pending.map((p) => p.unit);
  const index = new UnitIndex(units);
  reportDuplicates(units, issues);

  for (const p of pending) {
    const u = p.unit;
    const ref = u.parentName ?? p.sectionParent;
    if (!ref) continue;
    const found = index.find(ref);
    if (found.length === 0) {
      if (u.parentName && levelFromName(u.parentName) !== 'province') {
        issues.push(issueAt(u, 'unknown_parent', 'warning', `Không tìm thấy đơn vị cấp trên «${clip(u.parentName)}»`, `Parent unit "${clip(u.parentName)}" not found`));
      }
      continue;
    }
    if (found.includes(u.id)) {
      issues.push(issueAt(u, 'self_parent', 'error', `Đơn vị ghi cấp trên là chính nó`, `Unit names itself as its parent`));
      continue;
    }
    if (found.length > 1) issues.push(issueAt(u, 'ambiguous_parent', 'warning', `Có ${found.length} đơn vị cùng tên «${clip(ref)}»: lấy đơn vị đầu tiên`, `${found.length} units are named "${clip(ref)}": the first is used`));
    u.parentId = found[0]!;
  }
  breakCycles(units, issues);
  settleLevels(pending);
  addProvince(units, sheets, issues);
  for (const u of units) {
    if (u.level === 'grassroots' && u.parentId === null && !u.parentName) {
      issues.push(issueAt(u, 'no_parent', 'info', 'CĐCS không ghi đơn vị cấp trên', 'Grassroots union has no parent unit'));
    }
  }
  return { units, index: new UnitIndex(units) };
}

const sumOrNull = (xs: (number | null)[]) => (xs.length && xs.every((x) => x !== null) ? xs.reduce<number>((a, b) => a + b!, 0) : null);

/** "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU" → "LĐLĐ tỉnh Lai Châu"; other titles are not a province's name. */
function provinceName(title: string | null): string | null {
  const m = title ? /^(?:liên đoàn lao động|lđlđ)\s+(tỉnh|thành phố)\s+(.+)$/iu.exec(title.normalize('NFC')) : null;
  if (!m) return null;
  const place = m[2]!.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
  return `LĐLĐ ${m[1]!.toLocaleLowerCase('vi')} ${place}`;
}

/**
 * A provincial workbook seldom has a row for the province itself, yet criteria 1.x need its
 * figures (its proposals upward, "units at ≥ 100%"). The province is then made from the totals row
 * of the upper-level sheet ("Tổng cộng": the officer's own figures) or, failing that, the sum of
 * its upper-level unions — said so in an issue — and the upper-level unions are put under it.
 */
function addProvince(units: Unit[], sheets: { layout: SheetLayout; rows: RawRow[]; totals?: RawRow | null }[], issues: Issue[]) {
  const tops = units.filter((u) => u.level === 'upper' && u.parentId === null && (!u.parentName || levelFromName(u.parentName) === 'province'));
  const provinces = units.filter((u) => u.level === 'province');
  if (provinces.length === 1 && provinces[0]!.parentId === null) for (const u of tops) u.parentId = provinces[0]!.id;
  if (provinces.length || !tops.length) return;
  const sheet = sheets.find((s) => s.layout.sheet === tops[0]!.source.sheet)!;
  const totals = sheet.totals?.fields ?? {};
  const fromTotals = num(totals.plan) !== null && num(totals.count) !== null;
  const province: Unit = {
    id: units.length,
    name: provinceName(sheet.layout.title) ?? tops.find((u) => u.parentName)?.parentName ?? 'Toàn tỉnh',
    key: '', code: null, level: 'province', parentId: null, parentName: null,
    source: sheet.totals?.source ?? { sheet: sheet.layout.sheet, row: sheet.layout.headerRows[0]! },
    plan: fromTotals ? num(totals.plan) : sumOrNull(tops.map((u) => u.plan)),
    count: fromTotals ? num(totals.count) : sumOrNull(tops.map((u) => u.count)),
    members: num(totals.members) ?? sumOrNull(tops.map((u) => u.members)),
    grassroots: num(totals.grassroots) ?? sumOrNull(tops.map((u) => u.grassroots)),
    bloc: null, portalRank: null, rewardClause: null, rewardedAuthors: null, ownership: null,
    derived: fromTotals ? 'totals_row' : 'sum',
  };
  province.key = nameKey(province.name);
  units.push(province);
  for (const u of tops) u.parentId = province.id;
  const how = fromTotals ? bi('lấy từ dòng Tổng cộng', 'taken from the totals row') : bi(`cộng từ ${tops.length} CĐ cấp trên`, `summed over ${tops.length} upper-level unions`);
  issues.push(issueAt(province, 'province_derived', 'info', `Bảng không có dòng của LĐLĐ tỉnh: số liệu toàn tỉnh ${how.vi}`, `No row for the provincial federation: its figures are ${how.en}`));
}

function reportDuplicates(units: Unit[], issues: Issue[]) {
  const seen = new Map<string, Unit>();
  for (const u of units) {
    const key = `${u.key}|${u.code ?? ''}`;
    const first = seen.get(key);
    if (first) issues.push(issueAt(u, 'duplicate_unit', 'warning', `Tên đơn vị trùng với dòng ${first.source.sheet}!${first.source.row}`, `Unit name repeats ${first.source.sheet}!${first.source.row}`));
    else seen.set(key, u);
  }
}

/** A parent chain that loops back is cut at the unit that closes it. */
function breakCycles(units: Unit[], issues: Issue[]) {
  const state = new Uint8Array(units.length); // 0 new, 1 on path, 2 done
  for (const start of units) {
    const path: Unit[] = [];
    let u: Unit | undefined = start;
    while (u && state[u.id] === 0) {
      state[u.id] = 1;
      path.push(u);
      u = u.parentId === null ? undefined : units[u.parentId];
    }
    if (u && state[u.id] === 1) {
      issues.push(issueAt(u, 'parent_cycle', 'error', `Vòng lặp cấp trên: ${cycleText(u, units)}`, `Parent cycle: ${cycleText(u, units)}`));
      u.parentId = null;
    }
    for (const p of path) state[p.id] = 2;
  }
}

function cycleText(u: Unit, units: Unit[]): string {
  const names = [clip(u.name, 60)];
  for (let p = u.parentId === null ? undefined : units[u.parentId]; p && p !== u && names.length < 10; p = p.parentId === null ? undefined : units[p.parentId]) names.push(clip(p.name, 60));
  return [...names, clip(u.name, 60)].join(' → ');
}

/** Units whose level nothing states take it from their place in the hierarchy. */
function settleLevels(pending: Pending[]) {
  const units = pending.map((p) => p.unit);
  const done = new Set<number>();
  const levelOf = (p: Pending): UnitLevel => {
    const u = p.unit;
    if (p.explicitLevel || done.has(u.id)) return u.level;
    done.add(u.id);
    if (u.parentId !== null) u.level = CHILD_LEVEL[levelOf(pending[u.parentId]!)];
    else u.level = units.some((c) => c.parentId === u.id) || !u.parentName ? 'upper' : 'grassroots';
    return u.level;
  };
  for (const p of pending) levelOf(p);
}
