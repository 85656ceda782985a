/**
 * Reviewers' decisions, read back from the review sheet on every run: `Loại` excludes a unit,
 * person or initiative (for one award, or for all), `Giữ` keeps it (an automatic evidence flag
 * is waived), `Chọn` pins a candidate into a quota.
 */
export type DecisionKind = 'exclude' | 'keep' | 'pin';

export interface Decision {
  /** Subject key: `unit:<sheet>!<row>`, `initiative:<sheet>!<row>`, `person:<name key>|<unit key>`, `official:<sheet>!<row>`. */
  subject: string;
  kind: DecisionKind;
  award: string | null; // null = every award
  who: string | null;
  when: string | null;
  note: string | null;
}

export class DecisionBook {
  private bySubject = new Map<string, Decision[]>();

  constructor(readonly all: Decision[] = []) {
    for (const d of all) {
      const list = this.bySubject.get(d.subject);
      if (list) list.push(d);
      else this.bySubject.set(d.subject, [d]);
    }
  }

  /** The last decision about a subject that concerns this award (or every award). */
  get(subject: string, award: string | null = null): Decision | null {
    const list = this.bySubject.get(subject);
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) {
      const d = list[i]!;
      if (d.award === null || award === null || d.award === award) return d;
    }
    return null;
  }

  excluded(subject: string, award: string | null = null): boolean {
    return this.get(subject, award)?.kind === 'exclude';
  }

  kept(subject: string): boolean {
    return this.get(subject)?.kind === 'keep';
  }

  pinned(subject: string, award: string): boolean {
    const d = this.get(subject, award);
    return d?.kind === 'pin' && d.award === award;
  }
}
