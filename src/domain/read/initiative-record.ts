/**
 * An initiative as the reader keeps it: a million of them live as long as the workbook does, so
 * each is one compact object — its place as two fields rather than an object of its own, its five
 * yes/no/unknown cells packed into one small integer — read through the `Initiative` interface.
 */
import type { Initiative, InitiativeColumns, SourceRef } from '../model';

/** Two bits per yes/no cell: 0 unknown, 1 no, 2 yes. */
const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** A yes/no/unknown cell as two bits. */
export const yesNoCode = (v: boolean | null): number => (v === null ? UNKNOWN : v ? YES : NO);
const unpack = (packed: number, shift: number): boolean | null => {
  const v = (packed >> shift) & 3;
  return v === UNKNOWN ? null : v === YES;
};

/** Yes/no cells in the order they are packed. */
export interface YesNoCells {
  social: boolean | null;
  posted: boolean | null;
  recognitionDoc: boolean | null;
  rewardDecision: boolean | null;
  benefitCertification: boolean | null;
}

export function packYesNo(c: YesNoCells): number {
  return yesNoCode(c.social) | (yesNoCode(c.posted) << 2) | (yesNoCode(c.recognitionDoc) << 4) | (yesNoCode(c.rewardDecision) << 6) | (yesNoCode(c.benefitCertification) << 8);
}

export class InitiativeRecord implements Initiative {
  id: number;
  unitId: number | null = null;
  authors: string[];
  unreadable?: string[] = undefined;

  constructor(
    id: number,
    readonly sheet: string,
    readonly row: number,
    readonly code: string | null,
    readonly title: string,
    authors: string[],
    readonly unitName: string | null,
    readonly field: string | null,
    readonly benefit: number | null,
    private readonly yesNo: number,
    readonly registeredOn: string | null,
    readonly docDates: string[],
    readonly has: InitiativeColumns,
  ) {
    this.id = id;
    this.authors = authors;
  }

  /** A new object each time: callers that keep it own it. */
  get source(): SourceRef {
    return { sheet: this.sheet, row: this.row };
  }

  get social(): boolean | null {
    return unpack(this.yesNo, 0);
  }

  get posted(): boolean | null {
    return unpack(this.yesNo, 2);
  }

  get recognitionDoc(): boolean | null {
    return unpack(this.yesNo, 4);
  }

  get rewardDecision(): boolean | null {
    return unpack(this.yesNo, 6);
  }

  get benefitCertification(): boolean | null {
    return unpack(this.yesNo, 8);
  }
}
