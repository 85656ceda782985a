/**
 * What each kind of sheet may contain, and the header words that name each field.
 * Synonyms are written naturally and folded (accent-, case-, space-insensitive) when matched.
 */
import type { Bilingual } from '../i18n';

export type SheetRole = 'units' | 'initiatives' | 'officials';

export type ValueKind = 'text' | 'integer' | 'money' | 'percent' | 'date' | 'yesno' | 'document';

export interface FieldDef {
  id: string;
  kind: ValueKind;
  label: Bilingual;
  synonyms: string[];
  /** Words that, when present in the header, rule the field out ("Tỷ lệ" is not a count). */
  exclude?: string[];
  /** A role is only recognised when at least one of its `key` fields is found. */
  key?: boolean;
}

const f = (id: string, kind: ValueKind, vi: string, en: string, synonyms: string[], extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  kind,
  label: { vi, en },
  synonyms,
  ...extra,
});

const ROW_NO = f('stt', 'text', 'STT', 'No.', ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#']);

export const UNIT_FIELDS: FieldDef[] = [
  ROW_NO,
  f('name', 'text', 'Tên đơn vị', 'Unit name', ['Tên đơn vị', 'Đơn vị', 'Tên CĐCS', 'Tên công đoàn cơ sở', 'CĐCS', 'Công đoàn cơ sở', 'Tên công đoàn', 'Công đoàn cấp trên', 'Tên CĐ cấp trên', 'Unit', 'Unit name', 'Union', 'Name'], { key: true, exclude: ['cap tren truc tiep', 'thuoc', 'truc thuoc', 'so cdcs', 'so luong'] }),
  f('code', 'text', 'Mã đơn vị', 'Unit code', ['Mã đơn vị', 'Mã', 'Mã ĐV', 'Mã CĐCS', 'Code', 'Unit code', 'ID']),
  f('level', 'text', 'Cấp', 'Level', ['Cấp', 'Cấp đơn vị', 'Cấp công đoàn', 'Level']),
  f('parent', 'text', 'Đơn vị cấp trên', 'Parent unit', ['Thuộc', 'Trực thuộc', 'Đơn vị cấp trên', 'Công đoàn cấp trên trực tiếp', 'CĐ cấp trên', 'Cấp trên', 'Đơn vị quản lý', 'Parent', 'Parent unit']),
  f('plan', 'integer', 'Chỉ tiêu', 'Plan target', ['Chỉ tiêu', 'Chỉ tiêu giao', 'Chỉ tiêu được giao', 'Kế hoạch', 'Chỉ tiêu kế hoạch', 'Số SK chỉ tiêu', 'Plan', 'Target', 'Plan target'], { key: true, exclude: ['ty le', '%', 'vuot'] }),
  f('count', 'integer', 'Số sáng kiến', 'Initiatives', ['Số sáng kiến', 'Số SK', 'Số SK đăng ký', 'Số sáng kiến đăng ký', 'Kết quả', 'Số lượng sáng kiến', 'Số SK đạt được', 'Thực hiện', 'Initiatives', 'Count', 'Number of initiatives'], { key: true, exclude: ['ty le', '%', 'chi tieu', 'ke hoach', 'xep hang', 'so cdcs'] }),
  f('pct', 'percent', 'Tỷ lệ %', 'Percent of plan', ['Tỷ lệ', 'Tỷ lệ %', '%', 'Tỷ lệ đạt', 'Tỷ lệ so với chỉ tiêu', 'Percent', '% of plan']),
  f('members', 'integer', 'Số đoàn viên', 'Members', ['Số đoàn viên', 'Tổng số ĐV', 'Tổng số đoàn viên', 'Đoàn viên', 'Số ĐV', 'Members', 'Union members']),
  f('grassroots', 'integer', 'Số CĐCS', 'Grassroots unions', ['Số CĐCS', 'Số CĐCS trực thuộc', 'Số công đoàn cơ sở', 'Tổng số CĐCS', 'Grassroots unions', 'Number of grassroots unions']),
  f('bloc', 'text', 'Khối thi đua', 'Emulation bloc', ['Khối thi đua', 'Khối', 'Cụm', 'Cụm thi đua', 'Khối/Cụm', 'Bloc', 'Cluster']),
  f('rank', 'integer', 'Xếp hạng', 'Portal rank', ['Xếp hạng', 'Thứ tự trên cổng', 'Thứ hạng', 'Xếp hạng trên cổng', 'Rank', 'Portal rank']),
  f('rewardClause', 'yesno', 'Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'Reward clause in agreement', ['Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'Nội dung khen thưởng trong TƯLĐTT', 'TƯLĐTT', 'Quy chế khen thưởng', 'Reward clause']),
  f('rewardedAuthors', 'yesno', 'Đã khen thưởng tác giả', 'Has rewarded authors', ['Đã khen thưởng tác giả', 'Khen thưởng tác giả', 'Thưởng tác giả', 'Rewarded authors']),
  f('ownership', 'text', 'Loại hình DN', 'Enterprise type', ['Loại hình DN', 'Loại hình doanh nghiệp', 'Loại hình', 'Khu vực', 'Ownership', 'Enterprise type']),
];

