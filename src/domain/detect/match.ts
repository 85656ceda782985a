/** Scoring a header label against a field's synonyms, by meaning rather than exact text. */
import { foldKey } from '../text';
import type { FieldDef } from './fields';

const folded = new WeakMap<FieldDef, { synonyms: string[]; exclude: string[] }>();

function foldedDef(def: FieldDef) {
  let entry = folded.get(def);
  if (!entry) {
    entry = { synonyms: def.synonyms.map(foldKey), exclude: (def.exclude ?? []).map(foldKey) };
    folded.set(def, entry);
  }
  return entry;
}

function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

/** 1 for an exact synonym, 0.7–1 when the label contains a synonym as whole words, else 0. */
export function labelScore(label: string, def: FieldDef): number {
  if (!label) return 0;
  const { synonyms, exclude } = foldedDef(def);
  let best = 0;
  for (const syn of synonyms) {
    if (syn === label) return 1;
    if (syn.length >= 2 && containsWords(label, syn)) best = Math.max(best, 0.7 + (0.29 * syn.length) / label.length);
  }
  return best;
}

/** Whether the (combined) label names something else that rules this field out. */
export function isExcluded(label: string, def: FieldDef): boolean {
  const { exclude } = foldedDef(def);
  return exclude.some((word) => (word === '%' ? label.includes('%') : containsWords(label, word)));
}

/** A column's header as text: the lower label, the group label above it, and both together (all folded). */
export interface ColumnLabel {
  index: number; // 0-based column
  text: string; // as written, for display ("Kết quả / Số SK")
  top: string;
  bottom: string;
  combined: string;
}

/** Best score of a column for a field across its label variants (a bare lower label counts slightly less). */
export function columnScore(col: ColumnLabel, def: FieldDef): number {
  if (!col.combined || isExcluded(col.combined, def)) return 0;
  if (!col.top || !col.bottom) return labelScore(col.combined, def);
  return Math.max(labelScore(col.combined, def), 0.95 * labelScore(col.bottom, def), 0.8 * labelScore(col.top, def));
}

export const MATCH_THRESHOLD = 0.75;
