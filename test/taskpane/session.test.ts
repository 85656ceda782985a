import { sampleSession, highlightsOn, sheetRows } from './helpers';

jest.setTimeout(30_000);

describe('Session over the Excel adapter and the fake sample workbook', () => {
  test('loads, evaluates, highlights, decides and writes', async () => {
    const { fake, session } = await sampleSession();
    await session.start();
    const s = session.getState();
    expect(s.error).toBeNull();
    expect(s.status).toBe('ready');
    expect(s.data!.sheets.map((x) => [x.name, x.status, x.role])).toEqual([
      ['TH chỉ tiêu', 'used', 'units'],
      ['CĐCS', 'used', 'units'],
      ['DS sáng kiến', 'used', 'initiatives'],
      ['Cán bộ', 'used', 'officials'],
    ]);
    const c = s.views!.criteria.find((x) => x.id === '2.1.2a')!;
    expect(c.counts.met).toBeGreaterThan(0);

    await session.toggleHighlight('2.1.2a');
    expect(session.getState().error).toBeNull();
    expect(highlightsOn(fake, 'CĐCS').get('2.1.2a')!.length).toBeGreaterThan(0);
    expect(fake.settings!.saved.get('binhxet.settings')).toMatchObject({ highlighted: ['2.1.2a'] });

    await session.selectSubjects('2.1.2a', 'met');
    expect(fake.selection()!.sheet).toBe('CĐCS');
    expect(session.getState().notice).toMatchObject({ type: 'selected', sheet: 'CĐCS' });

    await fake.userSelect('CĐCS', 'B5');
    expect(session.getState().explanation!.subjects[0]!.verdicts.length).toBeGreaterThan(0);

    const flag = session.getState().views!.flags.find((f) => f.code === 'missing_recognition_doc')!;
    await session.decide({ type: 'flag', flag }, { kind: 'exclude', reason: 'Không có QĐ', reviewer: 'Lò Văn A', award: null });
    expect(session.getState().error).toBeNull();
    const review = sheetRows(fake, 'Rà soát');
    expect(review.some((r) => r.includes('Loại') && r.includes('Lò Văn A') && r.includes('Không có QĐ'))).toBe(true);

    await session.writeNominations();
    await session.writeSummary();
    expect(session.getState().error).toBeNull();
    expect(fake.workbook.has('Đề cử 2.1.2')).toBe(true);
    expect(fake.workbook.snapshot('Tổng hợp').customProperties['BinhXet.owned']).toBe('1');

    await session.clearHighlights();
    expect(highlightsOn(fake, 'CĐCS').size).toBe(0);
    session.dispose();
  });
});
