/** The session for the component tree, and the hooks components read it through. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session, SessionState } from './session';
import { STRINGS, type Strings } from './strings';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionContext.Provider>');
  return s;
}

export function useSessionState(): SessionState {
  const s = useSession();
  return useSyncExternalStore(s.subscribe, s.getState, s.getState);
}

export function useStrings(): Strings {
  return STRINGS[useSessionState().lang];
}
