/**
 * A small province workbook as 2-D arrays, laid out as officers write them (title rows,
 * two-row merged header, bloc section rows, totals row, text numbers), built from a compact
 * description so each test states only the numbers it is about.
 */
import type { CellValue, MergedArea } from '../../src/domain/cells';
import type { Decision } from '../../src/domain/engine/decisions';
import { decide, type Outcome } from '../../src/domain/engine/run';
import type { Params } from '../../src/domain/engine/params';
import { buildReport, type Report } from '../../src/domain/report';
import { LAI_CHAU_82_2023 } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/types';
import { readSheets } from '../../src/domain/read/workbook-reader';

export interface UpperSpec {
  name: string;
  plan: number | string | null;
  count: number | string | null;
  grassroots?: number | string | null;
  members?: number | string | null;
  bloc?: string;
  /** Portal rank; a "Xếp hạng" column is added when any unit has one. */
  rank?: number | string | null;
}

export interface GrassSpec {
  name: string;
  parent: string;
  plan: number | string | null;
  count: number | string | null;
  members?: number | string | null;
  clause?: string | null;
  rewarded?: string | null;
  ownership?: string | null;
  /** Portal rank; a "Xếp hạng" column is added when any unit has one. */
  rank?: number | string | null;
}

export interface InitiativeSpec {
  title: string;
  authors: string;
  unit: string;
  benefit?: number | string | null;
  social?: string | null;
  posted?: string | null;
  registered?: CellValue;
  /** Recognition document: text ("125/QĐ-LĐLĐ ngày 12/6/2023"), yes/no, or a date (serial or Date). */
  doc?: CellValue;
  cert?: CellValue;
  field?: string;
}

export interface SheetArrays {
  name: string;
  rows: CellValue[][];
  merges?: MergedArea[];
}

/** Columns a test can leave out of a sheet, to play a workbook that lacks them. */
export interface UpperSheetOptions {
  /** Drop these columns: the count ("Số SK"), grassroots count, members. */
  omit?: ('count' | 'grassroots' | 'members')[];
  /** First title row (default: the Lai Châu federation). */
  title?: string;
}

export function upperSheet(units: UpperSpec[], name = 'TH chỉ tiêu', options: UpperSheetOptions = {}): SheetArrays {
  const omit = new Set(options.omit ?? []);
  const withRank = units.some((u) => u.rank !== undefined);
  // Two header rows: `top` on row 4, `sub` on row 5; `vertical` = the top cell is merged down over both.
  type Col = { top: string | null; sub: string | null; vertical: boolean; value: (u: UpperSpec, n: number) => CellValue };
  const cols: Col[] = [
    { top: 'STT', sub: null, vertical: true, value: (_u, n) => n },
    { top: 'Tên đơn vị', sub: null, vertical: true, value: (u) => u.name },
    { top: 'Chỉ tiêu giao', sub: null, vertical: true, value: (u) => u.plan },
  ];
  // "Kết quả" is a group header over "Số SK" and "Tỷ lệ %" (the ratio column is left empty, as the engine computes it).
  if (!omit.has('count')) cols.push({ top: 'Kết quả', sub: 'Số SK', vertical: false, value: (u) => u.count });
  cols.push({ top: omit.has('count') ? 'Kết quả' : null, sub: 'Tỷ lệ %', vertical: false, value: () => null });
  if (!omit.has('grassroots')) cols.push({ top: 'Số CĐCS trực thuộc', sub: null, vertical: false, value: (u) => u.grassroots ?? null });
  if (!omit.has('members')) cols.push({ top: 'Tổng số ĐV', sub: null, vertical: false, value: (u) => u.members ?? null });
  if (withRank) cols.push({ top: 'Xếp hạng', sub: null, vertical: false, value: (u) => u.rank ?? null });
  const width = cols.length;
  const rows: CellValue[][] = [
    [options.title ?? 'LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU'],
    ['BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"'],
    ['(Tính đến hết ngày 31/8/2023)'],
    cols.map((c) => c.top),
    cols.map((c) => c.sub),
  ];
  const merges: MergedArea[] = [{ top: 1, left: 1, bottom: 1, right: width }];
  cols.forEach((c, i) => {
    if (c.vertical) merges.push({ top: 4, left: i + 1, bottom: 5, right: i + 1 });
  });
  const group = cols.findIndex((c) => c.top === 'Kết quả');
  const groupEnd = cols.findIndex((c) => c.sub === 'Tỷ lệ %');
  if (groupEnd > group) merges.push({ top: 4, left: group + 1, bottom: 4, right: groupEnd + 1 });
  let bloc: string | undefined;
  let n = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  const blocs = [...new Set(units.map((x) => x.bloc))];
  for (const u of units) {
    if (u.bloc && u.bloc !== bloc) {
      bloc = u.bloc;
      rows.push([`${roman[blocs.indexOf(bloc)]}. ${bloc}`]);
    }
    n++;
    rows.push(cols.map((c) => c.value(u, n)));
  }
  rows.push([null, 'Tổng cộng', ...new Array<CellValue>(width - 2).fill(null)]);
  return { name, rows, merges };
}

