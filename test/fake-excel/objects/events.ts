/**
 * Selection-changed events of the fake: `workbook.onSelectionChanged` (ExcelApi 1.2),
 * `worksheet.onSelectionChanged` (1.7) and `worksheets.onSelectionChanged` (1.9). Handlers are
 * registered at sync, like office-js, and removed through the result's `remove()` + its context's
 * `sync()`. Events fire only when a test or the preview plays the user (`fake.userSelect`); the API's
 * own `range.select()` is recorded in `selectionLog` without firing them.
 */
import { type FakeContextCore, requireApi } from '../core';
import { type SelectionHandlerModel, type SheetModel, newId } from '../model';

type Scope = SelectionHandlerModel['scope'];

export class FakeEventHandlerResult {
  constructor(
    private readonly core: FakeContextCore,
    private readonly id: string,
  ) {}

  /** The request context the handler was added with (office-js: `EventHandlerResult.context`). */
  get context(): { sync(): Promise<unknown> } {
    return this.core._owner as { sync(): Promise<unknown> };
  }

  remove(): void {
    this.core._enqueue(() => {
      const model = this.core.env.model;
      model.selectionHandlers = model.selectionHandlers.filter((h) => h.id !== this.id);
    });
  }
}

export class FakeEventHandlers {
  constructor(
    private readonly core: FakeContextCore,
    private readonly scope: () => Scope,
    private readonly version: string,
    private readonly what: string,
  ) {}

  add(handler: (args: unknown) => Promise<unknown>): FakeEventHandlerResult {
    const id = newId('event');
    this.core._enqueue(() => {
      requireApi(this.core.env, this.version, this.what);
      this.core.env.model.selectionHandlers.push({ id, scope: this.scope(), handler });
    });
    return new FakeEventHandlerResult(this.core, id);
  }
}

/** Arguments office-js hands to each kind of handler. */
export function selectionEventArgs(scope: Scope, sheet: SheetModel, address: string): unknown | null {
  if (scope === 'workbook') return { type: 'SelectionChanged' };
  if (scope === 'worksheets' || scope === sheet) return { type: 'WorksheetSelectionChanged', address, worksheetId: sheet.id, source: 'Local' };
  return null;
}
