/** Fake request context, application, workbook, worksheets and their small parts. */
import { parseArea } from '../address';
import {
  FakeClientResult,
  FakeCollection,
  type FakeContextCore,
  FakeObject,
  FakeOfficeError,
  type PropDef,
  defineProps,
  invalidArgument,
  itemNotFound,
  requireApi,
} from '../core';
import {
  type SheetModel,
  type WorkbookModel,
  SheetModel as SheetModelClass,
} from '../model';
import { checkSheetAlive, checkStructure, onlyRect, resolveAddress, validSheetName } from './shared';
import { FakeRange, FakeRangeAreas } from './range';
import { FakeCustomXmlPartCollection } from './xml';
import { FakeEventHandlers } from './events';

// ---------------------------------------------------------------- application

export class FakeApplication extends FakeObject<WorkbookModel> {
  _props(): Record<string, PropDef<WorkbookModel>> {
    return { calculationMode: { get: () => 'Automatic' } };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.env.stats.suspendCalls++;
    this._act([], () => requireApi(this.context.env, '1.6', 'suspendApiCalculationUntilNextSync'));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.env.stats.suspendCalls++;
    this._act([], () => requireApi(this.context.env, '1.9', 'suspendScreenUpdatingUntilNextSync'));
  }
}
defineProps(FakeApplication, ['calculationMode']);

// ---------------------------------------------------------------- workbook

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  _props(): Record<string, PropDef<WorkbookModel>> {
    return {};
  }
  override _navs() {
    return {
      worksheets: () => this.worksheets,
      customXmlParts: () => this.customXmlParts,
      protection: () => this.protection,
    };
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav('worksheets', () => this._child(new FakeWorksheetCollection(this.context), (t) => t));
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return this._nav('customXmlParts', () =>
      this._child(new FakeCustomXmlPartCollection(this.context), (t) => {
        requireApi(this.context.env, '1.5', 'customXmlParts');
        return t;
      }),
    );
  }
  get protection(): FakeWorkbookProtection {
    return this._nav('protection', () => this._child(new FakeWorkbookProtection(this.context), (t) => t));
  }
  get application(): FakeApplication {
    return this._nav('application', () => this._child(new FakeApplication(this.context), (t) => t));
  }
  private _selectionEvents?: FakeEventHandlers;
  get onSelectionChanged(): FakeEventHandlers {
    return (this._selectionEvents ??= new FakeEventHandlers(this.context, () => 'workbook', '1.2', 'Workbook.onSelectionChanged'));
  }
  /** The selected range (one area; office-js fails on a multi-area selection). */
  getSelectedRange(): FakeRange {
    return this._method(new FakeRange(this.context), [], (wb) => {
      const sel = currentSelection(wb);
      if (sel.rects.length !== 1) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return sel;
    });
  }
  getSelectedRanges(): FakeRangeAreas {
    return this._method(new FakeRangeAreas(this.context), [], (wb) => {
      requireApi(this.context.env, '1.9', 'getSelectedRanges');
      return currentSelection(wb);
    });
  }
}

function activeSheetOf(wb: WorkbookModel): SheetModel {
  const s = wb.activeSheet && !wb.activeSheet.deleted ? wb.activeSheet : wb.sheets.find((x) => x.visibility === 'Visible');
  if (!s) throw itemNotFound('active worksheet');
  return s;
}

function currentSelection(wb: WorkbookModel): { sheet: SheetModel; rects: { r0: number; c0: number; nr: number; nc: number }[] } {
  const sheet = activeSheetOf(wb);
  const sel = wb.selection && wb.selection.sheet === sheet ? wb.selection : null;
  return { sheet, rects: sel ? sel.rects.map((r) => ({ ...r })) : [parseArea('A1')] };
}

