/** Every text the officer sees exists in Vietnamese (default) and English. */
export type Lang = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}

export function bi(vi: string, en: string): Bilingual {
  return { vi, en };
}

const viInt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: true });
const enInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: true });

/** 1250000000 → "1.250.000.000" (vi) / "1,250,000,000" (en). */
export function formatNumber(n: number | bigint, lang: Lang): string {
  if (typeof n !== 'number') return (lang === 'vi' ? viInt : enInt).format(n);
  // Result sheets format the same counts and amounts over and over: each once per language.
  const seen = lang === 'vi' ? viSeen : enSeen;
  let s = seen.get(n);
  if (s === undefined) {
    s = (lang === 'vi' ? viInt : enInt).format(n);
    if (seen.size >= 50_000) seen.clear();
    if (!Object.is(n, -0)) seen.set(n, s);
  }
  return s;
}
const viSeen = new Map<number, string>();
const enSeen = new Map<number, string>();

/** Same number in both languages. */
export function biNumber(n: number | bigint): Bilingual {
  return { vi: formatNumber(n, 'vi'), en: formatNumber(n, 'en') };
}
