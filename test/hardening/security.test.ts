/**
 * Nothing leaves the workbook, nothing runs from it: no eval or Function constructor in the source,
 * no network API anywhere in src, the manifest asks only for ReadWriteDocument, and the pages'
 * Content-Security-Policy allows scripts only from the add-in's own origin and Microsoft's
 * office.js host, and connections only to its own origin.
 * (`npm audit --omit=dev --audit-level=high` needs the registry: it is run by hand, not here.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const OFFICE_HOST = 'https://appsforoffice.microsoft.com';

function files(dir: string, test: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, test));
    else if (test(path)) out.push(path);
  }
  return out;
}

const sources = files(SRC, (p) => /\.(ts|tsx|js|jsx|mjs|cjs|html)$/.test(p));

/** Source text without comments, so a sentence about `eval(` in a comment does not count. */
function code(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) return text.replace(/<!--[\s\S]*?-->/g, '');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function hits(pattern: RegExp): string[] {
  const out: string[] = [];
  for (const path of sources) {
    code(path)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) out.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}

describe('source code', () => {
  test('there is source to check', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  test('no eval( and no new Function( / Function( constructor', () => {
    expect(hits(/(^|[^\w$.])eval\s*\(/)).toEqual([]);
    expect(hits(/\bnew\s+Function\s*\(|(^|[^\w$.])Function\s*\(\s*['"`]/)).toEqual([]);
    // setTimeout/setInterval with a string body are eval in disguise
    expect(hits(/\bset(Timeout|Interval)\s*\(\s*['"`]/)).toEqual([]);
  });

  const NETWORK = [
    /(^|[^\w$.])fetch\s*\(|\.fetch\s*\(/,
    /\bXMLHttpRequest\b/,
    /\bWebSocket\b/,
    /\bsendBeacon\b/,
    /\bEventSource\b/,
    /\bimportScripts\s*\(/,
    // Node's network modules in the command-line code
    /from\s+['"](node:)?(http|https|net|tls|dgram|http2)['"]|require\(\s*['"](node:)?(http|https|net|tls|dgram|http2)['"]\s*\)/,
  ];
  const isPreview = (hit: string) => hit.startsWith('src/preview/');

  test('no network API in the add-in, the command or the domain (all of src but the dev-only preview page)', () => {
    for (const re of NETWORK) expect(hits(re).filter((h) => !isPreview(h))).toEqual([]);
  });

  // The dev-only preview page loads its sample workbook from its own dev server: that one call,
  // guarded to the page's own origin, is the only network API in src.
  test('the preview\'s only network call is fetchSample, refused for any other origin', () => {
    const previewHits = NETWORK.flatMap((re) => hits(re).filter(isPreview));
    expect(previewHits.every((h) => h.startsWith('src/preview/load.ts'))).toBe(true);
    const load = readFileSync(join(ROOT, 'src/preview/load.ts'), 'utf8');
    expect((load.match(/fetch\s*\(/g) ?? []).length).toBe(1);
    expect(load).toMatch(/target\.origin !== location\.origin\) throw/);
  });

  test('no HTML built from data: no dangerouslySetInnerHTML, innerHTML/outerHTML other than clearing, document.write', () => {
    expect(hits(/dangerouslySetInnerHTML|\.outerHTML\s*=|document\.write\s*\(|insertAdjacentHTML/)).toEqual([]);
    expect(hits(/\.innerHTML\s*=(?!\s*(''|""|``)\s*;?\s*$)/)).toEqual([]);
  });
});

describe('manifest.xml', () => {
  const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

  test('asks only for ReadWriteDocument', () => {
    const permissions = [...manifest.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(['ReadWriteDocument']);
  });

  test('lists no foreign domain the pages may navigate to', () => {
    const domains = [...manifest.matchAll(/<AppDomain>\s*([^<]*?)\s*<\/AppDomain>/g)].map((m) => m[1]);
    for (const d of domains) expect(d).toMatch(/^https:\/\/localhost(:\d+)?$/);
  });
});

/** CSP directives of a policy string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrictPolicy(policy: string, dev: boolean): void {
  const d = directives(policy);
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'", OFFICE_HOST]);
  expect(d.get('connect-src')).toEqual(dev ? ["'self'", 'ws://localhost:3000', 'wss://localhost:3000'] : ["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-eval|\*|data:\s*;?\s*script/);
  for (const name of ['img-src', 'font-src', 'style-src', 'base-uri', 'form-action']) {
    for (const v of d.get(name) ?? []) expect(["'self'", 'data:', "'unsafe-inline'"]).toContain(v);
  }
}

describe('Content-Security-Policy of the pages', () => {
  // The page templates take the policy from webpack.config.js (one policy for both pages).
  const config = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => { plugins: { userOptions?: { filename?: string; template?: string; csp?: string } }[] };

  test.each(['src/taskpane/taskpane.html', 'src/commands/commands.html'])('%s carries the CSP meta and loads scripts only from the Office host', (page) => {
    const html = readFileSync(join(ROOT, page), 'utf8');
    expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"\s+content="<%= htmlWebpackPlugin\.options\.csp %>"\s*\/?>/);
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) expect(m[1]!.startsWith(`${OFFICE_HOST}/`)).toBe(true);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
  });

  test('production policy: self and the office.js host for scripts, connect-src self only', () => {
    const prod = config({}, { mode: 'production' });
    const pages = prod.plugins.filter((p) => p.userOptions?.template);
    expect(pages.map((p) => p.userOptions!.filename).sort()).toEqual(['commands.html', 'taskpane.html']);
    for (const p of pages) expectStrictPolicy(p.userOptions!.csp!, false);
  });

  test('development policy adds only the dev server’s own websocket', () => {
    const dev = config({}, { mode: 'development' });
    for (const p of dev.plugins.filter((x) => x.userOptions?.template)) expectStrictPolicy(p.userOptions!.csp!, true);
  });

  const built = existsSync(join(DIST, 'taskpane.html')) ? test : test.skip;

  built('the built pages (dist/, from `npm run build`) carry the production policy', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(DIST, page), 'utf8');
      const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
      expect(m).not.toBeNull();
      expectStrictPolicy(m![1]!, false);
    }
  });

  built('the built bundle has no eval( (webpack’s `new Function("return this")` global fallback is the only Function and is allowed)', () => {
    const bundles = files(DIST, (p) => p.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const path of bundles) {
      const js = readFileSync(path, 'utf8');
      expect({ file: relative(ROOT, path), eval: /(^|[^\w$.])eval\s*\(/.test(js) }).toEqual({ file: relative(ROOT, path), eval: false });
      const fns = [...js.matchAll(/new Function\(([^)]*)\)/g)].map((m) => m[1]);
      for (const f of fns) expect(f).toBe('"return this"');
    }
  });
});
