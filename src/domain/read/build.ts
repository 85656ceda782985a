/** From parsed rows of every sheet to the entities the rule engine works on. */
import type { SheetLayout } from '../detect/layout';
import { bi } from '../i18n';
import type { Issue } from '../issues';
import type { Initiative, InitiativeColumns, Model, Official, OfficialRole, Unit } from '../model';
import type { DocumentRef } from '../parse/types';
import { clip, foldKey, normalizeText } from '../text';
import { isAuthorNames, readFields, type AuthorNames, type FieldValue, type RawRow, type RowSink } from './table-reader';
import { InitiativeRecord, packYesNo } from './initiative-record';
import { buildUnits, type UnitIndex } from './units';

export interface ReadSheet {
  layout: SheetLayout;
  /** Parsed rows of a units or officials sheet (an initiatives sheet's become `initiatives` as they are read). */
  rows: RawRow[];
  totals?: RawRow | null;
  initiatives?: InitiativeCollector;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? normalizeText(v) : null);
/** A text field as parsed: `parseText` has already normalised it (normalising again is a no-op, a million times). */
const parsed = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const doc = (v: unknown): DocumentRef | null => (v && typeof v === 'object' ? (v as DocumentRef) : null);

function initiativeColumns(layout: SheetLayout): InitiativeColumns {
  const m = layout.mapping;
  return {
    posted: !!m.posted, registeredOn: !!m.registeredOn, recognitionDoc: !!m.recognitionDoc, rewardDecision: !!m.rewardDecision,
    benefitCertification: !!m.benefitCertification, docDate: !!m.docDate, social: !!m.social, benefit: !!m.benefit,
  };
}

/** The unit an initiative or official names: exact or abbreviation-insensitive, preferring one under the named parent. */
function resolveUnit(index: UnitIndex, units: Unit[], name: string | null, parent: string | null): { id: number | null; ambiguous: boolean } {
  if (!name) return { id: parent ? (index.find(parent)[0] ?? null) : null, ambiguous: false };
  let found = index.find(name);
  if (found.length > 1 && parent) {
    const parents = new Set(index.find(parent));
    const under = found.filter((id) => parents.has(units[id]!.parentId ?? -1));
    if (under.length) found = under;
  }
  return { id: found[0] ?? null, ambiguous: found.length > 1 };
}

type UnitResolver = (name: string | null, parent: string | null) => { id: number | null; ambiguous: boolean };

/**
 * Initiatives name a few thousand units a million times: each distinct (unit, parent) is looked up
 * once, and a row naming the same as the row before (a unit down its list) not even in the cache.
 */
function cachedResolver(index: UnitIndex, units: Unit[]): UnitResolver {
  // name → parent → unit ('' stands for none: neither is ever the empty text).
  const cache = new Map<string, Map<string, { id: number | null; ambiguous: boolean }>>();
  let lastName: string | null | undefined;
  let lastParent: string | null | undefined;
  let last = { id: null as number | null, ambiguous: false };
  return (name, parent) => {
    if (name === lastName && parent === lastParent) return last;
    let byParent = cache.get(name ?? '');
    if (!byParent) cache.set(name ?? '', (byParent = new Map()));
    let r = byParent.get(parent ?? '');
    if (!r) byParent.set(parent ?? '', (r = resolveUnit(index, units, name, parent)));
    lastName = name;
    lastParent = parent;
    return (last = r);
  };
}

const initiativeAt = (i: Initiative) => ({ sheet: i.source.sheet, row: i.source.row, column: null, subject: i.title, kind: 'initiative' as const, unit: i.unitName });

/**
 * The document dates of an initiative, as a list shared by every initiative with the same dates
 * (a few thousand days; lists are never changed by their readers): a million initiatives, not a
 * million lists.
 */
class DateLists {
  private readonly none: string[] = [];
  private readonly lists = new Map<string, string[]>();

  /** Most initiatives have no document date or one: neither makes a key or an array per call. */
  of(a: string | null, b: string | null, c: string | null, d: string | null): string[] {
    const count = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0);
    if (count === 0) return this.none;
    const key = count === 1 ? (a || b || c || d)! : [a, b, c, d].filter((x) => !!x).join(' ');
    let list = this.lists.get(key);
    if (!list) {
      list = count === 1 ? [key] : key.split(' ');
      if (this.lists.size < 100_000) this.lists.set(key, list);
    }
    return list;
  }
}

