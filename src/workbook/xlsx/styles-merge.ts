/**
 * The officer's styles.xml with what the add-in needs appended: fonts, fills, borders, number
 * formats and cell formats of the result sheets, and the differential formats (dxf) of the
 * highlights. Nothing existing is renumbered or rewritten; an entry identical to one already there
 * is reused, so running again on our own output adds nothing. Styles are registered on demand
 * while sheets are written, and the part is serialised last.
 */
import { attributes, childElements, escapeAttr, prefixOf, rootElement, splice, type ElementSpan } from './xml-edit';

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  size?: number;
  color?: string; // ARGB
}

/** Thin lines in these ARGB colours. */
export interface BorderSpec {
  left?: string;
  right?: string;
  top?: string;
  bottom?: string;
}

export interface XfSpec {
  font?: FontSpec;
  fill?: string; // ARGB of a solid fill
  border?: BorderSpec;
  numFmt?: string;
  alignment?: { horizontal?: string; vertical?: string; wrapText?: boolean };
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A style sheet for a package that has none: the defaults Excel expects at index 0 (fills 0 and 1 are reserved). */
export const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  '</styleSheet>';

/** CT_Stylesheet's element order, for sections that must be created. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
/** What a created section starts with, so that index 0 (and fill 1) mean what Excel assumes. */
const SEED: Partial<Record<Section, (p: string) => string[]>> = {
  fonts: (p) => [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
  fills: (p) => [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: (p) => [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
};

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

interface SectionState {
  span: ElementSpan | null;
  items: string[]; // existing + appended entries, as XML
  existing: number;
  index: Map<string, number>; // entry XML → first index
}

export class StyleSheetEditor {
  private readonly xml: string;
  private readonly root: ElementSpan;
  private readonly p: string;
  private readonly sections = new Map<Section, SectionState>();
  private readonly numFmtIds = new Map<string, number>(); // format code → id
  private readonly takenFmtIds = new Map<number, string>();
  private readonly baseFont: { size: string; color: string; rest: string };
  private readonly hasStyleXfs: boolean;
  private readonly xfCache = new Map<string, number>();

  constructor(xml: string | null) {
    this.xml = xml ?? DEFAULT_STYLES;
    this.root = rootElement(this.xml);
    this.p = prefixOf(this.root.name);
    const children = childElements(this.xml, this.root.tagEnd, this.root.innerEnd);
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as Section[]) {
      const span = children.find((c) => c.local === name) ?? null;
      const items = span ? childElements(this.xml, span.tagEnd, span.innerEnd).map((c) => this.xml.slice(c.start, c.end)) : (SEED[name]?.(this.p) ?? []);
      const index = new Map<string, number>();
      items.forEach((x, i) => index.has(x) || index.set(x, i));
      this.sections.set(name, { span, items, existing: span ? items.length : 0, index });
    }
    for (const item of this.sections.get('numFmts')!.items) {
      const a = attributes(item);
      const id = Number(a.numFmtId);
      if (!Number.isInteger(id) || a.formatCode === undefined) continue;
      this.takenFmtIds.set(id, a.formatCode);
      if (!this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
    }
    this.baseFont = this.readBaseFont();
    const styleXfs = children.find((c) => c.local === 'cellStyleXfs');
    this.hasStyleXfs = !!styleXfs && childElements(this.xml, styleXfs.tagEnd, styleXfs.innerEnd).length > 0;
  }

  /** Index in cellXfs of a cell format. */
  xf(spec: XfSpec): number {
    const key = JSON.stringify(spec);
    let id = this.xfCache.get(key);
    if (id === undefined) {
      id = this.add('cellXfs', this.xfXml(spec));
      this.xfCache.set(key, id);
    }
    return id;
  }

  /** Index in dxfs of a solid fill (a highlight's conditional format). */
  dxfFill(argb: string): number {
    const p = this.p;
    return this.add('dxfs', `<${p}dxf><${p}fill><${p}patternFill><${p}bgColor rgb="${escapeAttr(argb)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  /** True when nothing had to be appended (the part can be copied as it was). */
  get unchanged(): boolean {
    return [...this.sections.values()].every((s) => s.span !== null && s.items.length === s.existing);
  }

  toXml(): string {
    const edits: { start: number; end: number; insert: string }[] = [];
    const created: { name: Section; text: string }[] = [];
    for (const [name, s] of this.sections) {
      if (s.items.length === s.existing && s.span) continue;
      if (s.items.length === 0) continue;
      const added = s.items.slice(s.existing).join('');
      if (s.span && !s.span.selfClosing) {
        const tag = this.xml.slice(s.span.start, s.span.tagEnd);
        edits.push({ start: s.span.start, end: s.span.tagEnd, insert: withCount(tag, s.items.length) });
        edits.push({ start: s.span.innerEnd, end: s.span.innerEnd, insert: added });
      } else if (s.span) {
        const tag = this.xml.slice(s.span.start, s.span.tagEnd).replace(/\s*\/>$/, '>');
        edits.push({ start: s.span.start, end: s.span.end, insert: `${withCount(tag, s.items.length)}${added}</${s.span.name}>` });
      } else {
        created.push({ name, text: `<${this.p}${name} count="${s.items.length}">${s.items.join('')}</${this.p}${name}>` });
      }
    }
    if (created.length > 0) {
      const children = childElements(this.xml, this.root.tagEnd, this.root.innerEnd);
      for (const c of created) {
        const rank = ORDER.indexOf(c.name);
        const next = children.find((x) => ORDER.indexOf(x.local) > rank);
        const at = next ? next.start : this.root.innerEnd;
        edits.push({ start: at, end: at, insert: c.text });
      }
    }
    if (this.root.selfClosing) throw new Error('empty style sheet');
    return splice(this.xml, edits);
  }

  private add(section: Section, item: string): number {
    const s = this.sections.get(section)!;
    let id = s.index.get(item);
    if (id === undefined) {
      id = s.items.length;
      s.items.push(item);
      s.index.set(item, id);
    }
    return id;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined || code === 'General') return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined && (this.takenFmtIds.get(builtin) ?? code) === code) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = Math.max(163, ...this.takenFmtIds.keys()) + 1;
      this.takenFmtIds.set(id, code);
      this.numFmtIds.set(code, id);
      this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  /** Size, colour and the rest (name, family, charset, scheme) of font 0, which our fonts build on. */
  private readBaseFont(): { size: string; color: string; rest: string } {
    const first = this.sections.get('fonts')!.items[0] ?? '';
    const p = this.p;
    const parts = first ? childElements(first, first.indexOf('>') + 1) : [];
    const raw = (local: string): string => {
      const c = parts.find((x) => x.local === local);
      return c ? first.slice(c.start, c.end) : '';
    };
    const sz = parts.find((x) => x.local === 'sz');
    const size = sz ? (attributes(first.slice(sz.start, sz.tagEnd)).val ?? '11') : '11';
    return { size, color: raw('color'), rest: (raw('name') || `<${p}name val="Calibri"/>`) + raw('family') + raw('charset') + raw('scheme') };
  }

  private font(spec: FontSpec | undefined): number {
    if (!spec || Object.values(spec).every((v) => v === undefined || v === false)) return 0;
    const p = this.p;
    const flag = (on: boolean | undefined, tag: string): string => (on ? `<${p}${tag}/>` : '');
    const color = spec.color ? `<${p}color rgb="${escapeAttr(spec.color)}"/>` : this.baseFont.color;
    const size = spec.size !== undefined ? String(spec.size) : this.baseFont.size;
    return this.add(
      'fonts',
      `<${p}font>${flag(spec.bold, 'b')}${flag(spec.italic, 'i')}${flag(spec.strike, 'strike')}${flag(spec.underline, 'u')}<${p}sz val="${escapeAttr(size)}"/>${color}${this.baseFont.rest}</${p}font>`,
    );
  }

  private fill(argb: string | undefined): number {
    if (!argb) return 0;
    const p = this.p;
    return this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private border(spec: BorderSpec | undefined): number {
    if (!spec) return 0;
    const p = this.p;
    const side = (name: string, color: string | undefined): string =>
      color ? `<${p}${name} style="thin"><${p}color rgb="${escapeAttr(color)}"/></${p}${name}>` : `<${p}${name}/>`;
    return this.add('borders', `<${p}border>${side('left', spec.left)}${side('right', spec.right)}${side('top', spec.top)}${side('bottom', spec.bottom)}<${p}diagonal/></${p}border>`);
  }

  private xfXml(spec: XfSpec): string {
    const p = this.p;
    const numFmtId = this.numFmt(spec.numFmt);
    const fontId = this.font(spec.font);
    const fillId = this.fill(spec.fill);
    const borderId = this.border(spec.border);
    const a = spec.alignment;
    const alignment = a
      ? `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`
      : '';
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : '') + (fontId ? ' applyFont="1"' : '') + (fillId ? ' applyFill="1"' : '') + (borderId ? ' applyBorder="1"' : '') + (alignment ? ' applyAlignment="1"' : '');
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasStyleXfs ? ' xfId="0"' : ''}${apply}`;
    return alignment ? `${head}>${alignment}</${p}xf>` : `${head}/>`;
  }
}

function withCount(tag: string, count: number): string {
  if (/\scount\s*=/.test(tag)) return tag.replace(/(\scount\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${count}"`);
  return tag.replace(/\s*>$/, ` count="${count}">`);
}
