import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cells';
import type { DocumentRef, Parsed } from '../../src/domain/parse/types';
import {
  parseDate,
  parseDocument,
  parseInteger,
  parseMoney,
  parsePercent,
  parseText,
  parseYesNo,
  usualDocumentDay,
} from '../../src/domain/parse/values';

const nfd = (s: string) => s.normalize('NFD');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function valueOf<T>(p: Parsed<T>): T | 'empty' | 'bad' {
  return p.kind === 'ok' ? p.value : p.kind;
}

describe('parseInteger', () => {
  it.each<[CellValue, number]>([
    [12, 12],
    [12.0, 12],
    [0, 0],
    [-0, 0],
    [-5, -5],
    ['12', 12],
    ['12.0', 12],
    ['12,00', 12],
    ['3.120', 3120],
    ['1.250.000', 1250000],
    ['3 120', 3120],
    ['3\u00a0120', 3120],
    ['1\u202f250\u202f000', 1250000],
    ['3,120', 3120],
    ['1,250,000', 1250000],
    ['12 SK', 12],
    ['25 sáng kiến', 25],
    [nfd('25 sáng kiến'), 25],
    ['3.120 đoàn viên', 3120],
    ['  38  ', 38],
    ['-7', -7],
    ['+7', 7],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ['9.007.199.254.740.991', Number.MAX_SAFE_INTEGER],
  ])('%j → %j', (input, expected) => {
    expect(parseInteger(input)).toEqual({ kind: 'ok', value: expected });
  });

  it.each<CellValue>([null, '', '   ', '\u00a0', '-', '—', '–', '--'])('%j → empty', (input) => {
    expect(parseInteger(input)).toEqual({ kind: 'empty' });
  });

  it.each<CellValue>([
    12.5,
    '12,5',
    '1.5',
    '12a',
    '12 a',
    'mười hai',
    'khoảng 12',
    '12 triệu',
    '12 đồng',
    '12%',
    '0.500',
    '1.2.3',
    '1.25.000',
    '3 12',
    true,
    false,
    utc(2023, 8, 31),
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 1,
    1e300,
    '9.007.199.254.740.992',
  ])('%j → bad', (input) => {
    expect(parseInteger(input).kind).toBe('bad');
  });

  it('says why a fraction is bad', () => {
    expect(parseInteger(12.5)).toEqual({
      kind: 'bad',
      raw: '12.5',
      reason: { vi: 'không phải số nguyên: «12.5»', en: 'not a whole number: «12.5»' },
    });
  });

  it('quotes the raw text in an unreadable number', () => {
    expect(parseInteger('12a')).toEqual({
      kind: 'bad',
      raw: '12a',
      reason: { vi: 'không đọc được số: «12a»', en: 'not a number: «12a»' },
    });
  });

  it('says when a number is too large', () => {
    const p = parseInteger(2 ** 60);
    expect(p.kind === 'bad' && p.reason.en).toMatch(/too large/);
  });
});

