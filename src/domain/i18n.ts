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
  return (lang === 'vi' ? viInt : enInt).format(n);
}

/** Same number in both languages. */
export function biNumber(n: number | bigint): Bilingual {
  return { vi: formatNumber(n, 'vi'), en: formatNumber(n, 'en') };
}
