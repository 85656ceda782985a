/** The session for the component tree, and the hooks components read it through. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Busy, Session, SessionState } from './session';
import { STRINGS, type Strings } from './strings';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionContext.Provider>');
  return s;
}

/**
 * The session's state as most of the pane reads it: a new snapshot on every change except the
 * progress of the running step (rows read, the evaluation's phase), which only the status area
 * shows (`useBusy`). A progress tick then redraws the progress bar, not the whole pane.
 */
export function useSessionState(): SessionState {
  const s = useSession();
  const get = steadyState(s);
  return useSyncExternalStore(s.subscribe, get, get);
}

/** What is running, with its progress. */
export function useBusy(): Busy | null {
  const s = useSession();
  const get = () => s.getState().busy;
  return useSyncExternalStore(s.subscribe, get, get);
}

export function useStrings(): Strings {
  return STRINGS[useSessionState().lang];
}

const steady = new WeakMap<Session, () => SessionState>();

/** One getter per session, keeping the last snapshot while only the progress changes. */
function steadyState(s: Session): () => SessionState {
  let get = steady.get(s);
  if (!get) {
    let last: SessionState | null = null;
    get = () => {
      const now = s.getState();
      if (!last || !onlyProgressDiffers(last, now)) last = now;
      return last;
    };
    steady.set(s, get);
  }
  return get;
}

function onlyProgressDiffers(a: SessionState, b: SessionState): boolean {
  if (a === b) return true;
  for (const k of Object.keys(b) as (keyof SessionState)[]) if (k !== 'busy' && a[k] !== b[k]) return false;
  const [x, y] = [a.busy, b.busy];
  return x === y || (x !== null && y !== null && x.action === y.action && x.step === y.step && x.cancellable === y.cancellable);
}
