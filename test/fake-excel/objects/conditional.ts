/** Fake conditional formats: collection, format, custom rule and its format. */
import {
  FakeClientResult,
  FakeCollection,
  type FakeContextCore,
  FakeObject,
  FakeOfficeError,
  type PropDef,
  type AnyFake,
  defineProps,
  itemNotFound,
} from '../core';
import {
  type CfModel,
  type SheetModel,
  newId,
} from '../model';
import { type RangeT, checkSheetAlive, checkWritable, normColor, onlyRect } from './shared';
import { FakeRange, FakeRangeAreas } from './range';

// ---------------------------------------------------------------- conditional formats

interface CfT {
  sheet: SheetModel;
  cf: CfModel;
}

export class FakeConditionalFormatCollection extends FakeCollection<RangeT, FakeConditionalFormat> {
  override _check(t: RangeT): void {
    checkSheetAlive(t.sheet);
  }
  _items(t: RangeT): FakeConditionalFormat[] {
    return t.sheet.cfsIntersecting(t.rects).map((cf) => cfProxy(this.context, t.sheet, cf));
  }
  add(type: string): FakeConditionalFormat {
    return this._method(new FakeConditionalFormat(this.context), [type], (t) => {
      checkWritable(t.sheet);
      for (const cf of t.sheet.cfs) cf.priority++;
      const cf: CfModel = { id: newId('cf'), type, rects: t.rects.map((r) => ({ ...r })), priority: 0, stopIfTrue: false };
      t.sheet.cfs.push(cf);
      return { sheet: t.sheet, cf };
    });
  }
  getCount(): FakeClientResult<number> {
    return this._result([], (t) => t.sheet.cfsIntersecting(t.rects).length);
  }
  getItem(id: string): FakeConditionalFormat {
    return this._method(new FakeConditionalFormat(this.context), [id], (t) => {
      const cf = t.sheet.cfsIntersecting(t.rects).find((x) => x.id === id);
      if (!cf) throw itemNotFound(`conditional format '${id}'`);
      return { sheet: t.sheet, cf };
    });
  }
  getItemAt(index: number): FakeConditionalFormat {
    return this._method(new FakeConditionalFormat(this.context), [index], (t) => {
      const cf = t.sheet.cfsIntersecting(t.rects)[index];
      if (!cf) throw itemNotFound(`conditional format #${index}`);
      return { sheet: t.sheet, cf };
    });
  }
  clearAll(): void {
    this._act([], (t) => {
      checkWritable(t.sheet);
      const hit = new Set(t.sheet.cfsIntersecting(t.rects));
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !hit.has(cf));
      renumber(t.sheet);
    });
  }
}

/** Excel keeps priorities contiguous (0 = top): deleting one moves the ones below it up. */
function renumber(sheet: SheetModel): void {
  [...sheet.cfs].sort((a, b) => a.priority - b.priority).forEach((cf, i) => (cf.priority = i));
}

function cfProxy(ctx: FakeContextCore, sheet: SheetModel, cf: CfModel): FakeConditionalFormat {
  const p = new FakeConditionalFormat(ctx);
  p._t = { sheet, cf };
  return p;
}

