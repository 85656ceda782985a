/** @jest-environment jsdom */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, idle, renderPane } from './render';
import { sampleSession } from './helpers';

jest.setTimeout(60_000);

test('data step: sheets, roles, mapping with confidence', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  expect(await screen.findByText(/\d+ đơn vị · 522 sáng kiến · 20 cán bộ/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /TH chỉ tiêu/ })).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
});
