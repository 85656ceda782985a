/** @jest-environment jsdom */
/**
 * Step 3 — Rà soát: every flag, a page at a time from the engine, filters and order, go to row,
 * Loại / Giữ written to the review sheet and read back.
 */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { type FlagQuery, type FlagView, MAX_PAGE } from '../../src/taskpane/engine/types';
import type { Session } from '../../src/taskpane/session';
import { axeViolations, idle, openStep, renderPane } from './render';
import { handWrittenReview, sampleFake, sampleSession, sessionOver, sheetRows } from './helpers';

jest.setTimeout(60_000);

const items = () => [...document.querySelectorAll('li[data-flag]')] as HTMLElement[];

/** The whole list, gathered page by page (the pane itself never holds it). */
async function allFlags(session: Session, filter: Omit<FlagQuery, 'offset' | 'limit'> = {}): Promise<FlagView[]> {
  const out: FlagView[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await session.getState().analysis!.flagPage({ ...filter, offset, limit: MAX_PAGE });
    out.push(...page.rows);
    if (out.length >= page.total) return out;
  }
}

/** Every page the Review step asked the engine for, with the number of rows it got. */
function watchPages(session: Session): number[] {
  const got: number[] = [];
  const a = session.getState().analysis!;
  const ask = a.flagPage.bind(a);
  a.flagPage = async (q) => {
    const page = await ask(q);
    got.push(page.rows.length);
    return page;
  };
  return got;
}

async function choose(user: ReturnType<typeof renderPane>['user'], combobox: string, option: RegExp | string) {
  await user.click(screen.getByRole('combobox', { name: combobox }));
  await user.click(await screen.findByRole('option', { name: option }));
}

test('flags of every kind, filtered by kind and unit; "go to row" selects it in Excel', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  const flags = await allFlags(session);
  const pages = watchPages(session);
  await openStep(user, 'Rà soát');
  expect(screen.getByText(`${flags.length} dòng, ${flags.length} chưa quyết định`)).toBeInTheDocument();
  await waitFor(() => expect(items()).toHaveLength(25));
  expect(screen.getByText(`Đang hiện 1–25/${flags.length}`)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);

  await choose(user, 'Loại vấn đề', /Thiếu xác nhận làm lợi/);
  const certs = flags.filter((f) => f.code === 'missing_benefit_certification').length;
  expect(await screen.findByText(`Đang hiện 1–${Math.min(25, certs)}/${certs}`)).toBeInTheDocument();
  expect(items().every((li) => li.dataset.flag === 'missing_benefit_certification')).toBe(true);

  await choose(user, 'Đơn vị', /^LĐLĐ huyện Phong Thổ/);
  const inPhongTho = flags.filter((f) => f.code === 'missing_benefit_certification' && f.upper === 'LĐLĐ huyện Phong Thổ');
  await waitFor(() => expect(items()).toHaveLength(Math.min(25, inPhongTho.length)));
  expect(items()[0]).toHaveTextContent('LĐLĐ huyện Phong Thổ');
  // The pane only ever got a page at a time, never the list.
  expect(flags.length).toBeGreaterThan(100);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...pages)).toBeLessThanOrEqual(25);

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
  await waitFor(() => expect(items().every((x) => x.dataset.flag === 'missing_recognition_doc')).toBe(true));
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
  await waitFor(() => expect(items()).toHaveLength(1));
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
  const [flag] = (await probe.getState().analysis!.flagPage({ code: 'not_posted', offset: 0, limit: 1 })).rows as [FlagView];
  probe.dispose();
  handWrittenReview(fake, [[1, 'Sáng kiến', flag.subject, null, `${flag.where!.sheet}!${flag.where!.row}`, 'chưa đăng tải', 'not_posted', 'Tự động', null, 'Giữ', 'Hà Văn Nam', '2023-10-01', 'Đã đăng tải bản giấy', flag.key]]);
  const { session } = sessionOver(fake);
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  await choose(user, 'Quyết định', 'Giữ');
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(items()[0]).toHaveTextContent(flag.subject);
  expect(items()[0]).toHaveTextContent('Hà Văn Nam, 2023-10-01 — Đã đăng tải bản giấy');
  // "Ghi bảng rà soát" rewrites the sheet with every flag and keeps the hand-written decision.
  await user.click(screen.getByRole('button', { name: 'Ghi bảng rà soát' }));
  await idle(session);
  const rows = sheetRows(fake, 'Rà soát');
  expect(rows.filter((r) => r.includes('Hà Văn Nam'))).toHaveLength(1);
  expect(rows.length).toBeGreaterThan(session.getState().views!.review.total);
});

test('pages: "Trang sau" / "Trang trước" turn through the list the engine holds; "Theo đơn vị" orders it by union and unit', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Rà soát');
  const flags = await allFlags(session);
  const subjects = () => items().map((li) => li.querySelector('.fui-Text')!.textContent);
  await waitFor(() => expect(items()).toHaveLength(25));
  expect(screen.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Trang sau' }));
  expect(await screen.findByText(`Đang hiện 26–50/${flags.length}`)).toBeInTheDocument();
  expect(subjects()).toEqual(flags.slice(25, 50).map((f) => f.subject || '—'));
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Trang trước' }));
  expect(await screen.findByText(`Đang hiện 1–25/${flags.length}`)).toBeInTheDocument();

  // A filter starts again from its first page; the last page is short.
  await choose(user, 'Loại vấn đề', /^Thiếu minh chứng/);
  const evidence = flags.filter((f) => f.category === 'evidence');
  expect(await screen.findByText(`Đang hiện 1–25/${evidence.length}`)).toBeInTheDocument();
  for (let from = 25; from < evidence.length; from += 25) await user.click(screen.getByRole('button', { name: 'Trang sau' }));
  const lastFrom = Math.floor((evidence.length - 1) / 25) * 25;
  expect(await screen.findByText(`Đang hiện ${lastFrom + 1}–${evidence.length}/${evidence.length}`)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();

  await choose(user, 'Sắp xếp', 'Theo đơn vị');
  const byUnit = await allFlags(session, { category: 'evidence', order: 'unit' });
  await waitFor(() => expect(subjects()).toEqual(byUnit.slice(0, 25).map((f) => f.subject || '—')));
  expect(screen.getByText(`Đang hiện 1–25/${evidence.length}`)).toBeInTheDocument();
  const uppers = byUnit.map((f) => f.upper);
  expect(uppers.filter((u, i) => i > 0 && u !== uppers[i - 1]).length).toBe(new Set(uppers).size - 1); // each union's rows together

  // English.
  await user.click(screen.getByRole('button', { name: /Switch to English/ }));
  expect(await screen.findByText(`Showing 1–25 of ${evidence.length}`)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Next page' })).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Order' })).toHaveTextContent('By unit');
});
