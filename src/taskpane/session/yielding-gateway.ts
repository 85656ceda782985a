/**
 * The gateway as the pane reads through it: after every chunk the browser gets a turn (so the
 * progress bar moves and Cancel can be pressed) and a cancelled read stops at once.
 */
import type { WorkbookGateway } from '../../workbook/gateway';
import { yieldToUi } from '../engine/yield';

export function yieldingReads(gw: WorkbookGateway): WorkbookGateway {
  return {
    listSheets: () => gw.listSheets(),
    headerMerges: (sheet, rows) => gw.headerMerges(sheet, rows),
    readSheet: (sheet, options) => ({
      async *[Symbol.asyncIterator]() {
        for await (const chunk of gw.readSheet(sheet, options)) {
          yield chunk;
          await yieldToUi(options?.signal);
        }
      },
    }),
    writeSheet: (sheet, options) => gw.writeSheet(sheet, options),
    highlight: (requests) => gw.highlight(requests),
    clearHighlights: (keys) => gw.clearHighlights(keys),
    loadSettings: (key) => gw.loadSettings(key),
    saveSettings: (key, value) => gw.saveSettings(key, value),
  };
}
