/** @jest-environment jsdom */
import './dom-setup';
import { within } from '@testing-library/react';
import { idle, openStep, renderPane, axeViolations } from './render';
import { dropColumn, sampleFake, sessionOver } from './helpers';
jest.setTimeout(120_000);
const card = (id: string) => within(document.querySelector(`[data-criterion="${id}"]`) as HTMLElement);
test('prof', async () => {
  const fake = await sampleFake();
  dropColumn(fake, 'TH chỉ tiêu', 'Chỉ tiêu giao');
  dropColumn(fake, 'CĐCS', 'Chỉ tiêu');
  const { session } = sessionOver(fake);
  let t = Date.now();
  const { user } = renderPane(session);
  await idle(session);
  console.log('load', Date.now() - t); t = Date.now();
  await openStep(user, 'Tiêu chí');
  console.log('open', Date.now() - t, document.querySelectorAll('*').length); t = Date.now();
  card('2.1.2a').getByRole('button', { name: /^Đạt: 0\./ });
  console.log('q1', Date.now() - t); t = Date.now();
  card('2.1.2a').getByText(/Chưa rõ vì: chưa biết tỷ lệ: bảng không có cột chỉ tiêu/);
  console.log('q2', Date.now() - t); t = Date.now();
  await axeViolations();
  console.log('axe', Date.now() - t); t = Date.now();
});
