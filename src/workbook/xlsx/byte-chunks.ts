/**
 * Output bytes collected in fixed-size buffers, for a part generated piece by piece. Writing
 * the pieces straight into a Buffer is several times faster than concatenating them into strings
 * first: Vietnamese text makes two-byte strings, and a few hundred megabytes of those strings
 * (built, flattened, encoded, collected) cost more than generating the XML itself.
 */
const SIZE = 1 << 20;

/** Buffer's native writers: `buf.write(s, at, enc)` spends as long parsing its arguments as copying. */
interface NativeWrites {
  latin1Write?(s: string, at: number): number;
  utf8Write?(s: string, at: number): number;
}
const native = Buffer.prototype as unknown as NativeWrites;
const latin1 = typeof native.latin1Write === 'function' ? (b: Buffer, s: string, at: number) => (b as unknown as Required<NativeWrites>).latin1Write(s, at) : (b: Buffer, s: string, at: number) => b.write(s, at, 'latin1');
const utf8 = typeof native.utf8Write === 'function' ? (b: Buffer, s: string, at: number) => (b as unknown as Required<NativeWrites>).utf8Write(s, at) : (b: Buffer, s: string, at: number) => b.write(s, at, 'utf8');

export class ByteChunks {
  private buf = Buffer.allocUnsafe(SIZE);
  private pos = 0;
  private ready: Buffer[] = [];
  /** ASCII pieces joined until text or a kilobyte comes (one native write instead of several). */
  private pendingAscii = '';

  /** A piece known to be ASCII (tags, numbers, references). */
  ascii(s: string): void {
    this.pendingAscii += s;
    if (this.pendingAscii.length >= 1024) this.flushAscii();
  }

  /** Any text, as UTF-8 (at most 3 bytes per UTF-16 unit). */
  utf8(s: string): void {
    if (this.pendingAscii) this.flushAscii();
    if (this.pos + s.length * 3 > this.buf.length) this.next(s.length * 3);
    this.pos += utf8(this.buf, s, this.pos);
  }

  /** Buffers filled so far (taken: the caller owns them). */
  take(): Buffer[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Everything left, the current buffer included. */
  end(): Buffer[] {
    if (this.pendingAscii) this.flushAscii();
    if (this.pos > 0) this.ready.push(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return this.take();
  }

  get pending(): boolean {
    return this.ready.length > 0;
  }

  private flushAscii(): void {
    const s = this.pendingAscii;
    this.pendingAscii = '';
    if (this.pos + s.length > this.buf.length) this.next(s.length);
    this.pos += latin1(this.buf, s, this.pos);
  }

  private next(need: number): void {
    if (this.pos > 0) this.ready.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(SIZE, need));
    this.pos = 0;
  }
}
