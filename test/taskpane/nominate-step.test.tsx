/** @jest-environment jsdom */
/** Step 4 — Đề cử: quota used per group, selected and numbered reserve, pin / unpin, exclude, write the sheets. */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { sampleSession, sheetRows } from './helpers';

jest.setTimeout(60_000);

const groupOf = (name: string) => screen.getByRole('heading', { name, level: 4 }).closest('div')!.parentElement as HTMLElement;

test('groups show the quota used, the selected in order and the numbered reserve', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Đề cử');
  const award = session.getState().views!.awards.find((a) => a.award === '2.1.2')!;
  expect(screen.getByRole('button', { name: new RegExp(`^2\\.1\\.2 ${award.selected}/${award.quota} suất`) })).toHaveAttribute('aria-expanded', 'true');
  const n = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  const g = within(groupOf('LĐLĐ huyện Tam Đường'));
  expect(g.getByText(`${n.selected.length}/${n.quota} suất`)).toBeInTheDocument();
  expect(g.getByText(n.quotaReason.vi)).toBeInTheDocument();
  const selected = g.getByRole('list', { name: 'LĐLĐ huyện Tam Đường' });
  expect(within(selected).getAllByRole('listitem').map((li) => li.querySelector('span')!.textContent)).toEqual(n.selected.map((_, i) => `${i + 1}.`));
  expect(within(selected).getAllByRole('listitem')[0]).toHaveTextContent(n.selected[0]!.name);
  const reserve = g.getByRole('list', { name: 'Dự bị — LĐLĐ huyện Tam Đường' });
  expect(within(reserve).getAllByRole('listitem')[0]).toHaveTextContent(`1.${n.reserve[0]!.name}`);
  expect(await axeViolations()).toEqual([]);
});

test('pinning a reserve puts it in the quota and names whom it displaced; unpinning undoes it', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Đề cử');
  const before = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  const candidate = before.reserve[0]!;
  const last = before.selected[before.selected.length - 1]!;
  await user.click(screen.getByRole('button', { name: `Ghim ${candidate.name} vào đề cử 2.1.2` }));
  const dialog = within(await screen.findByRole('dialog'));
  expect(dialog.queryByRole('combobox', { name: 'Áp dụng cho' })).toBeNull();
  await user.type(dialog.getByRole('textbox', { name: /Tên người rà soát/ }), 'Lò Văn Hùng');
  await user.click(dialog.getByRole('button', { name: 'Lưu vào trang Rà soát' }));
  await idle(session);
  const after = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  expect(after.selected.map((c) => c.key)).toContain(candidate.key);
  expect(after.selected.find((c) => c.key === candidate.key)!.pinned).toBe(true);
  expect(after.reserve[0]!.key).toBe(last.key);
  expect(await screen.findByText(`${candidate.name} được ghim, thay ${last.name}.`)).toBeInTheDocument();
  const pinRow = sheetRows(fake, 'Rà soát').find((r) => r.includes('Chọn') && r.includes('Lò Văn Hùng'))!;
  expect(pinRow).toEqual(expect.arrayContaining([candidate.name, '2.1.2', candidate.key]));
  expect(await axeViolations()).toEqual([]);

  await user.click(screen.getByRole('button', { name: `Bỏ ghim ${candidate.name} khỏi đề cử 2.1.2` }));
  await idle(session);
  const back = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  expect(back.selected.map((c) => c.key)).toEqual(before.selected.map((c) => c.key));
  expect(sheetRows(fake, 'Rà soát').some((r) => r.includes('Lò Văn Hùng'))).toBe(false);
});

