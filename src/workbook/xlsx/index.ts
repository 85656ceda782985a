/** The .xlsx adapter: read an officer's workbook from a file, write the results to another. */
export { XlsxFileGateway, DEFAULT_CHUNK_ROWS } from './file-gateway';
export {
  writeResultWorkbook,
  planSheetNames,
  rowsToRef,
  type WriteResultOptions,
  type WriteResultReport,
} from './write';
export { META_SHEET, type WorkbookMeta, type HighlightRecord } from './meta';
