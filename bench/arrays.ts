/**
 * The sample's sheets as office-js hands them over (`range.values`): rectangular rows of the used
 * range, '' for an empty cell, dates as Excel serial numbers. Read once with the .xlsx gateway and
 * cached under bench/.cache/ as length-prefixed v8-serialised chunks, so loading a million rows
 * takes seconds and never holds the whole file twice.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { CellValue, MergedArea } from '../src/domain/cells';
import { XlsxFileGateway } from '../src/workbook/xlsx';

export type OfficeValue = string | number | boolean;

export interface SheetArrays {
  name: string;
  rowCount: number;
  columnCount: number;
  merges: MergedArea[];
  /** Chunks of consecutive rows from row 1. */
  chunks: ArrayChunk[];
}

/**
 * A chunk as the add-in receives it: office-js gets each `range.values` response as encoded text
 * and parses it when it arrives. Cached chunks stay encoded (off the JavaScript heap) until their
 * `rows` are first asked for, so the pipeline is measured with the input it would really hold.
 */
export interface ArrayChunk {
  startRow: number;
  readonly rows: OfficeValue[][];
}

/** Time spent decoding chunks (the part of a read that is office-js parsing its response). */
export const decoding = { ms: 0 };

function encodedChunk(startRow: number, body: Buffer): ArrayChunk {
  let rows: OfficeValue[][] | null = null;
  return {
    startRow,
    get rows() {
      if (!rows) {
        const t = performance.now();
        rows = (deserialize(body) as { rows: OfficeValue[][] }).rows;
        decoding.ms += performance.now() - t;
      }
      return rows;
    },
  };
}

const CHUNK = 5_000;
const DAY_MS = 86_400_000;

/** Excel serial of a Date read by exceljs (UTC midnight based, 1900 system). */
const serial = (d: Date) => d.getTime() / DAY_MS + 25_569;

function officeValue(v: CellValue | undefined): OfficeValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return serial(v);
  return v;
}

async function readFromXlsx(path: string): Promise<SheetArrays[]> {
  const gw = new XlsxFileGateway(path);
  const out: SheetArrays[] = [];
  for (const info of await gw.listSheets()) {
    if (info.owned) continue;
    const merges = await gw.headerMerges(info.name, 30);
    const chunks: SheetArrays['chunks'] = [];
    const width = info.columnCount;
    let pending: OfficeValue[][] = [];
    let start = 1;
    for await (const chunk of gw.readSheet(info.name, { chunkRows: CHUNK })) {
      for (const r of chunk.rows) {
        const row = new Array<OfficeValue>(width);
        for (let c = 0; c < width; c++) row[c] = officeValue(r[c]);
        pending.push(row);
        if (pending.length === CHUNK) {
          chunks.push({ startRow: start, rows: pending });
          start += pending.length;
          pending = [];
        }
      }
    }
    // office-js returns the used range: trailing rows past the last used row are not there.
    pending = pending.slice(0, Math.max(0, info.rowCount - start + 1));
    if (pending.length) chunks.push({ startRow: start, rows: pending });
    out.push({ name: info.name, rowCount: info.rowCount, columnCount: width, merges, chunks });
  }
  return out;
}

function writeCache(file: string, sheets: SheetArrays[]): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  const put = (value: unknown) => {
    const body = serialize(value);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length);
    writeSync(fd, len);
    writeSync(fd, body);
  };
  put(sheets.map((s) => ({ name: s.name, rowCount: s.rowCount, columnCount: s.columnCount, merges: s.merges, chunks: s.chunks.length })));
  for (const s of sheets) for (const c of s.chunks) put(c);
  closeSync(fd);
  renameSync(tmp, file);
}

function readCache(file: string): SheetArrays[] {
  const fd = openSync(file, 'r');
  let at = 0;
  const next = (): Buffer => {
    const len = Buffer.alloc(4);
    readSync(fd, len, 0, 4, at);
    const body = Buffer.alloc(len.readUInt32LE());
    readSync(fd, body, 0, body.length, at + 4);
    at += 4 + body.length;
    return body;
  };
  const heads = deserialize(next()) as (Omit<SheetArrays, 'chunks'> & { chunks: number })[];
  const out = heads.map((h) => ({
    ...h,
    // Every chunk but the last holds CHUNK rows (see readFromXlsx).
    chunks: Array.from({ length: h.chunks }, (_, i) => encodedChunk(1 + i * CHUNK, next())),
  }));
  closeSync(fd);
  return out;
}

/** The sample's sheets as office-js arrays (cached next to the sample). */
export async function loadArrays(samplePath: string, log: (s: string) => void = () => undefined): Promise<SheetArrays[]> {
  const file = `${samplePath}.arrays.v8`;
  if (existsSync(file)) return readCache(file);
  log(`reading ${samplePath} into office-js arrays (once; cached)`);
  const sheets = await readFromXlsx(samplePath);
  writeCache(file, sheets);
  return sheets;
}

if (require.main === module) {
  (async () => {
    for (const p of process.argv.slice(2)) {
      const t = Date.now();
      const s = await loadArrays(p, console.error);
      console.log(JSON.stringify({ file: p, sheets: s.map((x) => `${x.name}: ${x.rowCount}×${x.columnCount}`), ms: Date.now() - t }));
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