describe('parseMoney', () => {
  it.each<[CellValue, number]>([
    [1250000000, 1250000000],
    [1250000000.4, 1250000000],
    [0.5, 1],
    [0, 0],
    ['0', 0],
    ['0 đ', 0],
    ['1.250.000.000', 1250000000],
    ['1.250.000.000 đ', 1250000000],
    ['1.250.000.000đ', 1250000000],
    ['1.250.000.000 VNĐ', 1250000000],
    ['1.250.000.000 VND', 1250000000],
    ['1.250.000.000 đồng', 1250000000],
    [nfd('1.250.000.000 đồng'), 1250000000],
    ['1.250.000.000 đồng/năm', 1250000000],
    ['1 250 000 000', 1250000000],
    ['1,250,000,000', 1250000000],
    ['1250000000', 1250000000],
    ['1.250.000,5', 1250001],
    ['120 triệu', 120000000],
    ['120 Triệu đồng', 120000000],
    ['120 tr', 120000000],
    ['120tr', 120000000],
    ['120 tr.', 120000000],
    ['120 trđ', 120000000],
    ['1,5 tỷ', 1500000000],
    ['1.5 tỷ', 1500000000],
    ['1,5 tỷ đồng', 1500000000],
    ['2 tỉ', 2000000000],
    ['2 TỶ', 2000000000],
    ['1,1 tỷ', 1100000000],
    ['0,3 tỷ', 300000000],
    ['2,35 triệu', 2350000],
    ['500 nghìn', 500000],
    ['500 ngàn', 500000],
    ['500k', 500000],
    ['1 tỷ 200 triệu', 1200000000],
    ['1tỷ200triệu', 1200000000],
    ['2 tỷ 350 triệu 500 nghìn đồng', 2350500000],
    ['1,234567891 tỷ', 1234567891],
    ['1,2345678915 tỷ', 1234567892],
    ['-1.000.000', -1000000],
    // criterion thresholds
    ['50.000.000', 50000000],
    ['50 triệu', 50000000],
    ['100.000.000', 100000000],
    ['100 triệu', 100000000],
    ['1.000.000.000', 1000000000],
    ['1 tỷ', 1000000000],
    ['30.000.000.000', 30000000000],
    ['30 tỷ', 30000000000],
    ['10 tỷ', 10000000000],
    ['10.000.000.000 đ', 10000000000],
    [30000000000, 30000000000],
  ])('%j → %j', (input, expected) => {
    expect(parseMoney(input)).toEqual({ kind: 'ok', value: expected });
  });

  it('just below the thresholds stays below', () => {
    expect(valueOf(parseMoney('49.999.999'))).toBe(49999999);
    expect(valueOf(parseMoney('99.999.999 đ'))).toBe(99999999);
    expect(valueOf(parseMoney('0,999999999 tỷ'))).toBe(999999999);
    expect(valueOf(parseMoney('29,999999999 tỷ'))).toBe(29999999999);
    expect(valueOf(parseMoney('9 tỷ 999 triệu'))).toBe(9999000000);
  });

  it.each<CellValue>([null, '', '  ', '-', '—', 'không', 'Không', nfd('KHÔNG'), 'không có'])('%j → empty', (input) => {
    expect(parseMoney(input)).toEqual({ kind: 'empty' });
  });

  it.each<CellValue>([
    'chưa tính được',
    'nhiều',
    'khoảng 1 tỷ',
    '1 tỷ 2',
    '200 triệu 1 tỷ',
    '1,250 tỷ',
    '1.250 tỷ',
    '12a',
    'đ',
    '1..2',
    true,
    utc(2023, 1, 1),
    NaN,
    Infinity,
    1e300,
    '9.007.199.254.740.992',
    '10000000 tỷ',
  ])('%j → bad', (input) => {
    expect(parseMoney(input).kind).toBe('bad');
  });

  it('explains an ambiguous single group before tỷ', () => {
    const p = parseMoney('1,250 tỷ');
    expect(p.kind === 'bad' && p.reason.en).toMatch(/ambiguous/);
  });

  it('reasons about free text', () => {
    expect(parseMoney('chưa tính được')).toEqual({
      kind: 'bad',
      raw: 'chưa tính được',
      reason: { vi: 'không đọc được số tiền: «chưa tính được»', en: 'not an amount of money: «chưa tính được»' },
    });
  });
});

describe('parsePercent', () => {
  it.each<[CellValue, number]>([
    ['164%', 164],
    ['164 %', 164],
    ['164,5%', 164.5],
    ['164.5%', 164.5],
    ['164', 164],
    ['1,64', 1.64],
    ['150%', 150],
    ['0%', 0],
    [164, 164],
    [1.64, 1.64],
    [-5, -5],
  ])('%j → %j', (input, expected) => {
    expect(parsePercent(input)).toEqual({ kind: 'ok', value: expected });
  });

  it.each<[number, number]>([
    [1.64, 164],
    [1.5, 150],
    [1.645, 164.5],
    [0.07, 7],
    [2, 200],
    [1.1, 110],
  ])('fraction %j → %j', (input, expected) => {
    expect(parsePercent(input, { fraction: true })).toEqual({ kind: 'ok', value: expected });
  });

  it('fraction option leaves text alone', () => {
    expect(parsePercent('164%', { fraction: true })).toEqual({ kind: 'ok', value: 164 });
  });

  it.each<CellValue>([null, '', '-', '—'])('%j → empty', (input) => {
    expect(parsePercent(input)).toEqual({ kind: 'empty' });
  });

  it.each<CellValue>(['trên 150%', 'abc', '%', '1,6,4', true, utc(2023, 1, 1), NaN, Infinity])('%j → bad', (input) => {
    expect(parsePercent(input).kind).toBe('bad');
  });
});

