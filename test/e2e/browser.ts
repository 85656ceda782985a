/** Chromium from the system (never downloaded), with every request outside localhost refused and recorded. */
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (looked at ${candidates.join(', ')}). Install Debian's "chromium" package or set CHROMIUM_PATH.`);
  return found;
}

export interface Watched {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests to anything but localhost (all refused). */
  external: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

const isLocal = (url: string) => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
};

export async function launch(viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, timeout: 30_000 });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'vi-VN', serviceWorkers: 'block' });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    if (!isLocal(r.url()) && !external.includes(r.url())) external.push(r.url());
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text().slice(0, 300)}`);
  });
  return { browser, context, page, external, errors };
}
