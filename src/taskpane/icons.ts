/** The few Fluent icons the pane uses, imported one file each (the icon package's index is 150 MB of modules). */
export { ArrowSyncRegular } from '@fluentui/react-icons/svg/arrow-sync';
export { EraserRegular } from '@fluentui/react-icons/svg/eraser';
export { PinRegular, PinFilled } from '@fluentui/react-icons/svg/pin';
export { PinOffRegular } from '@fluentui/react-icons/svg/pin-off';
export { OpenRegular } from '@fluentui/react-icons/svg/open';
export { DocumentArrowUpRegular } from '@fluentui/react-icons/svg/document-arrow-up';
export { SaveRegular } from '@fluentui/react-icons/svg/save';
export { CheckmarkCircleFilled } from '@fluentui/react-icons/svg/checkmark-circle';
export { DismissCircleFilled } from '@fluentui/react-icons/svg/dismiss-circle';
export { QuestionCircleFilled } from '@fluentui/react-icons/svg/question-circle';
export { WarningRegular } from '@fluentui/react-icons/svg/warning';
export { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
export { ArrowUndoRegular } from '@fluentui/react-icons/svg/arrow-undo';
export { CursorClickRegular } from '@fluentui/react-icons/svg/cursor-click';
export { DocumentTableRegular } from '@fluentui/react-icons/svg/document-table';
export { LocalLanguageRegular } from '@fluentui/react-icons/svg/local-language';
export { ChevronLeftRegular } from '@fluentui/react-icons/svg/chevron-left';
export { ChevronRightRegular } from '@fluentui/react-icons/svg/chevron-right';
