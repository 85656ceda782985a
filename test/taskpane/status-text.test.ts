import { inLanguage } from '../../src/taskpane/parts/error-text';

test('adapter messages "Tiếng Việt (English)" are shown in the pane language', () => {
  const protectedMsg = 'Không ghi được: trang tính đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. [CĐCS] (Could not write: the sheet is protected. Unprotect it (Review › Unprotect Sheet) and try again. [CĐCS])';
  expect(inLanguage(protectedMsg, 'vi')).toBe('Không ghi được: trang tính đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. [CĐCS]');
  expect(inLanguage(protectedMsg, 'en')).toBe('Could not write: the sheet is protected. Unprotect it (Review › Unprotect Sheet) and try again. [CĐCS]');
  expect(inLanguage('Excel báo lỗi: x (y) (Excel reported an error: x (y))', 'en')).toBe('Excel reported an error: x (y)');
  expect(inLanguage('Một thông báo (không có tiếng Anh)', 'vi')).toBe('Một thông báo (không có tiếng Anh)');
  expect(inLanguage('Plain message', 'vi')).toBe('Plain message');
});
