/**
 * `Đề cử <award>`: per group, the selected nominees within quota and the numbered reserve, with
 * the numbers that qualify them, the criteria met and the nomination dossier checklist.
 */
import type { SubjectRef } from '../engine/conditions';
import type { Candidate, Nomination } from '../engine/quotas';
import type { Outcome } from '../engine/run';
import type { Lang } from '../i18n';
import { formatNumber } from '../i18n';
import { col, metCriteria, nominationSheetName, pctOrNull, pick } from './common';
import { type ListBlock, listBlock, type OutRow, type ResultSheet } from './model';
import { subjectUnitName } from '../engine/subjects';

function qualifying(o: Outcome, s: SubjectRef, lang: Lang): string {
  const ev = o.evaluation;
  if (s.type === 'unit') {
    const f = ev.facts.units[s.id]!;
    const parts: string[] = [];
    const pct = pctOrNull(f.count, f.plan);
    if (pct !== null) parts.push(`${formatNumber(pct, lang)}% (${f.count}/${f.plan})`);
    if (f.benefitCount) parts.push(pick(lang, `${f.benefitCount} SK làm lợi, tổng ${formatNumber(f.totalBenefit, lang)} đ`, `${f.benefitCount} with benefit, total ${formatNumber(f.totalBenefit, lang)} VND`));
    return parts.join('; ');
  }
  if (s.type === 'person') {
    // ~100,000 nominees at a million initiatives: the text is put together without an array of parts.
    const p = ev.facts.persons[s.index]!;
    let text = pick(lang, `${p.counted} SK`, `${p.counted} initiatives`);
    if (p.bestEvidencedBenefit) {
      const best = formatNumber(p.bestEvidencedBenefit, lang);
      text += pick(lang, `; làm lợi cao nhất ${best} đ`, `; best benefit ${best} VND`);
    }
    if (p.evidencedSocial) text += pick(lang, '; có giá trị xã hội, nhân văn', '; social/humanitarian value');
    return text;
  }
  return o.model.officials[s.id]!.position ?? '';
}

/** The dossier's last three cells: the initiative, its recognition document, its benefit certification. */
interface DossierTail {
  initiative: string;
  doc: string;
  cert: string;
}

/** Every tail there can be in one language: persons by [recognised][certification not needed, present, missing]; anyone else. */
function dossierTails(lang: Lang): { person: DossierTail[][]; other: DossierTail } {
  const present = pick(lang, 'Có', 'Present');
  const missing = pick(lang, 'Thiếu', 'Missing');
  const na = '—';
  const person = (doc: string) => [na, present, missing].map((cert): DossierTail => ({ initiative: present, doc, cert }));
  return { person: [person(missing), person(present)], other: { initiative: na, doc: na, cert: na } };
}

/** Shared by every row: ~100,000 nominees make no object for their dossier. */
const DOSSIER_TAILS = { vi: dossierTails('vi'), en: dossierTails('en') };

/** Dossier (guidance IV) for a nominee, judged on their initiative with the highest benefit (the first of equals). */
function dossierTail(o: Outcome, s: SubjectRef, lang: Lang): DossierTail {
  const tails = DOSSIER_TAILS[lang];
  if (s.type !== 'person') return tails.other;
  const { initiativeIds } = o.evaluation.facts.persons[s.index]!;
  const initiatives = o.model.initiatives;
  let best = initiatives[initiativeIds[0]!]!;
  for (const id of initiativeIds) if ((initiatives[id]!.benefit ?? 0) > (best.benefit ?? 0)) best = initiatives[id]!;
  const cert = best.benefit !== null && best.benefit > 0 ? (best.benefitCertification ? 1 : 2) : 0;
  return tails.person[best.recognitionDoc || best.rewardDecision ? 1 : 0]![cert]!;
}

function candidateRow(o: Outcome, c: Candidate, rank: number, slot: string, lang: Lang, note: string): OutRow {
  const s = c.subject;
  const prepare = pick(lang, 'Cần lập', 'To prepare'); // the letter and the achievement report
  const tail = dossierTail(o, s, lang);
  return {
    style: slot.startsWith(pick(lang, 'Dự bị', 'Reserve')) ? 'reserve' : 'normal',
    cells: [rank, c.name, subjectUnitName(o.model, o.evaluation.facts, s), qualifying(o, s, lang), metCriteria(o, s), slot, prepare, prepare, tail.initiative, tail.doc, tail.cert, note],
  };
}

