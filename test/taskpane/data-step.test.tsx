/** @jest-environment jsdom */
/** Step 1 — Dữ liệu: what was read, the mapping with confidence, corrections, missing columns. */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { dropColumn, sampleFake, sampleSession, sessionOver } from './helpers';

jest.setTimeout(60_000);

const panel = (sheet: string) => document.querySelector(`[data-sheet="${sheet}"]`) as HTMLElement;

test('sheets with role and header rows, each field with its column and how sure the match is', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  expect(await screen.findByText('11 CĐ cấp trên · 100 CĐCS · 522 sáng kiến · 20 cán bộ')).toBeInTheDocument();
  // The first sheet is open: role, header rows, the columns.
  const th = within(panel('TH chỉ tiêu'));
  expect(th.getByText('Tiêu đề ở dòng 5–6, dữ liệu từ dòng 7.')).toBeInTheDocument();
  expect(th.getByRole('combobox', { name: 'Tên đơn vị' })).toHaveTextContent('Cột B: Tên đơn vị');
  expect(th.getByRole('combobox', { name: 'Số sáng kiến' })).toHaveTextContent('Cột D: Kết quả / Số SK');
  expect(th.getAllByText('Khớp').length).toBeGreaterThan(2);
  expect(th.getAllByText('Gần khớp 95%').length).toBe(2);
  // Blocs are read from the section rows, not missing.
  expect(th.getByText('Lấy từ dòng «Khối…»')).toBeInTheDocument();
  expect(screen.queryByText('Cột còn thiếu')).toBeNull();
  // Other sheets, with their roles.
  for (const [sheet, role] of [['CĐCS', 'Đơn vị'], ['DS sáng kiến', 'Sáng kiến'], ['Cán bộ', 'Cán bộ']]) {
    const header = screen.getByRole('button', { name: new RegExp(`^${sheet}`) });
    expect(header).toHaveTextContent(role!);
  }
  // The number of data issues leads to the review list of data issues.
  await user.click(screen.getByRole('button', { name: /vấn đề dữ liệu cần xem/ }));
  expect(screen.getByRole('tab', { name: 'Rà soát', selected: true })).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Loại vấn đề' })).toHaveTextContent('Vấn đề dữ liệu');
  await openStep(user, 'Dữ liệu');
  expect(await axeViolations()).toEqual([]);
});

test('correcting a column re-reads the workbook and is remembered in it', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  const th = within(panel('TH chỉ tiêu'));
  await user.click(th.getByRole('combobox', { name: 'Số đoàn viên' }));
  await user.click(await screen.findByRole('option', { name: 'Cột F: Số CĐCS trực thuộc' }));
  await idle(session);
  await waitFor(() => expect(within(panel('TH chỉ tiêu')).getByRole('combobox', { name: 'Số đoàn viên' })).toHaveTextContent('Cột F: Số CĐCS trực thuộc'));
  expect(within(panel('TH chỉ tiêu')).getByText('Đã xác nhận')).toBeInTheDocument();
  // The column given to "Số đoàn viên" no longer counts grassroots unions (counted from the grassroots rows instead).
  expect(within(panel('TH chỉ tiêu')).queryByRole('combobox', { name: 'Số CĐCS' })).toBeNull();
  expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ overrides: [{ sheet: 'TH chỉ tiêu', columns: { members: 5 } }] });
  // A new pane over the same workbook starts from the remembered correction.
  const again = sessionOver(fake).session;
  await again.start();
  expect(again.getState().data!.sheets[0]!.fields.find((f) => f.id === 'members')).toMatchObject({ column: 5, source: 'confirmed' });
  // "Khôi phục tự nhận biết" forgets it.
  await user.click(within(panel('TH chỉ tiêu')).getByRole('button', { name: 'Khôi phục tự nhận biết' }));
  await idle(session);
  await waitFor(() => expect(within(panel('TH chỉ tiêu')).getByRole('combobox', { name: 'Số đoàn viên' })).toHaveTextContent('Cột G: Tổng số ĐV'));
  expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ overrides: [] });
});

test('a sheet can be ignored, and then says so', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await user.click(within(panel('TH chỉ tiêu')).getByRole('combobox', { name: 'Loại bảng' }));
  await user.click(await screen.findByRole('option', { name: 'Bỏ qua trang này' }));
  await idle(session);
  await waitFor(() => expect(screen.getByRole('button', { name: /^TH chỉ tiêu/ })).toHaveTextContent('Không dùng'));
  expect(within(panel('TH chỉ tiêu')).getByText('Anh/chị đã chọn bỏ qua trang này.')).toBeInTheDocument();
  expect(screen.getByText(/^0 CĐ cấp trên/)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
});

test('a workbook without a plan column: names the missing column and the criteria it leaves unknown', async () => {
  const fake = await sampleFake();
  dropColumn(fake, 'TH chỉ tiêu', 'Chỉ tiêu giao');
  dropColumn(fake, 'CĐCS', 'Chỉ tiêu');
  const { session } = sessionOver(fake);
  renderPane(session);
  await idle(session);
  expect(await screen.findByText('Cột còn thiếu')).toBeInTheDocument();
  const card = screen.getByText('Không có cột «Chỉ tiêu»').closest('li')!;
  expect(card).toHaveTextContent('Tiêu chí bị ảnh hưởng:');
  expect(within(card).getByText(/^2\.1\.2a · 100 chưa rõ$/)).toBeInTheDocument();
  expect(within(card).getByText(/^2\.1\.1a · 11 chưa rõ$/)).toBeInTheDocument();
  expect(within(panel('TH chỉ tiêu')).getByText('Thiếu')).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
});
