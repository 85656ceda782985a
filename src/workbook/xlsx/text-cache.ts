/**
 * Recently read cell texts, found again by their bytes. A column of a million rows holds the same
 * few thousand unit names, fields, "x" marks…: comparing the bytes (hashed by the scanner on its
 * way) costs less than decoding the UTF-8 again, and equal texts come out as one string, so
 * whoever keeps the rows keeps each only once. Direct-mapped and fixed in size: a slot holds the
 * last text that hashed to it (about 2 MB in all).
 */
const SLOTS = 1 << 14;
const MAX_BYTES = 128; // longer texts are rarely repeated; they are not cached

export class TextCache {
  private readonly keys = new Uint8Array(SLOTS * MAX_BYTES);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  private slot = -1;

  /** The text last remembered for exactly the bytes [start, end) (`hash`: of those bytes), or undefined. */
  find(buf: Buffer, start: number, end: number, hash: number): string | undefined {
    const length = end - start;
    if (length > MAX_BYTES) {
      this.slot = -1;
      return undefined;
    }
    const slot = (hash ^ (hash >>> 14)) & (SLOTS - 1);
    this.slot = slot;
    if (this.lengths[slot] !== length) return undefined;
    const keys = this.keys;
    for (let i = 0, k = slot * MAX_BYTES; i < length; i++, k++) if (keys[k] !== buf[start + i]) return undefined;
    return this.texts[slot];
  }

  /** Remembers the text of the bytes of the last `find` that found nothing. */
  remember(buf: Buffer, start: number, end: number, text: string): void {
    const slot = this.slot;
    if (slot < 0) return;
    const keys = this.keys;
    for (let i = start, k = slot * MAX_BYTES; i < end; i++, k++) keys[k] = buf[i];
    this.lengths[slot] = end - start;
    this.texts[slot] = text;
  }
}
