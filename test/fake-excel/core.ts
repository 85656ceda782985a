/**
 * The office-js proxy machinery of the fake: a request context with a queue of actions that run
 * only at `sync()`, proxies whose properties must be loaded and synced before they are read
 * (PropertyNotLoaded otherwise), *OrNullObject results with `isNullObject`, and the limits Excel on
 * the web enforces (5 MB per request and per response, 5,000,000 cells per range read). Counts
 * syncs, calls and payload sizes so tests can prove bounds. Browser-safe: no Node APIs.
 */
import type { WorkbookModel } from './model';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export interface FakeLimits {
  /** Bytes of one request and of one response (Excel on the web: 5 MB). */
  payloadBytes: number;
  /** Cells of one range read (values / formulas / numberFormat / text). */
  cellsPerRead: number;
}

export interface FakeStats {
  runs: number;
  syncs: number;
  /** Every proxy method call (load included) and every property set. */
  calls: number;
  loads: number;
  suspendCalls: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** max(maxRequestBytes, maxResponseBytes) */
  largestPayload: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  maxCellsRead: number;
  maxAddressLength: number;
}

export function emptyStats(): FakeStats {
  return {
    runs: 0,
    syncs: 0,
    calls: 0,
    loads: 0,
    suspendCalls: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    largestPayload: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
    maxCellsRead: 0,
    maxAddressLength: 0,
  };
}

/** An error a test wants the next matching sync to fail with (nothing of that sync is applied). */
export interface InjectedError {
  code: string;
  message?: string;
  /** Only syncs for which this returns true fail; default: the next sync. */
  when?: (sync: { requestBytes: number; syncNumber: number }) => boolean;
}

export interface FakeEnv {
  model: WorkbookModel;
  /** Highest ExcelApi set of this host; newer APIs fail at sync with ApiNotFound. */
  apiVersion: string;
  limits: FakeLimits;
  stats: FakeStats;
  injected: InjectedError[];
}

export function versionLE(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/** Throws (at sync, where it is called from) when the host lacks the ExcelApi set `version`. */
export function requireApi(env: FakeEnv, version: string, what: string): void {
  if (!versionLE(version, env.apiVersion)) {
    throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host supports ${env.apiVersion}.`);
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? 'null');
}

/** Fixed cost of one queued action in the request body (object path, ids, names). */
const ACTION_OVERHEAD = 40;

export interface ExecState {
  addResponse(bytes: number): void;
  addCellsRead(cells: number): void;
  onCommit(fn: () => void): void;
}

type Action = (ex: ExecState) => void;

export class FakeContextCore {
  private queue: Action[] = [];
  private requestBytes = 0;
  private created: AnyFake[] = [];
  /** The FakeRequestContext this core belongs to (EventHandlerResult.context). */
  _owner: unknown;

  constructor(readonly env: FakeEnv) {}

  /** Internal: queue an action; `argBytes` counts toward the request payload. */
  _enqueue(action: Action, argBytes = 0, countCall = true): void {
    if (countCall) this.env.stats.calls++;
    this.requestBytes += ACTION_OVERHEAD + argBytes;
    this.queue.push(action);
  }

  _created(p: AnyFake): void {
    this.created.push(p);
  }

  get _hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const { stats, limits } = this.env;
    const queue = this.queue;
    const requestBytes = this.requestBytes;
    const created = this.created;
    this.queue = [];
    this.requestBytes = 0;
    this.created = [];
    stats.syncs++;
    stats.totalRequestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    stats.largestPayload = Math.max(stats.largestPayload, requestBytes);
    await Promise.resolve();

    const inj = this.env.injected[0];
    if (inj && (!inj.when || inj.when({ requestBytes, syncNumber: stats.syncs }))) {
      this.env.injected.shift();
      throw new FakeOfficeError(inj.code, inj.message ?? `Injected ${inj.code}`);
    }
    if (requestBytes > limits.payloadBytes) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} > ${limits.payloadBytes} bytes).`,
      );
    }
    let responseBytes = 0;
    const commits: (() => void)[] = [];
    const ex: ExecState = {
      addResponse: (b) => (responseBytes += b),
      addCellsRead: (n) => (stats.maxCellsRead = Math.max(stats.maxCellsRead, n)),
      onCommit: (fn) => commits.push(fn),
    };
    for (const action of queue) action(ex);
    stats.totalResponseBytes += responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    stats.largestPayload = Math.max(stats.largestPayload, responseBytes);
    if (responseBytes > limits.payloadBytes) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${responseBytes} > ${limits.payloadBytes} bytes).`,
      );
    }
    for (const c of commits) c();
    for (const p of created) p._synced = true;
  }
}

export function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}

export function invalidArgument(what: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${what}.`);
}