function awardBlock(o: Outcome, list: Nomination[], lang: Lang): ListBlock {
  const rows: OutRow[] = [];
  for (const n of list) {
    // A heading row per group: whose quota it is, how many slots and why.
    const quota = n.quota === null ? pick(lang, n.group === '*' ? 'không giới hạn' : 'chưa xác định được số suất', n.group === '*' ? 'no cap' : 'quota unknown') : pick(lang, `${n.quota} suất`, `${n.quota} slot(s)`);
    const heading = `${n.group === '*' ? pick(lang, 'Toàn bảng', 'Whole workbook') : n.group} — ${quota}${n.quota === null && n.group === '*' ? '' : `: ${n.quotaReason[lang]}`}`;
    rows.push({ style: 'section', cells: [null, heading] });
    const displacedNames = new Map(n.displaced.map((d) => [d.pinned, d.displaced]));
    let rank = 0;
    n.selected.forEach((c, i) => {
      const pinNote = c.pinned ? pick(lang, `Ghim bởi người rà soát${displacedNames.has(c.name) ? `, thay ${displacedNames.get(c.name)}` : ''}`, `Pinned by a reviewer${displacedNames.has(c.name) ? `, displacing ${displacedNames.get(c.name)}` : ''}`) : '';
      rows.push(candidateRow(o, c, ++rank, n.quota === null ? pick(lang, 'Không giới hạn', 'No cap') : `${i + 1}/${n.quota}`, lang, pinNote));
    });
    n.reserve.forEach((c, i) => rows.push(candidateRow(o, c, ++rank, `${pick(lang, 'Dự bị', 'Reserve')} ${i + 1}`, lang, n.quota === null ? n.quotaReason[lang] : '')));
    for (const c of n.excluded) rows.push({ ...candidateRow(o, c, 0, pick(lang, 'Loại', 'Excluded'), lang, pick(lang, 'Người rà soát đã loại', 'Excluded by a reviewer')), style: 'excluded' });
  }
  return {
    columns: [
      col(pick(lang, 'Thứ tự', 'Rank'), 'integer', 7), col(pick(lang, 'Đề cử', 'Nominee'), 'text', 36),
      col(pick(lang, 'Đơn vị', 'Unit'), 'text', 32), col(pick(lang, 'Số liệu đạt', 'Qualifying numbers'), 'text', 36), col(pick(lang, 'Tiêu chí đạt', 'Criteria met'), 'text', 18),
      col(pick(lang, 'Suất / Dự bị', 'Slot / reserve'), 'text', 12), col(pick(lang, 'Tờ trình', 'Letter'), 'text', 10), col(pick(lang, 'Báo cáo thành tích', 'Achievement report'), 'text', 12),
      col(pick(lang, 'Giải pháp SK', 'Initiative'), 'text', 10), col(pick(lang, 'VB công nhận', 'Recognition doc'), 'text', 12), col(pick(lang, 'XN làm lợi', 'Benefit cert.'), 'text', 11),
      col(pick(lang, 'Ghi chú', 'Note'), 'text', 40),
    ],
    rows,
  };
}

export function buildNominationSheets(o: Outcome, lang: Lang): ResultSheet[] {
  const awards = [...new Set(o.nominations.map((n) => n.award))];
  return awards.map((award) => {
    const list = o.nominations.filter((n) => n.award === award);
    const def = o.rules.criteria.find((c) => c.id === award);
    const quotaText = list.every((n) => n.quota === null) ? pick(lang, 'không giới hạn số lượng', 'no cap') : pick(lang, `${list.length} nhóm có suất`, `${list.length} quota group(s)`);
    return {
      name: nominationSheetName(award, lang),
      kind: 'nomination' as const,
      title: [`${pick(lang, 'DANH SÁCH ĐỀ CỬ', 'NOMINATIONS')} ${award}: ${def?.title[lang] ?? ''}`, `${o.rules.title[lang]} — ${quotaText}`],
      blocks: [listBlock(awardBlock(o, list, lang))],
    };
  });
}
