/** Fake Range, RangeAreas and range formats (fill, font, borders). */
import { cellCount, formatRect, intersects } from '../address';
import {
  FakeCollection,
  FakeObject,
  FakeOfficeError,
  type PropDef,
  type AnyFake,
  defineProps,
  invalidArgument,
  requireApi,
} from '../core';
import {
  type CellStyle,
  type HyperlinkModel,
} from '../model';
import { DEFAULT_COLUMN_WIDTH, type RangeT, addressOf, apply2D, checkSheetAlive, checkWritable, forCells, grid2D, normColor, onlyRect, setCellInput, uniform } from './shared';
import { FakeWorksheet } from './workbook';
import { FakeConditionalFormatCollection } from './conditional';

// ---------------------------------------------------------------- ranges

function rangeProps(): Record<string, PropDef<RangeT>> {
  const cells = (t: RangeT) => cellCount(t.rects);
  return {
    address: { get: (t) => addressOf(t.sheet, t.rects) },
    rowIndex: { get: (t) => onlyRect(t).r0 },
    columnIndex: { get: (t) => onlyRect(t).c0 },
    rowCount: { get: (t) => onlyRect(t).nr },
    columnCount: { get: (t) => onlyRect(t).nc },
    cellCount: { get: (t) => cells(t) },
    values: {
      cells,
      get: (t) => grid2D(onlyRect(t), (r, c) => t.sheet.values.get(r, c) ?? ''),
      set: (t, v) => {
        checkWritable(t.sheet);
        apply2D(onlyRect(t), v, (r, c, x) => setCellInput(t.sheet, r, c, x, false));
      },
    },
    formulas: {
      cells,
      get: (t) => grid2D(onlyRect(t), (r, c) => t.sheet.formulas.get(r, c) ?? t.sheet.values.get(r, c) ?? ''),
      set: (t, v) => {
        checkWritable(t.sheet);
        apply2D(onlyRect(t), v, (r, c, x) => setCellInput(t.sheet, r, c, x, true));
      },
    },
    numberFormat: {
      cells,
      get: (t) => grid2D(onlyRect(t), (r, c) => t.sheet.numberFormats.get(r, c) ?? 'General'),
      set: (t, v) => {
        checkWritable(t.sheet);
        apply2D(onlyRect(t), v, (r, c, x) => t.sheet.numberFormats.set(r, c, x === '' || x === 'General' ? undefined : String(x)));
      },
    },
    text: {
      cells,
      get: (t) => grid2D(onlyRect(t), (r, c) => String(t.sheet.values.get(r, c) ?? '')),
    },
    hyperlink: {
      get: (t) => {
        const r = onlyRect(t);
        return t.sheet.hyperlinks.get(r.r0, r.c0) ?? null;
      },
      set: (t, v) => {
        checkWritable(t.sheet);
        const link = { ...(v as HyperlinkModel) };
        forCells(t.rects, (r, c) => {
          t.sheet.hyperlinks.set(r, c, link);
          if (link.textToDisplay !== undefined) {
            t.sheet.values.set(r, c, link.textToDisplay === '' ? undefined : link.textToDisplay);
            t.sheet.formulas.set(r, c, undefined);
          }
        });
      },
    },
  };
}

export abstract class FakeRangeBase extends FakeObject<RangeT> {
  override _check(t: RangeT): void {
    checkSheetAlive(t.sheet);
  }
  get format(): FakeRangeFormat {
    return this._nav('format', () => this._child(new FakeRangeFormat(this.context), (t) => t));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav('conditionalFormats', () =>
      this._child(new FakeConditionalFormatCollection(this.context), (t) => {
        requireApi(this.context.env, '1.6', 'conditionalFormats');
        return t;
      }),
    );
  }
  get worksheet(): FakeWorksheet {
    return this._nav('worksheet', () => this._child(new FakeWorksheet(this.context), (t) => t.sheet));
  }
  /** Selects the range (activating its sheet); recorded in the workbook's selection log. */
  select(): void {
    this._act([], (t) => {
      const wb = this.context.env.model;
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `The worksheet '${t.sheet.name}' is hidden.`);
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rects: t.rects.map((r) => ({ ...r })) };
      wb.selectionLog.push({ sheet: t.sheet.name, address: t.rects.map(formatRect).join(',') });
    });
  }
  override _navs() {
    return {
      format: () => this.format,
      conditionalFormats: () => this.conditionalFormats,
      worksheet: () => this.worksheet,
    } as Record<string, () => AnyFake>;
  }
}

