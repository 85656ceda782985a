/**
 * Copies an exceljs Workbook (already loaded) into the fake: values (formula results, rich text,
 * hyperlink text, dates as serials), formulas, number formats, solid fills, fonts, merges, sheet
 * visibility, expression conditional formats. Browser-safe: it only reads the object it is given,
 * so the preview can load a file with exceljs's browser build (`new ExcelJS.Workbook().xlsx.load(arrayBuffer)`)
 * and pass the workbook here.
 */
import type ExcelJS from 'exceljs';
import { type FakeExcel, type SheetSeed, dateToSerial } from './index';
import type { FakeValue } from './model';

type Seedable = Pick<FakeExcel, 'workbook'>;

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{6,8}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function plain(v: unknown): FakeValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
    if ('text' in o) return plain(o.text);
  }
  return undefined;
}

function formulaOf(v: unknown): string | undefined {
  if (v && typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string };
    const f = o.formula ?? o.sharedFormula;
    if (typeof f === 'string') return f.startsWith('=') ? f : `=${f}`;
  }
  return undefined;
}

const STATE: Record<string, SheetSeed['visibility']> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

export function sheetSeedFromExcelJs(ws: ExcelJS.Worksheet): SheetSeed {
  const values: (FakeValue | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const fonts: ({ bold?: boolean; italic?: boolean; color?: string; strikethrough?: boolean } | null)[][] = [];
  const put = <V>(grid: (V | null)[][], r: number, c: number, v: V) => ((grid[r] ??= [])[c] = v);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (cell.isMerged && cell.master !== cell) return;
      const f = formulaOf(cell.value);
      // A formula's cached 0 / FALSE is missing from exceljs's `value` object but kept by `cell.result` (Excel gives the add-in 0 / false).
      const v = f ? plain((cell as unknown as { result?: unknown }).result) : plain(cell.value);
      if (v !== undefined && v !== '') put(values, r, c, v);
      if (f) put(formulas, r, c, f);
      if (cell.numFmt && cell.numFmt !== 'General') put(numberFormats, r, c, cell.numFmt);
      const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
      const fillHex = fill?.type === 'pattern' && fill.pattern === 'solid' ? argbToHex(fill.fgColor?.argb) : undefined;
      if (fillHex) put(fills, r, c, fillHex);
      const font = cell.font;
      if (font && (font.bold || font.italic || font.strike || font.color?.argb)) {
        const color = argbToHex(font.color?.argb);
        put(fonts, r, c, {
          ...(font.bold ? { bold: true } : {}),
          ...(font.italic ? { italic: true } : {}),
          ...(font.strike ? { strikethrough: true } : {}),
          ...(color && color !== '#000000' ? { color } : {}),
        });
      }
    });
  });
  const cfs = ((ws as unknown as { conditionalFormattings?: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings ?? []).flatMap((cf) =>
    cf.rules.map((rule) => {
      const style = rule.style as { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } } | undefined;
      const formulae = rule.formulae as string[] | undefined;
      return {
        address: cf.ref.replace(/ /g, ','),
        type: rule.type === 'expression' ? 'Custom' : String(rule.type),
        formula: formulae?.[0] !== undefined ? (String(formulae[0]).startsWith('=') ? String(formulae[0]) : `=${formulae[0]}`) : undefined,
        fill: argbToHex(style?.fill?.bgColor?.argb ?? style?.fill?.fgColor?.argb),
        fontColor: argbToHex(style?.font?.color?.argb),
        bold: style?.font?.bold,
      };
    }),
  );
  const widths: Record<string, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    // exceljs widths are in characters; office-js columnWidth is in points (≈ 7 pt per character incl. padding).
    if (col?.width) widths[columnName(i)] = Math.round(col.width * 7 * 100) / 100;
  });
  return {
    values,
    formulas,
    numberFormats,
    fills,
    fonts,
    merges: [...(ws.model.merges ?? [])],
    conditionalFormats: cfs,
    columnWidths: widths,
    visibility: STATE[ws.state] ?? 'Visible',
  };
}

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Adds every worksheet of `wb` to the fake, in order. */
export function loadExcelJsWorkbook(fake: Seedable, wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    fake.workbook.addSheet(ws.name, sheetSeedFromExcelJs(ws));
  });
}
