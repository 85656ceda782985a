/**
 * A small province workbook as 2-D arrays, laid out as officers write them (title rows,
 * two-row merged header, bloc section rows, totals row, text numbers), built from a compact
 * description so each test states only the numbers it is about.
 */
import type { CellValue, MergedArea } from '../../src/domain/cells';

export interface UpperSpec {
  name: string;
  plan: number | string | null;
  count: number | string | null;
  grassroots?: number | string | null;
  members?: number | string | null;
  bloc?: string;
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
}

export interface InitiativeSpec {
  title: string;
  authors: string;
  unit: string;
  benefit?: number | string | null;
  social?: string | null;
  posted?: string | null;
  registered?: CellValue;
  doc?: string | null;
  cert?: string | null;
  field?: string;
}

export interface SheetArrays {
  name: string;
  rows: CellValue[][];
  merges?: MergedArea[];
}

export function upperSheet(units: UpperSpec[], name = 'TH chỉ tiêu'): SheetArrays {
  const rows: CellValue[][] = [
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU'],
    ['BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH "01 TRIỆU SÁNG KIẾN"'],
    ['(Tính đến hết ngày 31/8/2023)'],
    ['STT', 'Tên đơn vị', 'Chỉ tiêu giao', 'Kết quả', null, 'Số CĐCS trực thuộc', 'Tổng số ĐV'],
    [null, null, null, 'Số SK', 'Tỷ lệ %', null, null],
  ];
  const merges: MergedArea[] = [
    { top: 1, left: 1, bottom: 1, right: 7 },
    { top: 4, left: 1, bottom: 5, right: 1 },
    { top: 4, left: 2, bottom: 5, right: 2 },
    { top: 4, left: 3, bottom: 5, right: 3 },
    { top: 4, left: 4, bottom: 4, right: 5 },
  ];
  let bloc: string | undefined;
  let n = 0;
  const roman = ['I', 'II', 'III', 'IV'];
  for (const u of units) {
    if (u.bloc && u.bloc !== bloc) {
      bloc = u.bloc;
      rows.push([`${roman[new Set(units.map((x) => x.bloc)).size && [...new Set(units.map((x) => x.bloc))].indexOf(bloc)]}. ${bloc}`]);
    }
    rows.push([++n, u.name, u.plan, u.count, null, u.grassroots ?? null, u.members ?? null]);
  }
  rows.push([null, 'Tổng cộng', null, null, null, null, null]);
  return { name, rows, merges };
}

export function grassrootsSheet(units: GrassSpec[], name = 'CĐCS'): SheetArrays {
  const rows: CellValue[][] = [
    ['DANH SÁCH CÔNG ĐOÀN CƠ SỞ'],
    [],
    ['STT', 'Tên CĐCS', 'Thuộc', 'Chỉ tiêu', 'Số SK đăng ký', 'Số đoàn viên', 'Loại hình DN', 'Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'Đã khen thưởng tác giả'],
  ];
  units.forEach((u, i) => rows.push([i + 1, u.name, u.parent, u.plan, u.count, u.members ?? null, u.ownership ?? null, u.clause ?? null, u.rewarded ?? null]));
  return { name, rows };
}

export function initiativeSheet(list: InitiativeSpec[], name = 'DS sáng kiến'): SheetArrays {
  const rows: CellValue[][] = [
    ['DANH SÁCH SÁNG KIẾN'],
    ['STT', 'Tên sáng kiến', 'Tác giả/Đồng tác giả', 'Đơn vị (CĐCS)', 'Lĩnh vực', 'Giá trị làm lợi (đồng/năm)', 'Giá trị xã hội, nhân văn', 'Đã đăng tải trên phần mềm', 'Ngày đăng ký', 'QĐ công nhận', 'Xác nhận giá trị làm lợi'],
  ];
  list.forEach((s, i) =>
    rows.push([i + 1, s.title, s.authors, s.unit, s.field ?? 'Giáo dục', s.benefit ?? null, s.social ?? null, s.posted === undefined ? 'x' : s.posted, s.registered ?? '15/5/2023', s.doc === undefined ? '125/QĐ-LĐLĐ ngày 12/6/2023' : s.doc, s.cert === undefined ? 'x' : s.cert]),
  );
  return { name, rows };
}

export function officialSheet(list: { name: string; position: string; unit: string; role: string }[], name = 'Cán bộ'): SheetArrays {
  const rows: CellValue[][] = [['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò']];
  list.forEach((o, i) => rows.push([i + 1, o.name, o.position, o.unit, o.role]));
  return { name, rows };
}