export function protectedSheet(sheet: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidOperation',
    `The cell or chart you're trying to change is on a protected sheet (${sheet}). To make a change, unprotect the sheet.`,
  );
}

export interface PropDef<T> {
  get?: (t: T, ex: ExecState) => unknown;
  set?: (t: T, v: unknown) => void;
  /** Cells a read of this property touches (for the 5,000,000-cell limit). */
  cells?: (t: T) => number;
}

/** Parses load() arguments into paths like ["name", "format/fill/color"]. */
export function loadPaths(spec?: string | string[] | { select?: string | string[]; expand?: string | string[] }): string[] | null {
  if (spec === undefined) return null;
  const list = (v: string | string[]): string[] =>
    (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  if (typeof spec === 'string' || Array.isArray(spec)) return list(spec);
  return [...(spec.select ? list(spec.select) : []), ...(spec.expand ? list(spec.expand) : [])];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFake = FakeObject<any>;
export type TargetOf<C> = C extends FakeObject<infer U> ? U : never;

export abstract class FakeObject<T> {
  /** Set by the creating action at sync time; undefined = not yet resolved. */
  _t: T | null | undefined = undefined;
  /** Navigation children compute their target from the parent's, on demand. */
  _lazy?: () => T | null;
  _parent?: AnyFake;
  _synced = false;
  _loaded: Record<string, unknown> = {};
  private _navCache: Record<string, AnyFake> = {};

  constructor(readonly context: FakeContextCore) {}

  /** Scalar properties (loadable; settable when `set` is given). */
  abstract _props(): Record<string, PropDef<T>>;
  /** Navigation properties (child objects, not counted as calls). */
  _navs(): Record<string, () => AnyFake> {
    return {};
  }

  _target(): T | null {
    if (this._lazy) return this._lazy();
    if (this._t === undefined) throw new FakeOfficeError('InvalidObjectPath', 'The object was used before the request that creates it was synced.');
    return this._t;
  }

  /** The target, or an error for a null object (used by writes). */
  _need(): T {
    const t = this._target();
    if (t === null) throw new FakeOfficeError('InvalidObjectPath', 'The object is a null object.');
    this._check(t);
    return t;
  }

  /** Hook: throw when the target is gone (deleted sheet). */
  _check(_t: T): void {}

  get isNullObject(): boolean {
    if (this._lazy) {
      if (this._parent?.isNullObject) return true;
      try {
        return this._lazy() === null; // e.g. customOrNullObject of a non-custom format
      } catch {
        return false;
      }
    }
    if (!this._synced) throw notLoaded('isNullObject');
    return this._t === null;
  }

  _nav<C extends AnyFake>(name: string, make: () => C): C {
    return (this._navCache[name] ??= make()) as C;
  }

  /** A child object resolved lazily from this one's target. */
  _child<C extends AnyFake>(child: C, fn: (t: T) => TargetOf<C> | null): C {
    child._parent = this;
    child._lazy = () => {
      const t = this._target();
      if (t === null) return null;
      this._check(t);
      return fn(t);
    };
    return child;
  }

  /** A method returning an object: resolved by an action queued now (fixed at that point, like office-js). */
  _method<C extends AnyFake>(child: C, args: unknown[], fn: (t: T) => TargetOf<C> | null): C {
    child._parent = this;
    this.context._enqueue(() => {
      const t = this._target();
      if (t !== null) this._check(t);
      child._t = t === null ? null : fn(t);
    }, jsonBytes(args));
    this.context._created(child);
    return child;
  }

  /** A void method. */
  _act(args: unknown[], fn: (t: T) => void): void {
    this.context._enqueue(() => {
      const t = this._target();
      if (t === null) return;
      this._check(t);
      fn(t);
    }, jsonBytes(args));
  }

  _result<V>(args: unknown[], fn: (t: T) => V): FakeClientResult<V> {
    const r = new FakeClientResult<V>();
    this.context._enqueue((ex) => {
      const t = this._target();
      if (t === null) return;
      this._check(t);
      const v = fn(t);
      ex.addResponse(jsonBytes(v));
      ex.onCommit(() => r._set(v));
    }, jsonBytes(args));
    return r;
  }

  load(spec?: string | string[] | { select?: string | string[]; expand?: string | string[] }): this {
    this.context.env.stats.loads++;
    const paths = loadPaths(spec);
    this.context._enqueue((ex) => this._doLoad(paths, ex), jsonBytes(spec ?? ''));
    return this;
  }

  _doLoad(paths: string[] | null, ex: ExecState): void {
    const t = this._target();
    if (t === null) return;
    this._check(t);
    const props = this._props();
    const navs = this._navs();
    const names = paths ?? Object.keys(props).filter((k) => props[k]!.get);
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of names) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0 || (navs[head!] && !props[head!])) {
        if (!navs[head!]) throw invalidArgument(`property path '${path}'`);
        const list = nested.get(head!) ?? [];
        if (rest.length) list.push(rest.join('/'));
        nested.set(head!, list);
        continue;
      }
      const def = props[head!];
      if (!def?.get) throw invalidArgument(`property '${head}'`);
      if (def.cells) {
        const n = def.cells(t);
        ex.addCellsRead(n);
        if (n > this.context.env.limits.cellsPerRead) {
          throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range (${n}) has exceeded the maximum supported number.`);
        }
      }
      const v = def.get(t, ex);
      out[head!] = v;
      ex.addResponse(utf8Length(head!) + 3 + jsonBytes(v));
    }
    for (const [head, rest] of nested) {
      const child = navs[head]!();
      child._doLoad(rest.length ? rest : null, ex);
    }
    ex.onCommit(() => Object.assign(this._loaded, out));
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

/** Installs getters/setters for the class's scalar properties on its prototype. */
export function defineProps(cls: { prototype: FakeObject<any> }, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject<any>) {
        if (name in this._loaded) return this._loaded[name];
        throw notLoaded(name);
      },
      set(this: FakeObject<any>, v: unknown) {
        const def = this._props()[name];
        if (!def?.set) throw new FakeOfficeError('InvalidArgument', `The property '${name}' is read-only.`);
        this.context._enqueue(() => {
          const t = this._target();
          if (t === null) return;
          this._check(t);
          def.set!(t, v);
        }, jsonBytes(v));
      },
    });
  }
}

export abstract class FakeCollection<T, I extends AnyFake> extends FakeObject<T> {
  abstract _items(t: T): I[];

  _props(): Record<string, PropDef<T>> {
    return {};
  }

  get items(): I[] {
    if ('items' in this._loaded) return this._loaded.items as I[];
    throw notLoaded('items');
  }

  override _doLoad(paths: string[] | null, ex: ExecState): void {
    const t = this._target();
    if (t === null) return;
    this._check(t);
    const itemPaths = paths === null ? null : paths.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    const items = this._items(t);
    for (const it of items) {
      it._synced = true;
      it._doLoad(itemPaths && itemPaths.length ? itemPaths : null, ex);
    }
    ex.addResponse(20);
    ex.onCommit(() => (this._loaded.items = items));
  }
}

export class FakeClientResult<V> {
  private _v: V | undefined;
  private _has = false;
  _set(v: V): void {
    this._v = v;
    this._has = true;
  }
  get value(): V {
    if (!this._has) throw notLoaded('value');
    return this._v as V;
  }
}