export const INITIATIVE_FIELDS: FieldDef[] = [
  ROW_NO,
  f('code', 'text', 'Mã sáng kiến', 'Initiative code', ['Mã sáng kiến', 'Mã SK', 'Mã', 'Code', 'ID']),
  f('title', 'text', 'Tên sáng kiến', 'Initiative title', ['Tên sáng kiến', 'Tên SK', 'Sáng kiến', 'Tên giải pháp', 'Nội dung sáng kiến', 'Initiative', 'Title'], { key: true, exclude: ['so ', 'ma ', 'ngay'] }),
  // "Đã khen thưởng tác giả" (has rewarded authors) and "Số tác giả" are not the author list.
  f('authors', 'text', 'Tác giả', 'Authors', ['Tác giả', 'Tác giả/Đồng tác giả', 'Tác giả, đồng tác giả', 'Họ tên tác giả', 'Tên tác giả', 'Author', 'Authors', 'Author(s)'], { key: true, exclude: ['khen thuong', 'so', 'so luong', 'rewarded', 'number of'] }),
  f('unit', 'text', 'Đơn vị', 'Unit', ['Đơn vị', 'CĐCS', 'Đơn vị (CĐCS)', 'Công đoàn cơ sở', 'Tên CĐCS', 'Đơn vị công tác', 'Unit', 'Grassroots union', 'Trade union', 'Union']),
  f('parent', 'text', 'Thuộc', 'Upper-level union', ['Thuộc', 'Trực thuộc', 'Đơn vị cấp trên', 'CĐ cấp trên', 'Upper-level union']),
  f('field', 'text', 'Lĩnh vực', 'Field', ['Lĩnh vực', 'Ngành', 'Nhóm lĩnh vực', 'Field']),
  f('benefit', 'money', 'Giá trị làm lợi', 'Benefit value', ['Giá trị làm lợi', 'Giá trị làm lợi (đồng/năm)', 'Giá trị làm lợi (đồng)', 'Làm lợi', 'Hiệu quả kinh tế', 'Benefit', 'Benefit value', 'Annual benefit'], { key: true, exclude: ['xac nhan', 'xa hoi', 'certified', 'certification', 'certificate', 'social'] }),
  f('social', 'yesno', 'Giá trị xã hội, nhân văn', 'Social/humanitarian value', ['Giá trị xã hội, nhân văn', 'Giá trị xã hội', 'Nhân văn', 'Social value', 'Humanitarian']),
  f('posted', 'yesno', 'Đã đăng tải', 'Posted online', ['Đã đăng tải', 'Đăng trên phần mềm', 'Đã đăng tải trên phần mềm', 'Đăng tải', 'Đã cập nhật lên phần mềm', 'Posted', 'Posted online']),
  f('registeredOn', 'date', 'Ngày đăng ký', 'Registered on', ['Ngày đăng ký', 'Ngày đăng tải', 'Ngày cập nhật', 'Registered', 'Registered on', 'Registration date']),
  f('recognitionDoc', 'document', 'Văn bản công nhận', 'Recognition document', ['Văn bản công nhận', 'QĐ công nhận', 'Quyết định công nhận', 'Công nhận', 'Recognition', 'Recognition document']),
  f('rewardDecision', 'document', 'QĐ khen thưởng', 'Reward decision', ['QĐ khen thưởng', 'Quyết định khen thưởng', 'Reward decision']),
  f('benefitCertification', 'document', 'Xác nhận giá trị làm lợi', 'Benefit certification', ['Xác nhận giá trị làm lợi', 'Xác nhận', 'Xác nhận làm lợi', 'Benefit certification', 'Certification', 'Benefit certified', 'Certified', 'Certificate']),
  f('docDate', 'date', 'Ngày văn bản', 'Document date', ['Ngày văn bản', 'Ngày ban hành', 'Ngày quyết định', 'Ngày ký', 'Document date']),
];

export const OFFICIAL_FIELDS: FieldDef[] = [
  ROW_NO,
  f('name', 'text', 'Họ và tên', 'Full name', ['Họ và tên', 'Họ tên', 'Tên cán bộ', 'Full name', 'Name'], { key: true }),
  f('position', 'text', 'Chức vụ', 'Position', ['Chức vụ', 'Chức danh', 'Position', 'Title'], { key: true }),
  f('unit', 'text', 'Đơn vị', 'Unit', ['Đơn vị', 'Đơn vị công tác', 'Nơi công tác', 'Unit']),
  f('role', 'text', 'Vai trò', 'Role', ['Vai trò', 'Nhiệm vụ', 'Vị trí', 'Thường trực', 'Ban chuyên môn', 'Role']),
];

export const FIELDS_BY_ROLE: Record<SheetRole, FieldDef[]> = {
  units: UNIT_FIELDS,
  initiatives: INITIATIVE_FIELDS,
  officials: OFFICIAL_FIELDS,
};

/** Words in sheet names that hint at a role (folded). */
export const SHEET_NAME_HINTS: Record<SheetRole, string[]> = {
  units: ['don vi', 'chi tieu', 'cap tren', 'cdcs', 'co so', 'units'],
  initiatives: ['sang kien', 'ds sk', 'danh sach sk', 'initiatives'],
  officials: ['can bo', 'chuyen trach', 'officials', 'staff'],
};
