import type { Bilingual } from '../i18n';

/**
 * Result of reading one cell. `empty` is a blank cell (data missing), `bad` is a cell with
 * something in it that cannot be read as the expected kind — it becomes a data issue, never a 0.
 */
export type Parsed<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; value: T }
  | { kind: 'bad'; raw: string; reason: Bilingual };

/** A document cell ("125/QĐ-CĐ ngày 12/5/2023", "x", "Có"): present or not, with any date written in it. */
export interface DocumentRef {
  present: boolean;
  date: string | null; // ISO YYYY-MM-DD found in the text (its number and wording are not kept: nothing shows them)
}
