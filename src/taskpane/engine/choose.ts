/**
 * Which engine the pane uses: a Web Worker where the browser has them (the pane never freezes and
 * holds no copy of the rows), else the pane's own thread (jsdom in tests, or on request).
 */
import { createLocalEngine } from './local';
import type { Engine } from './types';
import { createWorkerEngine } from './worker-engine';

export type EngineKind = 'auto' | 'worker' | 'local';

export function chooseEngine(kind: EngineKind = 'auto'): Engine {
  if (kind === 'local' || (kind === 'auto' && typeof Worker === 'undefined')) return createLocalEngine();
  try {
    return createWorkerEngine();
  } catch (e) {
    if (kind === 'worker') throw e;
    return createLocalEngine(); // a host that refuses to start the worker (policy, sandbox)
  }
}
