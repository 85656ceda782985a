/** Short texts straight out of a Buffer. */

/**
 * Buffer#utf8Slice / #latin1Slice: what `toString(encoding, start, end)` ends up calling, without
 * its argument handling, which is a third of the cost for the short texts of cells. (Present on
 * Node's Buffer since forever, though undocumented; plain toString if ever missing.)
 */
interface SliceMethods {
  utf8Slice?(start: number, end: number): string;
  latin1Slice?(start: number, end: number): string;
}
const FAST_SLICES = typeof (Buffer.prototype as SliceMethods).utf8Slice === 'function' && typeof (Buffer.prototype as SliceMethods).latin1Slice === 'function';

export function utf8(buf: Buffer, start: number, end: number): string {
  return FAST_SLICES ? (buf as SliceMethods).utf8Slice!(start, end) : buf.toString('utf8', start, end);
}

export function latin1(buf: Buffer, start: number, end: number): string {
  return FAST_SLICES ? (buf as SliceMethods).latin1Slice!(start, end) : buf.toString('latin1', start, end);
}
