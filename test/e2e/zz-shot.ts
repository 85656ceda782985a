import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/test/e2e/server';
(async () => {
  const srv = await serveStatic('/tmp/pv');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  page.on('request', (r) => { if (!r.url().startsWith(srv.url) && !r.url().startsWith('data:')) console.log('EXTERNAL', r.url()); });
  await page.goto(srv.url + '/');
  await page.waitForFunction(() => (window as any).__binhxet?.ready && (window as any).__binhxet.session.getState().status === 'ready', null, { timeout: 60000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/s1.png' });
  const steps = (process.argv[2] ?? '').split(',').filter(Boolean);
  for (const st of steps) {
    await page.getByRole('tab', { name: st }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/s-${st}.png` });
  }
  await browser.close();
  await srv.close();
})();
