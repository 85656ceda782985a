/** Data issues: every value that cannot be read, every doubtful structure, every missing piece of evidence. */
import type { Bilingual } from './i18n';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  sheet: string | null;
  row: number | null; // 1-based Excel row
  column?: string | null; // Excel column letter
  code: string; // stable machine code, e.g. "unreadable_number", "missing_benefit_certification"
  severity: Severity;
  message: Bilingual; // rendered in the report language
  subject?: string | null; // unit name, initiative title, person …
  raw?: string | null; // the raw cell text that could not be read
  kind?: 'unit' | 'initiative' | 'official' | 'person'; // what the subject is
  unit?: string | null; // the unit the subject belongs to, for the reviewer
}