describe('parseDate', () => {
  it.each<[CellValue, string]>([
    // the cutoff window 2021-09-01 … 2023-08-31 and its neighbours
    ['31/8/2021', '2021-08-31'],
    ['1/9/2021', '2021-09-01'],
    ['31/8/2023', '2023-08-31'],
    ['1/9/2023', '2023-09-01'],
    [44439, '2021-08-31'],
    [44440, '2021-09-01'],
    [45169, '2023-08-31'],
    [45170, '2023-09-01'],
    [45169.99, '2023-08-31'],
    ['45169', '2023-08-31'],
    [utc(2023, 8, 31), '2023-08-31'],
    [utc(2021, 9, 1), '2021-09-01'],
    [new Date(Date.UTC(2023, 7, 31, 23, 59)), '2023-08-31'],
    ['31-08-2023', '2023-08-31'],
    ['31.08.2023', '2023-08-31'],
    ['31/08/2023', '2023-08-31'],
    ['31 / 8 / 2023', '2023-08-31'],
    ['ngày 31/8/2023', '2023-08-31'],
    ['Ngày 31/8/2023', '2023-08-31'],
    [nfd('ngày 31/8/2023'), '2023-08-31'],
    ['ngày 31 tháng 8 năm 2023', '2023-08-31'],
    [nfd('Ngày 31 tháng 8 năm 2023'), '2023-08-31'],
    ['31 tháng 8 năm 2023', '2023-08-31'],
    ['2023-08-31', '2023-08-31'],
    ['2023-08-31T00:00:00.000Z', '2023-08-31'],
    ['31/8/2023 10:15', '2023-08-31'],
    ['29/2/2024', '2024-02-29'],
    // Excel's 1900 system, before and after its fake 29 February
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    ['1/1/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
    [73415, '2100-12-31'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ kind: 'ok', value: expected });
  });

  it.each<CellValue>([null, '', '  ', '-', '—'])('%j → empty', (input) => {
    expect(parseDate(input)).toEqual({ kind: 'empty' });
  });

  it.each<[CellValue, RegExp]>([
    [0, /serial/],
    [-1, /serial/],
    [0.5, /serial/],
    [60, /no such date/],
    [73416, /1900–2100/],
    [NaN, /serial/],
    [Infinity, /serial/],
    ['31/02/2023', /no such date/],
    ['29/2/2023', /no such date/],
    ['31/4/2023', /no such date/],
    ['0/1/2023', /no such date/],
    ['8/31/2023', /no such date/],
    ['31/8/23', /4 digits/],
    ['31-08-23', /4 digits/],
    ['31/12/1899', /1900–2100/],
    ['1/1/2101', /1900–2100/],
    [utc(1899, 12, 31), /1900–2100/],
    [utc(2101, 1, 1), /1900–2100/],
    [new Date(NaN), /not a date/],
    ['2023', /not a date/],
    ['31082023', /not a date/],
    ['31/08-2023', /not a date/],
    ['hôm qua', /not a date/],
    ['31/8/20234', /not a date/],
    [true, /not a date/],
  ])('%j → bad (%s)', (input, reason) => {
    const p = parseDate(input);
    expect(p.kind).toBe('bad');
    expect(p.kind === 'bad' && p.reason.en).toMatch(reason);
  });

  it('gives the impossible date in Vietnamese', () => {
    expect(parseDate('31/02/2023')).toEqual({
      kind: 'bad',
      raw: '31/02/2023',
      reason: { vi: 'ngày không có thật: «31/02/2023»', en: 'no such date: «31/02/2023»' },
    });
  });
});

