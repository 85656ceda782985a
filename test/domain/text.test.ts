import fc from 'fast-check';
import { foldAccents, foldKey, nameKey, normalizeText, plainAuthorNames, splitAuthors, trimPunctuation } from '../../src/domain/text';

const nfd = (s: string) => s.normalize('NFD');

describe('normalizeText', () => {
  it.each([
    ['  Nguyễn   Văn A  ', 'Nguyễn Văn A'],
    ['Nguyễn\u00a0Văn\tA', 'Nguyễn Văn A'],
    ['Nguyễn\nVăn\r\nA', 'Nguyễn Văn A'],
    ['Nguyễn\u202fVăn\u200bA', 'Nguyễn VănA'],
    ['', ''],
    [' \u00a0\t\n ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('turns NFD into NFC', () => {
    const input = nfd('Liên đoàn Lao động tỉnh Lai Châu');
    expect(input).not.toBe('Liên đoàn Lao động tỉnh Lai Châu');
    expect(normalizeText(input)).toBe('Liên đoàn Lao động tỉnh Lai Châu');
  });
});

describe('nameKey (accent-sensitive)', () => {
  it.each([
    [nfd('Nguyễn Văn A'), '  nguyễn  văn a '],
    ['NGUYỄN VĂN A', 'Nguyễn Văn A'],
    ['LĐLĐ huyện Tam Đường', nfd('lđlđ  HUYỆN tam đường')],
  ])('%j and %j share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Nguyễn Văn A', 'Nguyen Van A'],
    ['Lê Thị Hà', 'Lê Thị Hạ'],
  ])('%j and %j differ', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('is lower case NFC', () => {
    expect(nameKey(nfd(' Đặng  THỊ Ánh '))).toBe('đặng thị ánh');
  });
});

