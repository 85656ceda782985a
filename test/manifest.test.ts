/**
 * manifest.xml: schema-valid (offline, with xmllint and ../shared/schemas/manifest/), as written and
 * after the production transform; least privilege; ExcelApi 1.12; https everywhere in production.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

const { transformManifest, DEV_URL } = require('../webpack/manifest-transform') as {
  transformManifest(xml: string, addinUrl?: string): string;
  DEV_URL: string;
};

const ROOT = resolve(__dirname, '..');
const SCHEMA_DIR = resolve(ROOT, '../shared/schemas/manifest');
const SCHEMA = join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
const PROD = 'https://addin.example.org/binh-xet';
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const production = transformManifest(manifest, PROD);

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const schemaReady = existsSync(SCHEMA) && hasXmllint();
if (!schemaReady) {
  console.log(
    `manifest schema validation SKIPPED: ${existsSync(SCHEMA) ? 'xmllint is not installed (apt-get install -y libxml2-utils)' : `no schema folder at ${SCHEMA_DIR}`}`,
  );
}
const withSchema = schemaReady ? test : test.skip;

function xmllint(xml: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], { input: xml, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]!);

describe('manifest.xml', () => {
  withSchema('validates against the Office add-in manifest schema', () => {
    const r = xmllint(manifest);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  withSchema('the production-transformed manifest validates too', () => {
    const r = xmllint(production);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  test('asks for ReadWriteDocument only', () => {
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
  });

  test('Excel workbook host, ExcelApi 1.12, Vietnamese default with English overrides', () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifest).toMatch(/<Sets DefaultMinVersion="1\.12">\s*<Set Name="ExcelApi" MinVersion="1\.12"\s*\/>\s*<\/Sets>/);
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Bình xét">\s*<Override Locale="en-US"/);
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
    expect(manifest).not.toMatch(/<AppDomains>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\s*\/>/);
  });

  test('every resid is defined and every icon exists as a PNG of its size', () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of manifest.matchAll(/resid="([^"]+)"/g)) expect(defined).toContain(m[1]);
    for (const m of manifest.matchAll(/https:\/\/localhost:3000\/assets\/icon-(\d+)\.png/g)) {
      const png = readFileSync(join(ROOT, 'assets', `icon-${m[1]}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(m[1]));
      expect(png.readUInt32BE(20)).toBe(Number(m[1]));
    }
  });

  test('the production transform puts the https production address everywhere', () => {
    expect(production).not.toContain('localhost');
    const all = urls(production);
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) expect(u.startsWith(`${PROD}/`)).toBe(true);
    expect(production).toContain(`<SourceLocation DefaultValue="${PROD}/taskpane.html"/>`);
    expect(transformManifest(manifest, `${PROD}/`)).toBe(production);
    expect(transformManifest(manifest, DEV_URL)).toBe(manifest);
    expect(() => transformManifest(manifest, 'http://addin.example.org')).toThrow(/https/);
    expect(() => transformManifest(manifest, 'https://a.org/?x=1&y=2')).toThrow();
  });
});