test('excluding a selected candidate promotes the first reserve', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Đề cử');
  const before = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  const out = before.selected[0]!;
  await user.click(screen.getByRole('button', { name: `Loại ${out.name} khỏi đề cử 2.1.2` }));
  const dialog = within(await screen.findByRole('dialog'));
  expect(dialog.getByRole('combobox', { name: 'Áp dụng cho' })).toHaveTextContent('2.1.2 — ');
  await user.type(dialog.getByRole('textbox', { name: /Lý do/ }), 'Đã nhận khen năm trước');
  await user.type(dialog.getByRole('textbox', { name: /Tên người rà soát/ }), 'Lò Văn Hùng');
  await user.click(dialog.getByRole('button', { name: 'Lưu vào trang Rà soát' }));
  await idle(session);
  const after = session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!;
  expect(after.excluded.map((c) => c.key)).toEqual([out.key]);
  expect(after.selected.map((c) => c.key)).toContain(before.reserve[0]!.key);
  const g = within(groupOf('LĐLĐ huyện Tam Đường'));
  expect(g.getByRole('heading', { name: 'Đã loại' })).toBeInTheDocument();
  await user.click(g.getByRole('button', { name: 'Bỏ loại' }));
  await idle(session);
  expect(session.getState().views!.nominations.find((x) => x.award === '2.1.2' && x.group === 'LĐLĐ huyện Tam Đường')!.excluded).toEqual([]);
});

test('"Ghi bảng đề cử" writes one owned sheet per award', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Đề cử');
  await user.click(screen.getByRole('button', { name: 'Ghi bảng đề cử' }));
  await idle(session);
  const awards = session.getState().views!.awards.map((a) => a.award);
  for (const a of awards) {
    expect(fake.workbook.has(`Đề cử ${a}`)).toBe(true);
    expect(fake.workbook.snapshot(`Đề cử ${a}`).customProperties['BinhXet.owned']).toBe('1');
  }
  expect(await screen.findByText(new RegExp(`^Đã ghi ${awards.length} trang đề cử: «Đề cử 2\\.1\\.2»`))).toBeInTheDocument();
  const rows = sheetRows(fake, 'Đề cử 2.1.2');
  expect(rows.some((r) => r.includes('Dự bị 1'))).toBe(true);
  // Written again: replaced, not duplicated.
  await user.click(screen.getByRole('button', { name: 'Ghi bảng đề cử' }));
  await idle(session);
  expect(fake.workbook.sheetNames().filter((n) => n.startsWith('Đề cử 2.1.2'))).toEqual(['Đề cử 2.1.2']);
  await waitFor(() => expect(screen.getByText(/^Đã ghi:/)).toHaveTextContent('Đề cử 2.1.2'));
});

test('a long reserve shows its first five; "Xem thêm" asks the engine for the next ones, numbered on', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Đề cử');
  const n = session.getState().views!.nominations.find((x) => x.counts.reserve > 5 && x.counts.reserve < 30)!;
  expect(n.reserve).toHaveLength(5); // the views carry the first few only
  if (n.award !== session.getState().views!.awards[0]!.award) await user.click(screen.getByRole('button', { name: new RegExp(`^${n.award.replace(/\./g, '\\.')} `) }));
  const label = `Dự bị — ${n.group === '*' ? 'Toàn tỉnh' : n.group}`;
  // Another award may have a group of the same name: this award's list starts with this reserve.
  const list = () => screen.getAllByRole('list', { name: label }).find((ol) => ol.querySelector('li')?.dataset.candidate === n.reserve[0]!.key)!;
  const reserve = () => within(list());
  expect(reserve().getAllByRole('listitem')).toHaveLength(5);
  const group = list().parentElement!;
  await user.click(within(group).getByRole('button', { name: `Xem thêm ${n.counts.reserve - 5} dòng` }));
  await waitFor(() => expect(reserve().getAllByRole('listitem')).toHaveLength(n.counts.reserve));
  const all = await session.getState().analysis!.candidates(n.id, 'reserve', 0, 200);
  expect(reserve().getAllByRole('listitem').map((li) => [li.querySelector('span')!.textContent, li.dataset.candidate])).toEqual(all.map((c, i) => [`${i + 1}.`, c.key]));
  expect(await axeViolations()).toEqual([]);
  await user.click(within(group).getByRole('button', { name: 'Thu gọn' }));
  expect(reserve().getAllByRole('listitem')).toHaveLength(5);
});
