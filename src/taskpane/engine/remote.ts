/**
 * The engine as the pane sees it: every call becomes a request on a channel (protocol.ts) to the
 * engine's host — in a Web Worker, or in the pane's own thread (local.ts). The pane keeps only
 * what comes back — the workbook's shape, the views, a page of rows, small answers — and an id per
 * outcome, which it releases when done with it.
 */
import type { Result } from '../../domain/engine/verdict';
import type { Lang } from '../../domain/i18n';
import type { OutRow } from '../../domain/sheets/model';
import { type HighlightRequest, WorkbookError } from '../../workbook/gateway';
import { RELEASED_MESSAGE, WORKER_FAILED_MESSAGE } from './messages';
import type { Endpoint, ErrorData, Evaluated, HeldSheets, Query, Reply, Request } from './protocol';
import type {
  Analysis, AnalysisViews, CandidateList, CandidateView, Engine, EvaluateInput, EvaluateProgress, FlagPage, FlagQuery, HeldResultSheets, ResultSheetKind, ReviewEdit, ReviewSink, RowExplanation, WorkbookShape, WorkbookSink,
} from './types';
import { cancelled, throwIfAborted } from './yield';

/** A live channel to an engine host, and how to end it. */
export interface EngineChannel {
  endpoint: Endpoint;
  /** Calls `cb` if the other side dies (a worker's `error` event). */
  onFailure(cb: (detail: string) => void): void;
  close(): void;
}

type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (p: EvaluateProgress) => void;
}

const ignore = () => undefined;

function toError(e: ErrorData): Error {
  return e.code ? new WorkbookError(e.message, e.code) : new Error(e.message);
}

class RemoteEngine implements Engine {
  private channel: EngineChannel | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Connects at once, so that a host that refuses workers fails here (and the caller can fall back). */
  constructor(private readonly connect: () => EngineChannel) {
    this.open();
  }

  beginReading(): WorkbookSink {
    const begin = this.call({ type: 'begin' });
    const reading = begin.id;
    begin.done.catch(ignore); // surfaced by the next call
    return {
      sheet: async (name, merges, override) => {
        await begin.done;
        await this.call({ type: 'sheet', reading, name, merges, override }).done;
      },
      review: async (name) => {
        await begin.done;
        await this.call({ type: 'review', reading, name }).done;
      },
      push: (chunk) => this.call({ type: 'chunk', reading, chunk }).done as Promise<void>,
      finish: (sheets) => this.call({ type: 'finish', reading, sheets }).done as Promise<WorkbookShape>,
      abort: () => this.post({ type: 'abort', reading }),
    };
  }

  readReview(): ReviewSink {
    const begin = this.call({ type: 'beginReview' });
    const reading = begin.id;
    begin.done.catch(ignore); // surfaced by the next call
    return {
      push: async (chunk) => {
        await begin.done;
        await this.call({ type: 'chunk', reading, chunk }).done;
      },
      finish: async () => {
        await begin.done;
        return (await this.call({ type: 'finishReview', reading }).done) as number;
      },
      abort: () => this.post({ type: 'abort', reading }),
    };
  }

  async evaluate(input: EvaluateInput, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis> {
    return (await this.run(input, undefined, signal, onProgress))!;
  }

  async evaluateEdit(input: EvaluateInput, edit: ReviewEdit, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis | null> {
    return this.run(input, edit, signal, onProgress);
  }

  private run(input: EvaluateInput, edit: ReviewEdit | undefined, signal?: AbortSignal, onProgress?: (p: EvaluateProgress) => void): Promise<Analysis | null> {
    throwIfAborted(signal);
    const { id, done } = this.call(edit ? { type: 'evaluate', input, edit } : { type: 'evaluate', input }, onProgress);
    return new Promise<Analysis | null>((resolve, reject) => {
      let settled = false;
      // Cancel answers at once; the worker stops at its next slice, and an outcome that still arrives is released.
      const onAbort = () => {
        if (settled) return;
        settled = true;
        this.post({ type: 'cancel', target: id });
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      done.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          const ev = value as Evaluated | null;
          if (settled) {
            if (ev) this.post({ type: 'release', analysis: ev.analysis });
          } else {
            settled = true;
            resolve(ev && new RemoteAnalysis(this, ev));
          }
        },
        (e: Error) => {
          signal?.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            reject(e);
          }
        },
      );
    });
  }