describe('foldKey (accent-insensitive)', () => {
  it.each([
    ['Số SK đăng ký', 'so sk dang ky'],
    ['Tỷ lệ %', 'ty le %'],
    [nfd('Tỷ lệ %'), 'ty le %'],
    ['  SỐ  SK  ', 'so sk'],
    ['Giá trị làm lợi (đồng/năm)', 'gia tri lam loi dong/nam'],
    ['Tác giả/Đồng tác giả', 'tac gia/dong tac gia'],
    ['STT.', 'stt'],
    ['Tên đơn vị:', 'ten don vi'],
    ['Kết quả - Số SK', 'ket qua so sk'],
    ['Có nội dung khen thưởng SK trong TƯLĐTT/quy chế', 'co noi dung khen thuong sk trong tuldtt/quy che'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });
});

describe('foldAccents', () => {
  it('keeps punctuation', () => {
    expect(foldAccents('1,5 Tỷ ĐỒNG')).toBe('1,5 ty dong');
  });
});

describe('splitAuthors', () => {
  it.each<[string, string[]]>([
    ['Nguyễn Văn A', ['Nguyễn Văn A']],
    ['Nguyễn Văn A, Lê Thị B', ['Nguyễn Văn A', 'Lê Thị B']],
    ['Nguyễn Văn A; Lê Thị B;', ['Nguyễn Văn A', 'Lê Thị B']],
    ['Nguyễn Văn A\nLê Thị B\r\nTrần C', ['Nguyễn Văn A', 'Lê Thị B', 'Trần C']],
    ['- Nguyễn Văn A.\n- Lê Thị B', ['Nguyễn Văn A', 'Lê Thị B']],
    ['• Nguyễn  Văn\u00a0A ,, ; ', ['Nguyễn Văn A']],
    ['Trần C (chủ nhiệm), Lê D', ['Trần C (chủ nhiệm)', 'Lê D']],
    ['Lê Văn B và Trần C', ['Lê Văn B và Trần C']],
    ['', []],
    [' , ; \n', []],
  ])('%j → %j', (input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });

  it('keeps written order and NFC', () => {
    expect(splitAuthors(nfd('Phạm Đức, Âu Cơ'))).toEqual(['Phạm Đức', 'Âu Cơ']);
  });
});

describe('normalizeText fast path', () => {
  // The definition, without the shortcut for texts that are already normal.
  const reference = (s: string) => s.normalize('NFC').replace(/[\u200b\u200c\u200d\u2060]/g, '').replace(/\s+/g, ' ').trim();
  const pieces = ['a', 'Ư', 'ệ', 'đ', 'Đ', ' ', '  ', '\u00a0', '\t', '\n', '\u0301', '\u0323', '\u0306', 'e\u0302', '\u200b', '\u2028', '\u1161', '\u1100', '한', '\u2000', '\u2126', '\u212b', 'Å', '✓', '–', '…', '(', '1', '%', '\ufeff', '\u3000', '😀', '\u0340', '\u0374'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));

  it('gives exactly the NFC, whitespace-collapsed, trimmed text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => normalizeText(s) === reference(s)), { numRuns: 5000 });
  });

  it('splits authors exactly as the general path does', () => {
    const general = (s: string) => s.split(/[,;\n\r\u2028\u2029]+/).map((p) => normalizeText(trimPunctuation(normalizeText(p)))).filter((p) => p !== '');
    const names = fc.array(fc.oneof(text, fc.constantFrom(',', ';', '\n', '-', '.', '•', ')', '[', 'Lê Thị B', '(chủ nhiệm)')), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(names, (s) => JSON.stringify(splitAuthors(s)) === JSON.stringify(general(s))), { numRuns: 5000 });
  });

  it('reads an author cell in one pass exactly as the general path does, or leaves it to it', () => {
    const noisy = fc.array(fc.oneof(text, fc.constantFrom(',', ';', ', ', ' ,', ' ', '\n', '-', '.', '•', ')', '[', 'Lê Thị B', '(chủ nhiệm)', 'A')), { maxLength: 10 }).map((a) => a.join(''));
    const clean = fc.array(fc.constantFrom(',', ';', ', ', ' ,', ' ', 'Lê Thị B', 'Ư', 'ệ', 'đ', '(chủ nhiệm)', 'A', '1', '.', ')', '✓'), { maxLength: 8 }).map((a) => a.join(''));
    const names = fc.oneof(noisy, clean);
    let taken = 0;
    fc.assert(
      fc.property(names, (s) => {
        const plain = plainAuthorNames(s);
        if (plain === null) return true;
        taken++;
        return normalizeText(s) === s && JSON.stringify(plain) === JSON.stringify(splitAuthors(s));
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(500); // the one pass is exercised, not only declined
  });

  it.each<[string, string[] | null]>([
    ['Nguyễn Văn A', ['Nguyễn Văn A']],
    ['Nguyễn Văn A, Lê Thị B;Trần C ; Hà D,', ['Nguyễn Văn A', 'Lê Thị B', 'Trần C', 'Hà D']],
    [',, Lê Thị B', ['Lê Thị B']],
    ['Nguyễn Văn A\nLê Thị B', null], // a line break: the general path
    ['Nguyễn  Văn A', null],
    ['- Nguyễn Văn A', null], // punctuation to trim
    ['Nguyễn Văn A ', null],
    [', ;', null], // no one
    ['', null],
  ])('one pass: %j → %j', (input, expected) => {
    expect(plainAuthorNames(input)).toEqual(expected);
  });

  it('returns a normal text unchanged and turns others into it', () => {
    for (const s of ['Nguyễn Văn A', 'CĐCS Trường PTDTBT THCS Bản Bo', '106/QĐ-PGDĐT ngày 25/12/2022', '✓']) expect(normalizeText(s)).toBe(s);
    expect(normalizeText('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(normalizeText('\u2126')).toBe('\u03a9'); // a singleton: Ohm sign → Omega
    expect(normalizeText('a\u2000b')).toBe('a b');
  });
});