export interface GrassrootsSheetOptions {
  /** Drop the count column ("Số SK đăng ký"), or the yes/no columns of 2.1.2c. */
  omit?: ('count' | 'clause' | 'rewarded')[];
}

export function grassrootsSheet(units: GrassSpec[], name = 'CĐCS', options: GrassrootsSheetOptions = {}): SheetArrays {
  const omit = new Set(options.omit ?? []);
  type Col = { header: string; value: (u: GrassSpec, i: number) => CellValue };
  const cols: Col[] = [
    { header: 'STT', value: (_u, i) => i + 1 },
    { header: 'Tên CĐCS', value: (u) => u.name },
    { header: 'Thuộc', value: (u) => u.parent },
    { header: 'Chỉ tiêu', value: (u) => u.plan },
  ];
  if (!omit.has('count')) cols.push({ header: 'Số SK đăng ký', value: (u) => u.count });
  cols.push({ header: 'Số đoàn viên', value: (u) => u.members ?? null }, { header: 'Loại hình DN', value: (u) => u.ownership ?? null });
  if (!omit.has('clause')) cols.push({ header: 'Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', value: (u) => u.clause ?? null });
  if (!omit.has('rewarded')) cols.push({ header: 'Đã khen thưởng tác giả', value: (u) => u.rewarded ?? null });
  if (units.some((u) => u.rank !== undefined)) cols.push({ header: 'Xếp hạng', value: (u) => u.rank ?? null });
  const rows: CellValue[][] = [['DANH SÁCH CÔNG ĐOÀN CƠ SỞ'], [], cols.map((c) => c.header)];
  units.forEach((u, i) => rows.push(cols.map((c) => c.value(u, i))));
  return { name, rows };
}

export type InitiativeColumn = 'field' | 'benefit' | 'social' | 'posted' | 'registered' | 'doc' | 'cert';

export interface InitiativeSheetOptions {
  /** Drop these columns, to play a list that lacks them. */
  omit?: InitiativeColumn[];
}