  /** Terminates the host and everything it holds; a later call starts a new one. */
  dispose(): void {
    const ch = this.channel;
    this.channel = null;
    ch?.close();
    this.rejectAll(cancelled());
  }

  call(body: Body, onProgress?: (p: EvaluateProgress) => void): { id: number; done: Promise<unknown> } {
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject, onProgress }));
    try {
      this.open().endpoint.postMessage({ ...body, id });
    } catch (e) {
      this.pending.delete(id);
      return { id, done: Promise.reject(e) };
    }
    return { id, done };
  }

  /** A request whose answer nobody waits for. */
  post(body: Body): void {
    if (this.channel) this.call(body).done.catch(ignore);
  }

  private open(): EngineChannel {
    if (this.channel) return this.channel;
    const ch = this.connect();
    ch.endpoint.onmessage = (e) => this.receive(e.data as Reply);
    ch.onFailure((detail) => {
      if (this.channel !== ch) return;
      this.channel = null;
      ch.close();
      this.rejectAll(new WorkbookError(detail ? `${WORKER_FAILED_MESSAGE} [${detail}]` : WORKER_FAILED_MESSAGE, 'other'));
    });
    this.channel = ch;
    return ch;
  }

  private receive(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'done') p.resolve(reply.value);
    else p.reject(toError(reply.error));
  }

  private rejectAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}

class RemoteAnalysis implements Analysis {
  readonly id: number;
  readonly views: AnalysisViews;
  readonly workbook: WorkbookShape;
  private released = false;

  constructor(
    private readonly engine: RemoteEngine,
    ev: Evaluated,
  ) {
    this.id = ev.analysis;
    this.views = ev.views;
    this.workbook = ev.workbook;
  }

  explainRow(sheet: string, row: number): Promise<RowExplanation | null> {
    return this.ask({ method: 'explainRow', sheet, row });
  }

  rowsWith(criterion: string, result: Result): Promise<{ sheet: string; rows: number[] }[]> {
    return this.ask({ method: 'rowsWith', criterion, result });
  }

  highlightRequests(criteria: string[]): Promise<HighlightRequest[]> {
    return this.ask({ method: 'highlightRequests', criteria });
  }

  flagPage(query: FlagQuery): Promise<FlagPage> {
    return this.ask({ method: 'flagPage', query });
  }

  candidates(nomination: number, list: CandidateList, offset: number, limit: number): Promise<CandidateView[]> {
    return this.ask({ method: 'candidates', nomination, list, offset, limit });
  }

  async resultSheets(kind: ResultSheetKind, lang: Lang, review: 'analysis' | 'sheet' = 'analysis'): Promise<HeldResultSheets> {
    const { handle, heads } = await this.ask<HeldSheets>({ method: 'resultSheets', kind, lang, review });
    const rows = async (sheet: number, block: number, start: number, end: number): Promise<OutRow[]> => {
      const out: OutRow[] = [];
      while (start + out.length < end) {
        const page = await this.ask<OutRow[]>({ method: 'sheetRows', handle, sheet, block, start: start + out.length, end });
        if (page.length === 0) break;
        for (const row of page) out.push(row);
      }
      return out;
    };
    return {
      sheets: heads.map((head, sheet) => ({ ...head, rows: (block, start, end) => rows(sheet, block, start, end) })),
      release: () => {
        if (!this.released) this.ask({ method: 'releaseSheets', handle }).catch(() => undefined);
      },
    };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.engine.post({ type: 'release', analysis: this.id });
  }

  private async ask<T>(query: Query): Promise<T> {
    if (this.released) throw new WorkbookError(RELEASED_MESSAGE, 'missing');
    return (await this.engine.call({ type: 'query', analysis: this.id, query }).done) as T;
  }
}

export function createRemoteEngine(connect: () => EngineChannel): Engine {
  return new RemoteEngine(connect);
}