/** The initiative fields the collector reads from a row's values. */
const COLLECTED_FIELDS = ['code', 'title', 'authors', 'unit', 'parent', 'field', 'benefit', 'social', 'posted', 'registeredOn', 'recognitionDoc', 'rewardDecision', 'benefitCertification', 'docDate'] as const;
type InitiativeField = (typeof COLLECTED_FIELDS)[number];

/**
 * Initiatives made as their rows are read, so that a million parsed rows are never held beside a
 * million initiatives. Units are resolved (and their issues raised) when the model is built, since
 * the units sheet may come later in the workbook.
 */
export class InitiativeCollector implements RowSink {
  readonly initiatives: Initiative[] = [];
  /** The parent union each row names (to choose between units of the same name), by initiative. */
  private readonly parents: (string | null)[] | null;
  /** Negative benefits as written, by initiative (rare): stored as unknown, reported at resolution. */
  private readonly negatives = new Map<number, number>();
  private readonly has: InitiativeColumns;
  private readonly dates = new DateLists();
  /** Where each field sits in a row's values (a sheet without the column: the slot that is always null). */
  private readonly at: Record<InitiativeField, number>;

  constructor(
    private readonly sheet: string,
    layout: SheetLayout,
  ) {
    this.has = initiativeColumns(layout);
    const ids = readFields(layout).map((d) => d.id);
    const slot = (id: InitiativeField) => (ids.includes(id) ? ids.indexOf(id) : ids.length);
    this.at = Object.fromEntries(COLLECTED_FIELDS.map((id) => [id, slot(id)])) as Record<InitiativeField, number>;
    this.parents = ids.includes('parent') ? [] : null; // a sheet without a parent column names none
  }

  add(excelRow: number, section: string | null, values: readonly FieldValue[], bad: readonly string[]): number {
    const id = this.initiatives.length;
    this.parents?.push(parsed(values[this.at.parent]));
    this.initiatives.push(this.toInitiative(excelRow, section, values, bad, id));
    return id;
  }

  authorsChanged(entity: number, authors: AuthorNames): void {
    const i = this.initiatives[entity];
    if (i) i.authors = authors;
  }

  /** Runs once per initiative (a million times): no allocation beyond the initiative itself unless something is wrong. */
  private toInitiative(excelRow: number, section: string | null, v: readonly FieldValue[], bad: readonly string[], id: number): Initiative {
    const at = this.at;
    const recognition = doc(v[at.recognitionDoc]);
    const reward = doc(v[at.rewardDecision]);
    const certification = doc(v[at.benefitCertification]);
    const docDate = v[at.docDate];
    const docDates = this.dates.of(recognition?.date ?? null, reward?.date ?? null, certification?.date ?? null, typeof docDate === 'string' ? docDate : null);
    const written = v[at.benefit];
    const benefit = typeof written === 'number' ? written : null;
    const negative = benefit !== null && benefit < 0;
    if (negative) this.negatives.set(id, benefit);
    const yesNo = packYesNo({
      social: flag(v[at.social]), posted: flag(v[at.posted]),
      recognitionDoc: recognition ? recognition.present : null,
      rewardDecision: reward ? reward.present : null,
      benefitCertification: certification ? certification.present : null,
    });
    const authors = v[at.authors];
    const registeredOn = v[at.registeredOn];
    const initiative = new InitiativeRecord(
      id, this.sheet, excelRow, parsed(v[at.code]), parsed(v[at.title]) ?? parsed(v[at.code]) ?? `#${excelRow}`,
      isAuthorNames(authors) ? authors : [],
      parsed(v[at.unit]) ?? section, parsed(v[at.field]),
      benefit !== null && benefit >= 0 ? benefit : null,
      yesNo, typeof registeredOn === 'string' ? registeredOn : null, docDates, this.has,
    );
    if (bad.length || negative) {
      const unreadable = new Set(bad);
      if (negative) unreadable.add('benefit');
      initiative.unreadable = [...unreadable];
    }
    return initiative;
  }

