/**
 * The engine behind a message channel: what runs inside the Web Worker (worker.ts), and in tests
 * over a MessageChannel. It owns the data: the reading being fed, the workbook read, and the
 * outcomes the pane still queries (until it releases them).
 */
import { WorkbookError } from '../../workbook/gateway';
import { OutcomeQueries } from './evaluation';
import { type HeldWorkbook, Ingest } from './ingest';
import { NOT_READ_MESSAGE, RELEASED_MESSAGE } from './messages';
import type { Endpoint, ErrorData, Evaluated, Query, Reply, Request } from './protocol';

export class EngineHost {
  private reading: { id: number; ingest: Ingest } | null = null;
  private held: HeldWorkbook | null = null;
  private readonly analyses = new Map<number, OutcomeQueries>();
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly send: (reply: Reply) => void) {}

  /** Handles one request; never throws (a failure is the request's reply). */
  async handle(req: Request): Promise<void> {
    try {
      const value = await this.answer(req);
      this.send({ type: 'done', id: req.id, value });
    } catch (e) {
      this.send({ type: 'failed', id: req.id, error: errorData(e) });
    }
  }

  private async answer(req: Request): Promise<unknown> {
    switch (req.type) {
      case 'begin':
        this.reading = { id: req.id, ingest: new Ingest(req.id) }; // an unfinished reading before it is dropped
        return null;
      case 'sheet':
        this.ingest(req.reading).sheet(req.name, req.merges, req.override);
        return null;
      case 'chunk':
        this.ingest(req.reading).push(req.chunk);
        return null;
      case 'finish': {
        this.held = this.ingest(req.reading).finish(req.sheets);
        this.reading = null;
        return this.held.shape;
      }
      case 'abort':
        if (this.reading?.id === req.reading) this.reading = null;
        return null;
      case 'evaluate':
        return this.evaluate(req);
      case 'query':
        return this.query(req.analysis, req.query);
      case 'release':
        this.analyses.delete(req.analysis);
        return null;
      case 'cancel':
        this.running.get(req.target)?.abort();
        return null;
    }
  }

  private ingest(reading: number): Ingest {
    if (this.reading?.id !== reading) throw new Error('This reading has ended.');
    return this.reading.ingest;
  }

  private async evaluate(req: Extract<Request, { type: 'evaluate' }>): Promise<Evaluated> {
    if (!this.held) throw new WorkbookError(NOT_READ_MESSAGE, 'missing');
    const controller = new AbortController();
    this.running.set(req.id, controller);
    try {
      const q = await OutcomeQueries.evaluate(this.held, req.input, controller.signal, (progress) => this.send({ type: 'progress', id: req.id, progress }));
      this.analyses.set(req.id, q);
      return { analysis: req.id, views: q.views, workbook: q.workbook };
    } finally {
      this.running.delete(req.id);
    }
  }

  private query(id: number, q: Query): unknown {
    const a = this.analyses.get(id);
    if (!a) throw new WorkbookError(RELEASED_MESSAGE, 'missing');
    switch (q.method) {
      case 'explainRow': return a.explainRow(q.sheet, q.row);
      case 'rowsWith': return a.rowsWith(q.criterion, q.result);
      case 'highlightRequests': return a.highlightRequests(q.criteria);
      case 'resultSheets': return a.resultSheets(q.kind, q.lang, q.review);
    }
  }

  /** What the host holds (for tests). */
  holding(): { reading: boolean; workbook: boolean; analyses: number } {
    return { reading: this.reading !== null, workbook: this.held !== null, analyses: this.analyses.size };
  }
}

function errorData(e: unknown): ErrorData {
  if (e instanceof WorkbookError) return { message: e.message, code: e.code };
  return { message: e instanceof Error ? e.message : String(e), code: null };
}

/** Serves the engine on an endpoint (the worker's scope, or a MessagePort). */
export function serveEngine(endpoint: Endpoint): EngineHost {
  const host = new EngineHost((reply) => endpoint.postMessage(reply));
  endpoint.onmessage = (event) => void host.handle(event.data as Request);
  return host;
}
