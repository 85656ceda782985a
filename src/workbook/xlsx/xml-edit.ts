/**
 * Small XML tools for editing package parts as text (the writer's side): escaping for what we
 * write, and a scanner that finds elements by depth without building a tree, so every byte we do
 * not edit stays as it was.
 */

/** A part whose XML is not shaped as expected (no document element, unclosed root …). */
export class XmlShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlShapeError';
  }
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Characters XML 1.0 does not allow, even as references; lone surrogates too. */
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_TEXT_ESCAPE = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const TEXT_ESCAPE = /[&<>\r]|_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ATTR_ESCAPES[c]).replace(INVALID, '\uFFFD');
}

/**
 * Text of a cell (`<t>`), escaped the OOXML way: characters XML cannot carry become `_xHHHH_`, a
 * literal `_xHHHH_` keeps its underscore as `_x005F_`, and CR stays CR (a character reference,
 * not a raw CR that parsers turn into LF).
 */
export function escapeCellText(s: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s.replace(TEXT_ESCAPE, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '\r':
        return '&#13;';
      case '_':
        return '_x005F_';
      default: {
        const code = c.charCodeAt(0);
        return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
      }
    }
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** One element found in a text: positions of its start tag, content and end. */
export interface ElementSpan {
  name: string; // qualified, as written ("x:sheet")
  local: string; // without prefix ("sheet")
  start: number; // index of '<'
  tagEnd: number; // index after the start tag's '>'
  innerEnd: number; // index of the end tag's '<' (= tagEnd for an empty element)
  end: number; // index after the element
  selfClosing: boolean;
}

// Comments, CDATA, processing instructions and declarations, or a tag (attribute values may hold '>').
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![A-Z][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

export const localOf = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/**
 * The child elements of the content starting at `from`, in document order, up to the end tag
 * that closes the enclosing element (or `to`).
 */
export function childElements(xml: string, from: number, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  let open: { name: string; start: number; tagEnd: number } | null = null;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[2] === undefined) continue; // comment, PI, CDATA
    const end = m.index + m[0].length;
    if (m[1] === '/') {
      depth--;
      if (depth < 0) break;
      if (depth === 0 && open) {
        out.push({ name: open.name, local: localOf(open.name), start: open.start, tagEnd: open.tagEnd, innerEnd: m.index, end, selfClosing: false });
        open = null;
      }
    } else if (m[4] === '/') {
      if (depth === 0) out.push({ name: m[2], local: localOf(m[2]), start: m.index, tagEnd: end, innerEnd: end, end, selfClosing: true });
    } else {
      if (depth === 0) open = { name: m[2], start: m.index, tagEnd: end };
      depth++;
    }
  }
  return out;
}

/** The document element. */
export function rootElement(xml: string): ElementSpan {
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined || m[1] === '/') continue;
    const tagEnd = m.index + m[0].length;
    if (m[4] === '/') return { name: m[2], local: localOf(m[2]), start: m.index, tagEnd, innerEnd: tagEnd, end: tagEnd, selfClosing: true };
    const close = xml.lastIndexOf(`</${m[2]}`);
    if (close < tagEnd) throw new XmlShapeError(`no end tag for <${m[2]}>`);
    return { name: m[2], local: localOf(m[2]), start: m.index, tagEnd, innerEnd: close, end: xml.indexOf('>', close) + 1, selfClosing: false };
  }
  throw new XmlShapeError('no document element');
}

/** The prefix of a qualified name with its colon ("x:"), or "". */
export const prefixOf = (qname: string): string => (qname.includes(':') ? qname.slice(0, qname.indexOf(':') + 1) : '');

/** Attributes of a start tag, decoded, keyed by qualified name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const head = tag.replace(/^<[^\s/>]+/, '');
  for (const a of head.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[a[1]] = decodeEntities(a[2] ?? a[3]);
  return out;
}

/** A start tag with one attribute set (replaced in place, or added before the tag's end). */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, (_m, head: string) => `${head}"${escapeAttr(value)}"`);
  const cut = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, cut).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tag.slice(cut)}`;
}

/** The prefix (with colon) that a start tag binds to `uri`, "" for the default namespace, null when unbound. */
export function prefixFor(rootTag: string, uri: string): string | null {
  for (const [name, value] of Object.entries(attributes(rootTag))) {
    if (value !== uri) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}

/** Replaces spans of `text` (non-overlapping, any order) and returns the new text. */
export function splice(text: string, edits: { start: number; end: number; insert: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}
