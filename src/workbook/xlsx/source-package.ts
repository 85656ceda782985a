/**
 * The package a results workbook is built from: the officer's .xlsx (parts read or copied as
 * stored), or, without one, a minimal empty workbook.
 */
import { Readable } from 'node:stream';
import type { ZipArchive } from './zip';
import type { ZipWriter } from './zip-writer';
import { DEFAULT_STYLES } from './styles-merge';
import { MAIN_NS, REL_NS } from './render';

export interface PackageSource {
  /** Entry names in the order they are stored. */
  names: string[];
  has(name: string): boolean;
  text(name: string): Promise<string>;
  /** Uncompressed bytes. */
  stream(name: string): Promise<AsyncIterable<Buffer>>;
  /** Writes the entry to `zip` as it is stored (compressed bytes untouched). */
  copy(name: string, zip: ZipWriter): Promise<void>;
}

export function zipSource(zip: ZipArchive): PackageSource {
  return {
    names: [...zip.entries.keys()],
    has: (name) => zip.has(name),
    text: (name) => zip.text(name),
    stream: (name) => zip.stream(name),
    copy: async (name, out) => out.copy(zip.entries.get(name)!, await zip.rawStream(name)),
  };
}

const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An empty workbook: no sheets yet, default styles. */
export function blankSource(): PackageSource {
  const parts = new Map<string, string>([
    [
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    ['_rels/.rels', XML_HEAD + `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', XML_HEAD + `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets/></workbook>`],
    ['xl/_rels/workbook.xml.rels', XML_HEAD + `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', DEFAULT_STYLES],
  ]);
  const get = (name: string): string => {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`missing part ${name}`);
    return text;
  };
  return {
    names: [...parts.keys()],
    has: (name) => parts.has(name),
    text: async (name) => get(name),
    stream: async (name) => Readable.from([Buffer.from(get(name))]),
    copy: (name, out) => out.addBuffer(name, get(name)),
  };
}
