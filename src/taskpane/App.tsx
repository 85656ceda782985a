/**
 * The task pane. In Excel it builds the session over the office-js gateway; the browser preview and
 * the tests hand it a session of their own. Components below never call Office: they talk to the
 * session only.
 */
import { useEffect, useState } from 'react';
import { createExcelGateway } from '../workbook/excel';
import { SessionContext } from './context';
import { Pane } from './Pane';
import { readPreference } from './preferences';
import { Session } from './session';

export interface AppProps {
  /** A session over another gateway (preview, tests); default: Excel. */
  session?: Session;
  /** Start reading the workbook on mount (default true). */
  autoStart?: boolean;
}

export function App({ session: given, autoStart = true }: AppProps) {
  const [session] = useState(() => given ?? new Session(createExcelGateway(), { lang: readPreference('lang') === 'en' ? 'en' : 'vi' }));
  useEffect(() => {
    if (autoStart && session.getState().status === 'idle' && !session.getState().busy) void session.start();
  }, [session, autoStart]);
  useEffect(() => () => {
    if (!given) session.dispose();
  }, [session, given]);
  return (
    <SessionContext.Provider value={session}>
      <Pane />
    </SessionContext.Provider>
  );
}
