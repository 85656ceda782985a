/**
 * The task pane's controller: plain TypeScript, no React, no Office. It owns the flow over a
 * WorkbookGateway (read → evaluate → highlight / select / review / write), exposes one immutable
 * state snapshot per change, and runs one action at a time with progress and cancellation.
 * The engine sits behind `Engine` (engine/types.ts): in a Web Worker in the browser, which then
 * holds the workbook's rows, the review sheet's rows and every outcome; the session keeps only the
 * workbook's shape, views of bounded size and answers, and names reviewers' edits for the engine
 * to apply.
 */
import type { Params } from '../domain/engine/params';
import type { Result } from '../domain/engine/verdict';
import type { SheetRole } from '../domain/detect/fields';
import type { Lang } from '../domain/i18n';
import { PRESETS } from '../domain/rules/presets';
import type { ParamValue } from '../domain/rules/types';
import { validateRuleSet } from '../domain/rules/validate';
import { type SelectionPoint, type SheetInfo, WorkbookError, type WorkbookGateway } from '../workbook/gateway';
import { chooseEngine, type EngineKind } from './engine/choose';
import { stamp } from './engine/review-edits';
import type { Analysis, CandidateView, DecisionInput, DecisionTarget, Engine, FlagView, LoadedWorkbook, ResultSheetKind, ReviewEdit, ReviewSource, RowExplanation, SheetRow } from './engine/types';
import { isCancelled, yieldToUi } from './engine/yield';
import { dataView } from './session/data-view';
import { readInto } from './session/read-workbook';
import { readReviewInto } from './session/review-sheet';
import { SETTINGS_KEY, type StoredSettings, defaultSettings, paramsFor, resolveRules, sanitizeSettings, withOverride } from './session/settings';
import type { Busy, BusyStep, Notice, SessionAction, SessionState } from './session/state';
import { yieldingReads } from './session/yielding-gateway';

export type { SessionState, Notice, Busy, SessionAction } from './session/state';
export type { DecisionInput, DecisionTarget } from './engine/types';

/** Selecting rows in the host and hearing the user's selection; by default the gateway's own (optional) methods. */
export interface SelectionPort {
  selectRows(sheet: string, rows: number[]): Promise<number>;
  onSelectionChanged?(cb: (sel: SelectionPoint) => void): () => void;
}

export interface SessionOptions {
  /** An engine of the caller's (who then disposes of it), or which kind to start (default 'auto': a worker where there are workers). */
  engine?: Engine | EngineKind;
  /** Another way to select rows and hear the selection (default: the gateway's, when it has them). */
  selection?: SelectionPort;
  lang?: Lang;
  now?: () => Date;
}

