/** The shared-strings part as plain texts: rich-text runs joined, phonetic guides (`<rPh>`) dropped. */
import { XmlScanner } from './xml-scanner';

const SI = 0x7369; // "si"
const T = 0x74; // "t"

class SharedStringsParser extends XmlScanner {
  readonly strings: string[] = [];
  private current = '';
  private phonetic = 0;

  protected openTag(buf: Buffer, _name: number, local: number, nameEnd: number): void {
    const len = nameEnd - local;
    if (len === 1 && buf[local] === T) {
      if (this.phonetic === 0) this.collecting = true;
    } else if (len === 2 && ((buf[local] << 8) | buf[local + 1]) === SI) {
      this.current = '';
    } else if (isRPh(buf, local, len)) {
      this.phonetic++;
    }
  }

  protected closeTag(buf: Buffer, local: number, nameEnd: number): void {
    const len = nameEnd - local;
    if (len === 1 && buf[local] === T) {
      this.collecting = false;
    } else if (len === 2 && ((buf[local] << 8) | buf[local + 1]) === SI) {
      this.strings.push(this.current);
    } else if (isRPh(buf, local, len)) {
      this.phonetic--;
    }
  }

  protected override text(buf: Buffer, start: number, end: number, flags: number): void {
    this.current += this.decodeText(buf, start, end, flags);
  }
}

function isRPh(buf: Buffer, local: number, len: number): boolean {
  return len === 3 && buf[local] === 0x72 && buf[local + 1] === 0x50 && buf[local + 2] === 0x68;
}

export async function sharedStringsFrom(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<string[]> {
  const parser = new SharedStringsParser();
  for await (const chunk of chunks) parser.write(chunk);
  parser.end();
  return parser.strings;
}
