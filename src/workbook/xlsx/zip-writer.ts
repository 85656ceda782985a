/**
 * Writes a ZIP archive to a file, one entry after the other: entries copied as stored in another
 * archive (compressed bytes untouched), small entries deflated in memory, and large entries
 * deflated as a stream (zlib runs on the thread pool while the caller produces the next chunk).
 * Sizes and CRC go in the local header (patched after a streamed entry), so no data descriptors.
 * ZIP64 records are written where a size, an offset or the entry count needs them.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { WorkbookError } from '../gateway';
import type { ZipEntry } from './zip';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAME = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
/** 1980-01-01 00:00, the earliest DOS date: new entries carry no time of writing, so equal input gives equal bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FLUSH_BYTES = 1 << 20;

export interface ZipWriterOptions {
  /** zlib level for the entries we compress (1 fastest … 9 smallest). */
  level?: number;
  /** 'always' writes ZIP64 records for every entry (tests); 'auto' only where needed. */
  zip64?: 'auto' | 'always';
}

interface Written {
  name: Buffer;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private readonly level: number;
  private readonly always64: boolean;

  private constructor(
    private readonly fh: FileHandle,
    options: ZipWriterOptions,
  ) {
    this.level = options.level ?? 3;
    this.always64 = options.zip64 === 'always';
  }

