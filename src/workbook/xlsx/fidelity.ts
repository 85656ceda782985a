/**
 * Whether the officer's sheets can be copied into the results workbook faithfully: exceljs's
 * full load/save round trip keeps values, formulas, styles, merges, notes and simple conditional
 * formats, but drops the features listed here. When any is present, only result sheets are written.
 */
import { bi, type Bilingual } from '../../domain/i18n';
import type { SheetPart } from './parts';
import { scanSource, type SourceBook } from './source';

/** Parts of an .xlsx that exceljs drops or damages on a load/save round trip. */
const UNFAITHFUL: [RegExp, Bilingual][] = [
  [/^xl\/(charts|chartsheets)\//, bi('biểu đồ', 'charts')],
  [/^xl\/(pivotTables|pivotCache)\//, bi('PivotTable', 'pivot tables')],
  [/^xl\/vbaProject\.bin$/, bi('macro', 'macros')],
  [/^xl\/externalLinks\//, bi('liên kết tới tệp khác', 'links to other files')],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, bi('slicer/timeline', 'slicers/timelines')],
  [/^xl\/threadedComments\//, bi('chú thích dạng hội thoại', 'threaded comments')],
  [/^xl\/(activeX|ctrlProps)\//, bi('điều khiển biểu mẫu', 'form controls')],
  [/^xl\/(queryTables\/|connections\.xml$)/, bi('kết nối dữ liệu', 'data connections')],
];

async function unfaithfulParts(book: SourceBook): Promise<Bilingual[]> {
  const found: Bilingual[] = [];
  const names = [...book.zip.entries.keys()];
  for (const [re, label] of UNFAITHFUL) if (names.some((n) => re.test(n))) found.push(label);
  for (const n of names.filter((x) => /^xl\/drawings\/[^/]+\.xml$/.test(x))) {
    if (/<(\w+:)?sp[\s>]/.test(await book.zip.text(n))) {
      found.push(bi('hình vẽ/hộp văn bản', 'shapes/text boxes'));
      break;
    }
  }
  return found;
}

/** Null when the source sheets can be copied faithfully, else the reason. */
export async function whyNotCopy(book: SourceBook, sources: SheetPart[], limit: number, knownRows?: number): Promise<Bilingual | null> {
  let rows = knownRows ?? 0;
  let internalLinks = false;
  let extensions = false;
  if (knownRows === undefined || rows <= limit) {
    rows = 0;
    for (const s of sources) {
      const scan = await scanSource(book, s);
      rows += scan.rowCount;
      internalLinks ||= scan.internalLinks;
      extensions ||= scan.extensions;
    }
  }
  if (rows > limit) {
    return bi(`Không chép các trang gốc: ${rows.toLocaleString('vi-VN')} dòng, vượt giới hạn ${limit.toLocaleString('vi-VN')}.`, `Source sheets not copied: ${rows.toLocaleString('en-US')} rows, above the limit of ${limit.toLocaleString('en-US')}.`);
  }
  const lost = await unfaithfulParts(book);
  // exceljs's reader drops links to places inside the workbook.
  if (internalLinks) lost.push(bi('liên kết nội bộ', 'links within the workbook'));
  if (extensions) lost.push(bi('kiểm tra dữ liệu/biểu đồ nhỏ kiểu mới', 'newer data validation or sparklines'));
  if (lost.length === 0) return null;
  return bi(`Không chép các trang gốc vì sổ có ${lost.map((l) => l.vi).join(', ')} (không giữ nguyên được khi chép).`, `Source sheets not copied: the workbook has ${lost.map((l) => l.en).join(', ')}, which a copy would not keep.`);
}