export function initiativeSheet(list: InitiativeSpec[], name = 'DS sáng kiến', options: InitiativeSheetOptions = {}): SheetArrays {
  const omit = new Set(options.omit ?? []);
  const all: { id: InitiativeColumn | null; header: string; value: (s: InitiativeSpec, i: number) => CellValue }[] = [
    { id: null, header: 'STT', value: (_s, i) => i + 1 },
    { id: null, header: 'Tên sáng kiến', value: (s) => s.title },
    { id: null, header: 'Tác giả/Đồng tác giả', value: (s) => s.authors },
    { id: null, header: 'Đơn vị (CĐCS)', value: (s) => s.unit },
    { id: 'field', header: 'Lĩnh vực', value: (s) => s.field ?? 'Giáo dục' },
    { id: 'benefit', header: 'Giá trị làm lợi (đồng/năm)', value: (s) => s.benefit ?? null },
    { id: 'social', header: 'Giá trị xã hội, nhân văn', value: (s) => s.social ?? null },
    { id: 'posted', header: 'Đã đăng tải trên phần mềm', value: (s) => (s.posted === undefined ? 'x' : s.posted) },
    { id: 'registered', header: 'Ngày đăng ký', value: (s) => s.registered ?? '15/5/2023' },
    { id: 'doc', header: 'QĐ công nhận', value: (s) => (s.doc === undefined ? '125/QĐ-LĐLĐ ngày 12/6/2023' : s.doc) },
    { id: 'cert', header: 'Xác nhận giá trị làm lợi', value: (s) => (s.cert === undefined ? 'x' : s.cert) },
  ];
  const cols = all.filter((c) => c.id === null || !omit.has(c.id));
  const rows: CellValue[][] = [['DANH SÁCH SÁNG KIẾN'], cols.map((c) => c.header)];
  list.forEach((s, i) => rows.push(cols.map((c) => c.value(s, i))));
  return { name, rows };
}

export function officialSheet(list: { name: string; position: string; unit: string; role: string }[], name = 'Cán bộ'): SheetArrays {
  const rows: CellValue[][] = [['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò']];
  list.forEach((o, i) => rows.push([i + 1, o.name, o.position, o.unit, o.role]));
  return { name, rows };
}

// ---------------------------------------------------------------- running the engine on such sheets

export interface Run {
  out: Outcome;
  /** The report in Vietnamese (default) and English. */
  vi: Report;
  en: Report;
  /** The report entry of the one unit with this name (throws when none or several). */
  unit(name: string, lang?: 'vi' | 'en'): Report['units'][number];
  /** The report entry of the one person (author or official) with this name and, when given, unit. */
  person(name: string, unit?: string, lang?: 'vi' | 'en'): Report['people'][number];
  /** The nomination of an award for a group ("*" for workbook-wide). */
  nomination(award: string, group?: string): Report['nominations'][number];
  /** Issues and flags with this code. */
  issues(code: string, lang?: 'vi' | 'en'): Report['issues'];
}

function only<T>(list: T[], what: string): T {
  if (list.length !== 1) throw new Error(`expected exactly one ${what}, found ${list.length}`);
  return list[0]!;
}

/** Reads the sheets and decides them; every test states its sheets, parameters and decisions. */
export function runSheets(sheets: SheetArrays[], options: { rules?: RuleSet; params?: Params; decisions?: Decision[] } = {}): Run {
  const reading = readSheets(sheets);
  const out = decide(reading.model, options.rules ?? LAI_CHAU_82_2023, options.params ?? {}, options.decisions ?? []);
  const vi = buildReport(out, 'vi');
  const en = buildReport(out, 'en');
  const pick = (lang: 'vi' | 'en' = 'vi') => (lang === 'vi' ? vi : en);
  return {
    out, vi, en,
    unit: (name, lang) => only(pick(lang).units.filter((u) => u.name === name), `unit "${name}"`),
    person: (name, unit, lang) => only(pick(lang).people.filter((p) => p.name === name && (unit === undefined || p.unit === unit)), `person "${name}"`),
    nomination: (award, group = '*') => only(vi.nominations.filter((n) => n.award === award && n.group === group), `nomination ${award} / ${group}`),
    issues: (code, lang) => pick(lang).issues.filter((i) => i.code === code),
  };
}

/** A reviewer's decision as the review sheet records it. */
export function decision(subject: string, kind: Decision['kind'], award: string | null = null): Decision {
  return { subject, kind, award, who: 'Người rà soát', when: '2023-09-05', note: null };
}
