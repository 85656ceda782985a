/** @jest-environment jsdom */
/** Progress ticks (every chunk read, every phase of the evaluation) redraw the status area only, not the whole pane. */
import './dom-setup';
import { render, waitFor } from '@testing-library/react';
import { SessionContext, useBusy, useSessionState } from '../../src/taskpane/context';
import { Session } from '../../src/taskpane/session';
import { ExcelGateway } from '../../src/workbook/excel';
import { sampleFake } from './helpers';

jest.setTimeout(60_000);

test('a component reading the state is not redrawn per chunk; the progress bar is', async () => {
  const fake = await sampleFake();
  // Small chunks: a few dozen progress ticks while reading.
  const gateway = new ExcelGateway(fake.run, { requirements: fake.isSetSupported, documentSettings: fake.settings, maxCellsPerRead: 600 });
  const session = new Session(gateway, { engine: 'local' });
  const renders = { state: 0, busy: 0 };
  const ticks: string[] = [];
  session.subscribe(() => {
    const b = session.getState().busy;
    if (b) ticks.push(`${b.step} ${b.detail} ${b.done}`);
  });
  function Steady() {
    useSessionState();
    renders.state++;
    return null;
  }
  function Progress() {
    const busy = useBusy();
    renders.busy++;
    return <span>{busy ? `${busy.step} ${busy.done ?? ''}` : 'idle'}</span>;
  }
  render(
    <SessionContext.Provider value={session}>
      <Steady />
      <Progress />
    </SessionContext.Provider>,
  );
  await session.start();
  await waitFor(() => expect(session.getState().status).toBe('ready'));
  const progressTicks = new Set(ticks).size;
  expect(progressTicks).toBeGreaterThanOrEqual(15);
  expect(renders.busy).toBeGreaterThanOrEqual(progressTicks);
  // Redrawn when the step changes (settings → read → evaluate) and when the results arrive, not per tick.
  expect(renders.state).toBeLessThanOrEqual(10);
});
