/** Rendering the pane over a session, and running axe on what is shown. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '../../src/taskpane/App';
import type { Session } from '../../src/taskpane/session';

export function renderPane(session: Session) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App session={session} />
    </FluentProvider>,
  );
  return { user, ...view };
}

/** Waits until the session has nothing running. */
export async function idle(session: Session, timeout = 20_000): Promise<void> {
  await waitFor(() => expect(session.getState().busy).toBeNull(), { timeout });
}

export async function openStep(user: ReturnType<typeof userEvent.setup>, name: RegExp | string): Promise<void> {
  await user.click(screen.getByRole('tab', { name }));
}

/** axe-core on the document; colour contrast needs layout, which jsdom has not. */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