export class FakeConditionalFormat extends FakeObject<CfT> {
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  override _check(t: CfT): void {
    checkSheetAlive(t.sheet);
    if (!t.sheet.cfs.includes(t.cf)) throw itemNotFound('conditional format (deleted)');
  }
  _props(): Record<string, PropDef<CfT>> {
    return {
      id: { get: (t) => t.cf.id },
      type: { get: (t) => t.cf.type },
      priority: {
        get: (t) => t.cf.priority,
        set: (t, v) => {
          checkWritable(t.sheet);
          t.cf.priority = Number(v);
        },
      },
      stopIfTrue: {
        get: (t) => t.cf.stopIfTrue,
        set: (t, v) => {
          checkWritable(t.sheet);
          t.cf.stopIfTrue = Boolean(v);
        },
      },
    };
  }
  /** Only for type "Custom"; using it on another type fails at sync, as in Excel. */
  get custom(): FakeCustomConditionalFormat {
    return this._nav('custom', () =>
      this._child(new FakeCustomConditionalFormat(this.context), (t) => {
        if (t.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', `The conditional format is of type ${t.cf.type}, not Custom.`);
        return t;
      }),
    );
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav('customOrNullObject', () => this._child(new FakeCustomConditionalFormat(this.context), (t) => (t.cf.type === 'Custom' ? t : null)));
  }
  override _navs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject } as Record<string, () => AnyFake>;
  }
  delete(): void {
    this._act([], (t) => {
      checkWritable(t.sheet);
      t.sheet.cfs = t.sheet.cfs.filter((x) => x !== t.cf);
      renumber(t.sheet);
    });
  }
  getRange(): FakeRange {
    return this._method(new FakeRange(this.context), [], (t) => ({ sheet: t.sheet, rects: [onlyRect({ sheet: t.sheet, rects: t.cf.rects })] }));
  }
  getRanges(): FakeRangeAreas {
    return this._method(new FakeRangeAreas(this.context), [], (t) => ({ sheet: t.sheet, rects: t.cf.rects.map((r) => ({ ...r })) }));
  }
}
defineProps(FakeConditionalFormat, ['id', 'type', 'priority', 'stopIfTrue']);

export class FakeCustomConditionalFormat extends FakeObject<CfT> {
  _props(): Record<string, PropDef<CfT>> {
    return {};
  }
  get rule(): FakeConditionalFormatRule {
    return this._nav('rule', () => this._child(new FakeConditionalFormatRule(this.context), (t) => t));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => this._child(new FakeConditionalRangeFormat(this.context), (t) => t));
  }
  override _navs() {
    return { rule: () => this.rule, format: () => this.format } as Record<string, () => AnyFake>;
  }
}

function cfProp(get: (cf: CfModel) => unknown, set: (cf: CfModel, v: unknown) => void): PropDef<CfT> {
  return {
    get: (t) => get(t.cf),
    set: (t, v) => {
      checkWritable(t.sheet);
      set(t.cf, v);
    },
  };
}

export class FakeConditionalFormatRule extends FakeObject<CfT> {
  declare formula: string;
  _props(): Record<string, PropDef<CfT>> {
    return {
      formula: cfProp(
        (cf) => cf.formula ?? null,
        (cf, v) => (cf.formula = String(v)),
      ),
    };
  }
}
defineProps(FakeConditionalFormatRule, ['formula']);

export class FakeConditionalRangeFormat extends FakeObject<CfT> {
  _props(): Record<string, PropDef<CfT>> {
    return {};
  }
  get fill(): FakeConditionalFill {
    return this._nav('fill', () => this._child(new FakeConditionalFill(this.context), (t) => t));
  }
  get font(): FakeConditionalFont {
    return this._nav('font', () => this._child(new FakeConditionalFont(this.context), (t) => t));
  }
  override _navs() {
    return { fill: () => this.fill, font: () => this.font } as Record<string, () => AnyFake>;
  }
}

export class FakeConditionalFill extends FakeObject<CfT> {
  declare color: string;
  _props(): Record<string, PropDef<CfT>> {
    return {
      color: cfProp(
        (cf) => cf.fill ?? null,
        (cf, v) => (cf.fill = normColor(v)),
      ),
    };
  }
  clear(): void {
    this._act([], (t) => {
      checkWritable(t.sheet);
      t.cf.fill = undefined;
    });
  }
}
defineProps(FakeConditionalFill, ['color']);

export class FakeConditionalFont extends FakeObject<CfT> {
  declare color: string;
  declare bold: boolean;
  _props(): Record<string, PropDef<CfT>> {
    return {
      color: cfProp(
        (cf) => cf.fontColor ?? null,
        (cf, v) => (cf.fontColor = normColor(v)),
      ),
      bold: cfProp(
        (cf) => cf.bold ?? false,
        (cf, v) => (cf.bold = Boolean(v)),
      ),
    };
  }
}
defineProps(FakeConditionalFont, ['color', 'bold']);
