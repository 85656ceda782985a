/** The Excel (office-js) adapter. */
export { ExcelGateway, createExcelGateway } from './gateway';
export { checkHost, MIN_EXCEL_API, HOST_MESSAGES, type HostCheck, type OfficeLike } from './host';
export { markerFormula, markerKey } from './highlight';
export { type SettingsStore, DocumentSettingsStore, CustomXmlSettingsStore, SETTINGS_NAMESPACE } from './settings';
export { toWorkbookError } from './errors';
export { OWNED_KEY, type ExcelRunner, type ExcelGatewayOptions, type OfficeSettingsLike, type Requirements } from './types';
