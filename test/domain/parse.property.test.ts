import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cells';
import {
  parseDate,
  parseDocument,
  parseInteger,
  parseMoney,
  parsePercent,
  parseText,
  parseYesNo,
} from '../../src/domain/parse/values';

const viGrouping = new Intl.NumberFormat('vi-VN', { useGrouping: true, maximumFractionDigits: 0 });
const safeNonNegative = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30); // valid for serials from 61 (1900-03-01) on

const parsers: Array<(v: CellValue) => unknown> = [
  parseInteger,
  parseMoney,
  (v) => parsePercent(v),
  (v) => parsePercent(v, { fraction: true }),
  parseDate,
  parseYesNo,
  parseDocument,
  parseText,
];

describe('numbers round-trip', () => {
  it('vi-VN grouped integers read back exactly', () => {
    fc.assert(
      fc.property(safeNonNegative, (n) => {
        const text = viGrouping.format(n);
        expect(parseInteger(text)).toEqual({ kind: 'ok', value: n });
        expect(parseMoney(text)).toEqual({ kind: 'ok', value: n });
        expect(parseMoney(`${text} đ`)).toEqual({ kind: 'ok', value: n });
      }),
    );
  });

  it('plain digits, "n đ" and number cells read back exactly', () => {
    fc.assert(
      fc.property(safeNonNegative, (n) => {
        expect(parseInteger(String(n))).toEqual({ kind: 'ok', value: n });
        expect(parseMoney(`${n} đ`)).toEqual({ kind: 'ok', value: n });
        expect(parseInteger(n)).toEqual({ kind: 'ok', value: n });
        expect(parseMoney(n)).toEqual({ kind: 'ok', value: n });
      }),
    );
  });

  it('"k triệu" is exactly k million', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        expect(parseMoney(`${k} triệu`)).toEqual({ kind: 'ok', value: k * 1_000_000 });
      }),
    );
  });

  it('"a,b tỷ" is exact to the đồng', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), (a, b) => {
        const hundredths = String(b).padStart(2, '0');
        expect(parseMoney(`${a},${hundredths} tỷ`)).toEqual({ kind: 'ok', value: a * 1e9 + b * 1e7 });
      }),
    );
  });
});

describe('dates round-trip', () => {
  const dates = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true });

  it('d/m/yyyy, dd-mm-yyyy, the Excel serial and a UTC Date give the same ISO day', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const day = new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
        const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
        const iso = day.toISOString().slice(0, 10);
        const serial = (day.getTime() - EXCEL_EPOCH) / DAY_MS;
        const pad = (x: number) => String(x).padStart(2, '0');
        expect(parseDate(`${d}/${m}/${y}`)).toEqual({ kind: 'ok', value: iso });
        expect(parseDate(`${pad(d)}-${pad(m)}-${y}`)).toEqual({ kind: 'ok', value: iso });
        expect(parseDate(serial)).toEqual({ kind: 'ok', value: iso });
        expect(parseDate(day)).toEqual({ kind: 'ok', value: iso });
      }),
    );
  });
});

describe('parsers never throw', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom(...'0123456789.,- /%đtỷriệungàykx:'.split('')) }),
  );

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const parse of parsers) expect(() => parse(s)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary numbers; NaN and ±Infinity are bad', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        for (const parse of parsers) {
          const result = parse(n) as { kind: string };
          if (!Number.isFinite(n)) expect(result.kind).toBe('bad');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary dates, including invalid ones', () => {
    fc.assert(
      fc.property(fc.date(), (d) => {
        for (const parse of parsers) expect(() => parse(d)).not.toThrow();
      }),
    );
  });

  it.each([NaN, Infinity, -Infinity])('%p is bad for every parser', (n) => {
    for (const parse of parsers) expect((parse(n) as { kind: string }).kind).toBe('bad');
  });
});
