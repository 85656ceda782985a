/**
 * Is this Excel new enough for the add-in? Plain data for a plain message (no React needed).
 * Bundled into the pane's first script, which must also run in the Internet Explorer web view of
 * Office 2016/2019: compiled to ES5 (webpack.config.js), and no `globalThis` here.
 */
import type { Bilingual } from '../../domain/i18n';

export interface HostCheck {
  supported: boolean;
  message?: Bilingual;
}

/** The part of the global `Office` object the check reads. */
export interface OfficeLike {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

export const MIN_EXCEL_API = '1.12';

export const HOST_MESSAGES = {
  tooOld: {
    vi: 'Bình xét cần Excel 2021 trở lên, Microsoft 365, Excel trên web hoặc Excel cho Mac. Phiên bản Excel này chưa hỗ trợ các chức năng cần thiết (ExcelApi 1.12). Hãy mở sổ làm việc bằng Excel trên web (office.com) hoặc cập nhật Office.',
    en: 'Bình xét needs Excel 2021 or later, Microsoft 365, Excel on the web or Excel for Mac. This version of Excel lacks the functions it needs (ExcelApi 1.12). Open the workbook in Excel on the web (office.com) or update Office.',
  },
  notExcel: {
    vi: 'Bình xét chạy bên trong Excel. Hãy mở một sổ làm việc trong Excel rồi bấm nút "Bình xét" trên thẻ Trang đầu.',
    en: 'Bình xét runs inside Excel. Open a workbook in Excel and press the "Bình xét" button on the Home tab.',
  },
} satisfies Record<string, Bilingual>;

function globalOffice(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}

export function checkHost(office: OfficeLike | undefined = globalOffice()): HostCheck {
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return { supported: false, message: HOST_MESSAGES.notExcel };
  let ok = false;
  try {
    ok = requirements.isSetSupported('ExcelApi', MIN_EXCEL_API);
  } catch {
    ok = false;
  }
  return ok ? { supported: true } : { supported: false, message: HOST_MESSAGES.tooOld };
}
