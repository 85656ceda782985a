/** @jest-environment jsdom */
/** Step 5 — Tổng hợp: key figures, nominations per award, writing the summary; the English switch. */
import './dom-setup';
import { screen, within } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { sampleSession, sheetRows } from './helpers';

jest.setTimeout(60_000);

test('key figures and nominations per award; "Ghi bảng tổng hợp" writes an owned summary sheet', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tổng hợp');
  const f = session.getState().views!.figures;
  const figure = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement!;
  expect(figure('Đơn vị')).toHaveTextContent(`${f.units}11 CĐ cấp trên, 100 CĐCS`);
  expect(figure('Sáng kiến được tính')).toHaveTextContent(`${f.counted}trên 522 sáng kiến trong danh sách`);
  expect(figure('Tổng giá trị làm lợi')).toHaveTextContent(`${f.totalBenefit.toLocaleString('vi-VN')} đ`);
  const table = within(screen.getByRole('table', { name: 'Đề cử theo giải thưởng' }));
  const a212 = session.getState().views!.awards.find((a) => a.award === '2.1.2')!;
  expect(table.getByRole('row', { name: new RegExp(`^2\\.1\\.2 .* ${a212.selected}/${a212.quota} ${a212.reserve}$`) })).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Ghi bảng tổng hợp' }));
  await idle(session);
  expect(fake.workbook.snapshot('Tổng hợp').customProperties['BinhXet.owned']).toBe('1');
  expect(sheetRows(fake, 'Tổng hợp').some((r) => r.includes('Tổng cộng'))).toBe(true);
  expect(await screen.findByText('Đã ghi trang tổng hợp: «Tổng hợp».')).toBeInTheDocument();
});

test('the English switch changes the pane and the sheets it writes', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await user.click(screen.getByRole('button', { name: 'EN – Switch to English' }));
  expect(screen.getByRole('tab', { name: 'Summary' })).toBeInTheDocument();
  expect(screen.getByText('What was read')).toBeInTheDocument();
  expect(document.querySelector('[lang="en"]')).not.toBeNull();
  await openStep(user, 'Summary');
  await user.click(screen.getByRole('button', { name: 'Write the summary sheet' }));
  await idle(session);
  expect(fake.workbook.has('Summary')).toBe(true);
  expect(await screen.findByText('Wrote the summary sheet: "Summary".')).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'VI – Chuyển sang tiếng Việt' }));
  expect(screen.getByRole('tab', { name: 'Tổng hợp' })).toBeInTheDocument();
});
