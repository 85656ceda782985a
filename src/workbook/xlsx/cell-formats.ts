/**
 * What the sheet reader needs from styles.xml: for each cell style (cellXfs index), whether it
 * exists and whether its number format makes a number a date (read by style-formats.ts).
 */
/** Style flags: the style exists; a plain number shows as a date; a formula's number result does. */
const STYLE_EXISTS = 1;
const PLAIN_DATE = 2;
const RESULT_DATE = 4;

export class CellFormats {
  constructor(private readonly flags: Uint8Array) {}

  static none(): CellFormats {
    return new CellFormats(new Uint8Array(0));
  }

  /** The number formats of cell styles 0, 1, 2, … (undefined: the style has none; null: no such style). */
  static fromNumFmts(numFmts: (string | undefined | null)[]): CellFormats {
    const flags = new Uint8Array(numFmts.length);
    numFmts.forEach((f, i) => {
      if (f !== null) flags[i] = STYLE_EXISTS | (exceljsIsDateFmt(f) ? PLAIN_DATE : 0) | (isDateFormat(f) ? RESULT_DATE : 0);
    });
    return new CellFormats(flags);
  }

  exists(styleId: number): boolean {
    return this.flagsOf(styleId) !== 0;
  }

  /** A plain number in this style reads as a date (exceljs's rule, `exceljsIsDateFmt`). */
  plainDate(styleId: number): boolean {
    return (this.flagsOf(styleId) & PLAIN_DATE) !== 0;
  }

  /** A formula's number result in this style reads as a date (`isDateFormat`). */
  resultDate(styleId: number): boolean {
    return (this.flagsOf(styleId) & RESULT_DATE) !== 0;
  }

  private flagsOf(styleId: number): number {
    return styleId >= 0 && styleId < this.flags.length ? this.flags[styleId] : 0;
  }
}

/**
 * exceljs's `utils.isDateFmt`, which decided plain numbers' dates in its reader: any of y m d h M s b
 * left after removing [bracketed] and "quoted" parts. (Formula results use `isDateFormat`.)
 */
export function exceljsIsDateFmt(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** True for number formats that show a date or time ("dd/mm/yyyy", "m/d/yy h:mm", …): formula results' rule. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/.test(bare);
}
