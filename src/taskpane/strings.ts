/**
 * Every text of the task pane, Vietnamese (default) and English. Components take them from
 * `useStrings()`; texts that come from the workbook or the rule set (criterion titles, reasons,
 * issue messages) are already bilingual and are picked with `pickText`.
 */
import type { SheetRole } from '../domain/detect/fields';
import type { DecisionKind } from '../domain/engine/decisions';
import type { Bilingual, Lang } from '../domain/i18n';
import { formatNumber } from '../domain/i18n';
import type { BusyStep, SessionAction } from './session/state';

const n = (x: number, lang: Lang) => formatNumber(x, lang);

/** «A», «B», «C» — or «A», «B» and 9 more, for long lists. */
function sheetList(sheets: string[], lang: Lang): string {
  const q = (s: string) => (lang === 'vi' ? `«${s}»` : `"${s}"`);
  if (sheets.length <= 3) return sheets.map(q).join(', ');
  const rest = sheets.length - 2;
  return `${sheets.slice(0, 2).map(q).join(', ')} ${lang === 'vi' ? `và ${n(rest, 'vi')} trang khác` : `and ${n(rest, 'en')} more`}`;
}

const vi = {
  appName: 'Bình xét',
  tagline: 'Bình xét khen thưởng «01 triệu sáng kiến»',
  langSwitch: 'EN',
  langSwitchLabel: 'EN – Switch to English',
  refresh: 'Đọc lại bảng tính',
  clearHighlights: 'Xóa tô màu',
  clearHighlightsHint: 'Bỏ mọi tô màu của Bình xét; màu và định dạng của anh/chị giữ nguyên.',
  tabs: { data: 'Dữ liệu', criteria: 'Tiêu chí', review: 'Rà soát', nominate: 'Đề cử', summary: 'Tổng hợp' },
  tabsLabel: 'Các bước bình xét',

  // status
  statusLabel: 'Thông báo',
  cancel: 'Hủy',
  retry: 'Thử lại',
  dismiss: 'Đóng',
  busy: (step: BusyStep, detail: string | null, done: number | null, total: number | null) => {
    switch (step) {
      case 'settings': return 'Đang mở thiết lập đã lưu trong sổ…';
      case 'read': return detail ? `Đang đọc trang «${detail}»${done !== null && total ? `: ${n(done, 'vi')}/${n(total, 'vi')} dòng` : '…'}` : 'Đang đọc bảng tính…';
      case 'evaluate': return `Đang xét các tiêu chí${done !== null && total ? ` (bước ${n(done + 1, 'vi')}/${n(total, 'vi')})` : ''}…`;
      case 'highlight': return 'Đang tô màu trong Excel…';
      case 'select': return 'Đang chọn dòng trong Excel…';
      case 'review': return 'Đang cập nhật bảng Rà soát…';
      case 'write': return detail ? `Đang ghi trang «${detail}»${total ? ` (${n((done ?? 0) + 1, 'vi')}/${n(total, 'vi')})` : ''}…` : 'Đang ghi vào bảng tính…';
    }
  },
  errorTitle: (action: SessionAction) =>
    ({
      load: 'Không đọc được bảng tính',
      reread: 'Không đọc lại được bảng tính',
      evaluate: 'Không xét được tiêu chí',
      highlight: 'Không tô màu được',
      clearHighlights: 'Không xóa được tô màu',
      select: 'Không chọn được dòng trong Excel',
      decide: 'Chưa lưu được quyết định rà soát',
      writeNominations: 'Chưa ghi được bảng đề cử',
      writeSummary: 'Chưa ghi được bảng tổng hợp',
      writeReview: 'Chưa ghi được bảng rà soát',
    })[action],
  unexpected: 'Lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại Bình xét và gửi nội dung này cho bộ phận hỗ trợ:',
  cancelled: 'Đã hủy. Bảng tính không bị thay đổi dở dang.',
  selected: (sheet: string, selected: number, total: number, others: string[]) =>
    `Đã chọn ${n(selected, 'vi')} dòng trên trang «${sheet}»${selected < total ? ` (${n(total, 'vi')} dòng không chọn hết được trong một lần; đây là những dòng đầu)` : ''}.${others.length ? ` Còn dòng ở trang ${others.map((s) => `«${s}»`).join(', ')}.` : ''}`,
  nothingToSelect: 'Không có dòng nào để chọn.',
  selectionUnsupported: 'Phiên bản Excel này không cho phần bổ trợ chọn dòng.',
  written: (what: 'nominations' | 'summary' | 'review', sheets: string[]) =>
    `${what === 'nominations' ? `Đã ghi ${n(sheets.length, 'vi')} trang đề cử` : what === 'summary' ? 'Đã ghi trang tổng hợp' : 'Đã ghi trang rà soát'}: ${sheetList(sheets, 'vi')}.`,
  writtenList: (sheets: string[]) => `Đã ghi: ${sheetList(sheets, 'vi')}.`,
  highlighted: (id: string, rows: number) => `Đã tô màu ${n(rows, 'vi')} dòng đạt tiêu chí ${id}.`,
  nothingToHighlight: (id: string) => `Không có dòng nào đạt tiêu chí ${id} để tô màu.`,
  highlightsCleared: 'Đã xóa mọi tô màu của Bình xét.',
  decisionSaved: (kind: DecisionKind | null, sheet: string) => `${kind ? `Đã ghi quyết định «${decisionWord.vi[kind]}»` : 'Đã bỏ quyết định'} vào trang «${sheet}» và xét lại.`,
  reviewChanged: 'Trang Rà soát vừa được sửa nên không tìm thấy dòng này. Bình xét đã đọc lại; hãy thử lại.',
  settingsNotSaved: (m: string) => `Chưa lưu được thiết lập vào sổ làm việc (${m}). Kết quả vẫn đúng, nhưng lần sau phải chọn lại.`,
  settingsNotRead: (m: string) => `Không đọc được thiết lập đã lưu trong sổ (${m}): dùng cách nhận biết tự động và bộ tiêu chí mặc định.`,
  errorAdvice: (code: string) =>
    ({
      other: 'Hãy thử lại. Nếu vẫn lỗi: lưu sổ làm việc, đóng rồi mở lại Excel và Bình xét.',
      payload: 'Hãy tách bảng thành nhiều trang nhỏ hơn, hoặc dùng Excel trên máy tính (giới hạn của Excel trên web là 5 MB mỗi lần).',
      missing: 'Bấm «Đọc lại bảng tính» (nút ↻ ở trên) rồi làm lại.',
      not_workbook: 'Hãy mở một sổ làm việc Excel (.xlsx) có bảng đơn vị, sáng kiến hoặc cán bộ.',
    })[code] ?? '',

  // whole-pane states
  starting: 'Đang mở Bình xét…',
  loadFailed: 'Chưa đọc được bảng tính. Xem thông báo ở trên, sửa theo hướng dẫn rồi bấm «Thử lại».',
  notLoaded: 'Bảng tính chưa được đọc.',
  readWorkbook: 'Đọc bảng tính',
  staleTitle: 'Cần đọc lại bảng tính',
  stale: 'Lần đọc lại vừa rồi không xong, nên kết quả trước đó đã được bỏ (Bình xét chỉ giữ một bản dữ liệu mỗi lúc). Hãy đọc lại bảng tính để xem kết quả.',
  readAgain: 'Đọc lại bảng tính',

  // data step
  dataTitle: 'Bảng tính đã đọc',
  dataSummary: (c: { upper: number; grassroots: number; enterprise: number; initiatives: number; officials: number }) =>
    [
      `${n(c.upper, 'vi')} CĐ cấp trên`,
      `${n(c.grassroots, 'vi')} CĐCS`,
      ...(c.enterprise ? [`${n(c.enterprise, 'vi')} doanh nghiệp`] : []),
      `${n(c.initiatives, 'vi')} sáng kiến`,
      `${n(c.officials, 'vi')} cán bộ`,
    ].join(' · '),
  issuesLink: (count: number) => `${n(count, 'vi')} vấn đề dữ liệu cần xem`,
  noIssues: 'Không có ô nào đọc sai.',
  emptyTitle: 'Không tìm thấy bảng nào Bình xét dùng được',
  emptyBody:
    'Bình xét cần ít nhất một trang có dòng tiêu đề như «Tên đơn vị», «Chỉ tiêu», «Số sáng kiến» (bảng đơn vị), «Tên sáng kiến», «Tác giả» (danh sách sáng kiến) hoặc «Họ và tên», «Chức vụ» (cán bộ). Hãy mở sổ làm việc có các bảng đó, hoặc chọn «Loại bảng» cho trang của anh/chị bên dưới.',
  missingTitle: 'Cột còn thiếu',
  missingIntro: 'Thiếu các cột này nên một số tiêu chí chưa xét được (kết quả «chưa rõ»). Nếu bảng có cột đó dưới tên khác, hãy chọn lại ở trang tương ứng.',
  missingField: (label: string) => `Không có cột «${label}»`,
  missingRole: (role: SheetRole) => `Không có trang ${roleName.vi[role].toLowerCase()}`,
  missingCriteria: 'Tiêu chí bị ảnh hưởng:',
  unknownCount: (k: number) => `${n(k, 'vi')} chưa rõ`,
  sheetsTitle: 'Các trang tính',
  headerRows: (rows: number[], start: number | null) => `Tiêu đề ở dòng ${rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows[0]}${start ? `, dữ liệu từ dòng ${start}` : ''}.`,
  roleLabel: 'Loại bảng',
  roleAuto: 'Tự nhận biết',
  roleIgnore: 'Bỏ qua trang này',
  mappedCount: (mapped: number, _total: number) => `nhận ${n(mapped, 'vi')} cột`,
  fieldNone: '— Không có cột này —',
  columnOption: (letter: string, text: string) => `Cột ${letter}: ${text}`,
  confidence: (c: number | null, confirmed: boolean) => (confirmed ? 'Đã xác nhận' : c === null ? 'Chưa có' : c >= 1 ? 'Khớp' : c >= 0.9 ? `Gần khớp ${Math.round(c * 100)}%` : `Cần kiểm tra ${Math.round(c * 100)}%`),
  fieldSource: (s: 'sections' | 'list' | 'rewardDecision' | 'elsewhere' | 'missing' | 'unused') =>
    ({ sections: 'Lấy từ dòng «Khối…»', list: 'Đếm từ danh sách SK', rewardDecision: 'Dùng QĐ khen thưởng', elsewhere: 'Có ở trang khác', missing: 'Thiếu', unused: 'Không có' })[s],
  confidenceHint: 'Mức khớp giữa tiêu đề cột và tên trường. «Cần kiểm tra»: hãy xem cột đã chọn có đúng không.',
  otherFields: (k: number) => `Trường khác chưa có cột (${n(k, 'vi')})`,
  hideOtherFields: 'Ẩn các trường khác',
  resetSheet: 'Khôi phục tự nhận biết',
  skippedReason: (r: 'empty' | 'no_header' | 'no_role' | 'ignored') =>
    ({ empty: 'Trang trống.', no_header: 'Không tìm thấy dòng tiêu đề.', no_role: 'Không nhận ra đây là bảng đơn vị, sáng kiến hay cán bộ.', ignored: 'Anh/chị đã chọn bỏ qua trang này.' })[r],
  notUsed: 'Không dùng',
  resultSheets: 'Trang do Bình xét ghi (không đọc làm dữ liệu):',
  rowsCount: (k: number) => `${n(k, 'vi')} dòng`,

  // criteria step
  rulesTitle: 'Bộ tiêu chí',
  rulesLabel: 'Xét theo',
  customRules: (title: string) => `Bộ tiêu chí riêng: ${title}`,
  loadRules: 'Nạp bộ tiêu chí riêng (JSON)…',
  rulesRefused: 'Không dùng được bộ tiêu chí này:',
  paramsTitle: 'Tham số theo hướng dẫn',
  paramsIntro: 'Những chỗ hướng dẫn chưa nói rõ. Mỗi thay đổi được lưu trong sổ làm việc và xét lại ngay.',
  seed: 'Hướng dẫn ghi:',
  paramDefault: (v: string) => `Mặc định: ${v}`,
  resetParams: 'Về mặc định',
  yes: 'Có',
  no: 'Không',
  cmpChoice: (c: string) => ({ '>': 'Trên (lớn hơn)', '>=': 'Từ … trở lên (lớn hơn hoặc bằng)', '<': 'Dưới', '<=': 'Tối đa', '=': 'Bằng' })[c] ?? c,
  criteriaTitle: 'Kết quả theo tiêu chí',
  criteriaIntro: 'Bấm vào một con số để chọn các dòng đó trong Excel. Bật «Tô màu» để tô các dòng đạt.',
  met: 'Đạt',
  notMet: 'Không đạt',
  unknown: 'Chưa rõ',
  countButton: (label: string, k: number) => `${label} ${n(k, 'vi')}`,
  countButtonLabel: (label: string, k: number, id: string) => `${label} ${n(k, 'vi')} — chọn các dòng này trong Excel (tiêu chí ${id})`,
  unknownBecause: 'Chưa rõ vì:',
  highlightSwitch: 'Tô màu',
  highlightSwitchLabel: (id: string) => `Tô màu các dòng đạt tiêu chí ${id}`,
  legendTitle: 'Đang tô màu',
  selectionTitle: 'Dòng đang chọn trong Excel',
  selectionHint: 'Chọn một ô trong bảng đơn vị, sáng kiến hoặc cán bộ để xem lý do của từng tiêu chí.',
  selectionNone: (sheet: string, row: number) => `Dòng ${row} trang «${sheet}» không phải một đơn vị, sáng kiến hay cán bộ.`,
  selectionAt: (sheet: string, row: number) => `Trang «${sheet}», dòng ${row}`,
  subjectKind: (k: 'unit' | 'person' | 'official' | 'initiative') => ({ unit: 'Đơn vị', person: 'Tác giả', official: 'Cán bộ', initiative: 'Sáng kiến' })[k],
  result: (r: 'met' | 'not_met' | 'unknown') => ({ met: 'Đạt', not_met: 'Không đạt', unknown: 'Chưa rõ' })[r],
  noCriteria: 'Không có tiêu chí nào áp dụng.',

  // review step
  reviewTitle: 'Rà soát',
  reviewIntro: 'Các vấn đề Bình xét tự tìm thấy và ý kiến của người rà soát. Quyết định «Loại» / «Giữ» được ghi vào trang «Rà soát» — anh/chị cũng có thể sửa trực tiếp trên trang đó.',
  reviewCounts: (total: number, open: number) => `${n(total, 'vi')} dòng, ${n(open, 'vi')} chưa quyết định`,
  filterType: 'Loại vấn đề',
  filterUnit: 'Đơn vị',
  filterDecision: 'Quyết định',
  all: 'Tất cả',
  allUnits: 'Mọi đơn vị',
  undecided: 'Chưa quyết định',
  categoryData: 'Vấn đề dữ liệu',
  categoryEvidence: 'Thiếu minh chứng',
  categoryReviewer: 'Của người rà soát',
  reviewerName: 'Tên người rà soát',
  reviewerHint: 'Ghi vào cột «Người rà soát».',
  writeReview: 'Ghi bảng rà soát',
  goToRow: (sheet: string, row: number) => `Đến dòng ${row}`,
  goToRowLabel: (sheet: string, row: number) => `Đến dòng ${row} trang «${sheet}» trong Excel`,
  exclude: 'Loại…',
  keep: 'Giữ…',
  undo: 'Bỏ quyết định',
  decisionBy: (who: string | null, when: string | null) => [who, when].filter(Boolean).join(', '),
  noFlags: 'Không có dòng nào khớp bộ lọc.',
  showMore: (k: number) => `Xem thêm ${n(k, 'vi')} dòng`,
  showLess: 'Thu gọn',
  shown: (from: number, to: number, total: number) => `Đang hiện ${n(from, 'vi')}–${n(to, 'vi')}/${n(total, 'vi')}`,
  sortLabel: 'Sắp xếp',
  sortList: 'Theo thứ tự trang Rà soát',
  sortUnit: 'Theo đơn vị',
  pagesLabel: 'Các trang của danh sách',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  pageLoading: 'Đang lấy danh sách…',
  pageUnavailable: 'Chưa lấy được danh sách: bảng tính đang được đọc lại hoặc kết quả đã thay đổi. Danh sách sẽ hiện lại khi xét xong.',

  // decision dialog
  decisionTitle: (kind: DecisionKind, subject: string) => `${decisionWord.vi[kind]}: ${subject}`,
  reason: 'Lý do',
  reasonHint: 'Ghi vào cột «Ghi chú» của trang Rà soát.',
  reasonRequired: 'Hãy ghi lý do.',
  reviewerRequired: 'Hãy ghi tên người rà soát.',
  appliesTo: 'Áp dụng cho',
  everyAward: 'Mọi giải thưởng',
  awardOption: (id: string, title: string) => `${id} — ${title}`,
  save: 'Lưu vào trang Rà soát',

  // nominate step
  nominateTitle: 'Đề cử theo số suất',
  nominateIntro: 'Trong mỗi nhóm, người được chọn xếp theo thứ tự của hướng dẫn; phần còn lại là danh sách dự bị có đánh số. Ghim để đưa một ứng viên vào suất; loại để đưa người dự bị kế tiếp lên.',
  writeNominations: 'Ghi bảng đề cử',
  writeNominationsHint: 'Ghi một trang «Đề cử …» cho mỗi giải thưởng. Trang cũ do Bình xét ghi được thay; trang của anh/chị không bị ghi đè.',
  quotaUsed: (selected: number, quota: number | null) => (quota === null ? `${n(selected, 'vi')} (không giới hạn)` : `${n(selected, 'vi')}/${n(quota, 'vi')} suất`),
  quotaUnknown: (selected: number) => `${n(selected, 'vi')}/? suất`,
  wholeWorkbook: 'Toàn tỉnh',
  reserveTitle: 'Dự bị',
  reserveItem: (i: number) => `Dự bị ${i}`,
  excludedTitle: 'Đã loại',
  noCandidates: 'Chưa có ứng viên đạt.',
  groupsWithoutSlots: (k: number) => `${n(k, 'vi')} nhóm không có suất hoặc chưa có ứng viên`,
  pin: 'Ghim',
  unpin: 'Bỏ ghim',
  pinned: 'Đã ghim',
  pinLabel: (name: string, award: string) => `Ghim ${name} vào đề cử ${award}`,
  unpinLabel: (name: string, award: string) => `Bỏ ghim ${name} khỏi đề cử ${award}`,
  excludeCandidate: 'Loại…',
  excludeLabel: (name: string, award: string) => `Loại ${name} khỏi đề cử ${award}`,
  unexclude: 'Bỏ loại',
  displaced: (pinned: string, displaced: string) => `${pinned} được ghim, thay ${displaced}.`,
  candidatesCount: (selected: number, reserve: number) => `${n(selected, 'vi')} được chọn, ${n(reserve, 'vi')} dự bị`,
  needReviewerForPin: 'Hãy ghi tên người rà soát ở bước Rà soát trước khi ghim.',

  // summary step
  summaryTitle: 'Số liệu chính',
  figures: {
    units: 'Đơn vị',
    unitsDetail: (upper: number, grassroots: number) => `${n(upper, 'vi')} CĐ cấp trên, ${n(grassroots, 'vi')} CĐCS`,
    initiatives: 'Sáng kiến được tính',
    initiativesDetail: (all: number) => `trên ${n(all, 'vi')} sáng kiến trong danh sách`,
    pct: 'Tỷ lệ so với chỉ tiêu',
    pctDetail: (count: number, plan: number) => `${n(count, 'vi')} sáng kiến, chỉ tiêu ${n(plan, 'vi')}`,
    withBenefit: 'Có giá trị làm lợi',
    totalBenefit: 'Tổng giá trị làm lợi',
    money: (v: number) => `${n(v, 'vi')} đ`,
    evidenced: 'Đủ minh chứng',
    authors: 'Tác giả',
    officials: 'Cán bộ',
    issues: 'Vấn đề dữ liệu',
    flags: 'Cờ thiếu minh chứng',
    nominated: 'Được đề cử',
    nominatedDetail: (awards: number) => `trong ${n(awards, 'vi')} giải thưởng`,
    unknown: 'chưa rõ',
  },
  awardsTitle: 'Đề cử theo giải thưởng',
  awardColumn: 'Giải thưởng',
  selectedColumn: 'Được chọn',
  reserveColumn: 'Dự bị',
  writeSummary: 'Ghi bảng tổng hợp',
  writeSummaryHint: 'Ghi trang «Tổng hợp»: kết quả theo đơn vị, theo lĩnh vực, theo tiêu chí và đề cử so với số suất (mục II.1, II.4, II.6 của báo cáo).',
};

