/**
 * The worker's message handler without a browser: host.ts served on one end of an in-process
 * MessageChannel, the pane's remote engine on the other. Every message is structured-cloned by
 * the channel, as between a page and its worker.
 */
import type { EngineHost } from '../../src/taskpane/engine/host';
import { serveEngine } from '../../src/taskpane/engine/host';
import type { Endpoint, Query, Reply, Request } from '../../src/taskpane/engine/protocol';
import { type EngineChannel, createRemoteEngine } from '../../src/taskpane/engine/remote';
import type { Engine } from '../../src/taskpane/engine/types';

export type Sent = { type: Request['type']; id: number; rows?: number; query?: Query };

export interface Wire {
  engine: Engine;
  /** Hosts started so far (a new one after a failure); the last is the live one. */
  hosts: EngineHost[];
  host(): EngineHost;
  /** Requests the pane posted, in order (a chunk's rows are left out: the test must not keep them). */
  sent: Sent[];
  /** Most chunks the engine had been handed and had not yet taken in, at any moment. */
  maxChunksInFlight(): number;
  /** Plays the worker dying (its `error` event). */
  kill(detail: string): void;
  close(): void;
}

/** Both ends in this thread; the port of the pane's side is wrapped to watch the traffic. */
export function wire(): Wire {
  const hosts: EngineHost[] = [];
  const sent: Sent[] = [];
  const ports: MessagePort[] = [];
  const inFlight = new Set<number>();
  let most = 0;
  let failure: ((detail: string) => void) | null = null;
  const connect = (): EngineChannel => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    hosts.push(serveEngine(port2 as unknown as Endpoint));
    const endpoint: Endpoint = {
      postMessage(message) {
        const req = message as Request;
        sent.push(req.type === 'chunk' ? { type: req.type, id: req.id, rows: req.chunk.rows.length } : req.type === 'query' ? { type: req.type, id: req.id, query: req.query } : { type: req.type, id: req.id });
        if (req.type === 'chunk') most = Math.max(most, inFlight.add(req.id).size);
        port1.postMessage(message);
      },
      set onmessage(handler: ((event: MessageEvent) => void) | null) {
        port1.onmessage = handler
          ? (e) => {
              const reply = e.data as Reply;
              if (reply.type !== 'progress') inFlight.delete(reply.id);
              handler(e);
            }
          : null;
      },
      get onmessage(): ((event: MessageEvent) => void) | null {
        return null; // never read: the engine only sets it
      },
    };
    return {
      endpoint,
      onFailure: (cb) => (failure = cb),
      close: () => {
        port1.close();
        port2.close();
      },
    };
  };
  const engine = createRemoteEngine(connect);
  return {
    engine,
    hosts,
    host: () => hosts[hosts.length - 1]!,
    sent,
    maxChunksInFlight: () => most,
    kill: (detail) => failure?.(detail),
    close: () => {
      engine.dispose();
      ports.forEach((p) => p.close());
    },
  };
}

/** A stand-in for the browser's Worker: the engine's host on the far end of a MessageChannel. */
export class ChannelWorker {
  static urls: string[] = [];
  static terminated = 0;
  private readonly ports = new MessageChannel();
  host: EngineHost;

  constructor(url: URL | string) {
    ChannelWorker.urls.push(String(url));
    this.host = serveEngine(this.ports.port2 as unknown as Endpoint);
  }

  postMessage(message: unknown): void {
    this.ports.port1.postMessage(message);
  }

  set onmessage(handler: ((e: MessageEvent) => void) | null) {
    this.ports.port1.onmessage = handler;
  }

  get onmessage(): ((e: MessageEvent) => void) | null {
    return this.ports.port1.onmessage as ((e: MessageEvent) => void) | null;
  }

  addEventListener(): void {}

  terminate(): void {
    ChannelWorker.terminated++;
    this.ports.port1.close();
    this.ports.port2.close();
  }
}

/** Waits for the messages in flight to be answered (a few turns of the event loop). */
export const settle = () => new Promise((r) => setTimeout(r, 20));
