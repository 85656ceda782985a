/** The engine's own failures, as the pane shows them ("Tiếng Việt (English)", see parts/error-text.ts). */
export const NOT_READ_MESSAGE = 'Chưa đọc bảng tính. (The workbook has not been read.)';
export const RELEASED_MESSAGE = 'Kết quả này không còn: đã có lần xét mới, hoặc bảng tính đang được đọc lại. (This result is gone: a newer evaluation replaced it, or the workbook is being read again.)';
export const WORKER_FAILED_MESSAGE = 'Bộ xét tiêu chí đã dừng đột ngột; hãy đọc lại bảng tính. (The evaluation engine stopped unexpectedly; read the workbook again.)';
export const REVIEW_NOT_READ_MESSAGE = 'Chưa đọc lại trang Rà soát. (The review sheet has not been read again.)';