export type Strings = typeof vi;

const decisionWord: Record<Lang, Record<DecisionKind, string>> = {
  vi: { exclude: 'Loại', keep: 'Giữ', pin: 'Chọn' },
  en: { exclude: 'Exclude', keep: 'Keep', pin: 'Pin' },
};

export const roleName: Record<Lang, Record<SheetRole, string>> = {
  vi: { units: 'Đơn vị', initiatives: 'Sáng kiến', officials: 'Cán bộ' },
  en: { units: 'Units', initiatives: 'Initiatives', officials: 'Officials' },
};

const e = (x: number) => n(x, 'en');

const en: Strings = {
  appName: 'Bình xét',
  tagline: 'Awards of the "One million initiatives" programme',
  langSwitch: 'VI',
  langSwitchLabel: 'VI – Chuyển sang tiếng Việt',
  refresh: 'Read the workbook again',
  clearHighlights: 'Clear highlights',
  clearHighlightsHint: "Removes every Bình xét highlight; your own fills and formats stay as they are.",
  tabs: { data: 'Data', criteria: 'Criteria', review: 'Review', nominate: 'Nominate', summary: 'Summary' },
  tabsLabel: 'Steps',

  statusLabel: 'Status',
  cancel: 'Cancel',
  retry: 'Try again',
  dismiss: 'Dismiss',
  busy: (step, detail, done, total) => {
    switch (step) {
      case 'settings': return 'Opening the settings saved in the workbook…';
      case 'read': return detail ? `Reading sheet "${detail}"${done !== null && total ? `: ${e(done)}/${e(total)} rows` : '…'}` : 'Reading the workbook…';
      case 'evaluate': return `Deciding the criteria${done !== null && total ? ` (step ${e(done + 1)} of ${e(total)})` : ''}…`;
      case 'highlight': return 'Highlighting in Excel…';
      case 'select': return 'Selecting rows in Excel…';
      case 'review': return 'Updating the review sheet…';
      case 'write': return detail ? `Writing sheet "${detail}"${total ? ` (${e((done ?? 0) + 1)}/${e(total)})` : ''}…` : 'Writing to the workbook…';
    }
  },
  errorTitle: (action) =>
    ({
      load: 'Could not read the workbook',
      reread: 'Could not read the workbook again',
      evaluate: 'Could not decide the criteria',
      highlight: 'Could not highlight',
      clearHighlights: 'Could not clear the highlights',
      select: 'Could not select the rows in Excel',
      decide: 'The review decision was not saved',
      writeNominations: 'The nomination sheets were not written',
      writeSummary: 'The summary sheet was not written',
      writeReview: 'The review sheet was not written',
    })[action],
  unexpected: 'Unexpected error. Try again; if it persists, close and reopen Bình xét and send this text to support:',
  cancelled: 'Cancelled. Nothing was left half-written in the workbook.',
  selected: (sheet, selected, total, others) =>
    `Selected ${e(selected)} row${selected === 1 ? '' : 's'} on sheet "${sheet}"${selected < total ? ` (${e(total)} rows cannot all be selected at once; these are the first)` : ''}.${others.length ? ` More rows are on ${others.map((s) => `"${s}"`).join(', ')}.` : ''}`,
  nothingToSelect: 'There is no row to select.',
  selectionUnsupported: 'This version of Excel does not let add-ins select rows.',
  written: (what, sheets) =>
    `${what === 'nominations' ? `Wrote ${e(sheets.length)} nomination sheet${sheets.length === 1 ? '' : 's'}` : what === 'summary' ? 'Wrote the summary sheet' : 'Wrote the review sheet'}: ${sheetList(sheets, 'en')}.`,
  writtenList: (sheets) => `Written: ${sheetList(sheets, 'en')}.`,
  highlighted: (id, rows) => `Highlighted ${e(rows)} row${rows === 1 ? '' : 's'} meeting ${id}.`,
  nothingToHighlight: (id) => `No row meets ${id}: nothing to highlight.`,
  highlightsCleared: 'Cleared every Bình xét highlight.',
  decisionSaved: (kind, sheet) => `${kind ? `Recorded "${decisionWord.en[kind]}"` : 'Removed the decision'} in sheet "${sheet}" and decided again.`,
  reviewChanged: 'The review sheet was just edited and this row is no longer there. Bình xét has read it again; please try again.',
  settingsNotSaved: (m) => `The settings could not be saved in the workbook (${m}). Results are right, but you will have to choose again next time.`,
  settingsNotRead: (m) => `The settings saved in the workbook could not be read (${m}): automatic detection and the default rule set are used.`,
  errorAdvice: (code) =>
    ({
      other: 'Try again. If it persists: save the workbook, close and reopen Excel and Bình xét.',
      payload: 'Split the table over smaller sheets, or use Excel on the desktop (Excel on the web allows 5 MB per request).',
      missing: 'Press "Read the workbook again" (the ↻ button above), then try again.',
      not_workbook: 'Open an Excel workbook (.xlsx) with a units, initiatives or officials table.',
    })[code] ?? '',

  starting: 'Opening Bình xét…',
  loadFailed: 'The workbook has not been read. See the message above, fix what it says, then press "Try again".',
  notLoaded: 'The workbook has not been read.',
  readWorkbook: 'Read the workbook',
  staleTitle: 'The workbook must be read again',
  stale: 'Reading it again did not finish, so the earlier results were let go (Bình xét holds one copy of the data at a time). Read the workbook again to see the results.',
  readAgain: 'Read the workbook again',

  dataTitle: 'What was read',
  dataSummary: (c) =>
    [
      `${e(c.upper)} upper-level unions`,
      `${e(c.grassroots)} grassroots unions`,
      ...(c.enterprise ? [`${e(c.enterprise)} enterprises`] : []),
      `${e(c.initiatives)} initiatives`,
      `${e(c.officials)} officials`,
    ].join(' · '),
  issuesLink: (count) => `${e(count)} data issue${count === 1 ? '' : 's'} to look at`,
  noIssues: 'Every cell was read.',
  emptyTitle: 'No table Bình xét can use was found',
  emptyBody:
    'Bình xét needs at least one sheet with headers such as "Unit name", "Plan", "Initiatives" (units), "Initiative title", "Authors" (initiative list) or "Full name", "Position" (officials). Open a workbook that has them, or choose the "Table type" of your sheet below.',
  missingTitle: 'Missing columns',
  missingIntro: 'Without these columns some criteria cannot be decided ("unknown"). If your table has the column under another name, choose it on that sheet.',
  missingField: (label) => `No "${label}" column`,
  missingRole: (role) => `No ${roleName.en[role].toLowerCase()} sheet`,
  missingCriteria: 'Criteria affected:',
  unknownCount: (k) => `${e(k)} unknown`,
  sheetsTitle: 'Sheets',
  headerRows: (rows, start) => `Header on row${rows.length > 1 ? `s ${rows[0]}–${rows[rows.length - 1]}` : ` ${rows[0]}`}${start ? `, data from row ${start}` : ''}.`,
  roleLabel: 'Table type',
  roleAuto: 'Detect automatically',
  roleIgnore: 'Ignore this sheet',
  mappedCount: (mapped) => `${e(mapped)} columns used`,
  fieldNone: '— No such column —',
  columnOption: (letter, text) => `Column ${letter}: ${text}`,
  confidence: (c, confirmed) => (confirmed ? 'Confirmed' : c === null ? 'None' : c >= 1 ? 'Exact' : c >= 0.9 ? `Close ${Math.round(c * 100)}%` : `Check ${Math.round(c * 100)}%`),
  fieldSource: (s) =>
    ({ sections: 'From the bloc rows', list: 'Counted from the list', rewardDecision: 'Reward decision used', elsewhere: 'On another sheet', missing: 'Missing', unused: 'None' })[s],
  confidenceHint: 'How well the column header matches the field. "Check": make sure the chosen column is right.',
  otherFields: (k) => `Other fields without a column (${e(k)})`,
  hideOtherFields: 'Hide the other fields',
  resetSheet: 'Back to automatic detection',
  skippedReason: (r) =>
    ({ empty: 'Empty sheet.', no_header: 'No header row found.', no_role: 'Not recognisable as units, initiatives or officials.', ignored: 'You chose to ignore this sheet.' })[r],
  notUsed: 'Not used',
  resultSheets: 'Sheets written by Bình xét (not read as data):',
  rowsCount: (k) => `${e(k)} row${k === 1 ? '' : 's'}`,

  rulesTitle: 'Rule set',
  rulesLabel: 'Decide by',
  customRules: (title) => `Own rule set: ${title}`,
  loadRules: 'Load own rule set (JSON)…',
  rulesRefused: 'This rule set cannot be used:',
  paramsTitle: 'Parameters of the guidance',
  paramsIntro: 'Points the guidance leaves open. Every change is saved in the workbook and decided again at once.',
  seed: 'The guidance says:',
  paramDefault: (v) => `Default: ${v}`,
  resetParams: 'Back to defaults',
  yes: 'Yes',
  no: 'No',
  cmpChoice: (c) => ({ '>': 'Above (greater than)', '>=': '… or more (greater or equal)', '<': 'Below', '<=': 'At most', '=': 'Equal' })[c] ?? c,
  criteriaTitle: 'Results by criterion',
  criteriaIntro: 'Press a number to select those rows in Excel. Turn on "Highlight" to colour the rows that meet it.',
  met: 'Met',
  notMet: 'Not met',
  unknown: 'Unknown',
  countButton: (label, k) => `${label} ${e(k)}`,
  countButtonLabel: (label, k, id) => `${label} ${e(k)} — select these rows in Excel (criterion ${id})`,
  unknownBecause: 'Unknown because:',
  highlightSwitch: 'Highlight',
  highlightSwitchLabel: (id) => `Highlight the rows meeting ${id}`,
  legendTitle: 'Highlighted',
  selectionTitle: 'Row selected in Excel',
  selectionHint: 'Select a cell in the units, initiatives or officials table to see the reason of every criterion.',
  selectionNone: (sheet, row) => `Row ${row} of "${sheet}" is not a unit, initiative or official.`,
  selectionAt: (sheet, row) => `Sheet "${sheet}", row ${row}`,
  subjectKind: (k) => ({ unit: 'Unit', person: 'Author', official: 'Official', initiative: 'Initiative' })[k],
  result: (r) => ({ met: 'Met', not_met: 'Not met', unknown: 'Unknown' })[r],
  noCriteria: 'No criterion applies.',

  reviewTitle: 'Review',
  reviewIntro: 'Issues Bình xét found by itself and the reviewers\' own rows. "Exclude" / "Keep" decisions are written to the "Review" sheet — you may also edit that sheet by hand.',
  reviewCounts: (total, open) => `${e(total)} rows, ${e(open)} undecided`,
  filterType: 'Kind of issue',
  filterUnit: 'Unit',
  filterDecision: 'Decision',
  all: 'All',
  allUnits: 'Every unit',
  undecided: 'Undecided',
  categoryData: 'Data issues',
  categoryEvidence: 'Missing evidence',
  categoryReviewer: "Reviewers' rows",
  reviewerName: 'Reviewer name',
  reviewerHint: 'Written in the "Reviewer" column.',
  writeReview: 'Write the review sheet',
  goToRow: (_sheet, row) => `Go to row ${row}`,
  goToRowLabel: (sheet, row) => `Go to row ${row} of "${sheet}" in Excel`,
  exclude: 'Exclude…',
  keep: 'Keep…',
  undo: 'Remove decision',
  decisionBy: (who, when) => [who, when].filter(Boolean).join(', '),
  noFlags: 'No row matches the filters.',
  showMore: (k) => `Show ${e(k)} more`,
  showLess: 'Show fewer',
  shown: (from, to, total) => `Showing ${e(from)}–${e(to)} of ${e(total)}`,
  sortLabel: 'Order',
  sortList: 'As in the review sheet',
  sortUnit: 'By unit',
  pagesLabel: 'Pages of the list',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageLoading: 'Getting the list…',
  pageUnavailable: 'The list is not available: the workbook is being read again or the results changed. It comes back when the evaluation is done.',

  decisionTitle: (kind, subject) => `${decisionWord.en[kind]}: ${subject}`,
  reason: 'Reason',
  reasonHint: 'Written in the "Note" column of the review sheet.',
  reasonRequired: 'Please give a reason.',
  reviewerRequired: 'Please give the reviewer name.',
  appliesTo: 'Applies to',
  everyAward: 'Every award',
  awardOption: (id, title) => `${id} — ${title}`,
  save: 'Save to the review sheet',

  nominateTitle: 'Nominations within quota',
  nominateIntro: 'In each group the selected are ranked as the guidance says; the rest is a numbered reserve. Pin to force a candidate in; exclude to promote the next reserve.',
  writeNominations: 'Write nomination sheets',
  writeNominationsHint: 'Writes one "Nominations …" sheet per award. Earlier Bình xét sheets are replaced; your own sheets are never overwritten.',
  quotaUsed: (selected, quota) => (quota === null ? `${e(selected)} (no cap)` : `${e(selected)}/${e(quota)} slots`),
  quotaUnknown: (selected) => `${e(selected)}/? slots`,
  wholeWorkbook: 'Whole workbook',
  reserveTitle: 'Reserve',
  reserveItem: (i) => `Reserve ${i}`,
  excludedTitle: 'Excluded',
  noCandidates: 'No candidate meets it yet.',
  groupsWithoutSlots: (k) => `${e(k)} group${k === 1 ? '' : 's'} without slots or candidates`,
  pin: 'Pin',
  unpin: 'Unpin',
  pinned: 'Pinned',
  pinLabel: (name, award) => `Pin ${name} into the ${award} nominations`,
  unpinLabel: (name, award) => `Unpin ${name} from the ${award} nominations`,
  excludeCandidate: 'Exclude…',
  excludeLabel: (name, award) => `Exclude ${name} from the ${award} nominations`,
  unexclude: 'Undo exclusion',
  displaced: (pinned, displaced) => `${pinned} is pinned, displacing ${displaced}.`,
  candidatesCount: (selected, reserve) => `${e(selected)} selected, ${e(reserve)} reserve`,
  needReviewerForPin: 'Give the reviewer name on the Review step before pinning.',

  summaryTitle: 'Key figures',
  figures: {
    units: 'Units',
    unitsDetail: (upper, grassroots) => `${e(upper)} upper-level, ${e(grassroots)} grassroots`,
    initiatives: 'Initiatives counted',
    initiativesDetail: (all) => `of ${e(all)} listed`,
    pct: 'Against plan',
    pctDetail: (count, plan) => `${e(count)} initiatives, plan ${e(plan)}`,
    withBenefit: 'With a benefit value',
    totalBenefit: 'Total benefit',
    money: (v) => `${e(v)} VND`,
    evidenced: 'Evidenced',
    authors: 'Authors',
    officials: 'Officials',
    issues: 'Data issues',
    flags: 'Missing-evidence flags',
    nominated: 'Nominated',
    nominatedDetail: (awards) => `over ${e(awards)} award${awards === 1 ? '' : 's'}`,
    unknown: 'unknown',
  },
  awardsTitle: 'Nominations by award',
  awardColumn: 'Award',
  selectedColumn: 'Selected',
  reserveColumn: 'Reserve',
  writeSummary: 'Write the summary sheet',
  writeSummaryHint: 'Writes the "Summary" sheet: results by unit, by field, by criterion and nominations against quota (report sections II.1, II.4, II.6).',
};