  /** Numbers the initiatives from `offset` and resolves their units; issues in initiative order. */
  resolve(offset: number, resolveUnit: UnitResolver, issues: Issue[]): Initiative[] {
    this.initiatives.forEach((i, n) => {
      i.id = offset + n;
      const { id: unitId, ambiguous } = resolveUnit(i.unitName, this.parents?.[n] ?? null);
      i.unitId = unitId;
      if (i.unitName && unitId === null) issues.push({ ...initiativeAt(i), code: 'unknown_unit', severity: 'warning', message: bi(`Không tìm thấy đơn vị «${clip(i.unitName)}» của sáng kiến`, `Unit "${clip(i.unitName)}" of the initiative not found`) });
      if (ambiguous) issues.push({ ...initiativeAt(i), code: 'ambiguous_unit', severity: 'warning', message: bi(`Nhiều đơn vị tên «${clip(i.unitName ?? '')}»: lấy đơn vị đầu tiên`, `Several units are named "${clip(i.unitName ?? '')}": the first is used`) });
      const negative = this.negatives.get(n);
      if (negative !== undefined) issues.push({ ...initiativeAt(i), code: 'invalid_benefit', severity: 'warning', raw: String(negative), message: bi(`Giá trị làm lợi âm (${negative}): coi như chưa biết`, `Negative benefit (${negative}): treated as unknown`) });
    });
    return this.initiatives;
  }
}

function officialRole(role: string | null, position: string | null, unit: Unit | null): OfficialRole | null {
  const t = foldKey(`${role ?? ''} ${position ?? ''}`);
  if (!t) return null;
  if (/thuong truc|chu tich ldld tinh|pho chu tich ldld tinh/.test(t) && (!unit || unit.level === 'province' || /tinh/.test(t))) return 'standing';
  if (/\bban\b|phong|chuyen mon|van phong|department/.test(t) && (!unit || unit.level === 'province' || /tinh/.test(t))) return 'department';
  if (/chuyen trach|cap tren|full time/.test(t) || (unit && unit.level === 'upper')) return 'upper_fulltime';
  return 'other';
}

function toOfficial(row: RawRow, id: number, index: UnitIndex, units: Unit[], issues: Issue[]): Official {
  const f = row.fields;
  const name = normalizeText(String(f.name));
  const unitName = text(f.unit) ?? row.section;
  const { id: unitId } = resolveUnit(index, units, unitName, null);
  if (unitName && unitId === null && !/tinh/.test(foldKey(unitName))) {
    issues.push({ sheet: row.source.sheet, row: row.source.row, column: null, subject: name, kind: 'official', code: 'unknown_unit', severity: 'info', message: bi(`Không tìm thấy đơn vị «${clip(unitName)}» của cán bộ`, `Unit "${clip(unitName)}" of the official not found`) });
  }
  const unit = unitId === null ? null : units[unitId]!;
  return { id, source: row.source, name, position: text(f.position), unitName, unitId, role: officialRole(text(f.role), text(f.position), unit) };
}

export function buildModel(sheets: ReadSheet[], readIssues: Issue[]): Model {
  const issues = [...readIssues];
  const unitSheets = sheets.filter((s) => s.layout.role === 'units');
  const { units, index } = buildUnits(unitSheets, issues);
  const resolve = cachedResolver(index, units);
  // Usually one initiatives sheet: its list is the model's, not copied a million times over.
  let initiatives: Initiative[] = [];
  for (const { initiatives: collected } of sheets) {
    if (!collected) continue;
    const list = collected.resolve(initiatives.length, resolve, issues);
    initiatives = initiatives.length === 0 ? list : initiatives.concat(list);
  }
  const officials: Official[] = [];
  for (const { rows } of sheets.filter((s) => s.layout.role === 'officials')) {
    for (const row of rows) officials.push(toOfficial(row, officials.length, index, units, issues));
  }
  const unitFields = new Set(unitSheets.flatMap((s) => Object.keys(s.layout.mapping)));
  return { units, initiatives, officials, issues, unitFields };
}
