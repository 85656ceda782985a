/** jsdom gaps Fluent UI v9 needs, and the matchers. Imported first by every component test. */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Role queries check visibility with getComputedStyle on every ancestor, which is slow in jsdom
// with Fluent's hundreds of CSS rules; the pane hides nothing that these tests query by role.
configure({ defaultHidden: true });

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  // Fluent's positioning (popovers, dropdown listboxes) asks for these.
  window.HTMLElement.prototype.scrollIntoView ??= function () {};
  // axe-core measures icon fonts on a canvas, which jsdom has not: "no canvas" is its fallback.
  window.HTMLCanvasElement.prototype.getContext = (() => null) as typeof window.HTMLCanvasElement.prototype.getContext;
}
// exceljs (fake loader) and structuredClone-less paths want these in jsdom.
if (typeof g.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('node:util');
  g.TextEncoder = util.TextEncoder;
  g.TextDecoder = util.TextDecoder;
}
if (typeof g.setImmediate === 'undefined') g.setImmediate = (fn: () => void) => setTimeout(fn, 0);

// The session updates the pane from async work (Excel batches, timers) outside React's act();
// Testing Library's waitFor/findBy handle that. Only that warning is silenced.
const originalError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  originalError(...args);
};
