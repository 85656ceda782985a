/**
 * Minimal read-only ZIP access (central directory + one entry at a time), so a sheet of an
 * .xlsx can be streamed without inflating the sheets before it or copying them to temp files.
 * Supports stored and deflated entries and ZIP64 sizes/offsets.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflated
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed bytes, general-purpose flags and DOS time/date, as the central directory has them. */
  crc32?: number;
  flags?: number;
  dosTime?: number;
  dosDate?: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class ZipArchive {
  private constructor(
    readonly path: string,
    readonly fileSize: number,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const entries = await readCentralDirectory(fh, size);
      return new ZipArchive(path, size, entries);
    } finally {
      await fh.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The decompressed bytes of one entry as a stream. */
  async stream(name: string): Promise<Readable> {
    const { entry, raw } = await this.storedBytes(name);
    if (entry.compressedSize === 0 || entry.method === 0) return raw;
    if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method} for ${name}`);
    // Large reads and inflate chunks: with the defaults (64 KB, 16 KB) a 600 MB sheet is 40,000
    // round trips to the thread pool, and inflating it takes 3–4 s instead of under one.
    const inflate = createInflateRaw({ chunkSize: 1 << 18 });
    return pipeline(raw, inflate, () => undefined);
  }

  /** The still-compressed bytes of one entry as stored (for copying an entry verbatim). */
  async rawStream(name: string): Promise<Readable> {
    return (await this.storedBytes(name)).raw;
  }

  /** An entry and its bytes as stored, after checking its local header. */
  private async storedBytes(name: string): Promise<{ entry: ZipEntry; raw: Readable }> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError(`missing entry ${name}`);
    const fh = await open(this.path, 'r');
    let header: Buffer;
    try {
      header = await readAt(fh, entry.localHeaderOffset, 30);
    } finally {
      await fh.close();
    }
    if (header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataStart + entry.compressedSize > this.fileSize) throw new ZipFormatError(`entry ${name} is truncated`);
    if (entry.compressedSize === 0) return { entry, raw: Readable.from([]) };
    return { entry, raw: createReadStream(this.path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1 << 20 }) };
  }

  /** A small entry (workbook.xml, rels, styles) as text. */
  async text(name: string): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of await this.stream(name)) parts.push(chunk as Buffer);
    return Buffer.concat(parts).toString('utf8');
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead < length) throw new ZipFormatError('unexpected end of file');
  return buf;
}

async function readCentralDirectory(fh: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  if (size < 22) throw new ZipFormatError('file too small to be a zip archive');
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record (not a zip, or truncated)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR) throw new ZipFormatError('bad zip64 locator');
    const rec = await readAt(fh, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (rec.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('bad zip64 record');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw new ZipFormatError('central directory lies past the end of file (truncated)');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      crc32: cd.readUInt32LE(p + 16),
      flags: cd.readUInt16LE(p + 8),
      dosTime: cd.readUInt16LE(p + 12),
      dosDate: cd.readUInt16LE(p + 14),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field: 64-bit values for exactly those fields that hold 0xFFFFFFFF, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + len;
  }
}
