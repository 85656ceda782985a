/** @jest-environment jsdom */
/** Step 2 — Tiêu chí: counts, highlights in the workbook, selecting rows, the selected row's reasons, parameters, presets. */
import './dom-setup';
import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, idle, openStep, renderPane } from './render';
import { dropColumn, highlightsOn, sampleFake, sampleSession, sessionOver, sheetRows } from './helpers';

jest.setTimeout(60_000);

const card = (id: string) => within(document.querySelector(`[data-criterion="${id}"]`) as HTMLElement);

test('every criterion with met / not met / unknown; highlighting adds and removes exactly its formats', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  const view = session.getState().views!.criteria.find((c) => c.id === '2.1.2a')!;
  expect(card('2.1.2a').getByText('Vượt trên 150% chỉ tiêu')).toBeInTheDocument();
  expect(card('2.1.2a').getByRole('button', { name: new RegExp(`^Đạt ${view.counts.met} —`) })).toBeEnabled();
  expect(card('2.1.2a').getByRole('button', { name: new RegExp(`^Không đạt ${view.counts.not_met} —`) })).toBeInTheDocument();
  expect(card('2.1.2a').getByRole('button', { name: new RegExp(`^Chưa rõ ${view.counts.unknown} —`) })).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);

  const toggle = card('2.1.2a').getByRole('button', { name: 'Tô màu các dòng đạt tiêu chí 2.1.2a' });
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await user.click(toggle);
  await idle(session);
  await waitFor(() => expect(card('2.1.2a').getByRole('button', { name: 'Tô màu các dòng đạt tiêu chí 2.1.2a' })).toHaveAttribute('aria-pressed', 'true'));
  const marked = highlightsOn(fake, 'CĐCS').get('2.1.2a')!;
  expect(marked.length).toBeGreaterThan(0);
  const cf = fake.workbook.snapshot('CĐCS').conditionalFormats.find((c) => c.formula?.includes('BinhXet:2.1.2a'))!;
  expect(cf.fill).toBe(view.color.toUpperCase());
  expect(screen.getByText(`Đã tô màu ${view.counts.met} dòng đạt tiêu chí 2.1.2a.`)).toBeInTheDocument();
  // The legend names the colour of what is highlighted.
  const legend = within(screen.getByRole('region', { name: 'Đang tô màu' }));
  expect(legend.getByText('2.1.2a')).toBeInTheDocument();

  // A second criterion, then "Xóa tô màu": nothing of the add-in is left, the officer's formats stay.
  await user.click(card('2.1.2b').getByRole('button', { name: 'Tô màu các dòng đạt tiêu chí 2.1.2b' }));
  await idle(session);
  expect([...highlightsOn(fake, 'CĐCS').keys()].sort()).toEqual(['2.1.2a', '2.1.2b']);
  await user.click(card('2.1.2a').getByRole('button', { name: 'Tô màu các dòng đạt tiêu chí 2.1.2a' }));
  await idle(session);
  expect([...highlightsOn(fake, 'CĐCS').keys()]).toEqual(['2.1.2b']);
  await user.click(legend.getByRole('button', { name: 'Xóa tô màu' }));
  await idle(session);
  expect(highlightsOn(fake, 'CĐCS').size).toBe(0);
  expect(screen.queryByRole('region', { name: 'Đang tô màu' })).toBeNull();
  expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ highlighted: [] });
});

