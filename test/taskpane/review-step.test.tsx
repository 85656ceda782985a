/** @jest-environment jsdom */
/** Step 3 — Rà soát: every flag, filters, go to row, Loại / Giữ written to the review sheet and read back. */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { handWrittenReview, sampleFake, sampleSession, sessionOver, sheetRows } from './helpers';

jest.setTimeout(60_000);

const items = () => [...document.querySelectorAll('li[data-flag]')] as HTMLElement[];

async function choose(user: ReturnType<typeof renderPane>['user'], combobox: string, option: RegExp | string) {
  await user.click(screen.getByRole('combobox', { name: combobox }));
  await user.click(await screen.findByRole('option', { name: option }));
}

test('flags of every kind, filtered by kind and unit; "go to row" selects it in Excel', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  const flags = session.getState().views!.flags;
  expect(screen.getByText(`${flags.length} dòng, ${flags.length} chưa quyết định`)).toBeInTheDocument();
  expect(items()).toHaveLength(25);
  expect(await axeViolations()).toEqual([]);

  await choose(user, 'Loại vấn đề', /Thiếu xác nhận làm lợi/);
  const certs = flags.filter((f) => f.code === 'missing_benefit_certification').length;
  expect(screen.getByText(`Đang hiện ${Math.min(25, certs)}/${certs}`)).toBeInTheDocument();
  expect(items().every((li) => li.dataset.flag === 'missing_benefit_certification')).toBe(true);

  await choose(user, 'Đơn vị', /^LĐLĐ huyện Phong Thổ/);
  const inPhongTho = flags.filter((f) => f.code === 'missing_benefit_certification' && f.upper === 'LĐLĐ huyện Phong Thổ');
  expect(items()).toHaveLength(Math.min(25, inPhongTho.length));
  expect(items()[0]).toHaveTextContent('LĐLĐ huyện Phong Thổ');

  const first = inPhongTho[0]!;
  await user.click(within(items()[0]!).getByRole('button', { name: `Đến dòng ${first.where!.row} trang «${first.where!.sheet}» trong Excel` }));
  await idle(session);
  expect(fake.selection()).toEqual({ sheet: first.where!.sheet, address: `A${first.where!.row}:XFD${first.where!.row}` });
  expect(fake.activeSheet()).toBe(first.where!.sheet);
});

test('Loại with a reason and the reviewer name writes the review sheet, evaluates again, and can be taken back', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  await choose(user, 'Loại vấn đề', /Thiếu văn bản công nhận/);
  const li = items()[0]!;
  const subject = within(li).getAllByText(/.+/)[1]!.textContent!;
  const countedBefore = session.getState().views!.figures.counted;
  await user.click(within(li).getByRole('button', { name: 'Loại…' }));
  const dialog = within(await screen.findByRole('dialog'));
  expect(await axeViolations()).toEqual([]);
  // Both are required.
  await user.click(dialog.getByRole('button', { name: 'Lưu vào trang Rà soát' }));
  expect(dialog.getByText('Hãy ghi lý do.')).toBeInTheDocument();
  expect(dialog.getByText('Hãy ghi tên người rà soát.')).toBeInTheDocument();
  await user.type(dialog.getByRole('textbox', { name: /Lý do/ }), 'Không có quyết định công nhận');
  await user.type(dialog.getByRole('textbox', { name: /Tên người rà soát/ }), 'Lò Thị Mai');
  await user.click(dialog.getByRole('button', { name: 'Lưu vào trang Rà soát' }));
  await idle(session);
  expect(await screen.findByText('Đã ghi quyết định «Loại» vào trang «Rà soát» và xét lại.')).toBeInTheDocument();

  const rows = sheetRows(fake, 'Rà soát');
  const row = rows.find((r) => r.includes('Loại') && r.includes('Lò Thị Mai'))!;
  expect(row).toEqual(expect.arrayContaining([subject, 'Không có quyết định công nhận', '2023-10-02 09:30']));
  expect(fake.workbook.snapshot('Rà soát').customProperties['BinhXet.owned']).toBe('1');
  // The initiative no longer counts; the row stays visible as a decision.
  expect(session.getState().views!.figures.counted).toBe(countedBefore - 1);
  await choose(user, 'Quyết định', 'Loại');
  expect(items()).toHaveLength(1);
  expect(items()[0]).toHaveTextContent('Lò Thị Mai, 2023-10-02 09:30 — Không có quyết định công nhận');
  expect(await axeViolations()).toEqual([]);

  // Taken back: the sheet keeps no decision, the initiative counts again.
  await user.click(within(items()[0]!).getByRole('button', { name: 'Bỏ quyết định' }));
  await idle(session);
  expect(sheetRows(fake, 'Rà soát').some((r) => r.includes('Lò Thị Mai'))).toBe(false);
  expect(session.getState().views!.figures.counted).toBe(countedBefore);
});

test('a decision written by hand in the review sheet is read back on load', async () => {
  const fake = await sampleFake();
  const probe = sessionOver(fake).session;
  await probe.start();
  const flag = probe.getState().views!.flags.find((f) => f.code === 'not_posted')!;
  probe.dispose();
  handWrittenReview(fake, [[1, 'Sáng kiến', flag.subject, null, `${flag.where!.sheet}!${flag.where!.row}`, 'chưa đăng tải', 'not_posted', 'Tự động', null, 'Giữ', 'Hà Văn Nam', '2023-10-01', 'Đã đăng tải bản giấy', flag.key]]);
  const { session } = sessionOver(fake);
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  await choose(user, 'Quyết định', 'Giữ');
  expect(items()).toHaveLength(1);
  expect(items()[0]).toHaveTextContent(flag.subject);
  expect(items()[0]).toHaveTextContent('Hà Văn Nam, 2023-10-01 — Đã đăng tải bản giấy');
  // "Ghi bảng rà soát" rewrites the sheet with every flag and keeps the hand-written decision.
  await user.click(screen.getByRole('button', { name: 'Ghi bảng rà soát' }));
  await idle(session);
  const rows = sheetRows(fake, 'Rà soát');
  expect(rows.filter((r) => r.includes('Hà Văn Nam'))).toHaveLength(1);
  expect(rows.length).toBeGreaterThan(session.getState().views!.flags.length);
});
