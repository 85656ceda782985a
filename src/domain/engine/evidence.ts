/**
 * Initiative validity. Counted: not excluded by a reviewer and registered by the cutoff.
 * Evidenced (individual awards): counted, posted online, with a recognition document or reward
 * decision, a benefit certification when it qualifies through its benefit, and every document
 * date inside the window. What is missing is named — a review flag, never a silent drop.
 */
import { bi, type Bilingual } from '../i18n';
import type { Issue } from '../issues';
import type { Initiative } from '../model';
import type { Result } from './verdict';
import type { DecisionBook } from './decisions';

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

export const initiativeKey = (i: Initiative) => `initiative:${i.source.sheet}!${i.source.row}`;

const dmy = (iso: string) => iso.split('-').reverse().join('/');

interface Check {
  code: string;
  result: Result;
  text: Bilingual;
}

function checks(i: Initiative, w: EvidenceWindow): Check[] {
  const out: Check[] = [];
  const has = i.has;
  out.push({ code: 'not_posted', result: !has.posted ? 'unknown' : i.posted ? 'met' : 'not_met', text: has.posted ? bi('chưa đăng tải lên phần mềm', 'not posted on the online system') : bi('không có cột «Đã đăng tải»', 'no "posted" column') });
  const docColumns = has.recognitionDoc || has.rewardDecision;
  const docPresent = i.recognitionDoc === true || i.rewardDecision === true;
  out.push({ code: 'missing_recognition_doc', result: !docColumns ? 'unknown' : docPresent ? 'met' : 'not_met', text: docColumns ? bi('thiếu văn bản công nhận / QĐ khen thưởng', 'no recognition document or reward decision') : bi('không có cột văn bản công nhận', 'no recognition document column') });
  const outside = i.docDates.filter((d) => d < w.docFrom || d > w.docTo);
  if (outside.length) out.push({ code: 'doc_date_out_of_window', result: 'not_met', text: bi(`văn bản ngày ${outside.map(dmy).join(', ')} ngoài khoảng ${dmy(w.docFrom)}–${dmy(w.docTo)}`, `document dated ${outside.map(dmy).join(', ')} outside ${dmy(w.docFrom)}–${dmy(w.docTo)}`) });
  return out;
}

function certification(i: Initiative): Check {
  if (!i.has.benefitCertification) return { code: 'missing_benefit_certification', result: 'unknown', text: bi('không có cột xác nhận giá trị làm lợi', 'no benefit certification column') };
  return { code: 'missing_benefit_certification', result: i.benefitCertification ? 'met' : 'not_met', text: bi('thiếu xác nhận giá trị làm lợi', 'no benefit certification') };
}

function summarise(list: Check[], waived: boolean): Evidence {
  if (waived) return { result: 'met', missing: [] };
  const failed = list.filter((c) => c.result === 'not_met');
  if (failed.length) return { result: 'not_met', missing: failed.map((c) => c.text) };
  const unk = list.filter((c) => c.result === 'unknown');
  return unk.length ? { result: 'unknown', missing: unk.map((c) => c.text) } : { result: 'met', missing: [] };
}

export function assessInitiative(i: Initiative, w: EvidenceWindow, decisions: DecisionBook): InitiativeStatus {
  const key = initiativeKey(i);
  const late = i.registeredOn !== null && i.registeredOn > w.cutoff;
  const counted = !decisions.excluded(key) && !late;
  const base = checks(i, w);
  const kept = decisions.kept(key);
  if (!counted) {
    const why = late ? bi(`đăng ký ngày ${dmy(i.registeredOn!)} sau ngày chốt ${dmy(w.cutoff)}`, `registered ${dmy(i.registeredOn!)} after the cutoff ${dmy(w.cutoff)}`) : bi('người rà soát đã loại', 'excluded by a reviewer');
    const none: Evidence = { result: 'not_met', missing: [why] };
    return { counted, viaBenefit: none, viaOther: none };
  }
  return { counted, viaOther: summarise(base, kept), viaBenefit: summarise([...base, certification(i)], kept) };
}

/** Automatic review flags for one initiative: each missing piece of evidence, lateness. */
export function initiativeFlags(i: Initiative, w: EvidenceWindow, decisions: DecisionBook): Issue[] {
  const at = { sheet: i.source.sheet, row: i.source.row, column: null, subject: i.title, severity: 'warning' as const, kind: 'initiative' as const, unit: i.unitName };
  if (i.registeredOn !== null && i.registeredOn > w.cutoff) {
    return [{ ...at, code: 'registered_after_cutoff', message: bi(`Đăng ký ngày ${dmy(i.registeredOn)}, sau ngày chốt ${dmy(w.cutoff)}: không được tính`, `Registered on ${dmy(i.registeredOn)}, after the cutoff ${dmy(w.cutoff)}: not counted`) }];
  }
  if (decisions.excluded(initiativeKey(i))) return [];
  const list = checks(i, w);
  if (i.benefit !== null && i.benefit > 0) list.push(certification(i));
  return list.filter((c) => c.result === 'not_met').map((c) => ({ ...at, code: c.code, message: bi(`Sáng kiến ${c.text.vi}`, `Initiative: ${c.text.en}`) }));
}
