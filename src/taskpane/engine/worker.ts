/** The Web Worker's entry (bundled by webpack from `new Worker(new URL('./worker.ts', import.meta.url))`, see worker-engine.ts). */
import type { Endpoint } from './protocol';
import { serveEngine } from './host';

const host = serveEngine(self as unknown as Endpoint);
// What the worker holds, for the browser test (test/e2e) to look at from outside.
(self as unknown as { binhXetEngine: { holding: () => ReturnType<typeof host.holding> } }).binhXetEngine = { holding: () => host.holding() };
