/** Entities in the text of XML parts: the predefined ones and character references. */

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character and predefined entities; anything else (not valid in these parts) stays as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, e: string) => {
    if (e.charCodeAt(0) !== 0x23) return NAMED[e];
    const code = e.charCodeAt(1) === 0x78 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An attribute value as text (values in these parts rarely hold entities, but may). */
export function attributeText(buf: Buffer, start: number, end: number): string {
  const s = buf.toString('utf8', start, end);
  return s.indexOf('&') < 0 ? s : decodeEntities(s);
}

/**
 * exceljs decodes the five named entities a second time in `t="str"` and inline string cells
 * (`utils.xmlDecode` after the XML parser), so "&amp;lt;" in the file reads as "<". Kept, to read
 * exactly as before.
 */
export function xmlDecodeAgain(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}