describe('parseYesNo', () => {
  it.each<CellValue>([
    'x',
    'X',
    'Có',
    'có',
    nfd('Có'),
    'co',
    'Rồi',
    'Đã',
    'Đã đăng',
    'Đã khen',
    'đã khen thưởng tác giả',
    'ĐÃ ĐĂNG',
    '✓',
    '✔',
    '1',
    1,
    'TRUE',
    'true',
    true,
    'Yes',
    'Y',
    '125/QĐ-CĐ ngày 12/5/2023',
    nfd('125/QĐ-CĐ ngày 12/5/2023'),
    'Số 12/QĐ',
    'QĐ số 45',
    'Quyết định khen thưởng',
    '12/5/2023',
    45169,
    utc(2023, 5, 12),
    'https://sangkien.laodong.vn/sk/123',
  ])('%j → yes', (input) => {
    expect(parseYesNo(input)).toEqual({ kind: 'ok', value: true });
  });

  it.each<CellValue>([
    'Không',
    'không',
    nfd('KHÔNG'),
    'khong',
    'Chưa',
    'Chưa có',
    'Chưa đăng',
    'Không có quyết định',
    '0',
    0,
    '-',
    '—',
    'No',
    'FALSE',
    false,
  ])('%j → no', (input) => {
    expect(parseYesNo(input)).toEqual({ kind: 'ok', value: false });
  });

  it.each<CellValue>([null, '', '   '])('%j → empty (not "no")', (input) => {
    expect(parseYesNo(input)).toEqual({ kind: 'empty' });
  });

  it.each<CellValue>(['nhiều', 'có thể', 'Cơ quan', 'abc', '2', 5, -1, 0.5, NaN, Infinity, new Date(NaN)])(
    '%j → bad',
    (input) => {
      expect(parseYesNo(input).kind).toBe('bad');
    },
  );

  it('has a bilingual reason', () => {
    expect(parseYesNo('nhiều')).toEqual({
      kind: 'bad',
      raw: 'nhiều',
      reason: { vi: 'không rõ là có hay không: «nhiều»', en: 'not a yes/no: «nhiều»' },
    });
  });
});

describe('parseDocument', () => {
  const present = (date: string | null): DocumentRef => ({ present: true, date });
  const absent: DocumentRef = { present: false, date: null };

  it.each<[CellValue, DocumentRef]>([
    ['x', present(null)],
    ['Có', present(null)],
    ['✓', present(null)],
    [true, present(null)],
    [1, present(null)],
    ['125/QĐ-CĐ ngày 12/5/2023', present('2023-05-12')],
    [nfd('125/QĐ-CĐ ngày 12/5/2023'), present('2023-05-12')],
    ['Số 12/QĐ', present(null)],
    ['QĐ số 7, 12/05/2023', present('2023-05-12')],
    ['Số 01/2023/QĐ-UBND', present(null)],
    ['Số 01/2023/QĐ-UBND ngày 3/1/2023', present('2023-01-03')],
    ['Quyết định số 5 ngày 12 tháng 5 năm 2023', present('2023-05-12')],
    ['Đã có QĐ ngày 1/9/2021', present('2021-09-01')],
    ['12/05/2023', present('2023-05-12')],
    ['ngày 31/8/2023', present('2023-08-31')],
    ['45169', present('2023-08-31')],
    [45169, present('2023-08-31')],
    [utc(2023, 8, 31), present('2023-08-31')],
    ['Không', absent],
    ['Chưa có', absent],
    ['-', absent],
    ['0', absent],
    [0, absent],
    [false, absent],
  ])('%j → %j', (input, expected) => {
    expect(parseDocument(input)).toEqual({ kind: 'ok', value: expected });
  });

  it.each<CellValue>([null, '', ' '])('%j → empty', (input) => {
    expect(parseDocument(input)).toEqual({ kind: 'empty' });
  });

  it.each<[CellValue, RegExp]>([
    ['nhiều', /yes\/no/],
    ['QĐ 12 ngày 31/02/2023', /no such date/],
    ['31/02/2023', /no such date/],
    ['QĐ 12 ngày 12/5/23', /4 digits/],
    ['1/1/2101', /1900–2100/],
    [125, /yes\/no/],
    [NaN, /yes\/no/],
  ])('%j → bad (%s)', (input, reason) => {
    const p = parseDocument(input);
    expect(p.kind === 'bad' && p.reason.en).toMatch(reason);
  });
});

