/**
 * Excel errors → WorkbookError with a message for the officer: Vietnamese first, English in
 * parentheses. office-js errors carry `code` (and `debugInfo.code`); codes per Excel.ErrorCodes.
 */
import { WorkbookError } from '../gateway';
import type { Bilingual } from '../../domain/i18n';

export const MESSAGES = {
  protected: {
    vi: 'Không ghi được vào sổ làm việc: trang tính hoặc cấu trúc sổ đang được bảo vệ, hoặc tệp chỉ cho phép đọc. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'Could not write to the workbook: the sheet or the workbook structure is protected, or the file is read-only. Unprotect it (Review › Unprotect Sheet) and try again.',
  },
  payload: {
    vi: 'Dữ liệu quá lớn cho một lần gửi tới Excel, kể cả khi đã chia nhỏ.',
    en: 'The data is too large for one request to Excel, even after splitting it.',
  },
  busy: {
    vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
    en: 'Excel is in cell-editing mode. Press Enter or Esc to leave the cell, then try again.',
  },
  missing: {
    vi: 'Không tìm thấy trang tính hoặc vùng dữ liệu (có thể vừa bị đổi tên hoặc xóa).',
    en: 'The sheet or range was not found (it may have just been renamed or deleted).',
  },
  cancelled: { vi: 'Đã hủy.', en: 'Cancelled.' },
  other: { vi: 'Excel báo lỗi', en: 'Excel reported an error' },
} satisfies Record<string, Bilingual>;

export function bilingualText(m: Bilingual, detail?: string): string {
  return detail ? `${m.vi}: ${detail} (${m.en}: ${detail})` : `${m.vi} (${m.en})`;
}

export function errorCode(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  const c = typeof o.code === 'string' ? o.code : typeof o.debugInfo?.code === 'string' ? o.debugInfo.code : undefined;
  return c;
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit', 'PayloadTooLarge']);

/** True for errors a smaller request may avoid (response/request too big, too many cells). */
export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

export function cancelledError(): WorkbookError {
  return new WorkbookError(bilingualText(MESSAGES.cancelled), 'cancelled');
}

export function protectedError(sheet?: string): WorkbookError {
  const m = MESSAGES.protected;
  return new WorkbookError(sheet ? `${m.vi} [${sheet}] (${m.en} [${sheet}])` : bilingualText(m), 'protected');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

/** Any error from a batch → WorkbookError (WorkbookErrors pass through unchanged). */
export function toWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const code = errorCode(e);
  const raw = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'AccessDenied':
      return new WorkbookError(bilingualText(MESSAGES.protected), 'protected');
    case 'InvalidOperation':
      // Also raised for other refused operations; protection is by far the usual cause when writing.
      return /protect|bảo vệ|read-?only/i.test(raw)
        ? new WorkbookError(bilingualText(MESSAGES.protected), 'protected')
        : new WorkbookError(bilingualText(MESSAGES.other, raw), 'other');
    case 'InvalidOperationInCellEditMode':
    case 'EditModeNotAllowed':
      return new WorkbookError(bilingualText(MESSAGES.busy), 'busy');
    case 'ItemNotFound':
    case 'InvalidReference':
      return new WorkbookError(bilingualText(MESSAGES.missing), 'missing');
    default:
      if (isPayloadError(e)) return new WorkbookError(bilingualText(MESSAGES.payload), 'payload');
      return new WorkbookError(bilingualText(MESSAGES.other, raw), 'other');
  }
}

/** Runs `fn`, converting whatever it throws. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toWorkbookError(e);
  }
}
