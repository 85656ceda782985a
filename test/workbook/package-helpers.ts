/** Reading .xlsx packages part by part in tests: bytes, stored (compressed) bytes, XML checks. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipArchive, type ZipEntry } from '../../src/workbook/xlsx/zip';

export interface Part {
  entry: ZipEntry;
  bytes: Buffer; // uncompressed
  stored: Buffer; // as stored in the archive
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

export async function readParts(path: string): Promise<Map<string, Part>> {
  const zip = await ZipArchive.open(path);
  const out = new Map<string, Part>();
  for (const [name, entry] of zip.entries) {
    out.set(name, { entry, bytes: await collect(await zip.stream(name)), stored: await collect(await zip.rawStream(name)) });
  }
  return out;
}

/** The workbook's sheet name → part name (via workbook.xml and its relationships). */
export function sheetParts(parts: Map<string, Part>): Map<string, string> {
  const book = parts.get('xl/workbook.xml')!.bytes.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.bytes.toString('utf8');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, 'xl/')]));
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) out.set(decode(m[1]), targets.get(m[2])!);
  return out;
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** xmllint's complaints about one XML text ('' when well-formed, and valid against `schema` when given). */
export function xmllint(dir: string, name: string, xml: Buffer, schema?: string): string {
  const file = join(dir, `lint-${name.replace(/[^\w.-]/g, '_')}`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).trim();
  }
}

export const ORDER_SCHEMA = join(__dirname, 'ooxml-order.xsd');

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** The sheet XML with the add-in's conditional formats (formula TRUE) cut out. */
export function withoutOurFormats(xml: string): string {
  return xml.replace(/<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>TRUE<\/formula><\/cfRule><\/conditionalFormatting>/g, '');
}