  static async create(path: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx'), options);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Copies an entry of another archive as it is stored there: same method, CRC and compressed bytes. */
  async copy(entry: ZipEntry, raw: AsyncIterable<Buffer>): Promise<void> {
    if (entry.crc32 === undefined) throw new Error(`no CRC known for ${entry.name}`);
    const flags = (entry.flags ?? 0) & ~DATA_DESCRIPTOR;
    const record = this.begin(entry.name, entry.method, flags, entry.dosTime ?? DOS_TIME, entry.dosDate ?? DOS_DATE, { crc: entry.crc32, size: entry.size, compressedSize: entry.compressedSize });
    let copied = 0;
    for await (const chunk of raw) {
      copied += chunk.length;
      await this.emit(chunk);
    }
    if (copied !== entry.compressedSize) throw new Error(`entry ${entry.name}: ${copied} bytes copied, ${entry.compressedSize} expected`);
    this.written.push(record);
  }

  /** A small entry, deflated in memory. */
  async addBuffer(name: string, data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = deflateRawSync(bytes, { level: this.level });
    const record = this.begin(name, 8, 0, DOS_TIME, DOS_DATE, { crc: crc32(bytes), size: bytes.length, compressedSize: packed.length });
    await this.emit(packed);
    this.written.push(record);
  }

  /** A large entry, deflated as it streams from `source` (strings are UTF-8). */
  async addStream(name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void> {
    const record = this.begin(name, 8, 0, DOS_TIME, DOS_DATE, null);
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    await pipeline(
      Readable.from(source, { objectMode: true }),
      async function* (chunks: AsyncIterable<Buffer | string>) {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (bytes.length === 0) continue;
          crc = crc32(bytes, crc);
          size += bytes.length;
          yield bytes;
        }
      },
      createDeflateRaw({ level: this.level, chunkSize: 256 * 1024, strategy: constants.Z_DEFAULT_STRATEGY }),
      async (packed: AsyncIterable<Buffer>) => {
        for await (const chunk of packed) {
          compressedSize += chunk.length;
          await this.emit(chunk);
        }
      },
    );
    if (!this.always64 && (size >= MAX32 || compressedSize >= MAX32)) {
      throw new WorkbookError(`Phần "${name}" quá lớn (trên 4 GB) / Part "${name}" is too large (over 4 GB)`, 'other');
    }
    Object.assign(record, { crc, size, compressedSize });
    await this.patchLocalHeader(record);
    this.written.push(record);
  }

  /** Central directory and end records; closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const w of this.written) await this.emit(this.centralHeader(w));
    const size = this.offset - start;
    const count = this.written.length;
    const needs64 = this.always64 || count >= MAX16 || start >= MAX32 || size >= MAX32;
    if (needs64) {
      const at = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(EOCD64, 0);
      rec.writeBigUInt64LE(44n, 4); // size of the rest of this record
      rec.writeUInt16LE(45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(size), 40);
      rec.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(EOCD64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(at), 8);
      locator.writeUInt32LE(1, 16);
      await this.emit(rec);
      await this.emit(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(needs64 ? MAX16 : count, 8);
    end.writeUInt16LE(needs64 ? MAX16 : count, 10);
    end.writeUInt32LE(needs64 ? MAX32 : size, 12);
    end.writeUInt32LE(needs64 ? MAX32 : start, 16);
    await this.emit(end);
    await this.flush();
    await this.fh.close();
  }

  /** Gives up: closes the file without finishing it (the caller removes it). */
  async abort(): Promise<void> {
    this.pending = [];
    await this.fh.close().catch(() => undefined);
  }

  private begin(name: string, method: number, flags: number, dosTime: number, dosDate: number, known: { crc: number; size: number; compressedSize: number } | null): Written {
    if (this.names.has(name)) throw new Error(`duplicate zip entry ${name}`);
    this.names.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const record: Written = {
      name: nameBytes,
      flags: nameBytes.length !== name.length ? flags | UTF8_NAME : flags,
      method,
      dosTime,
      dosDate,
      crc: known?.crc ?? 0,
      size: known?.size ?? 0,
      compressedSize: known?.compressedSize ?? 0,
      offset: this.offset,
    };
    this.push(this.localHeader(record, known !== null));
    return record;
  }

  /** Local header; ZIP64 extra with both sizes when they need it (or always, in 'always' mode). */
  private localHeader(w: Written, sizesKnown: boolean): Buffer {
    const zip64 = this.always64 || (sizesKnown && (w.size >= MAX32 || w.compressedSize >= MAX32));
    const extra = zip64 ? 20 : 0;
    const h = Buffer.alloc(30 + w.name.length + extra);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(zip64 ? 45 : 20, 4);
    h.writeUInt16LE(w.flags, 6);
    h.writeUInt16LE(w.method, 8);
    h.writeUInt16LE(w.dosTime, 10);
    h.writeUInt16LE(w.dosDate, 12);
    h.writeUInt32LE(w.crc >>> 0, 14);
    h.writeUInt32LE(zip64 ? MAX32 : w.compressedSize, 18);
    h.writeUInt32LE(zip64 ? MAX32 : w.size, 22);
    h.writeUInt16LE(w.name.length, 26);
    h.writeUInt16LE(extra, 28);
    w.name.copy(h, 30);
    if (zip64) {
      const x = 30 + w.name.length;
      h.writeUInt16LE(0x0001, x);
      h.writeUInt16LE(16, x + 2);
      h.writeBigUInt64LE(BigInt(w.size), x + 4);
      h.writeBigUInt64LE(BigInt(w.compressedSize), x + 12);
    }
    return h;
  }

  /** Rewrites a streamed entry's local header now that its CRC and sizes are known (same length). */
  private async patchLocalHeader(w: Written): Promise<void> {
    await this.flush();
    const h = this.localHeader(w, false);
    await this.fh.write(h, 0, h.length, w.offset);
  }

  private centralHeader(w: Written): Buffer {
    const big = [this.always64 || w.size >= MAX32, this.always64 || w.compressedSize >= MAX32, this.always64 || w.offset >= MAX32];
    const extraFields = [w.size, w.compressedSize, w.offset].filter((_v, i) => big[i]);
    const extra = extraFields.length > 0 ? 4 + 8 * extraFields.length : 0;
    const h = Buffer.alloc(46 + w.name.length + extra);
    h.writeUInt32LE(CENTRAL, 0);
    h.writeUInt16LE(45, 4); // made by: MS-DOS, spec 4.5
    h.writeUInt16LE(extra > 0 ? 45 : 20, 6);
    h.writeUInt16LE(w.flags, 8);
    h.writeUInt16LE(w.method, 10);
    h.writeUInt16LE(w.dosTime, 12);
    h.writeUInt16LE(w.dosDate, 14);
    h.writeUInt32LE(w.crc >>> 0, 16);
    h.writeUInt32LE(big[1] ? MAX32 : w.compressedSize, 20);
    h.writeUInt32LE(big[0] ? MAX32 : w.size, 24);
    h.writeUInt16LE(w.name.length, 28);
    h.writeUInt16LE(extra, 30);
    h.writeUInt32LE(big[2] ? MAX32 : w.offset, 42);
    w.name.copy(h, 46);
    if (extra > 0) {
      let x = 46 + w.name.length;
      h.writeUInt16LE(0x0001, x);
      h.writeUInt16LE(extra - 4, x + 2);
      x += 4;
      for (const v of extraFields) {
        h.writeBigUInt64LE(BigInt(v), x);
        x += 8;
      }
    }
    return h;
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.push(chunk);
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  /** Buffers without writing (flushed by the next `emit` past the flush size). */
  private push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.offset += chunk.length;
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const position = this.offset - this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < data.length) done += (await this.fh.write(data, done, data.length - done, position + done)).bytesWritten;
  }
}