describe('usualDocumentDay', () => {
  // The expression it replaces: what it reads, and the day it reads.
  const USUAL = /^\d+\/[A-Za-zĐđ][A-Za-zĐđ-]* ngày (\d{1,2})\/(\d{1,2})\/(\d{4})$/;
  const byExpression = (s: string) => {
    const m = USUAL.exec(s);
    return m ? Number(m[3]) * 10_000 + Number(m[2]) * 100 + Number(m[1]) : -1;
  };
  const piece = fc.constantFrom('1', '25', '007', '/', 'Q', 'Đ', 'đ', 'ư', '-', 'CĐ', ' ', ' ngày ', ' ngay ', 'ngày', '12', '5', '2023', '23', '0', 'x', '.');
  // Mostly the usual form, each part sometimes wrong.
  const mostly = (good: fc.Arbitrary<string>, bad: fc.Arbitrary<string>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: bad, weight: 1 });
  const usualish = fc.tuple(
    mostly(fc.stringMatching(/^\d{1,4}$/), fc.constantFrom('', 'a', '1 ')),
    mostly(fc.constantFrom('QĐ', 'Q', 'đ', 'QĐ-CĐ', 'QD-', 'Đ--'), fc.constantFrom('-Q', '', 'Ư', 'Q Đ')),
    mostly(fc.constant(' ngày '), fc.constantFrom(' ngày', 'ngày ', ' Ngày ', ' ngay ')),
    mostly(fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{0,3}$/)),
    mostly(fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{0,3}$/)),
    mostly(fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{0,5}$/)),
    mostly(fc.constant(''), fc.constantFrom(' ', 'x', '/')),
  );

  it('reads exactly the texts the expression matches, as the same day', () => {
    const texts = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
      usualish.map(([no, letters, ngay, d, m, y, tail]) => `${no}/${letters}${ngay}${d}/${m}/${y}${tail}`),
      fc.string(),
    );
    let usual = 0;
    fc.assert(
      fc.property(texts, (s) => {
        if (byExpression(s) >= 0) usual++;
        return usualDocumentDay(s) === byExpression(s);
      }),
      { numRuns: 10_000 },
    );
    expect(usual).toBeGreaterThan(300); // the usual form is generated, not only the rest
  });

  it.each<[string, number]>([
    ['125/QĐ-CĐ ngày 12/5/2023', 20230512],
    ['7/đ ngày 01/09/2021', 20210901],
    ['125/QĐ-CĐ ngày 123/5/2023', -1],
    ['125/QĐ-CĐ ngày 12/5/23', -1],
    ['125/QĐ-CĐ ngày 12/5/2023 ', -1],
    ['/QĐ ngày 12/5/2023', -1],
    ['125/-QĐ ngày 12/5/2023', -1],
  ])('%j → %i', (text, day) => {
    expect(usualDocumentDay(text)).toBe(day);
  });
});

describe('parseText', () => {
  it.each<[CellValue, string]>([
    ['  Sáng kiến\u00a0 cải tiến ', 'Sáng kiến cải tiến'],
    [nfd('Lai Châu'), 'Lai Châu'],
    [1250000000, '1250000000'],
    [12, '12'],
    [-0, '0'],
    [1.5, '1.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [utc(2023, 8, 31), '2023-08-31'],
    ['=1+1', '=1+1'],
  ])('%j → %j', (input, expected) => {
    expect(parseText(input)).toEqual({ kind: 'ok', value: expected });
  });

  it.each<CellValue>([null, '', ' \n\t '])('%j → empty', (input) => {
    expect(parseText(input)).toEqual({ kind: 'empty' });
  });

  it.each<CellValue>([NaN, Infinity, new Date(NaN)])('%j → bad', (input) => {
    expect(parseText(input).kind).toBe('bad');
  });
});

describe('bad results', () => {
  it('keep the raw text and shorten long quotes', () => {
    const long = 'chưa tính được vì chưa có số liệu của năm 2023 và năm 2022 nữa';
    const p = parseMoney(long);
    expect(p.kind).toBe('bad');
    if (p.kind !== 'bad') return;
    expect(p.raw).toBe(long);
    expect(p.reason.vi).toContain('…»');
    expect(p.reason.vi.length).toBeLessThan(80);
  });
});

describe('parseYesNo first words', () => {
  it.each<[string, boolean]>([
    ['Có, tại Điều 5 quy chế', true],
    ['Đã.', true],
    ['Chưa, đang xây dựng', false],
    ['Không.', false],
  ])('%j → %j', (input, expected) => {
    expect(parseYesNo(input)).toEqual({ kind: 'ok', value: expected });
  });
});
