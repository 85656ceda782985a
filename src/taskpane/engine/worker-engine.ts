/** The engine in a Web Worker: webpack bundles worker.ts as its own chunk from this `new URL(…, import.meta.url)`. */
import { type EngineChannel, createRemoteEngine } from './remote';
import type { Engine } from './types';

function spawnWorker(): EngineChannel {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { name: 'binh-xet-engine' });
  return {
    endpoint: worker,
    onFailure: (cb) =>
      worker.addEventListener('error', (e) => {
        e.preventDefault(); // reported to the pane as the failed request's error
        cb(e.message ?? '');
      }),
    close: () => worker.terminate(),
  };
}

export function createWorkerEngine(): Engine {
  return createRemoteEngine(spawnWorker);
}