export const STRINGS: Record<Lang, Strings> = { vi, en };

export const decisionName = (kind: DecisionKind, lang: Lang) => decisionWord[lang][kind];

/** Labels of issue codes (data issues and evidence flags); unknown codes show as themselves. */
const CODE_LABELS: Record<string, Bilingual> = {
  missing_recognition_doc: { vi: 'Thiếu văn bản công nhận', en: 'No recognition document' },
  missing_benefit_certification: { vi: 'Thiếu xác nhận làm lợi', en: 'No benefit certification' },
  not_posted: { vi: 'Chưa đăng tải', en: 'Not posted online' },
  registered_after_cutoff: { vi: 'Đăng ký sau ngày chốt', en: 'Registered after the cutoff' },
  doc_date_out_of_window: { vi: 'Văn bản ngoài thời gian', en: 'Document outside the window' },
  unknown_unit: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  ambiguous_unit: { vi: 'Tên đơn vị trùng', en: 'Ambiguous unit' },
  duplicate_unit: { vi: 'Đơn vị ghi hai lần', en: 'Unit listed twice' },
  unknown_parent: { vi: 'Không tìm thấy đơn vị cấp trên', en: 'Parent unit not found' },
  ambiguous_parent: { vi: 'Đơn vị cấp trên trùng tên', en: 'Ambiguous parent unit' },
  no_parent: { vi: 'Thiếu đơn vị cấp trên', en: 'No parent unit' },
  parent_cycle: { vi: 'Cấp trên vòng tròn', en: 'Parent cycle' },
  self_parent: { vi: 'Tự làm cấp trên của mình', en: 'Own parent' },
  count_mismatch: { vi: 'Số sáng kiến lệch danh sách', en: 'Count differs from the list' },
  missing_name: { vi: 'Dòng thiếu tên', en: 'Row without a name' },
  invalid_benefit: { vi: 'Giá trị làm lợi âm', en: 'Negative benefit' },
  reviewer: { vi: 'Ý kiến người rà soát', en: "Reviewer's row" },
};

const KIND_WORDS: Record<string, Bilingual> = {
  integer: { vi: 'số', en: 'number' },
  money: { vi: 'số tiền', en: 'amount' },
  percent: { vi: 'tỷ lệ', en: 'percentage' },
  date: { vi: 'ngày', en: 'date' },
  yesno: { vi: 'có/không', en: 'yes/no' },
  document: { vi: 'văn bản', en: 'document' },
  text: { vi: 'chữ', en: 'text' },
};

export function codeLabel(code: string, lang: Lang): string {
  const known = CODE_LABELS[code];
  if (known) return known[lang];
  const unreadable = /^unreadable_(\w+)$/.exec(code);
  if (unreadable) {
    const w = KIND_WORDS[unreadable[1]!];
    return lang === 'vi' ? `Ô ${w?.vi ?? unreadable[1]} không đọc được` : `Unreadable ${w?.en ?? unreadable[1]}`;
  }
  const invalid = /^invalid_(\w+)$/.exec(code);
  if (invalid) return lang === 'vi' ? `Giá trị không hợp lệ (${invalid[1]})` : `Invalid value (${invalid[1]})`;
  return code;
}

export const pickText = (b: Bilingual, lang: Lang) => b[lang];
