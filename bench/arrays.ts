/**
 * The sample's sheets as office-js hands them over (`range.values`): rectangular rows of the used
 * range, '' for an empty cell, dates as Excel serial numbers. Read once with the .xlsx gateway and
 * cached under bench/.cache/ as length-prefixed chunks of JSON text, so loading a million rows
 * takes seconds and never holds the whole file twice.
 *
 * Each chunk is decoded the way office-js decodes a response: the body's text through
 * `JSON.parse` (RichApiMessageUtility.buildResponseOnSuccess in office-js's excel-web-16.00.js).
 * Not `v8.deserialize`: in Node its output outlives young collections even with nothing keeping it
 * (249 of 760 MB promoted over a million rows, against 87 of 878 MB — the texts — for JSON.parse),
 * a collector load the add-in does not have.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
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
 * A chunk as the add-in receives it: office-js gets each \`range.values\` response when it asks for
 * it and parses it as it arrives. Cached chunks stay in the cache file until their \`rows\` are
 * asked for, so the pipeline is measured with what it would really hold: not the sheet's other
 * responses. Read \`rows\` once: each access decodes the response afresh.
 */
export interface ArrayChunk {
  startRow: number;
  readonly rows: OfficeValue[][];
}

/** Time spent fetching and decoding chunks (the part of a read that is office-js getting its response). */
export const decoding = { ms: 0 };

/**
 * The decoded rows are not kept here. This object was made when the cache was opened and lives in
 * V8's old generation by the time it is read; rows it held would be kept alive by every young
 * collection after the object itself is dropped, until the next full one, and so promoted — ~540 of
 * 620 MB of responses at a million initiatives. office-js's freshly parsed responses die young.
 */
function encodedChunk(startRow: number, fetch: () => Buffer): ArrayChunk {
  return {
    startRow,
    get rows() {
      const t = performance.now();
      const rows = JSON.parse(fetch().toString('utf8')) as OfficeValue[][];
      decoding.ms += performance.now() - t;
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
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length);
    writeSync(fd, len);
    writeSync(fd, body);
  };
  put(sheets.map((s) => ({ name: s.name, rowCount: s.rowCount, columnCount: s.columnCount, merges: s.merges, chunks: s.chunks.length })));
  for (const s of sheets) for (const c of s.chunks) put(c.rows);
  closeSync(fd);
  renameSync(tmp, file);
}

function readCache(file: string): SheetArrays[] {
  const fd = openSync(file, 'r'); // left open: chunks are read from it when first asked for
  let at = 0;
  // One buffer for every read (its text is copied out): no external memory churn for V8 to collect.
  let scratch = Buffer.alloc(1 << 20);
  const read = (offset: number, length: number): Buffer => {
    if (scratch.length < length) scratch = Buffer.alloc(Math.max(length, scratch.length * 2));
    readSync(fd, scratch, 0, length, offset);
    return scratch.subarray(0, length);
  };
  /** Where the next entry's body is, and how long. */
  const next = (): [number, number] => {
    const length = read(at, 4).readUInt32LE();
    const entry: [number, number] = [at + 4, length];
    at += 4 + length;
    return entry;
  };
  const heads = JSON.parse(read(...next()).toString('utf8')) as (Omit<SheetArrays, 'chunks'> & { chunks: number })[];
  return heads.map((h) => ({
    ...h,
    // Every chunk but the last holds CHUNK rows (see readFromXlsx).
    chunks: Array.from({ length: h.chunks }, (_, i) => {
      const [offset, length] = next();
      return encodedChunk(1 + i * CHUNK, () => read(offset, length));
    }),
  }));
}

/** The sample's sheets as office-js arrays (cached next to the sample). */
export async function loadArrays(samplePath: string, log: (s: string) => void = () => undefined): Promise<SheetArrays[]> {
  const file = `${samplePath}.arrays.json`;
  if (existsSync(file)) return readCache(file);
  log(`reading ${samplePath} into office-js arrays (once; cached)`);
  writeCache(file, await readFromXlsx(samplePath));
  // From the cache even the first time: chunks decoded when handed over, as on every later run.
  return readCache(file);
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