type Progress = (step: BusyStep, detail?: string | null, done?: number | null, total?: number | null) => void;

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly engine: Engine;
  private readonly ownsEngine: boolean;
  private readonly now: () => Date;
  private controller: AbortController | null = null;
  private readonly selection: SelectionPort | null;
  private stopSelection: (() => void) | null = null;
  private explainSeq = 0;

  constructor(
    private readonly gateway: WorkbookGateway,
    options: SessionOptions = {},
  ) {
    this.ownsEngine = typeof options.engine !== 'object';
    this.engine = typeof options.engine === 'object' ? options.engine : chooseEngine(options.engine);
    this.selection =
      options.selection ??
      (gateway.selectRows ? { selectRows: gateway.selectRows.bind(gateway), onSelectionChanged: gateway.onSelectionChanged?.bind(gateway) } : null);
    this.now = options.now ?? (() => new Date());
    const settings = defaultSettings();
    this.state = {
      status: 'idle', busy: null, error: null, notice: null, lang: options.lang ?? 'vi', settings, rules: resolveRules(settings.rules).rules, rulesErrors: null,
      workbook: null, analysis: null, views: null, data: null, highlighted: [], selection: null, explanation: null,
      written: { nominations: [], summary: null, review: null },
      canSelect: this.selection !== null,
    };
  }

  // ------------------------------------------------------------------ store

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ------------------------------------------------------------------ lifecycle

  /** Reads the workbook, then listens to the user's selection (whatever the read's outcome). */
  async start(): Promise<void> {
    await this.load();
    if (!this.stopSelection && this.selection?.onSelectionChanged) this.stopSelection = this.selection.onSelectionChanged((sel) => void this.explainSelection(sel));
  }

  dispose(): void {
    this.controller?.abort();
    this.stopSelection?.();
    this.stopSelection = null;
    this.listeners.clear();
    if (this.ownsEngine) this.engine.dispose();
  }

  /** Stops the running action (reading, evaluating, writing) at the next chunk. */
  cancel(): void {
    this.controller?.abort();
  }

  dismissError(): void {
    this.set({ error: null });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  // ------------------------------------------------------------------ running actions

  /** Runs one action; refuses (returns false) while another runs. Errors end in `state.error`, never thrown. */
  private async task(action: SessionAction, cancellable: boolean, fn: (signal: AbortSignal, progress: Progress) => Promise<void>): Promise<boolean> {
    if (this.state.busy) return false;
    const controller = new AbortController();
    this.controller = controller;
    const progress: Progress = (step, detail = null, done = null, total = null) => {
      const busy: Busy = { action, step, detail, done, total, cancellable };
      this.set({ busy });
    };
    this.set({ busy: { action, step: 'settings', detail: null, done: null, total: null, cancellable }, error: null, notice: null });
    let ok = false;
    try {
      await fn(controller.signal, progress);
      ok = true;
    } catch (e) {
      if (isCancelled(e) || controller.signal.aborted) this.set({ notice: { type: 'cancelled' } });
      else if (e instanceof WorkbookError) this.set({ error: { action, message: e.message, code: e.code } });
      else this.set({ error: { action, message: e instanceof Error ? e.message : String(e), code: 'unexpected' } });
    } finally {
      if (this.controller === controller) this.controller = null;
      this.set({ busy: null });
    }
    return ok;
  }

  /** Reads the settings and the workbook, evaluates, restores the remembered highlights. */
  load(): Promise<boolean> {
    const first = this.state.workbook === null;
    if (first) this.set({ status: 'loading' });
    return this.task('load', true, async (signal, progress) => {
      try {
        progress('settings');
        let settings: StoredSettings;
        let settingsError: string | null = null;
        try {
          settings = sanitizeSettings(await this.gateway.loadSettings(SETTINGS_KEY));
        } catch (e) {
          settings = defaultSettings();
          settingsError = e instanceof Error ? e.message : String(e);
        }
        const { rules, errors } = resolveRules(settings.rules);
        this.set({ settings, rules, rulesErrors: errors });
        await this.readAndEvaluate(signal, progress);
        this.set({ status: 'ready' });
        if (settingsError) this.set({ notice: { type: 'settingsNotRead', message: settingsError } });
        await this.redrawHighlights(settings.highlighted, progress);
      } catch (e) {
        if (this.state.workbook === null && this.state.status !== 'stale') this.set({ status: first && isCancelled(e) ? 'idle' : 'failed' });
        throw e;
      }
    });
  }

  /**
   * Reads the workbook into the engine (the rows go there chunk by chunk), then evaluates it. The
   * engine lets go of the workbook and outcomes it held as the reading begins (one copy of the data
   * at a time): if this fails or is cancelled, what the pane showed is gone and must be read again.
   */
  private async readAndEvaluate(signal: AbortSignal, progress: Progress): Promise<void> {
    const { settings, analysis: previous } = this.state;
    let begun = false;
    try {
      await readInto(this.engine, yieldingReads(this.gateway), {
        overrides: settings.overrides,
        signal,
        onProgress: (p) => progress('read', p.phase, p.done, p.total),
        onBegin: () => (begun = true),
      });
      await this.evaluateAndShow('reading', signal, progress);
    } catch (e) {
      if (begun && previous && this.state.analysis === previous) this.forgetWorkbook();
      throw e;
    }
  }

  /** The engine no longer holds what the pane shows: the pane says it must be read again. */
  private forgetWorkbook(): void {
    this.state.analysis?.release();
    this.set({ status: 'stale', workbook: null, analysis: null, views: null, data: null, explanation: null });
  }

  /** Evaluates the engine's workbook with these review rows (and a reviewer's edit of them), with the evaluation's phases as progress. */
  private runEngine(review: ReviewSource, signal: AbortSignal, progress: Progress): Promise<Analysis>;
  private runEngine(review: ReviewSource, signal: AbortSignal, progress: Progress, edit: ReviewEdit): Promise<Analysis | null>;
  private runEngine(review: ReviewSource, signal: AbortSignal, progress: Progress, edit?: ReviewEdit): Promise<Analysis | null> {
    progress('evaluate');
    const { rules, settings } = this.state;
    const input = { rules, params: paramsFor(rules, settings.params), review };
    const onProgress = (p: { phase: string; done: number; total: number }) => progress('evaluate', p.phase, p.done, p.total);
    return edit ? this.engine.evaluateEdit(input, edit, signal, onProgress) : this.engine.evaluate(input, signal, onProgress);
  }

  private async evaluateAndShow(review: ReviewSource, signal: AbortSignal, progress: Progress): Promise<void> {
    const analysis = await this.runEngine(review, signal, progress);
    await this.adopt(analysis, () => this.show(analysis));
  }

  /** Runs `use` with a new analysis; if it fails before the pane shows the analysis, the engine may free it. */
  private async adopt(analysis: Analysis, use: () => Promise<void>): Promise<void> {
    try {
      await use();
    } catch (e) {
      if (this.state.analysis !== analysis) analysis.release();
      throw e;
    }
  }

  /**
   * Makes an evaluated workbook the one the pane shows, and releases the analysis shown before.
   * The sheet list is the one given (after writing), the pane's own for the same reading, or the reading's.
   */
  private async show(analysis: Analysis, sheets?: SheetInfo[]): Promise<void> {
    const { rules, settings, selection, workbook: before, analysis: previous } = this.state;
    const sameReading = before !== null && before.reading === analysis.workbook.reading;
    const workbook: LoadedWorkbook = { ...analysis.workbook, sheets: sheets ?? (sameReading ? before.sheets : analysis.workbook.sheets) };
    const views = analysis.views;
    const issues = views.review.byCode.filter((c) => c.category === 'data');
    const data = dataView(workbook, rules, settings.overrides, views.criteria, issues);
    const explanation = selection ? await analysis.explainRow(selection.sheet, selection.row) : null;
    this.set({ status: 'ready', workbook, analysis, views, data, explanation });
    if (previous && previous !== analysis) previous.release();
  }

  /** Evaluates again (rules or parameters changed) and redraws the highlights that are on. */
  private reevaluate(): Promise<boolean> {
    return this.task('evaluate', true, async (signal, progress) => {
      const { analysis } = this.state;
      if (!analysis) return;
      // The same reviewers' decisions as the outcome shown (they stay in the engine).
      await this.evaluateAndShow({ analysis: analysis.id }, signal, progress);
      await this.redrawHighlights(this.state.highlighted, progress);
    });
  }

  /** Re-reads the workbook (the mapping changed) and redraws the highlights that are on. */
  private reread(): Promise<boolean> {
    return this.task('reread', true, async (signal, progress) => {
      await this.readAndEvaluate(signal, progress);
      this.set({ status: 'ready' });
      await this.redrawHighlights(this.state.highlighted, progress);
    });
  }

  /**
   * After a new evaluation: the highlights that are on follow the new verdicts. Failing to redraw
   * them (a protected sheet) is reported as a highlighting error; the evaluation itself stands.
   */
  private async redrawHighlights(ids: string[], progress: Progress): Promise<void> {
    try {
      await this.refreshHighlights(ids, progress);
    } catch (e) {
      if (isCancelled(e)) throw e;
      this.set({ error: { action: 'highlight', message: e instanceof Error ? e.message : String(e), code: e instanceof WorkbookError ? e.code : 'unexpected' } });
    }
  }

  /** Redraws the highlights of `ids` from the current analysis (a criterion left with no row is cleared). */
  private async refreshHighlights(ids: string[], progress: Progress): Promise<void> {
    const { analysis, rules } = this.state;
    const keep = ids.filter((id) => rules.criteria.some((c) => c.id === id));
    if (!analysis || ids.length === 0) {
      this.set({ highlighted: keep });
      return;
    }
    progress('highlight');
    await this.gateway.clearHighlights(ids);
    const requests = await analysis.highlightRequests(keep);
    if (requests.length) await this.gateway.highlight(requests);
    this.set({ highlighted: keep });
    if (keep.length !== ids.length) await this.saveSettings({ ...this.state.settings, highlighted: keep });
  }

  private async saveSettings(settings: StoredSettings): Promise<void> {
    this.set({ settings });
    try {
      await this.gateway.saveSettings(SETTINGS_KEY, settings);
    } catch (e) {
      this.set({ notice: { type: 'settingsNotSaved', message: e instanceof Error ? e.message : String(e) } });
    }
  }

  // ------------------------------------------------------------------ data step

  /** Maps a field of a sheet to a header column (0-based), or to none; the workbook is read again. */
  async setColumn(sheet: string, field: string, column: number | null): Promise<boolean> {
    if (this.state.busy) return false;
    const overrides = withOverride(this.state.settings.overrides, sheet, (o) => ({ ...o, columns: { ...(o.columns ?? {}), [field]: column } }));
    await this.saveSettings({ ...this.state.settings, overrides });
    return this.reread();
  }

  /** Says what a sheet is (or that it is to be ignored); null goes back to automatic detection. */
  async setRole(sheet: string, role: SheetRole | 'ignore' | null): Promise<boolean> {
    if (this.state.busy) return false;
    const overrides = withOverride(this.state.settings.overrides, sheet, (o) => {
      const next = { ...o };
      if (role === null) delete next.role;
      else next.role = role;
      // Column choices belong to a role: a new role starts from the detected mapping.
      delete next.columns;
      return next;
    });
    await this.saveSettings({ ...this.state.settings, overrides });
    return this.reread();
  }

  /** Forgets every correction of a sheet. */
  async resetSheet(sheet: string): Promise<boolean> {
    if (this.state.busy) return false;
    const overrides = this.state.settings.overrides.filter((o) => o.sheet !== sheet);
    await this.saveSettings({ ...this.state.settings, overrides });
    return this.reread();
  }

  /** Reads the workbook again (after the officer edited it). */
  refresh(): Promise<boolean> {
    return this.state.workbook ? this.reread() : this.load();
  }

  // ------------------------------------------------------------------ criteria step

  async choosePreset(id: string): Promise<boolean> {
    const preset = PRESETS[id];
    if (!preset || this.state.busy) return false;
    const params = paramsFor(preset, this.state.settings.params);
    this.set({ rules: preset, rulesErrors: null });
    await this.saveSettings({ ...this.state.settings, rules: { preset: id }, params });
    return this.reevaluate();
  }

  /** Loads a rule set of the officer's own (JSON text); refused with the reasons when it does not validate. */
  async loadCustomRules(json: string): Promise<boolean> {
    if (this.state.busy) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      this.set({ rulesErrors: [{ vi: `Tệp không phải JSON hợp lệ: ${(e as Error).message}`, en: `The file is not valid JSON: ${(e as Error).message}` }] });
      return false;
    }
    const v = validateRuleSet(parsed);
    if (!v.ok) {
      this.set({ rulesErrors: v.errors });
      return false;
    }
    this.set({ rules: v.rules, rulesErrors: null });
    await this.saveSettings({ ...this.state.settings, rules: { custom: parsed }, params: paramsFor(v.rules, this.state.settings.params) });
    return this.reevaluate();
  }

  async setParam(name: string, value: ParamValue): Promise<boolean> {
    if (this.state.busy || !(name in this.state.rules.params)) return false;
    const params: Params = paramsFor(this.state.rules, { ...this.state.settings.params, [name]: value });
    await this.saveSettings({ ...this.state.settings, params });
    return this.reevaluate();
  }

  async resetParams(): Promise<boolean> {
    if (this.state.busy) return false;
    await this.saveSettings({ ...this.state.settings, params: {} });
    return this.reevaluate();
  }

  /** Highlights a criterion's rows in its colour, or removes exactly that highlight. */
  toggleHighlight(id: string, on = !this.state.highlighted.includes(id)): Promise<boolean> {
    return this.task('highlight', false, async (_signal, progress) => {
      const { analysis } = this.state;
      if (!analysis) return;
      progress('highlight');
      if (on) {
        const requests = await analysis.highlightRequests([id]);
        const rows = requests.reduce((n, r) => n + r.rows.length, 0);
        await this.gateway.clearHighlights([id]);
        if (rows > 0) await this.gateway.highlight(requests);
        this.set({ highlighted: [...this.state.highlighted.filter((x) => x !== id), id], notice: rows > 0 ? { type: 'highlighted', criterion: id, rows } : { type: 'nothingToHighlight', criterion: id } });
      } else {
        await this.gateway.clearHighlights([id]);
        this.set({ highlighted: this.state.highlighted.filter((x) => x !== id) });
      }
      await this.saveSettings({ ...this.state.settings, highlighted: this.state.highlighted });
    });
  }

  /** Removes every highlight of the add-in (and only those). */
  clearHighlights(): Promise<boolean> {
    return this.task('clearHighlights', false, async (_signal, progress) => {
      progress('highlight');
      await this.gateway.clearHighlights();
      this.set({ highlighted: [], notice: { type: 'highlightsCleared' } });
      await this.saveSettings({ ...this.state.settings, highlighted: [] });
    });
  }

  /** Selects in Excel the rows of the subjects with this result for a criterion (the sheet with most of them). */
  selectSubjects(criterion: string, result: Result): Promise<boolean> {
    return this.task('select', false, async (_signal, progress) => {
      const { analysis } = this.state;
      if (!analysis) return;
      if (!this.selection) {
        this.set({ notice: { type: 'selectionUnsupported' } });
        return;
      }
      progress('select');
      const bySheet = (await analysis.rowsWith(criterion, result)).sort((a, b) => b.rows.length - a.rows.length);
      const target = bySheet[0];
      if (!target) {
        this.set({ notice: { type: 'nothingToSelect' } });
        return;
      }
      const selected = await this.selection.selectRows(target.sheet, target.rows);
      this.set({ notice: { type: 'selected', sheet: target.sheet, selected, total: target.rows.length, otherSheets: bySheet.slice(1).map((s) => s.sheet) } });
    });
  }

  /** Shows a source row in Excel ("go to row"). */
  goTo(where: SheetRow): Promise<boolean> {
    return this.task('select', false, async (_signal, progress) => {
      if (!this.selection) {
        this.set({ notice: { type: 'selectionUnsupported' } });
        return;
      }
      progress('select');
      await this.selection.selectRows(where.sheet, [where.row]);
      await this.explainSelection(where);
    });
  }

  /** The verdicts about the row the user selected (called by the selection listener). */
  async explainSelection(sel: SelectionPoint): Promise<void> {
    const seq = ++this.explainSeq;
    this.set({ selection: sel });
    let explanation: RowExplanation | null = null;
    try {
      explanation = this.state.analysis ? await this.state.analysis.explainRow(sel.sheet, sel.row) : null;
    } catch {
      // The analysis was replaced meanwhile (the new one explains the selection when it is shown).
    }
    if (seq === this.explainSeq) this.set({ explanation });
  }

  // ------------------------------------------------------------------ review and nominations

  /** Records a reviewer's decision (Loại / Giữ / Chọn) in the review sheet and evaluates again. */
  decide(target: DecisionTarget, input: DecisionInput): Promise<boolean> {
    return this.editReview({ type: 'decide', target, decision: input, lang: this.state.lang, when: stamp(this.now()) }, input.kind);
  }

  /** Takes back the decision on a row of the review list. */
  undoDecision(flag: FlagView): Promise<boolean> {
    return this.editReview({ type: 'undo', flag }, null);
  }

  /** Forces a candidate into an award's quota (a `Chọn` row in the review sheet). */
  pin(candidate: CandidateView, award: string, reviewer: string): Promise<boolean> {
    return this.decide({ type: 'candidate', candidate, award }, { kind: 'pin', award, reviewer, reason: '' });
  }

  unpin(candidate: CandidateView, award: string): Promise<boolean> {
    return this.editReview({ type: 'undoCandidate', key: candidate.key, kind: 'pin', award }, null);
  }

  /** Takes back an exclusion of a candidate from an award. */
  unexclude(candidate: CandidateView, award: string): Promise<boolean> {
    return this.editReview({ type: 'undoCandidate', key: candidate.key, kind: 'exclude', award }, null);
  }

  /**
   * Reads the review sheet again into the engine (it may have been edited by hand), has the engine
   * apply `edit` and evaluate with the new decisions, rewrites the sheet, and only then shows the
   * new state.
   */
  private editReview(edit: ReviewEdit, kind: DecisionInput['kind'] | null): Promise<boolean> {
    return this.task('decide', false, async (signal, progress) => {
      const { analysis: shown } = this.state;
      if (!shown) return;
      progress('review');
      const fresh = await readReviewInto(this.engine, this.gateway, signal);
      const analysis = await this.runEngine(fresh ? 'sheet' : { analysis: shown.id }, signal, progress, edit);
      if (!analysis) {
        this.set({ notice: { type: 'reviewChanged' } });
        return;
      }
      let name = '';
      await this.adopt(analysis, async () => {
        progress('write', null);
        const review = await analysis.resultSheets('review', this.state.lang);
        try {
          name = await this.gateway.writeSheet(review.sheets[0]!);
        } finally {
          review.release();
        }
        await this.show(analysis, await this.gateway.listSheets());
      });
      this.set({ written: { ...this.state.written, review: name }, notice: { type: 'decisionSaved', kind, sheet: name } });
      await this.redrawHighlights(this.state.highlighted, progress);
    });
  }

  // ------------------------------------------------------------------ writing result sheets

  writeNominations(): Promise<boolean> {
    return this.writeResults('nominations', 'writeNominations');
  }

  writeSummary(): Promise<boolean> {
    return this.writeResults('summary', 'writeSummary');
  }

  /** Writes the review sheet with every current flag (reviewers then fill in decisions by hand). */
  writeReview(): Promise<boolean> {
    return this.writeResults('review', 'writeReview');
  }

  private writeResults(kind: ResultSheetKind, action: SessionAction): Promise<boolean> {
    return this.task(action, true, async (signal, progress) => {
      const { analysis, lang } = this.state;
      if (!analysis) return;
      // The review sheet keeps the decisions it has now (reviewers may have edited it by hand).
      const fresh = kind === 'review' && (await readReviewInto(this.engine, this.gateway, signal));
      const { sheets, release } = await analysis.resultSheets(kind, lang, fresh ? 'sheet' : 'analysis');
      const names: string[] = [];
      try {
        for (const [i, sheet] of sheets.entries()) {
          progress('write', sheet.name, i, sheets.length);
          names.push(await this.gateway.writeSheet(sheet, { signal }));
          await yieldToUi(signal);
        }
      } finally {
        release();
      }
      await this.show(analysis, await this.gateway.listSheets());
      this.set({
        written: { ...this.state.written, ...(kind === 'nominations' ? { nominations: names } : kind === 'summary' ? { summary: names[0] ?? null } : { review: names[0] ?? null }) },
        notice: { type: 'written', what: kind, sheets: names },
      });
    });
  }
}

export type { Analysis, CandidateView, FlagView, SheetRow } from './engine/types';
export type { SessionError } from './session/state';
