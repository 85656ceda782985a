/**
 * A probe for the next step of (a), not part of the add-in: how long the reading part alone takes
 * when the million-row initiatives sheet is read column by column into typed arrays — the same
 * parsers, each distinct text interned once, nothing made per row — with none of the real reader's
 * checks (sections, totals, merges, issues). Timed as (a) times reading: decoding not counted.
 *   node -r tsx/cjs bench/columnar-probe.ts 1000000
 * The sample's columns: STT, title, authors, unit, field, benefit, social, posted, registered on,
 * recognition document, benefit certification.
 */
import { decoding, loadArrays } from './arrays';
import { ensureSample } from './samples';
import { parseDate, parseDocument, parseMoney, parseText, parseYesNo } from '../src/domain/parse/values';
import type { CellValue } from '../src/domain/cells';
import { splitAuthors } from '../src/domain/text';

/** Each distinct text parsed once and numbered; a text repeated from the row above costs no look-up. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();
  private last: string | null = null;
  private lastId = -1;
  constructor(private readonly parse: (s: string) => T) {}

  id(v: string): number {
    if (v === this.last) return this.lastId;
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.push(this.parse(v)) - 1;
      this.ids.set(v, id);
    }
    this.last = v;
    this.lastId = id;
    return id;
  }
}

const EXCEL_EPOCH_DAYS = 25_569; // serial of 1970-01-01
const dayOf = (iso: string) => Date.parse(iso) / 86_400_000;
const UNKNOWN = -1;
/** Two bits per yes/no cell (InitiativeRecord packs 0 unknown, 1 no, 2 yes; here 3 is unreadable). */
const answerCode = (v: CellValue): number => {
  const p = parseYesNo(v);
  return p.kind === 'ok' ? (p.value ? 2 : 1) : p.kind === 'bad' ? 3 : 0;
};

async function main(): Promise<void> {
  const sheets = await loadArrays((await ensureSample(Number(process.argv[2] ?? 1_000_000))).path);
  const sheet = sheets.find((s) => s.name.startsWith('DS'))!;
  const cap = sheet.rowCount;
  const title = new Int32Array(cap), team = new Int32Array(cap), unit = new Int32Array(cap), field = new Int32Array(cap);
  const benefit = new Float64Array(cap), cells = new Uint16Array(cap), registered = new Int32Array(cap), docDay = new Int32Array(cap);
  const titles = new Interner(parseText), units = new Interner(parseText), fields = new Interner(parseText), teams = new Interner(splitAuthors);
  const money = new Interner((s) => { const p = parseMoney(s); return p.kind === 'ok' ? p.value : UNKNOWN; });
  const answers = new Interner(answerCode);
  const dates = new Interner((s) => { const p = parseDate(s); return p.kind === 'ok' ? dayOf(p.value) : UNKNOWN; });
  let n = 0;
  const t0 = performance.now();
  for (let k = 0; k < sheet.chunks.length; k++) {
    const rows = sheet.chunks[k]!.rows as CellValue[][];
    sheet.chunks[k] = { startRow: 0, rows: [] }; // handed over and dropped, as (a) does
    const at: number[] = []; // the chunk's data rows: a numbered STT and a text title
    for (let i = 0; i < rows.length; i++) if (typeof rows[i]![0] === 'number' && typeof rows[i]![1] === 'string') at.push(i);
    const text = (j: number, c: number) => rows[at[j]!]![c];
    for (let j = 0; j < at.length; j++) title[n + j] = titles.id(text(j, 1) as string);
    for (let j = 0; j < at.length; j++) { const v = text(j, 2); team[n + j] = typeof v === 'string' && v !== '' ? teams.id(v) : UNKNOWN; }
    for (let j = 0; j < at.length; j++) unit[n + j] = units.id(String(text(j, 3)));
    for (let j = 0; j < at.length; j++) field[n + j] = fields.id(String(text(j, 4)));
    for (let j = 0; j < at.length; j++) { const v = text(j, 5); benefit[n + j] = typeof v === 'number' ? v : v === '' ? NaN : money.values[money.id(String(v))]!; }
    for (const [c, shift] of [[6, 0], [7, 2]] as const) for (let j = 0; j < at.length; j++) { const v = text(j, c); if (v !== '') cells[n + j]! |= answers.values[answers.id(String(v))]! << shift; }
    for (let j = 0; j < at.length; j++) { const v = text(j, 8); registered[n + j] = typeof v === 'number' ? Math.floor(v) - EXCEL_EPOCH_DAYS : v === '' ? UNKNOWN : dates.values[dates.id(String(v))]!; }
    for (const [c, shift] of [[9, 4], [10, 8]] as const) {
      for (let j = 0; j < at.length; j++) {
        const v = text(j, c);
        if (v === '') continue;
        const p = parseDocument(v); // document numbers rarely repeat: parsed each time, as the reader does
        if (p.kind === 'ok') {
          cells[n + j]! |= (p.value.present ? 2 : 1) << shift;
          if (p.value.date) docDay[n + j] = dayOf(p.value.date);
        }
      }
    }
    n += at.length;
  }
  const ms = performance.now() - t0 - decoding.ms;
  console.log(JSON.stringify({ rows: n, ms: Math.round(ms), decodeMs: Math.round(decoding.ms), distinct: { titles: titles.values.length, teams: teams.values.length, units: units.values.length }, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