export class FakeWorkbookProtection extends FakeObject<WorkbookModel> {
  declare readonly protected: boolean;
  _props(): Record<string, PropDef<WorkbookModel>> {
    return { protected: { get: (t) => t.structureProtected } };
  }
}
defineProps(FakeWorkbookProtection, ['protected']);

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, FakeWorksheet> {
  _items(t: WorkbookModel): FakeWorksheet[] {
    return t.sheets.map((s) => sheetProxy(this.context, s));
  }
  add(name?: string): FakeWorksheet {
    return this._method(new FakeWorksheet(this.context), [name ?? null], (wb) => {
      checkStructure(wb);
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (wb.find(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!validSheetName(n)) throw invalidArgument(`worksheet name '${n}'`);
      if (wb.find(n)) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${n}' already exists.`);
      const s = new SheetModelClass(n);
      wb.sheets.push(s);
      return s;
    });
  }
  getItem(key: string): FakeWorksheet {
    return this._method(new FakeWorksheet(this.context), [key], (wb) => {
      const s = wb.find(key) ?? wb.sheets.find((x) => x.id === key);
      if (!s) throw itemNotFound(`worksheet '${key}'`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this._method(new FakeWorksheet(this.context), [key], (wb) => wb.find(key) ?? wb.sheets.find((x) => x.id === key) ?? null);
  }
  getCount(): FakeClientResult<number> {
    return this._result([], (wb) => wb.sheets.length);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this._method(new FakeWorksheet(this.context), [], (wb) => activeSheetOf(wb));
  }
  private _selectionEvents?: FakeEventHandlers;
  get onSelectionChanged(): FakeEventHandlers {
    return (this._selectionEvents ??= new FakeEventHandlers(this.context, () => 'worksheets', '1.9', 'WorksheetCollection.onSelectionChanged'));
  }
}

function sheetProxy(ctx: FakeContextCore, s: SheetModel): FakeWorksheet {
  const p = new FakeWorksheet(ctx);
  p._t = s;
  return p;
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  declare name: string;
  declare readonly id: string;
  declare visibility: string;
  declare position: number;

  override _check(t: SheetModel): void {
    checkSheetAlive(t);
  }
  private get wb(): WorkbookModel {
    return this.context.env.model;
  }
  _props(): Record<string, PropDef<SheetModel>> {
    return {
      name: {
        get: (t) => t.name,
        set: (t, v) => {
          const n = String(v);
          if (n === t.name) return;
          checkStructure(this.wb);
          if (!validSheetName(n)) throw invalidArgument(`worksheet name '${n}'`);
          const other = this.wb.find(n);
          if (other && other !== t) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${n}' already exists.`);
          t.name = n;
        },
      },
      id: { get: (t) => t.id },
      visibility: {
        get: (t) => t.visibility,
        set: (t, v) => {
          t.visibility = v as SheetModel['visibility'];
        },
      },
      position: {
        get: (t) => this.wb.sheets.indexOf(t),
        set: (t, v) => {
          checkStructure(this.wb);
          const list = this.wb.sheets;
          list.splice(list.indexOf(t), 1);
          list.splice(Math.max(0, Math.min(list.length, Number(v))), 0, t);
        },
      },
    };
  }
  override _navs() {
    return {
      protection: () => this.protection,
      customProperties: () => this.customProperties,
      freezePanes: () => this.freezePanes,
    };
  }
  get protection(): FakeWorksheetProtection {
    return this._nav('protection', () => this._child(new FakeWorksheetProtection(this.context), (t) => t));
  }
  get customProperties(): FakeWorksheetCustomPropertyCollection {
    return this._nav('customProperties', () =>
      this._child(new FakeWorksheetCustomPropertyCollection(this.context), (t) => {
        requireApi(this.context.env, '1.12', 'Worksheet.customProperties');
        return t;
      }),
    );
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav('freezePanes', () => this._child(new FakeWorksheetFreezePanes(this.context), (t) => t));
  }
  getRange(address?: string): FakeRange {
    return this._method(new FakeRange(this.context), [address ?? ''], (s) => ({
      sheet: s,
      rects: address ? [onlyRect({ sheet: s, rects: resolveAddress(s, address, this.context.env) })] : [parseArea('1:1048576')],
    }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._method(new FakeRange(this.context), [startRow, startColumn, rowCount, columnCount], (s) => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > 1_048_576 || startColumn + columnCount > 16_384) {
        throw invalidArgument(`range indexes (${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      return { sheet: s, rects: [{ r0: startRow, c0: startColumn, nr: rowCount, nc: columnCount }] };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getRanges(address?: string): FakeRangeAreas {
    return this._method(new FakeRangeAreas(this.context), [address ?? ''], (s) => {
      requireApi(this.context.env, '1.9', 'getRanges');
      return { sheet: s, rects: address ? resolveAddress(s, address, this.context.env) : [parseArea('1:1048576')] };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._method(new FakeRange(this.context), [valuesOnly ?? false], (s) => ({
      sheet: s,
      rects: [s.usedRect(valuesOnly ?? false) ?? { r0: 0, c0: 0, nr: 1, nc: 1 }],
    }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._method(new FakeRange(this.context), [valuesOnly ?? false], (s) => {
      const r = s.usedRect(valuesOnly ?? false);
      return r ? { sheet: s, rects: [r] } : null;
    });
  }
  delete(): void {
    this._act([], (s) => {
      checkStructure(this.wb);
      const visible = this.wb.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      this.wb.sheets.splice(this.wb.sheets.indexOf(s), 1);
      s.deleted = true;
    });
  }
  activate(): void {
    this._act([], (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `The worksheet '${s.name}' is hidden and cannot be activated.`);
      this.wb.activeSheet = s;
    });
  }
  private _selectionEvents?: FakeEventHandlers;
  get onSelectionChanged(): FakeEventHandlers {
    return (this._selectionEvents ??= new FakeEventHandlers(this.context, () => this._need(), '1.7', 'Worksheet.onSelectionChanged'));
  }
}
defineProps(FakeWorksheet, ['name', 'id', 'visibility', 'position']);

export class FakeWorksheetProtection extends FakeObject<SheetModel> {
  declare readonly protected: boolean;
  _props(): Record<string, PropDef<SheetModel>> {
    return { protected: { get: (t) => t.protected } };
  }
}
defineProps(FakeWorksheetProtection, ['protected']);

export class FakeWorksheetFreezePanes extends FakeObject<SheetModel> {
  _props(): Record<string, PropDef<SheetModel>> {
    return {};
  }
  freezeRows(count = 1): void {
    this._act([count], (s) => {
      s.freezeRows = count;
      s.freezeColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._act([count], (s) => {
      s.freezeColumns = count;
      s.freezeRows = 0;
    });
  }
  unfreeze(): void {
    this._act([], (s) => {
      s.freezeRows = 0;
      s.freezeColumns = 0;
    });
  }
}

// ---------------------------------------------------------------- custom properties

interface PropT {
  sheet: SheetModel;
  key: string;
}

export class FakeWorksheetCustomPropertyCollection extends FakeCollection<SheetModel, FakeWorksheetCustomProperty> {
  _items(s: SheetModel): FakeWorksheetCustomProperty[] {
    return [...s.customProperties.keys()].map((key) => {
      const p = new FakeWorksheetCustomProperty(this.context);
      p._t = { sheet: s, key };
      return p;
    });
  }
  add(key: string, value: string): FakeWorksheetCustomProperty {
    return this._method(new FakeWorksheetCustomProperty(this.context), [key, value], (s) => {
      if (!key || key.length > 255) throw invalidArgument(`custom property key '${key}'`);
      s.customProperties.set(key, String(value));
      return { sheet: s, key };
    });
  }
  getItem(key: string): FakeWorksheetCustomProperty {
    return this._method(new FakeWorksheetCustomProperty(this.context), [key], (s) => {
      if (!s.customProperties.has(key)) throw itemNotFound(`custom property '${key}'`);
      return { sheet: s, key };
    });
  }
  getItemOrNullObject(key: string): FakeWorksheetCustomProperty {
    return this._method(new FakeWorksheetCustomProperty(this.context), [key], (s) => (s.customProperties.has(key) ? { sheet: s, key } : null));
  }
  getCount(): FakeClientResult<number> {
    return this._result([], (s) => s.customProperties.size);
  }
}

export class FakeWorksheetCustomProperty extends FakeObject<PropT> {
  declare readonly key: string;
  declare value: string;
  override _check(t: PropT): void {
    checkSheetAlive(t.sheet);
  }
  _props(): Record<string, PropDef<PropT>> {
    return {
      key: { get: (t) => t.key },
      value: {
        get: (t) => t.sheet.customProperties.get(t.key) ?? null,
        set: (t, v) => void t.sheet.customProperties.set(t.key, String(v)),
      },
    };
  }
  delete(): void {
    this._act([], (t) => void t.sheet.customProperties.delete(t.key));
  }
}
defineProps(FakeWorksheetCustomProperty, ['key', 'value']);

// ---------------------------------------------------------------- request context

export class FakeRequestContext {
  readonly core: FakeContextCore;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  constructor(core: FakeContextCore) {
    this.core = core;
    core._owner = this;
    this.workbook = new FakeWorkbook(core);
    this.workbook._t = core.env.model;
    this.workbook._synced = true;
    this.application = this.workbook.application;
  }
  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this.core.sync().then(() => passThroughValue);
  }
}
