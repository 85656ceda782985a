/** @jest-environment jsdom */
/** The whole pane's states: loading (with Cancel), an empty workbook, an Excel error and its retry. */
import './dom-setup';
import { screen, waitFor } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { emptyFake, gatedRun, sampleFake, sessionOver } from './helpers';

jest.setTimeout(60_000);

test('loading: a progress bar with Cancel while the workbook is read; Cancel stops and offers to read again', async () => {
  const fake = await sampleFake();
  const gate = gatedRun(fake);
  const { session } = sessionOver(fake, gate.run);
  const { user } = renderPane(session);
  expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  expect(screen.getByText('Đang mở thiết lập đã lưu trong sổ…')).toBeInTheDocument();
  expect(screen.getByText('Đang mở Bình xét…')).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Hủy' }));
  gate.open();
  await idle(session);
  expect(await screen.findByText(/Đã hủy/)).toBeInTheDocument();
  expect(session.getState().status).toBe('idle');
  await user.click(screen.getByRole('button', { name: 'Đọc bảng tính' }));
  await idle(session);
  expect(await screen.findByText(/522 sáng kiến/)).toBeInTheDocument();
});

test('loading shows which sheet is being read', async () => {
  const fake = await sampleFake();
  const { session } = sessionOver(fake);
  const seen = new Set<string>();
  session.subscribe(() => {
    const b = session.getState().busy;
    if (b?.step === 'read' && b.detail) seen.add(b.detail);
  });
  renderPane(session);
  await idle(session);
  expect([...seen]).toEqual(expect.arrayContaining(['TH chỉ tiêu', 'CĐCS', 'DS sáng kiến', 'Cán bộ']));
});

test('empty workbook: says what Bình xét needs; every step still renders without violations', async () => {
  const { session } = sessionOver(emptyFake());
  const { user } = renderPane(session);
  await idle(session);
  expect(await screen.findByText('Không tìm thấy bảng nào Bình xét dùng được')).toBeInTheDocument();
  expect(screen.getByText(/Sheet1/)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  for (const step of ['Tiêu chí', 'Rà soát', 'Đề cử', 'Tổng hợp']) {
    await openStep(user, step);
    expect(await axeViolations()).toEqual([]);
  }
  await openStep(user, 'Rà soát');
  expect(screen.getByText('Không có dòng nào khớp bộ lọc.')).toBeInTheDocument();
});

test('error: an Excel error says what happened and what to do; "Thử lại" reads again', async () => {
  const fake = await sampleFake();
  fake.injectError({ code: 'InvalidOperationInCellEditMode' });
  const { session } = sessionOver(fake);
  const { user } = renderPane(session);
  await idle(session);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Không đọc được bảng tính');
  expect(alert).toHaveTextContent('Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc');
  expect(screen.getByText(/Chưa đọc được bảng tính/)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getAllByRole('button', { name: 'Thử lại' })[0]!);
  await idle(session);
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  expect(await screen.findByText(/522 sáng kiến/)).toBeInTheDocument();
});

test('a protected sheet: highlighting fails with the protection message, and the pane keeps working', async () => {
  const fake = await sampleFake();
  const { session } = sessionOver(fake);
  const { user } = renderPane(session);
  await idle(session);
  fake.workbook.setProtected('CĐCS');
  await openStep(user, 'Tiêu chí');
  await user.click(screen.getByRole('button', { name: 'Tô màu các dòng đạt tiêu chí 2.1.2a' }));
  await idle(session);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Không tô màu được');
  expect(alert).toHaveTextContent('Bỏ bảo vệ');
  await user.click(screen.getByRole('button', { name: 'Đóng' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(fake.workbook.snapshot('CĐCS').conditionalFormats.filter((c) => c.formula?.includes('BinhXet'))).toEqual([]);
});

test('a refresh cancelled once reading began: the pane says the data must be read again (the engine let go of it), and reads it again', async () => {
  const { session } = sessionOver(await sampleFake());
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  await waitFor(() => expect(document.querySelectorAll('li[data-flag]').length).toBe(25));
  const off = session.subscribe(() => {
    const b = session.getState().busy;
    if (b?.step === 'read' && (b.done ?? 0) > 0) session.cancel();
  });
  await user.click(screen.getByRole('button', { name: 'Đọc lại bảng tính' }));
  await idle(session);
  off();
  expect(await screen.findByRole('heading', { name: 'Cần đọc lại bảng tính' })).toBeInTheDocument();
  expect(screen.getByText(/kết quả trước đó đã được bỏ/)).toBeInTheDocument();
  expect(screen.getByText(/Đã hủy/)).toBeInTheDocument();
  expect(document.querySelectorAll('li[data-flag]')).toHaveLength(0);
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: /Switch to English/ }));
  expect(await screen.findByRole('heading', { name: 'The workbook must be read again' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: /Chuyển sang tiếng Việt/ }));
  const again = screen.getAllByRole('button', { name: 'Đọc lại bảng tính' }).find((b) => b.textContent === 'Đọc lại bảng tính')!;
  await user.click(again);
  await idle(session);
  expect(session.getState().status).toBe('ready');
  await waitFor(() => expect(document.querySelectorAll('li[data-flag]').length).toBe(25));
});
