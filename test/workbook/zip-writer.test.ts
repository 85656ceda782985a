/**
 * The zip writer on its own: entries copied as stored (same compressed bytes and CRC), deflated
 * from a buffer or a stream, read back by our reader, by Info-ZIP's `unzip -t` and by Python's
 * zipfile; ZIP64 records when forced; equal input gives equal bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { ZipArchive } from '../../src/workbook/xlsx/zip';
import { ZipWriter } from '../../src/workbook/xlsx/zip-writer';
import { hasCommand, readParts } from './package-helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'binhxet-zipw-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function* bigText(lines: number): Generator<string> {
  for (let i = 0; i < lines; i += 1000) {
    let s = '';
    for (let j = i; j < Math.min(lines, i + 1000); j++) s += `<row r="${j + 1}"><c r="A${j + 1}" t="inlineStr"><is><t>Dòng ${j} — sáng kiến</t></is></c></row>\n`;
    yield s;
  }
}

async function source(): Promise<string> {
  const zip = new JSZip();
  zip.file('stored.txt', 'stored as is', { compression: 'STORE' });
  zip.file('deflated.xml', '<a>' + 'xyz '.repeat(5000) + '</a>', { compression: 'DEFLATE' });
  zip.file('thư mục/tên tiếng Việt.xml', '<b>Đề cử</b>', { compression: 'DEFLATE' });
  zip.file('empty.bin', Buffer.alloc(0));
  const path = join(dir, 'source.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true }));
  return path;
}

async function writeSample(path: string, src: string, zip64: 'auto' | 'always'): Promise<void> {
  const from = await ZipArchive.open(src);
  const w = await ZipWriter.create(path, { zip64 });
  for (const [name, entry] of from.entries) await w.copy(entry, await from.rawStream(name));
  await w.addBuffer('xl/small.xml', '<x>nhỏ</x>');
  await w.addStream('xl/big.xml', bigText(30_000));
  await w.addStream('xl/empty.xml', []);
  await w.close();
}

describe.each(['auto', 'always'] as const)('ZipWriter (zip64 %s)', (zip64) => {
  let src: string;
  let out: string;
  beforeAll(async () => {
    src = await source();
    out = join(dir, `out-${zip64}.zip`);
    await writeSample(out, src, zip64);
  });

  it('copies entries as stored: same method, CRC and compressed bytes', async () => {
    const [a, b] = await Promise.all([readParts(src), readParts(out)]);
    for (const [name, part] of a) {
      const copy = b.get(name)!;
      expect({ name, method: copy.entry.method, crc: copy.entry.crc32, stored: copy.stored.equals(part.stored), bytes: copy.bytes.equals(part.bytes) }).toEqual({
        name,
        method: part.entry.method,
        crc: part.entry.crc32,
        stored: true,
        bytes: true,
      });
    }
  });

  it('deflates new entries from a buffer or a stream, with the right CRC and sizes', async () => {
    const parts = await readParts(out);
    expect(parts.get('xl/small.xml')!.bytes.toString('utf8')).toBe('<x>nhỏ</x>');
    const big = Buffer.from([...bigText(30_000)].join(''), 'utf8');
    const part = parts.get('xl/big.xml')!;
    expect(part.bytes.equals(big)).toBe(true);
    expect(part.entry).toMatchObject({ method: 8, size: big.length, crc32: crc32(big) });
    expect(part.stored.length).toBeLessThan(big.length / 5);
    expect(parts.get('xl/empty.xml')!.bytes.length).toBe(0);
  });

  it('is read by unzip -t and by Python zipfile', async () => {
    const count = (await ZipArchive.open(out)).entries.size;
    expect(count).toBe((await ZipArchive.open(src)).entries.size + 3);
    if (hasCommand('unzip')) expect(execFileSync('unzip', ['-t', out]).toString()).toMatch(/No errors detected/);
    if (hasCommand('python3')) {
      const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(len(z.namelist()))';
      expect(execFileSync('python3', ['-c', script, out]).toString().trim()).toBe(String(count));
    }
  });

  it('writes ZIP64 records only when asked to or needed', () => {
    const bytes = readFileSync(out);
    const hasEocd64 = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06])) >= 0;
    expect(hasEocd64).toBe(zip64 === 'always');
  });
});

test('equal input gives byte-identical archives (no time of writing inside)', async () => {
  const src = await source();
  const a = join(dir, 'same-a.zip');
  const b = join(dir, 'same-b.zip');
  await writeSample(a, src, 'auto');
  await new Promise((r) => setTimeout(r, 1100));
  await writeSample(b, src, 'auto');
  expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
});

test('refuses a duplicate entry name and never overwrites an existing file', async () => {
  const path = join(dir, 'dup.zip');
  const w = await ZipWriter.create(path);
  await w.addBuffer('a.xml', '<a/>');
  await expect(w.addBuffer('a.xml', '<a/>')).rejects.toThrow(/duplicate/);
  await w.close();
  await expect(ZipWriter.create(path)).rejects.toMatchObject({ code: 'EEXIST' });
});
