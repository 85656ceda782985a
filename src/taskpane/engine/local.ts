/**
 * The engine in the pane's own thread (tests, jsdom, hosts without Web Workers): the worker's own
 * host (host.ts) behind a channel that hands messages over by reference instead of posting them,
 * so both run the same code — readings, one workbook at a time, review rows, queries, Cancel. The
 * evaluation yields to the browser between slices so the progress bar moves and Cancel can be
 * pressed.
 */
import { EngineHost } from './host';
import type { Endpoint, Request } from './protocol';
import { type EngineChannel, createRemoteEngine } from './remote';
import type { Engine } from './types';

function loopback(): EngineChannel {
  const pane: Endpoint = { postMessage: (message) => void host.handle(message as Request), onmessage: null };
  // Replies come after the host's first await, when the pane's side is listening.
  const host = new EngineHost((reply) => pane.onmessage?.({ data: reply } as MessageEvent));
  return { endpoint: pane, onFailure: () => undefined, close: () => host.dispose() };
}

export function createLocalEngine(): Engine {
  return createRemoteEngine(loopback);
}
