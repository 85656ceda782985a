/** Verdicts: met, not met or unknown, always with the reason and the numbers, in both languages. */
import { bi, formatNumber, type Bilingual, type Lang } from '../i18n';
import type { Cmp } from '../rules/types';

export type Result = 'met' | 'not_met' | 'unknown';

export interface Verdict {
  result: Result;
  reason: Bilingual;
}

export const met = (vi: string, en: string): Verdict => ({ result: 'met', reason: bi(vi, en) });
export const notMet = (vi: string, en: string): Verdict => ({ result: 'not_met', reason: bi(vi, en) });
export const unknown = (vi: string, en: string): Verdict => ({ result: 'unknown', reason: bi(vi, en) });

const SYMBOL: Record<Cmp, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };
const VI_WORD: Record<Cmp, string> = { '>': 'trên', '>=': 'từ', '<': 'dưới', '<=': 'tối đa', '=': 'bằng' };
const EN_WORD: Record<Cmp, string> = { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most', '=': 'equal to' };

/** "38 > 25" when met; "25, chưa đạt trên 38" / "25 is not above 38" when not. */
export function comparison(ok: boolean, cmp: Cmp, left: Bilingual, right: Bilingual): Verdict {
  return ok
    ? met(`${left.vi} ${SYMBOL[cmp]} ${right.vi}`, `${left.en} ${SYMBOL[cmp]} ${right.en}`)
    : notMet(`${left.vi}, chưa đạt ${VI_WORD[cmp]} ${right.vi}`, `${left.en} is not ${EN_WORD[cmp]} ${right.en}`);
}

export function compareNumbers(a: number | bigint, cmp: Cmp, b: number | bigint): boolean {
  switch (cmp) {
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '=': return a === b;
  }
}

/** Percent of plan with at most one decimal, in the language's style: "152%", "152,4%" / "152.4%". */
export function formatPct(count: number, plan: number, lang: Lang): string {
  const tenths = Math.round((count * 1000) / plan) / 10;
  return `${tenths.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 })}%`;
}

export const biPct = (count: number, plan: number): Bilingual => ({ vi: formatPct(count, plan, 'vi'), en: formatPct(count, plan, 'en') });

export const biMoney = (n: number): Bilingual => ({ vi: `${formatNumber(n, 'vi')} đ`, en: `${formatNumber(n, 'en')} VND` });

/**
 * Exact comparison of count/plan against X percent: count·100 cmp X·plan, in integers.
 * A fractional X (e.g. 150.5) is scaled to integers first, so nothing is ever compared as a float.
 */
export function comparePct(count: number, plan: number, cmp: Cmp, x: number): boolean {
  // Whole X and products within 2^53: the same comparison, exact in plain numbers.
  if (Number.isInteger(x) && Number.isSafeInteger(count * 100) && Number.isSafeInteger(x * plan) && Number.isInteger(count) && Number.isInteger(plan)) return compareNumbers(count * 100, cmp, x * plan);
  const decimals = (String(x).split('.')[1] ?? '').length;
  const scale = 10n ** BigInt(decimals);
  const left = BigInt(count) * 100n * scale;
  const right = BigInt(Math.round(x * Number(scale))) * BigInt(plan);
  return compareNumbers(left, cmp, right);
}

/** Exact order of two fractions a/b and c/d (b, d > 0): negative, 0 or positive. */
export function compareFractions(a: number, b: number, c: number, d: number): number {
  const fl = a * d;
  const fr = c * b;
  if (Number.isSafeInteger(fl) && Number.isSafeInteger(fr) && Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c) && Number.isInteger(d)) return fl < fr ? -1 : fl > fr ? 1 : 0;
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Combining verdicts: all → the first not met, else the first unknown; any → the first met, else unknown, else not met. */
export function combineAll(parts: Verdict[]): Verdict {
  const bad = parts.filter((p) => p.result === 'not_met');
  if (bad.length) return { result: 'not_met', reason: join(bad) };
  const unk = parts.filter((p) => p.result === 'unknown');
  if (unk.length) return { result: 'unknown', reason: join(unk) };
  return { result: 'met', reason: join(parts) };
}

export function combineAny(parts: Verdict[]): Verdict {
  const good = parts.filter((p) => p.result === 'met');
  if (good.length) return { result: 'met', reason: join(good) };
  const unk = parts.filter((p) => p.result === 'unknown');
  if (unk.length) return { result: 'unknown', reason: join(unk) };
  return { result: 'not_met', reason: join(parts) };
}

function join(parts: Verdict[]): Bilingual {
  return { vi: parts.map((p) => p.reason.vi).join('; '), en: parts.map((p) => p.reason.en).join('; ') };
}
