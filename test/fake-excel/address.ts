/** A1-style addresses for the fake (0-based rectangles inside, 1-based text outside). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** getRange/getRanges cut addresses at 8,192 characters; the fake refuses longer ones instead. */
export const MAX_ADDRESS_CHARS = 8_192;

export interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export function colLetters(index0: number): string {
  let s = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function formatRect(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  if (r.nr === 1 && r.nc === 1) return a;
  return `${a}:${colLetters(r.c0 + r.nc - 1)}${r.r0 + r.nr}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Corner {
  row?: number;
  col?: number;
}

function parseCorner(s: string): Corner {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`bad address part "${s}"`);
  return { col: m[1] ? colIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

/** One area: "A1", "A1:K20", "3:5" (whole rows), "C:E" (whole columns). */
export function parseArea(area: string): Rect {
  const [p, q = p] = area.split(':');
  const a = parseCorner(p!);
  const b = parseCorner(q);
  const r0 = Math.min(a.row ?? 0, b.row ?? 0);
  const r1 = a.row === undefined && b.row === undefined ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0);
  const c0 = Math.min(a.col ?? 0, b.col ?? 0);
  const c1 = a.col === undefined && b.col === undefined ? MAX_COLS - 1 : Math.max(a.col ?? 0, b.col ?? 0);
  if ((a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) {
    throw new Error(`bad address "${area}"`);
  }
  if (r1 >= MAX_ROWS || c1 >= MAX_COLS) throw new Error(`address out of the grid "${area}"`);
  return { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
}

/** Splits "'My sheet'!A1:B2, C3" into a sheet name (if any) and the areas. */
export function parseAddressList(text: string): { sheet?: string; rects: Rect[] } {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  let sheet: string | undefined;
  const rects = parts.map((raw) => {
    const p = raw.trim();
    const bang = p.lastIndexOf('!');
    if (bang >= 0) {
      let s = p.slice(0, bang);
      if (s.startsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
      sheet = s;
    }
    return parseArea(bang >= 0 ? p.slice(bang + 1) : p);
  });
  return { sheet, rects };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
}

export function cellCount(rects: Rect[]): number {
  return rects.reduce((n, r) => n + r.nr * r.nc, 0);
}
