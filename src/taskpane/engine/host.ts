/**
 * The engine behind a message channel: what runs inside the Web Worker (worker.ts), in the pane's
 * thread without one (local.ts), and in tests over a MessageChannel. It owns the data: the reading
 * being fed, the workbook read and the review rows read with it, the review sheet read again, and
 * the outcomes the pane still queries (until it releases them). One workbook at a time: a new
 * reading drops the one before and its outcomes as it begins, so the old and the new are never
 * held together.
 */
import type { ReviewRow } from '../../domain/sheets/review';
import { WorkbookError } from '../../workbook/gateway';
import { OutcomeQueries } from './evaluation';
import { type HeldWorkbook, Ingest } from './ingest';
import { NOT_READ_MESSAGE, RELEASED_MESSAGE, REVIEW_NOT_READ_MESSAGE } from './messages';
import type { Endpoint, ErrorData, Evaluated, Query, Reply, Request } from './protocol';
import { applyEdit, unchanged } from './review-edits';
import { ReviewCollector } from './review-rows';
import type { ReviewSource } from './types';

export class EngineHost {
  private reading: { id: number; ingest: Ingest } | null = null;
  private reviewReading: { id: number; collector: ReviewCollector } | null = null;
  private held: HeldWorkbook | null = null;
  /** The review sheet as read last by `beginReview` … `finishReview`; taken by the next question that uses it. */
  private sheetReview: ReviewRow[] | null = null;
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
        this.drop();
        this.reading = { id: req.id, ingest: new Ingest(req.id) };
        return null;
      case 'sheet':
        this.ingest(req.reading).sheet(req.name, req.merges, req.override);
        return null;
      case 'review':
        this.ingest(req.reading).reviewSheet();
        return null;
      case 'chunk':
        if (this.reviewReading?.id === req.reading) this.reviewReading.collector.push(req.chunk);
        else this.ingest(req.reading).push(req.chunk);
        return null;
      case 'finish': {
        this.held = this.ingest(req.reading).finish(req.sheets);
        this.reading = null;
        return this.held.shape;
      }
      case 'beginReview':
        this.reviewReading = { id: req.id, collector: new ReviewCollector() };
        return null;
      case 'finishReview': {
        if (this.reviewReading?.id !== req.reading) throw new Error('This reading has ended.');
        this.sheetReview = this.reviewReading.collector.finish();
        this.reviewReading = null;
        return this.sheetReview.length;
      }
      case 'abort':
        if (this.reading?.id === req.reading) this.reading = null;
        if (this.reviewReading?.id === req.reading) this.reviewReading = null;
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

  /** Lets go of everything held: the workbook, its outcomes, evaluations under way, readings. */
  dispose(): void {
    this.drop();
    this.reading = null;
  }

  private drop(): void {
    for (const c of this.running.values()) c.abort();
    this.held = null;
    this.analyses.clear();
    this.sheetReview = null;
    this.reviewReading = null;
  }

  private ingest(reading: number): Ingest {
    if (this.reading?.id !== reading) throw new Error('This reading has ended.');
    return this.reading.ingest;
  }

  private async evaluate(req: Extract<Request, { type: 'evaluate' }>): Promise<Evaluated | null> {
    const held = this.held;
    if (!held) throw new WorkbookError(NOT_READ_MESSAGE, 'missing');
    const before = this.reviewRows(req.input.review, held);
    const review = req.edit ? applyEdit(before, req.edit) : before;
    if (req.edit && unchanged(before, review)) return null;
    const controller = new AbortController();
    this.running.set(req.id, controller);
    try {
      const q = await OutcomeQueries.evaluate(held, review, req.input, controller.signal, (progress) => this.send({ type: 'progress', id: req.id, progress }));
      // A new reading began meanwhile: this outcome is of a workbook no longer held.
      if (this.held !== held) throw new WorkbookError(NOT_READ_MESSAGE, 'missing');
      this.analyses.set(req.id, q);
      return { analysis: req.id, views: q.views, workbook: q.workbook };
    } finally {
      this.running.delete(req.id);
    }
  }

  private reviewRows(source: ReviewSource, held: HeldWorkbook): ReviewRow[] {
    if (source === 'reading') return held.review;
    if (source === 'sheet') return this.takeSheetReview();
    return this.analysis(source.analysis).review;
  }

  private takeSheetReview(): ReviewRow[] {
    const rows = this.sheetReview;
    if (!rows) throw new WorkbookError(REVIEW_NOT_READ_MESSAGE, 'missing');
    this.sheetReview = null;
    return rows;
  }

  private analysis(id: number): OutcomeQueries {
    const a = this.analyses.get(id);
    if (!a) throw new WorkbookError(RELEASED_MESSAGE, 'missing');
    return a;
  }

  private query(id: number, q: Query): unknown {
    const a = this.analysis(id);
    switch (q.method) {
      case 'explainRow': return a.explainRow(q.sheet, q.row);
      case 'rowsWith': return a.rowsWith(q.criterion, q.result);
      case 'highlightRequests': return a.highlightRequests(q.criteria);
      case 'flagPage': return a.flagPage(q.query);
      case 'candidates': return a.candidates(q.nomination, q.list, q.offset, q.limit);
      case 'resultSheets': return a.holdResultSheets(q.kind, q.lang, q.review === 'sheet' ? this.takeSheetReview() : a.review);
      case 'sheetRows': return a.sheetRows(q.handle, q.sheet, q.block, q.start, q.end);
      case 'releaseSheets': return a.releaseSheets(q.handle);
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