test('a count selects those rows in Excel; selecting a row in Excel shows every verdict with its reason', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  expect(screen.getByText(/Chọn một ô trong bảng đơn vị, sáng kiến hoặc cán bộ/)).toBeInTheDocument();
  await user.click(card('2.1.2a').getByRole('button', { name: /^Đạt \d+ — / }));
  await idle(session);
  const met = session.getState().views!.criteria.find((c) => c.id === '2.1.2a')!.counts.met;
  expect(fake.selection()!.sheet).toBe('CĐCS');
  expect(await screen.findByText(`Đã chọn ${met} dòng trên trang «CĐCS».`)).toBeInTheDocument();

  // The officer clicks Bản Bo's row (6/4 = exactly 150%: not above 150%).
  // (The rows are with the engine, not in the pane's state: found in the sheet itself.)
  const cdcs = sheetRows(fake, 'CĐCS');
  const at = cdcs.findIndex((r) => !!r[1]?.includes('Bản Bo') && r[3] === '4' && r[4] === '6');
  const banBo = { name: cdcs[at]![1]!, source: { row: at + 1 } };
  await fake.userSelect('CĐCS', `C${banBo.source.row}`);
  const box = within(await screen.findByRole('region', { name: 'Dòng đang chọn trong Excel' }));
  expect(await box.findByText(`Trang «CĐCS», dòng ${banBo.source.row}`)).toBeInTheDocument();
  expect(box.getByText(new RegExp(`Đơn vị: ${banBo.name}`))).toBeInTheDocument();
  const line = box.getByText('2.1.2a').closest('li')!;
  expect(line).toHaveTextContent('150% kế hoạch (6/4), chưa đạt trên 150%');
  expect(within(line).getByRole('img', { name: 'Không đạt' })).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);

  // A title row is not a subject.
  await fake.userSelect('CĐCS', 'A1');
  expect(await box.findByText('Dòng 1 trang «CĐCS» không phải một đơn vị, sáng kiến hay cán bộ.')).toBeInTheDocument();
});

test('parameters: each beside the guidance wording; a change re-evaluates and is remembered', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  await user.click(screen.getByRole('button', { name: /Tham số theo hướng dẫn/ }));
  const many = screen.getByRole('spinbutton', { name: '"Nhiều" sáng kiến = ít nhất' });
  expect(screen.getByText('«có nhiều sáng kiến có giá trị làm lợi cao»')).toBeInTheDocument();
  expect(screen.getByText('«đạt trên 200% … trở lên»')).toBeInTheDocument();
  const before = session.getState().views!.criteria.find((c) => c.id === '2.1.2b')!.counts.met;
  await user.clear(many);
  await user.type(many, '5{Enter}');
  await idle(session);
  await waitFor(() => expect(session.getState().settings.params).toEqual({ many: 5 }));
  const after = session.getState().views!.criteria.find((c) => c.id === '2.1.2b')!.counts.met;
  expect(after).toBeLessThan(before);
  expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ params: { many: 5 } });
  expect(card('2.1.2b').getByRole('button', { name: new RegExp(`^Đạt ${after} —`) })).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Về mặc định' }));
  await idle(session);
  expect(session.getState().views!.criteria.find((c) => c.id === '2.1.2b')!.counts.met).toBe(before);
});

test('choosing the Confederation preset decides its criteria only; the choice is remembered', async () => {
  const { fake, session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  await user.click(screen.getByRole('combobox', { name: 'Xét theo' }));
  await user.click(await screen.findByRole('option', { name: 'Hướng dẫn 91/HD-TLĐ của Tổng Liên đoàn (2023)' }));
  await idle(session);
  await waitFor(() => expect(document.querySelector('[data-criterion="2.1.2a"]')).toBeNull());
  expect(document.querySelector('[data-criterion="1.1.1a"]')).not.toBeNull();
  expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ rules: { preset: 'tld-91-2023' } });
});

test('a rule set of their own that does not validate is refused with the reasons', async () => {
  const { session } = await sampleSession();
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await user.upload(input, new File([JSON.stringify({ id: 'x', topLevel: 'upper', criteria: [] })], 'rules.json', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByText('Không dùng được bộ tiêu chí này:')).toBeInTheDocument());
  expect(screen.getByText(/không có tiêu chí nào/)).toBeInTheDocument();
  expect(session.getState().rules.id).toBe('lai-chau-82-2023');
});

test('without a plan column, the criteria are unknown and say why', async () => {
  const fake = await sampleFake();
  dropColumn(fake, 'TH chỉ tiêu', 'Chỉ tiêu giao');
  dropColumn(fake, 'CĐCS', 'Chỉ tiêu');
  const { session } = sessionOver(fake);
  const { user } = renderPane(session);
  await idle(session);
  await openStep(user, 'Tiêu chí');
  expect(card('2.1.2a').getByRole('button', { name: /^Đạt 0 —/ })).toBeDisabled();
  expect(card('2.1.2a').getByRole('button', { name: /^Chưa rõ 100 —/ })).toBeEnabled();
  expect(card('2.1.2a').getByText(/Chưa rõ vì: chưa biết tỷ lệ: bảng không có cột chỉ tiêu/)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
});
