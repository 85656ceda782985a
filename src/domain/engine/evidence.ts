/**
 * Initiative validity. Counted: not excluded by a reviewer and registered by the cutoff.
 * Evidenced (individual awards): counted, posted online, with a recognition document or reward
 * decision, a benefit certification when it qualifies through its benefit, and every document
 * date inside the window. What is missing is named — a review flag, never a silent drop.
 */
import { bi, type Bilingual } from '../i18n';
import type { Initiative, InitiativeColumns } from '../model';
import type { Result } from './verdict';
import type { DecisionBook } from './decisions';
import type { FlagList } from './flags';
import { yesNoCode } from '../read/initiative-record';

export interface EvidenceWindow {
  cutoff: string; // ISO
  docFrom: string;
  docTo: string;
}

export interface Evidence {
  result: Result;
  missing: Bilingual[];
}

export interface InitiativeStatus {
  counted: boolean;
  /** Evidence when qualifying through the benefit value (certification needed). */
  viaBenefit: Evidence;
  /** Evidence when qualifying otherwise (social value, count). */
  viaOther: Evidence;
}

export const initiativeKey = (i: Initiative) => {
  const { sheet, row } = i.source;
  return `initiative:${sheet}!${row}`;
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');

interface Check {
  code: string;
  result: Result;
  text: Bilingual;
  /** Set on the shared checks below (1, 2, …): lists made only of them are summarised once. */
  id?: number;
}

/**
 * Every check whose wording does not depend on the initiative is one shared object: a million
 * initiatives have a handful of distinct check lists, each summarised once (see `summarise`).
 */
let nextCheckId = 1;
const shared = (code: string, result: Result, text: Bilingual): Check => ({ code, result, text, id: nextCheckId++ });
const POSTED_NO_COLUMN = shared('not_posted', 'unknown', bi('không có cột «Đã đăng tải»', 'no "posted" column'));
const POSTED_UNREAD = shared('not_posted', 'unknown', bi('ô «Đã đăng tải» không đọc được', 'the "posted" cell is unreadable'));
const NOT_POSTED_TEXT = bi('chưa đăng tải lên phần mềm', 'not posted on the online system');
const POSTED_MET = shared('not_posted', 'met', NOT_POSTED_TEXT);
const POSTED_NOT_MET = shared('not_posted', 'not_met', NOT_POSTED_TEXT);
const DOC_NO_COLUMN = shared('missing_recognition_doc', 'unknown', bi('không có cột văn bản công nhận', 'no recognition document column'));
const DOC_UNREAD = shared('missing_recognition_doc', 'unknown', bi('ô văn bản công nhận không đọc được', 'the recognition document cell is unreadable'));
const MISSING_DOC_TEXT = bi('thiếu văn bản công nhận / QĐ khen thưởng', 'no recognition document or reward decision');
const DOC_MET = shared('missing_recognition_doc', 'met', MISSING_DOC_TEXT);
const DOC_NOT_MET = shared('missing_recognition_doc', 'not_met', MISSING_DOC_TEXT);
const DOC_DATE_UNREAD = shared('doc_date_out_of_window', 'unknown', bi('ngày văn bản không đọc được', 'the document date is unreadable'));
const REGISTERED_UNREAD = shared('registered_after_cutoff', 'unknown', bi('ngày đăng ký không đọc được', 'the registration date is unreadable'));
const CERT_NO_COLUMN = shared('missing_benefit_certification', 'unknown', bi('không có cột xác nhận giá trị làm lợi', 'no benefit certification column'));
const CERT_UNREAD = shared('missing_benefit_certification', 'unknown', bi('ô xác nhận giá trị làm lợi không đọc được', 'the benefit certification cell is unreadable'));
const MISSING_CERT_TEXT = bi('thiếu xác nhận giá trị làm lợi', 'no benefit certification');
const CERT_MET = shared('missing_benefit_certification', 'met', MISSING_CERT_TEXT);
const CERT_NOT_MET = shared('missing_benefit_certification', 'not_met', MISSING_CERT_TEXT);

/** A cell the reading step could not read (it raised an issue): what it says is unknown, not "no". */
const unreadable = (i: Initiative, field: string) => i.unreadable?.includes(field) === true;

function checks(i: Initiative, w: EvidenceWindow): Check[] {
  const out: Check[] = [];
  const has = i.has;
  const postedUnread = !i.posted && unreadable(i, 'posted');
  out.push(!has.posted ? POSTED_NO_COLUMN : postedUnread ? POSTED_UNREAD : i.posted ? POSTED_MET : POSTED_NOT_MET);
  const docColumns = has.recognitionDoc || has.rewardDecision;
  const docPresent = i.recognitionDoc === true || i.rewardDecision === true;
  const docUnread = !docPresent && (unreadable(i, 'recognitionDoc') || unreadable(i, 'rewardDecision'));
  out.push(!docColumns ? DOC_NO_COLUMN : docUnread ? DOC_UNREAD : docPresent ? DOC_MET : DOC_NOT_MET);
  let outside: string[] | null = null;
  for (const d of i.docDates) if (d < w.docFrom || d > w.docTo) (outside ??= []).push(d);
  if (outside) out.push({ code: 'doc_date_out_of_window', result: 'not_met', text: bi(`văn bản ngày ${outside.map(dmy).join(', ')} ngoài khoảng ${dmy(w.docFrom)}–${dmy(w.docTo)}`, `document dated ${outside.map(dmy).join(', ')} outside ${dmy(w.docFrom)}–${dmy(w.docTo)}`) });
  else if (unreadable(i, 'docDate')) out.push(DOC_DATE_UNREAD);
  // An unreadable registration date may be after the cutoff: the initiative still counts, its evidence is unknown.
  if (unreadable(i, 'registeredOn')) out.push(REGISTERED_UNREAD);
  return out;
}

function certification(i: Initiative): Check {
  if (!i.has.benefitCertification) return CERT_NO_COLUMN;
  if (!i.benefitCertification && unreadable(i, 'benefitCertification')) return CERT_UNREAD;
  return i.benefitCertification ? CERT_MET : CERT_NOT_MET;
}

function summariseList(list: Check[], waived: boolean): Evidence {
  if (waived) return { result: 'met', missing: [] };
  const failed = list.filter((c) => c.result === 'not_met');
  if (failed.length) return { result: 'not_met', missing: failed.map((c) => c.text) };
  const unk = list.filter((c) => c.result === 'unknown');
  return unk.length ? { result: 'unknown', missing: unk.map((c) => c.text) } : { result: 'met', missing: [] };
}

/** Summaries of lists made only of shared checks, by the list's ids (results are never changed by their readers). */
const summaries = new Map<number, Evidence>();

function summarise(list: Check[], waived: boolean): Evidence {
  let key = waived ? 1 : 2;
  for (const c of list) {
    if (c.id === undefined) return summariseList(list, waived);
    key = key * 32 + c.id;
  }
  if (!Number.isSafeInteger(key)) return summariseList(list, waived);
  let e = summaries.get(key);
  if (!e) {
    summaries.set(key, (e = summariseList(list, waived)));
    sharedSummaries.add(e);
  }
  return e;
}
const sharedSummaries = new Set<Evidence>();

/** Statuses of counted initiatives, by their two (shared) summaries. */
const statuses = new Map<Evidence, Map<Evidence, InitiativeStatus>>();

function countedStatus(viaOther: Evidence, viaBenefit: Evidence): InitiativeStatus {
  let byBenefit = statuses.get(viaOther);
  if (!byBenefit) statuses.set(viaOther, (byBenefit = new Map()));
  let st = byBenefit.get(viaBenefit);
  if (!st) byBenefit.set(viaBenefit, (st = { counted: true, viaOther, viaBenefit }));
  return st;
}

const EXCLUDED: Evidence = { result: 'not_met', missing: [bi('người rà soát đã loại', 'excluded by a reviewer')] };

export function assessInitiative(i: Initiative, w: EvidenceWindow, decisions: DecisionBook): InitiativeStatus {
  // Without any reviewer decision (the usual first run) no key is needed.
  const key = decisions.all.length ? initiativeKey(i) : '';
  const late = i.registeredOn !== null && i.registeredOn > w.cutoff;
  const counted = !decisions.excluded(key) && !late;
  if (!counted) {
    const none: Evidence = late ? { result: 'not_met', missing: [bi(`đăng ký ngày ${dmy(i.registeredOn!)} sau ngày chốt ${dmy(w.cutoff)}`, `registered ${dmy(i.registeredOn!)} after the cutoff ${dmy(w.cutoff)}`)] } : EXCLUDED;
    return { counted, viaBenefit: none, viaOther: none };
  }
  const kept = decisions.kept(key);
  const base = checks(i, w);
  const viaOther = summarise(base, kept);
  base.push(certification(i));
  const viaBenefit = summarise(base, kept);
  return sharedSummaries.has(viaOther) && sharedSummaries.has(viaBenefit) ? countedStatus(viaOther, viaBenefit) : { counted, viaOther, viaBenefit };
}

/** Flag messages of the shared checks, made once. */
const flagMessages = new Map<Check, Bilingual>();
const flagMessage = (c: Check): Bilingual => {
  let m = c.id === undefined ? undefined : flagMessages.get(c);
  if (!m) {
    m = bi(`Sáng kiến ${c.text.vi}`, `Initiative: ${c.text.en}`);
    if (c.id !== undefined) flagMessages.set(c, m);
  }
  return m;
};

/** The checks a flag can come from: the certification only for an initiative with a benefit. */
function flagChecks(i: Initiative, w: EvidenceWindow): Check[] {
  const list = checks(i, w);
  if (i.benefit !== null && i.benefit > 0) list.push(certification(i));
  return list;
}

/** Adds an initiative's automatic review flags: each missing piece of evidence, lateness. */
export function addInitiativeFlags(flags: FlagList, i: Initiative, w: EvidenceWindow, decisions: DecisionBook): void {
  if (i.registeredOn !== null && i.registeredOn > w.cutoff) {
    flags.add(i.id, 'registered_after_cutoff', bi(`Đăng ký ngày ${dmy(i.registeredOn)}, sau ngày chốt ${dmy(w.cutoff)}: không được tính`, `Registered on ${dmy(i.registeredOn)}, after the cutoff ${dmy(w.cutoff)}: not counted`));
    return;
  }
  if (decisions.all.length && decisions.excluded(initiativeKey(i))) return;
  for (const c of flagChecks(i, w)) if (c.result === 'not_met') addFlag(flags, i, c);
}

/** A failed check as a flag; a shared check's code and message are kept once. */
const addFlag = (flags: FlagList, i: Initiative, c: Check) => flags.add(i.id, c.code, flagMessage(c), c.id === undefined ? undefined : c);

/** An initiative's case (-1: none) — nothing unreadable, every document dated inside the window. */
function caseOf(i: Initiative, w: EvidenceWindow): number {
  if (i.unreadable !== undefined) return -1;
  for (const d of i.docDates) if (d < w.docFrom || d > w.docTo) return -1;
  return yesNoCode(i.posted) | (yesNoCode(i.recognitionDoc) << 2) | (yesNoCode(i.rewardDecision) << 4) | (yesNoCode(i.benefitCertification) << 6) | (i.benefit !== null && i.benefit > 0 ? 256 : 0);
}

interface EvidenceCase {
  status: InitiativeStatus;
  /** The shared checks it fails: its flags. */
  failed: Check[];
  /** Its place among the run's cases. */
  index: number;
}

/**
 * An initiative with nothing unreadable, no document dated outside the window, on time and with
 * no reviewer's decision has the checks of its case: its sheet's columns and four yes/no cells, a
 * few dozen cases for a million initiatives. Each case's status and flags are worked out once per
 * run, from its first initiative; any other initiative is worked out on its own.
 */
export class EvidenceCases {
  private readonly bySheet = new Map<InitiativeColumns, Map<number, EvidenceCase>>();
  private readonly cases: EvidenceCase[] = [];
  /**
   * Each initiative's case as `status` found it, by id (0: not asked yet, 1: none, else 2 + its
   * place in `cases`): `addFlags` asks again for every initiative.
   */
  private readonly found: Uint16Array;

  constructor(
    private readonly w: EvidenceWindow,
    private readonly decisions: DecisionBook,
    initiatives = 0,
  ) {
    this.found = new Uint16Array(initiatives);
  }

  status(i: Initiative): InitiativeStatus {
    const known = this.caseFor(i);
    if (i.id < this.found.length && (known === null || known.index < 0xfffd)) this.found[i.id] = known === null ? 1 : 2 + known.index;
    return known?.status ?? assessInitiative(i, this.w, this.decisions);
  }

  addFlags(flags: FlagList, i: Initiative): void {
    const found = i.id < this.found.length ? this.found[i.id]! : 0;
    const known = found === 0 ? this.caseFor(i) : found === 1 ? null : this.cases[found - 2]!;
    if (!known) return addInitiativeFlags(flags, i, this.w, this.decisions);
    for (const c of known.failed) addFlag(flags, i, c);
  }

  private caseFor(i: Initiative): EvidenceCase | null {
    if (this.decisions.all.length || (i.registeredOn !== null && i.registeredOn > this.w.cutoff)) return null;
    const k = caseOf(i, this.w);
    if (k < 0) return null;
    let cases = this.bySheet.get(i.has);
    if (!cases) this.bySheet.set(i.has, (cases = new Map()));
    let known = cases.get(k);
    if (!known) {
      known = { status: assessInitiative(i, this.w, this.decisions), failed: flagChecks(i, this.w).filter((c) => c.result === 'not_met'), index: this.cases.length };
      cases.set(k, known);
      this.cases.push(known);
    }
    return known;
  }
}
