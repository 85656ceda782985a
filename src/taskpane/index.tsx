/**
 * Task-pane entry. Waits for Office, checks the host, and only then loads React and the app.
 * This file and what it imports statically (excel/host.ts) are compiled to ES5 and use plain DOM,
 * so that Office 2016/2019 (Internet Explorer web view, where React 19 and Fluent UI cannot run)
 * still shows a readable message instead of a blank pane.
 */
import type { Bilingual } from '../domain/i18n';
import { checkHost, HOST_MESSAGES } from '../workbook/excel/host';

function showPlainMessage(root: HTMLElement, message: Bilingual): void {
  const box = document.createElement('div');
  box.className = 'plain';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'Bình xét';
  const vi = document.createElement('p');
  vi.textContent = message.vi;
  const en = document.createElement('p');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = message.en;
  box.appendChild(title);
  box.appendChild(vi);
  box.appendChild(en);
  root.innerHTML = '';
  root.appendChild(box);
}

function mountApp(root: HTMLElement): Promise<void> {
  // webpackExports keeps tree shaking for these dynamic imports (only what is named is bundled).
  return Promise.all([
    import(/* webpackExports: ["createElement"] */ 'react'),
    import(/* webpackExports: ["createRoot"] */ 'react-dom/client'),
    import(/* webpackExports: ["FluentProvider", "webLightTheme"] */ '@fluentui/react-components'),
    import(/* webpackExports: ["App"] */ './App'),
  ]).then((mods) => {
    const React = mods[0];
    const ReactDOM = mods[1];
    const fluent = mods[2];
    const app = mods[3];
    ReactDOM.createRoot(root).render(React.createElement(fluent.FluentProvider, { theme: fluent.webLightTheme, style: { minHeight: '100%' } }, React.createElement(app.App)));
  });
}

function start(): void {
  const root = document.getElementById('root');
  if (!root) return;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    showPlainMessage(root, HOST_MESSAGES.notExcel);
    return;
  }
  Office.onReady((info) => {
    if (!info || !info.host) {
      showPlainMessage(root, HOST_MESSAGES.notExcel); // opened in a plain browser
      return;
    }
    const host = checkHost();
    if (!host.supported) {
      showPlainMessage(root, host.message || HOST_MESSAGES.tooOld);
      return;
    }
    mountApp(root).catch((e: unknown) => {
      showPlainMessage(root, {
        vi: 'Không tải được Bình xét: ' + String(e),
        en: 'Could not load Bình xét: ' + String(e),
      });
    });
  });
}

start();
