/**
 * Numbers straight from the bytes of an XML value, exactly as `parseFloat` / `parseInt(…, 10)`
 * would read the same text, without making a string for the common short forms.
 */
import { latin1 } from './buffer-text';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `parseFloat` of the ASCII bytes [start, end). Plain decimals ("-12", "0.25") with at most 15
 * digits are computed directly: the digits form an exact integer below 2^53 and 10^k (k ≤ 22) is
 * exact, so one correctly rounded division gives the same double as parseFloat. Anything else
 * (exponents, 16–17 digit doubles, spaces, junk) goes to parseFloat itself.
 */
export function parseFloatBytes(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = buf[i];
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
    } else if (b === 0x2e && fraction < 0) {
      fraction = i;
    } else break;
  }
  const decimals = fraction < 0 ? 0 : end - fraction - 1;
  if (i !== end || digits === 0 || digits > 15 || fraction === end - 1 || fraction === (negative ? start + 1 : start)) {
    return parseFloat(latin1(buf, start, end));
  }
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals];
  return negative ? -value : value;
}

/** `parseInt(text, 10)` of the ASCII bytes [start, end); plain digit runs are read directly. */
export function parseIntBytes(buf: Buffer, start: number, end: number): number {
  if (end - start > 0 && end - start <= 9) {
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const b = buf[i];
      if (b < 0x30 || b > 0x39) break;
      n = n * 10 + (b - 0x30);
    }
    if (i === end) return n;
  }
  return parseInt(latin1(buf, start, end), 10);
}
