/** Rendering the pane over a session, and running axe on what is shown. */
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '../../src/taskpane/App';
import type { Session } from '../../src/taskpane/session';

/**
 * jsdom matches every CSS rule on each getComputedStyle call, and Fluent inserts thousands: axe
 * then needs tens of seconds. The tests keep only the rules that hide things (they change what is
 * visible and what names are read); jsdom has no layout anyway, and the e2e run checks the real
 * rendering, with axe, in Chromium.
 */
const noCss = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => /display:\s*none|visibility:\s*hidden/.test(rule) });

export function renderPane(session: Session) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <RendererProvider renderer={noCss} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <App session={session} />
      </FluentProvider>
    </RendererProvider>,
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
  const result = await axe.run(document.body, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
