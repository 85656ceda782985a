/**
 * Internal hyperlinks the way Excel writes them: `<hyperlink ref="D5" location="'DS sáng kiến'!A12"/>`
 * with no relationship. exceljs 4.4 turns `{ hyperlink: "#'Sheet'!A12" }` into an external
 * relationship (which desktop Excel on Windows does not follow) and, in its full writer, adds a
 * broken `location` too (exceljs issues #749, #3027). This patch changes only targets that start
 * with "#"; every other hyperlink is written by exceljs unchanged.
 *
 * Test only: the results writer does not go through exceljs (render.ts writes `location=`
 * itself); tests that build an officer's workbook with exceljs use this to get Excel's form.
 */
import HyperlinkXform, { type HyperlinkModel } from 'exceljs/lib/xlsx/xform/sheet/hyperlink-xform';
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';
import SheetRelsWriter from 'exceljs/lib/stream/xlsx/sheet-rels-writer';

const isInternal = (h: HyperlinkModel): boolean => typeof h.target === 'string' && h.target.startsWith('#');
let installed = false;

export function installInternalLinks(): void {
  if (installed) return;
  installed = true;

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (this: HyperlinkXform, xmlStream, model) {
    if (isInternal(model)) xmlStream.leafNode('hyperlink', { ref: model.address, location: model.target!.slice(1), tooltip: model.tooltip });
    else render.call(this, xmlStream, model);
  };

  // Full writer: drop the relationships prepared for internal links.
  const prepare = WorksheetXform.prototype.prepare;
  WorksheetXform.prototype.prepare = function (this: WorksheetXform, model, options) {
    prepare.call(this, model, options);
    const internal = new Set((model.hyperlinks ?? []).filter(isInternal).map((h) => h.rId));
    if (internal.size > 0 && model.rels) model.rels = model.rels.filter((r) => !internal.has(r.Id));
  };

  // Streaming writer: keep internal links out of the sheet's relationships.
  const addHyperlink = SheetRelsWriter.prototype.addHyperlink;
  SheetRelsWriter.prototype.addHyperlink = function (this: SheetRelsWriter, hyperlink) {
    if (isInternal(hyperlink)) this._hyperlinks.push({ address: hyperlink.address, target: hyperlink.target });
    else addHyperlink.call(this, hyperlink);
  };
}
