/**
 * The automatic review flags of one run — half a million at a million initiatives — kept as two
 * numbers each: the initiative, and the flag's code and message. The `Issue` is made when read
 * (a review-sheet page, a pane page), so the run holds no half a million objects for them.
 */
import type { Bilingual } from '../i18n';
import type { Issue } from '../issues';
import type { Initiative } from '../model';

interface FlagEntry {
  code: string;
  message: Bilingual;
}

/** One literal per flag: `{ ...place, code, message }` would cost V8 a new hidden class per flag. */
function initiativeFlag(i: Initiative, code: string, message: Bilingual): Issue {
  const { sheet, row } = i.source;
  return { sheet, row, column: null, subject: i.title, severity: 'warning', kind: 'initiative', unit: i.unitName, code, message };
}

export class FlagList implements Iterable<Issue> {
  private initiative: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private entry: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private count = 0;
  /** Codes and messages: a shared one (the same for every initiative) once, a dated one each time. */
  private readonly entries: FlagEntry[] = [];
  private readonly shared = new Map<object, number>();

  constructor(private readonly initiatives: Initiative[]) {}

  get length(): number {
    return this.count;
  }

  /** `sharedAs`: an object standing for a code and message that never change (a shared check). */
  add(initiativeId: number, code: string, message: Bilingual, sharedAs?: object): void {
    let e = sharedAs === undefined ? undefined : this.shared.get(sharedAs);
    if (e === undefined) {
      e = this.entries.push({ code, message }) - 1;
      if (sharedAs !== undefined) this.shared.set(sharedAs, e);
    }
    if (this.count === this.initiative.length) {
      this.initiative = grow(this.initiative);
      this.entry = grow(this.entry);
    }
    this.initiative[this.count] = initiativeId;
    this.entry[this.count++] = e;
  }

  at(n: number): Issue {
    const e = this.entryAt(n);
    return initiativeFlag(this.initiatives[this.initiative[n]!]!, e.code, e.message);
  }

  /** Flag `n`'s initiative (`entryAt`: its code and message), without making its `Issue` (the review sheet's rows). */
  initiativeAt(n: number): Initiative {
    return this.initiatives[this.initiative[this.checked(n)]!]!;
  }

  entryAt(n: number): Readonly<FlagEntry> {
    return this.entries[this.entry[this.checked(n)]!]!;
  }

  private checked(n: number): number {
    if (n < 0 || n >= this.count) throw new RangeError(`flag ${n} of ${this.count}`);
    return n;
  }

  *[Symbol.iterator](): Iterator<Issue> {
    for (let n = 0; n < this.count; n++) yield this.at(n);
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