export class FakeRange extends FakeRangeBase {
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare hyperlink: HyperlinkModel;

  _props(): Record<string, PropDef<RangeT>> {
    return rangeProps();
  }
  getCell(row: number, column: number): FakeRange {
    return this._method(new FakeRange(this.context), [row, column], (t) => {
      const r = onlyRect(t);
      return { sheet: t.sheet, rects: [{ r0: r.r0 + row, c0: r.c0 + column, nr: 1, nc: 1 }] };
    });
  }
  /** The used cells within this range (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._method(new FakeRange(this.context), [valuesOnly ?? false], (t) => {
      const r = t.sheet.usedRect(valuesOnly ?? false, onlyRect(t));
      return r ? { sheet: t.sheet, rects: [r] } : null;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this._method(new FakeRangeAreas(this.context), [], (t) => {
      requireApi(this.context.env, '1.13', 'getMergedAreasOrNullObject');
      const hits = t.sheet.merges.filter((m) => t.rects.some((r) => intersects(m, r)));
      if (hits.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas.');
      return hits.length ? { sheet: t.sheet, rects: hits.map((m) => ({ ...m })) } : null;
    });
  }
  merge(across = false): void {
    this._act([across], (t) => {
      checkWritable(t.sheet);
      const r = onlyRect(t);
      const parts = across ? Array.from({ length: r.nr }, (_, i) => ({ r0: r.r0 + i, c0: r.c0, nr: 1, nc: r.nc })) : [r];
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, r)).concat(parts);
    });
  }
  unmerge(): void {
    this._act([], (t) => {
      checkWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !t.rects.some((r) => intersects(m, r)));
    });
  }
}
defineProps(FakeRange, ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'hyperlink']);

export class FakeRangeAreas extends FakeRangeBase {
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  _props(): Record<string, PropDef<RangeT>> {
    return {
      address: { get: (t) => addressOf(t.sheet, t.rects) },
      areaCount: { get: (t) => t.rects.length },
      cellCount: { get: (t) => cellCount(t.rects) },
    };
  }
  get areas(): FakeRangeCollection {
    return this._nav('areas', () => this._child(new FakeRangeCollection(this.context), (t) => t));
  }
  override _navs() {
    return { ...super._navs(), areas: () => this.areas } as Record<string, () => AnyFake>;
  }
}
defineProps(FakeRangeAreas, ['address', 'areaCount', 'cellCount']);

export class FakeRangeCollection extends FakeCollection<RangeT, FakeRange> {
  _items(t: RangeT): FakeRange[] {
    return t.rects.map((rect) => {
      const p = new FakeRange(this.context);
      p._t = { sheet: t.sheet, rects: [rect] };
      return p;
    });
  }
}

// ---------------------------------------------------------------- range format

function styleProp<K extends keyof CellStyle>(key: K, dflt: CellStyle[K], norm: (v: unknown) => CellStyle[K] = (v) => v as CellStyle[K]): PropDef<RangeT> {
  return {
    get: (t) => uniform(t.rects, (r, c) => t.sheet.styleAt(r, c)[key] ?? dflt),
    set: (t, v) => {
      checkWritable(t.sheet);
      const val = norm(v);
      forCells(t.rects, (r, c) => t.sheet.patchStyle(r, c, { [key]: val } as Partial<CellStyle>));
    },
  };
}

export class FakeRangeFormat extends FakeObject<RangeT> {
  declare columnWidth: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  _props(): Record<string, PropDef<RangeT>> {
    return {
      columnWidth: {
        get: (t) => {
          const cols = new Set<number>();
          t.rects.forEach((r) => {
            for (let c = r.c0; c < r.c0 + r.nc; c++) cols.add(c);
          });
          const ws = [...cols].map((c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
          return ws.every((w) => w === ws[0]) ? ws[0] : null;
        },
        set: (t, v) => {
          checkWritable(t.sheet);
          t.rects.forEach((r) => {
            for (let c = r.c0; c < r.c0 + r.nc; c++) t.sheet.columnWidths.set(c, Number(v));
          });
        },
      },
      wrapText: styleProp('wrapText', false, Boolean),
      horizontalAlignment: styleProp('horizontalAlignment', 'General', String),
    };
  }
  get fill(): FakeRangeFill {
    return this._nav('fill', () => this._child(new FakeRangeFill(this.context), (t) => t));
  }
  get font(): FakeRangeFont {
    return this._nav('font', () => this._child(new FakeRangeFont(this.context), (t) => t));
  }
  get borders(): FakeRangeBorderCollection {
    return this._nav('borders', () => this._child(new FakeRangeBorderCollection(this.context), (t) => t));
  }
  override _navs() {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders } as Record<string, () => AnyFake>;
  }
  autofitColumns(): void {
    this._act([], () => {});
  }
}
defineProps(FakeRangeFormat, ['columnWidth', 'wrapText', 'horizontalAlignment']);

export class FakeRangeFill extends FakeObject<RangeT> {
  declare color: string;
  _props(): Record<string, PropDef<RangeT>> {
    return { color: styleProp('fill', '#FFFFFF', normColor) };
  }
  clear(): void {
    this._act([], (t) => {
      checkWritable(t.sheet);
      forCells(t.rects, (r, c) => t.sheet.patchStyle(r, c, { fill: undefined }));
    });
  }
}
defineProps(FakeRangeFill, ['color']);

export class FakeRangeFont extends FakeObject<RangeT> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare strikethrough: boolean;
  declare underline: string;
  _props(): Record<string, PropDef<RangeT>> {
    return {
      bold: styleProp('bold', false, Boolean),
      italic: styleProp('italic', false, Boolean),
      color: styleProp('color', '#000000', normColor),
      strikethrough: styleProp('strikethrough', false, Boolean),
      underline: styleProp('underline', 'None', String),
    };
  }
}
defineProps(FakeRangeFont, ['bold', 'italic', 'color', 'strikethrough', 'underline']);

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

interface BorderT {
  range: RangeT;
  edge: string;
}

/** Cells whose `edge` side a border of this range touches (minimal model, stored per cell). */
function borderCells(t: BorderT, fn: (r: number, c: number, side: string) => void): void {
  for (const rect of t.range.rects) {
    const r1 = rect.r0 + rect.nr - 1;
    const c1 = rect.c0 + rect.nc - 1;
    forCells([rect], (r, c) => {
      if (t.edge === 'EdgeTop' && r === rect.r0) fn(r, c, 'top');
      if (t.edge === 'EdgeBottom' && r === r1) fn(r, c, 'bottom');
      if (t.edge === 'EdgeLeft' && c === rect.c0) fn(r, c, 'left');
      if (t.edge === 'EdgeRight' && c === c1) fn(r, c, 'right');
      if (t.edge === 'InsideHorizontal' && r < r1) fn(r, c, 'bottom');
      if (t.edge === 'InsideVertical' && c < c1) fn(r, c, 'right');
    });
  }
}

export class FakeRangeBorderCollection extends FakeObject<RangeT> {
  _props(): Record<string, PropDef<RangeT>> {
    return {};
  }
  getItem(index: string): FakeRangeBorder {
    return this._method(new FakeRangeBorder(this.context), [index], (t) => {
      if (!EDGES.includes(index)) throw invalidArgument(`border index '${index}'`);
      return { range: t, edge: index };
    });
  }
}

export class FakeRangeBorder extends FakeObject<BorderT> {
  declare style: string;
  declare color: string;
  declare weight: string;
  private prop(key: 'style' | 'color', dflt: string): PropDef<BorderT> {
    return {
      get: (t) => {
        let out: string | null | undefined;
        borderCells(t, (r, c, side) => {
          const v = t.range.sheet.styleAt(r, c).borders?.[side]?.[key] ?? dflt;
          out = out === undefined ? v : out === v ? out : null;
        });
        return out ?? dflt;
      },
      set: (t, v) => {
        checkWritable(t.range.sheet);
        borderCells(t, (r, c, side) => {
          const cur = t.range.sheet.styleAt(r, c).borders ?? {};
          const b = { ...{ style: 'None', color: '#000000' }, ...cur[side], [key]: key === 'color' ? normColor(v) : String(v) };
          t.range.sheet.patchStyle(r, c, { borders: { ...cur, [side]: b } });
        });
      },
    };
  }
  _props(): Record<string, PropDef<BorderT>> {
    return { style: this.prop('style', 'None'), color: this.prop('color', '#000000'), weight: { get: () => 'Thin', set: () => {} } };
  }
}
defineProps(FakeRangeBorder, ['style', 'color', 'weight']);
