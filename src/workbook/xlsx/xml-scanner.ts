/**
 * A small streaming XML tokenizer over raw UTF-8 bytes, for the large parts of an .xlsx (sheets,
 * shared strings). Subclasses get tags and, only while they ask for it, text; names and attribute
 * values are located by byte offsets, so no string is made for what nobody reads.
 *
 * Chunks can end anywhere: an incomplete tag (or wanted text with no '<' after it yet) is kept and
 * joined to the next chunk. Text is only decoded once whole, so a UTF-8 character is never split.
 * Only what the spreadsheet parts need: no DTD entities, no namespace resolution (local names).
 */

import * as bufferText from './buffer-text';
import { decodeEntities } from './xml-decode';

// Module-local copies: a call through an import is a getter call first in the transpiled
// CommonJS, which showed in profiles at one call per cell.
const utf8 = bufferText.utf8;
const latin1 = bufferText.latin1;

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const CR = 0x0d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** Text flags: bytes ≥ 0x80 (decode as UTF-8), '&' or CR present (entities, line ends), CDATA (no entities). */
const NON_ASCII = 1;
const NEEDS_DECODE = 2;
const RAW = 4;

const COMMENT_END = Buffer.from('-->');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');
const CDATA_START = Buffer.from('<![CDATA[');

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/** Whether bytes [start, end) spell `ascii` (a name given as a string of ASCII letters). */
export function bytesEqual(buf: Buffer, start: number, end: number, ascii: string): boolean {
  if (end - start !== ascii.length) return false;
  for (let k = 0; k < ascii.length; k++) if (buf[start + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

export abstract class XmlScanner {
  /** Set by the subclass while it wants the text between tags (then text is delivered whole). */
  protected collecting = false;
  /** The attribute found by `nextAttribute`: offsets into the buffer, the value without its quotes. */
  protected attrName = 0;
  protected attrNameEnd = 0;
  protected attrValue = 0;
  protected attrValueEnd = 0;
  private pending: Buffer | null = null;
  private depth = 0;
  /** A hash of each open element's name, to catch a close tag that does not match (damaged data). */
  private open = new Int32Array(32);

  /**
   * An opening (or self-closing) tag. `name`..`nameEnd` is the qualified name, `local` where its
   * local part starts; attributes lie between `nameEnd` and `attrsEnd`.
   */
  protected abstract openTag(buf: Buffer, name: number, local: number, nameEnd: number, attrsEnd: number): void;
  /** A closing tag (also sent right after a self-closing one). */
  protected abstract closeTag(buf: Buffer, local: number, nameEnd: number): void;
  /**
   * Text (or CDATA) while `collecting`; `flags` say how to decode it (see `decodeText`), `hash`
   * is a hash of its bytes, made on the way (0 for CDATA).
   */
  protected text(_buf: Buffer, _start: number, _end: number, _flags: number, _hash: number): void {}
  /** Called after each chunk: nothing handed over may point into a chunk after this. */
  protected chunkDone(): void {}

  /**
   * Finds the next attribute of a tag between `from` and `end` (end = the tag's closing '>' or
   * '/'), sets `attrName`…`attrValueEnd` and returns the offset after it; -1 when none is left.
   */
  protected nextAttribute(buf: Buffer, from: number, end: number): number {
    let i = from;
    while (i < end && isSpace(buf[i])) i++;
    if (i >= end) return -1;
    this.attrName = i;
    while (i < end && buf[i] !== EQUALS && !isSpace(buf[i])) i++;
    this.attrNameEnd = i;
    while (i < end && buf[i] !== EQUALS) i++;
    i++;
    while (i < end && isSpace(buf[i])) i++;
    const quote = buf[i];
    if (i >= end || (quote !== QUOTE && quote !== APOS)) throw new XmlFormatError('attribute without a quoted value');
    const start = ++i;
    while (i < end && buf[i] !== quote) i++;
    if (i >= end) throw new XmlFormatError('unterminated attribute value');
    this.attrValue = start;
    this.attrValueEnd = i;
    return i + 1;
  }

  /** Finds the attribute whose name is this one ASCII letter (r, s, t…), its value in `attrValue`…; false if absent. */
  protected letterAttribute(buf: Buffer, from: number, end: number, letter: number): boolean {
    for (let p = from; (p = this.nextAttribute(buf, p, end)) >= 0; ) {
      if (this.attrNameEnd - this.attrName === 1 && buf[this.attrName] === letter) return true;
    }
    return false;
  }

  write(chunk: Buffer): void {
    let from = 0;
    if (this.pending !== null) {
      // Finish the token cut by the last chunk boundary with as little of this chunk as it needs
      // (copying whole chunks into a joined buffer would copy the entire part once more).
      const pending = this.pending;
      this.pending = null;
      for (let take = Math.min(chunk.length, 4096); ; take = Math.min(chunk.length, take * 8)) {
        const head = Buffer.concat([pending, chunk.subarray(0, take)]);
        const stop = this.scan(head, 0);
        if (take === chunk.length) {
          if (stop < head.length) this.pending = Buffer.from(head.subarray(stop));
          this.chunkDone();
          return;
        }
        if (stop >= pending.length) {
          from = stop - pending.length;
          break;
        }
        // Still inside the cut token (nothing consumed yet): take more of the chunk.
      }
    }
    const stop = this.scan(chunk, from);
    // Copied: a kept tail must not pin the whole chunk.
    if (stop < chunk.length) this.pending = Buffer.from(chunk.subarray(stop));
    this.chunkDone();
  }

  /**
   * The end of the part. Like the SAX reader before it, an unfinished tail (a file cut short
   * inside the XML but not inside the zip data) is ignored rather than an error.
   */
  end(): void {
    this.pending = null;
  }

  /** Consumes complete tokens from `buf` at `from`; returns where the first incomplete one starts. */
  private scan(buf: Buffer, from: number): number {
    const n = buf.length;
    let i = from;
    while (i < n) {
      if (buf[i] !== LT) {
        let j = i;
        if (this.collecting) {
          let high = 0; // OR of all bytes: ≥ 0x80 somewhere means UTF-8 beyond ASCII
          let decode = 0;
          let hash = 0;
          for (; j < n; j++) {
            const b = buf[j];
            if (b === LT) break;
            high |= b;
            hash = (Math.imul(hash, 31) + b) | 0;
            if (b <= AMP && (b === AMP || b === CR)) decode = NEEDS_DECODE;
          }
          if (j === n) return i; // the text may go on in the next chunk
          this.text(buf, i, j, (high & 0x80 ? NON_ASCII : 0) | decode, hash);
        } else {
          while (j < n && buf[j] !== LT) j++;
          if (j === n) return n;
        }
        i = j;
      }
      if (i + 1 >= n) return i;
      const next = buf[i + 1];
      if (next === SLASH) {
        // </name>: the name's hash (checked against the open element) and where its local part starts
        let j = i + 2;
        let hash = 0;
        let local = j;
        for (; j < n; j++) {
          const b = buf[j];
          if (b === GT || b <= 0x20) break;
          if (b === COLON) local = j + 1;
          hash = (Math.imul(hash, 31) + b) | 0;
        }
        const nameEnd = j;
        while (j < n && buf[j] !== GT) j++;
        if (j >= n) return i;
        if (this.depth === 0 || this.open[this.depth - 1] !== hash) {
          throw new XmlFormatError(`unexpected closing tag </${buf.toString('utf8', i + 2, nameEnd)}>`);
        }
        this.depth--;
        this.closeTag(buf, local, nameEnd);
        i = j + 1;
      } else if (next === BANG || next === QUESTION) {
        const after = this.special(buf, i);
        if (after < 0) return i;
        i = after;
      } else {
        // <name attributes…> or <name …/>: the '>' is found outside quoted values
        let j = i + 1;
        let hash = 0;
        let local = j;
        for (; j < n; j++) {
          const b = buf[j];
          if (b === GT || b === SLASH || b <= 0x20) break;
          if (b === COLON) local = j + 1;
          hash = (Math.imul(hash, 31) + b) | 0;
        }
        let k = j;
        for (; k < n; k++) {
          const b = buf[k];
          if (b === GT) break;
          if (b === QUOTE || b === APOS) {
            k++;
            while (k < n && buf[k] !== b) k++;
            if (k >= n) return i;
          }
        }
        if (k >= n) return i;
        if (j === i + 1) throw new XmlFormatError('a tag without a name');
        const selfClosing = buf[k - 1] === SLASH;
        this.openTag(buf, i + 1, local, j, selfClosing ? k - 1 : k);
        if (selfClosing) this.closeTag(buf, local, j);
        else this.push(hash);
        i = k + 1;
      }
    }
    return n;
  }

  private push(hash: number): void {
    if (this.depth === this.open.length) {
      const grown = new Int32Array(this.open.length * 2);
      grown.set(this.open);
      this.open = grown;
    }
    this.open[this.depth++] = hash;
  }

  /** Whether text with these flags came from a CDATA section (decoded without entities). */
  protected isCdata(flags: number): boolean {
    return (flags & RAW) !== 0;
  }

  /** Whether text with these flags may hold an '&' (an entity, or "&" itself in CDATA). */
  protected mayHoldAmpersand(flags: number): boolean {
    return (flags & NEEDS_DECODE) !== 0;
  }

  /** Bytes [start, end) of text as a string; `flags` from `text` tell whether decoding work is needed. */
  protected decodeText(buf: Buffer, start: number, end: number, flags: number): string {
    let s = flags & NON_ASCII ? utf8(buf, start, end) : latin1(buf, start, end);
    if (flags & NEEDS_DECODE) {
      if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n'); // XML line-end normalisation
      if (!(flags & RAW)) s = decodeEntities(s);
    }
    return s;
  }

  /** Comments, CDATA, processing instructions, DOCTYPE: returns the offset after it, -1 if incomplete. */
  private special(buf: Buffer, i: number): number {
    const n = buf.length;
    if (buf[i + 1] === QUESTION) {
      const end = buf.indexOf(PI_END, i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (i + 3 >= n) return -1;
    if (buf[i + 2] === 0x2d && buf[i + 3] === 0x2d) {
      const end = buf.indexOf(COMMENT_END, i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf[i + 2] === LBRACKET) {
      if (i + CDATA_START.length > n) return -1;
      if (!buf.subarray(i, i + CDATA_START.length).equals(CDATA_START)) throw new XmlFormatError('bad markup');
      const start = i + CDATA_START.length;
      const end = buf.indexOf(CDATA_END, start);
      if (end < 0) return -1;
      if (this.collecting && end > start) {
        let flags = RAW;
        for (let k = start; k < end; k++) {
          if (buf[k] >= 0x80) flags |= NON_ASCII;
          else if (buf[k] === CR || buf[k] === AMP) flags |= NEEDS_DECODE;
        }
        this.text(buf, start, end, flags, 0);
      }
      return end + 3;
    }
    // <!DOCTYPE …> with an optional [internal subset]
    let level = 0;
    for (let k = i + 2; k < n; k++) {
      const b = buf[k];
      if (b === QUOTE || b === APOS) {
        k = buf.indexOf(b, k + 1);
        if (k < 0) return -1;
      } else if (b === LBRACKET) level++;
      else if (b === RBRACKET) level--;
      else if (b === GT && level <= 0) return k + 1;
    }
    return -1;
  }
}
