/** The engine's own failures, as the pane shows them ("Tiếng Việt (English)", see parts/error-text.ts). */
export const NOT_READ_MESSAGE = 'Chưa đọc bảng tính. (The workbook has not been read.)';
export const RELEASED_MESSAGE = 'Kết quả này đã được thay bằng lần xét mới. (This result was replaced by a newer evaluation.)';
export const WORKER_FAILED_MESSAGE = 'Bộ xét tiêu chí đã dừng đột ngột; hãy đọc lại bảng tính. (The evaluation engine stopped unexpectedly; read the workbook again.)';
