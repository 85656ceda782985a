import { foldAccents, foldKey, nameKey, normalizeText, splitAuthors } from '../../src/domain/text';

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
