/**
 * Edits of the package's bookkeeping parts, as text with everything else left byte for byte:
 * the workbook's sheet list (and the names and views that count sheets by position), its
 * relationships, the content types, and the sheet names listed in docProps/app.xml.
 */
import { attributes, childElements, decodeEntities, escapeAttr, prefixFor, prefixOf, rootElement, setAttribute, splice, type ElementSpan } from './xml-edit';

export const WORKSHEET_TYPE = '/relationships/worksheet';
export const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const TRANSITIONAL_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_RELS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

type Edit = { start: number; end: number; insert: string };

// ---------------------------------------------------------------------------------------------
// Relationships

export interface Relationship {
  id: string;
  type: string;
  /** Part name the relationship points to (resolved), or null for an external target. */
  target: string | null;
  span: ElementSpan;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const cut = part.lastIndexOf('/');
  return `${part.slice(0, cut + 1)}_rels/${part.slice(cut + 1)}.rels`;
}

/** The part a .rels file describes ("_rels/.rels" → ""), or null for a file that is not a .rels. */
export function sourceOfRels(relsPath: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? m[1] + m[2] : null;
}

export function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(decodeURIComponentSafe(p));
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const dirOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const root = rootElement(xml);
  if (root.selfClosing) return [];
  return childElements(xml, root.tagEnd, root.innerEnd)
    .filter((c) => c.local === 'Relationship')
    .map((span) => {
      const a = attributes(xml.slice(span.start, span.tagEnd));
      return { id: a.Id ?? '', type: a.Type ?? '', target: a.TargetMode === 'External' ? null : resolveTarget(dirOf(sourcePart), a.Target ?? ''), span };
    });
}

/** The relationships file with some removed (by id) and some added. */
export function editRels(xml: string, drop: Set<string>, add: { id: string; type: string; target: string }[]): string {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const edits: Edit[] = parseRels(xml, '').filter((r) => drop.has(r.id)).map((r) => ({ start: r.span.start, end: r.span.end, insert: '' }));
  const added = add.map((r) => `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (root.selfClosing) return xml.slice(0, root.start) + xml.slice(root.start, root.end).replace(/\s*\/>$/, '>') + added + `</${root.name}>` + xml.slice(root.end);
  edits.push({ start: root.innerEnd, end: root.innerEnd, insert: added });
  return splice(xml, edits);
}

/** A relationship id not in `taken`: rId<n> past the highest rId number there. */
export function freshIds(taken: Iterable<string>, count: number): string[] {
  let n = 0;
  const all = new Set(taken);
  for (const id of all) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  const out: string[] = [];
  while (out.length < count) {
    const id = `rId${++n}`;
    if (!all.has(id)) out.push(id);
  }
  return out;
}

/** The relationship type URI for a worksheet in the package's own flavour (transitional or strict). */
export function worksheetRelType(workbookRels: Relationship[]): string {
  const strict = workbookRels.some((r) => r.type.startsWith(STRICT_RELS));
  return `${strict ? STRICT_RELS : TRANSITIONAL_RELS}/worksheet`;
}

/**
 * Parts to leave out: `initial`, their relationship files, and every part they point to that no
 * kept part points to (a dropped sheet's drawings, comments, printer settings …).
 */
export function dropClosure(initial: Iterable<string>, relsBySource: Map<string, Relationship[]>): Set<string> {
  const dropped = new Set(initial);
  for (let changed = true; changed; ) {
    changed = false;
    const keptTargets = new Set<string>();
    for (const [source, rels] of relsBySource) {
      if (dropped.has(source)) continue;
      for (const r of rels) if (r.target !== null) keptTargets.add(r.target);
    }
    for (const source of [...dropped]) {
      const rels = relsBySource.get(source);
      if (!rels) continue;
      for (const r of rels) {
        if (r.target === null || dropped.has(r.target) || keptTargets.has(r.target)) continue;
        dropped.add(r.target);
        changed = true;
      }
    }
  }
  for (const part of [...dropped]) dropped.add(relsPathOf(part));
  return dropped;
}

// ---------------------------------------------------------------------------------------------
// workbook.xml

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rId: string;
  state?: string;
}

export interface NewSheet {
  name: string;
  rId: string;
  veryHidden?: boolean;
}

export interface WorkbookEdit {
  xml: string;
  /** sheetId given to each new sheet, in order. */
  sheetIds: number[];
  /** The new sheet that became the active tab (an active tab that was dropped passes to the first new sheet), or -1. */
  activeNew: number;
}

/** The `<sheet>` entries of workbook.xml, in tab order. */
export function workbookSheets(xml: string): WorkbookSheet[] {
  return sheetSpans(xml).map(({ attrs }) => ({
    name: attrs.name ?? '',
    sheetId: Number(attrs.sheetId),
    rId: Object.entries(attrs).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1] ?? '',
    state: attrs.state,
  }));
}

function sheetSpans(xml: string): { span: ElementSpan; attrs: Record<string, string> }[] {
  const root = rootElement(xml);
  const sheets = childElements(xml, root.tagEnd, root.innerEnd).find((c) => c.local === 'sheets');
  if (!sheets || sheets.selfClosing) return [];
  return childElements(xml, sheets.tagEnd, sheets.innerEnd)
    .filter((c) => c.local === 'sheet')
    .map((span) => ({ span, attrs: attributes(xml.slice(span.start, span.tagEnd)) }));
}

/**
 * Drops the sheets whose relationship id is in `drop`, appends `add` (after the kept sheets),
 * and renumbers what counts sheets by position: definedName/@localSheetId (names of a dropped
 * sheet go with it) and workbookView/@activeTab and @firstSheet.
 */
export function editWorkbook(xml: string, drop: Set<string>, add: NewSheet[]): WorkbookEdit {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const children = childElements(xml, root.tagEnd, root.innerEnd);
  const sheetsEl = children.find((c) => c.local === 'sheets');
  if (!sheetsEl) throw new Error('workbook.xml has no <sheets>');
  const listed = workbookSheets(xml);
  const spans = sheetSpans(xml);
  const newIndex: (number | null)[] = [];
  let kept = 0;
  for (const s of listed) newIndex.push(drop.has(s.rId) ? null : kept++);
  let nextId = Math.max(0, ...listed.filter((s) => !drop.has(s.rId)).map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0)));
  const sheetIds = add.map(() => ++nextId);

  // The relationships namespace as the file binds it; else declared on each new element.
  const relPrefix = prefixFor(xml.slice(root.start, root.tagEnd), TRANSITIONAL_RELS) ?? prefixFor(xml.slice(root.start, root.tagEnd), STRICT_RELS);
  const idAttr = (rId: string): string => (relPrefix ? `${relPrefix}id="${escapeAttr(rId)}"` : `xmlns:r="${TRANSITIONAL_RELS}" r:id="${escapeAttr(rId)}"`);
  const added = add
    .map((s, i) => `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${sheetIds[i]}"${s.veryHidden ? ' state="veryHidden"' : ''} ${idAttr(s.rId)}/>`)
    .join('');

  const edits: Edit[] = [];
  spans.forEach(({ span }, i) => newIndex[i] === null && edits.push({ start: span.start, end: span.end, insert: '' }));
  if (sheetsEl.selfClosing) edits.push({ start: sheetsEl.start, end: sheetsEl.end, insert: `<${sheetsEl.name}>${added}</${sheetsEl.name}>` });
  else edits.push({ start: sheetsEl.innerEnd, end: sheetsEl.innerEnd, insert: added });

  const names = children.find((c) => c.local === 'definedNames');
  if (names && !names.selfClosing) {
    const defined = childElements(xml, names.tagEnd, names.innerEnd);
    let left = defined.length;
    for (const d of defined) {
      const tag = xml.slice(d.start, d.tagEnd);
      const local = attributes(tag).localSheetId;
      if (local === undefined || d.local !== 'definedName') continue;
      const to = newIndex[Number(local)];
      if (to === null) {
        edits.push({ start: d.start, end: d.end, insert: '' });
        left--;
      } else if (to !== undefined && to !== Number(local)) {
        edits.push({ start: d.start, end: d.tagEnd, insert: setAttribute(tag, 'localSheetId', String(to)) });
      }
    }
    // An emptied list goes (with any whitespace in it).
    if (left === 0) {
      edits.splice(0, edits.length, ...edits.filter((e) => e.start < names.start || e.start >= names.end));
      edits.push({ start: names.start, end: names.end, insert: '' });
    }
  }

  let activeNew = -1;
  const views = children.find((c) => c.local === 'bookViews');
  if (views && !views.selfClosing) {
    const firstNew = add.findIndex((s) => !s.veryHidden);
    for (const v of childElements(xml, views.tagEnd, views.innerEnd)) {
      if (v.local !== 'workbookView') continue;
      let tag = xml.slice(v.start, v.tagEnd);
      const a = attributes(tag);
      const active = Number(a.activeTab ?? 0);
      const activeTo = newIndex[active];
      if (activeTo === null || activeTo === undefined) {
        const to = firstNew >= 0 ? kept + firstNew : 0;
        if (firstNew >= 0 && activeNew < 0) activeNew = firstNew;
        if (to !== active || a.activeTab !== undefined) tag = setAttribute(tag, 'activeTab', String(to));
      } else if (activeTo !== active) tag = setAttribute(tag, 'activeTab', String(activeTo));
      if (a.firstSheet !== undefined) {
        const first = newIndex[Number(a.firstSheet)];
        tag = setAttribute(tag, 'firstSheet', String(first ?? 0));
      }
      if (tag !== xml.slice(v.start, v.tagEnd)) edits.push({ start: v.start, end: v.tagEnd, insert: tag });
    }
  }
  return { xml: splice(xml, edits), sheetIds, activeNew };
}

// ---------------------------------------------------------------------------------------------
// [Content_Types].xml

/** Overrides of dropped parts removed, new ones added, some content types changed (by part name, "/xl/…"). */
export function editContentTypes(xml: string, drop: Set<string>, add: { part: string; type: string }[], retype = new Map<string, string>()): string {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const key = (part: string): string => `/${part.replace(/^\//, '')}`.toLowerCase();
  const dropKeys = new Set([...drop].map(key));
  const retypeKeys = new Map([...retype].map(([k, v]) => [key(k), v]));
  const edits: Edit[] = [];
  if (!root.selfClosing) {
    for (const c of childElements(xml, root.tagEnd, root.innerEnd)) {
      if (c.local !== 'Override') continue;
      const tag = xml.slice(c.start, c.tagEnd);
      const part = key(attributes(tag).PartName ?? '');
      if (dropKeys.has(part)) edits.push({ start: c.start, end: c.end, insert: '' });
      else if (retypeKeys.has(part)) edits.push({ start: c.start, end: c.tagEnd, insert: setAttribute(tag, 'ContentType', retypeKeys.get(part)!) });
    }
  }
  const added = add.map((o) => `<${p}Override PartName="${escapeAttr(`/${o.part}`)}" ContentType="${escapeAttr(o.type)}"/>`).join('');
  if (root.selfClosing) return xml.slice(0, root.start) + xml.slice(root.start, root.end).replace(/\s*\/>$/, '>') + added + `</${root.name}>` + xml.slice(root.end);
  edits.push({ start: root.innerEnd, end: root.innerEnd, insert: added });
  return splice(xml, edits);
}

/** The content type the package gives a part (Override, else Default by extension). */
export function contentTypeOf(xml: string, part: string): string | null {
  const root = rootElement(xml);
  if (root.selfClosing) return null;
  const children = childElements(xml, root.tagEnd, root.innerEnd).map((c) => ({ local: c.local, a: attributes(xml.slice(c.start, c.tagEnd)) }));
  const name = `/${part}`.toLowerCase();
  const override = children.find((c) => c.local === 'Override' && (c.a.PartName ?? '').toLowerCase() === name);
  if (override) return override.a.ContentType ?? null;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return children.find((c) => c.local === 'Default' && (c.a.Extension ?? '').toLowerCase() === ext)?.a.ContentType ?? null;
}

// ---------------------------------------------------------------------------------------------
// calcChain.xml

/** True when the calculation chain lists a cell of one of these sheets (by sheetId). */
export function calcChainMentions(xml: string, sheetIds: Set<number>): boolean {
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\s[^>]*?\bi\s*=\s*["'](\d+)["']/g)) if (sheetIds.has(Number(m[1]))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// docProps/app.xml

/**
 * The group of sheet names in TitlesOfParts/HeadingPairs replaced by `sheets`, and names of
 * dropped sheets ('Sheet'!Print_Area …) taken out of the other groups. Null when the part does
 * not list the workbook's sheets in a way we recognise (it is then copied as it was).
 */
export function editAppProperties(xml: string, oldSheets: string[], sheets: string[], dropped: Set<string>): string | null {
  const root = rootElement(xml);
  if (root.selfClosing) return null;
  const children = childElements(xml, root.tagEnd, root.innerEnd);
  const pairsEl = children.find((c) => c.local === 'HeadingPairs');
  const titlesEl = children.find((c) => c.local === 'TitlesOfParts');
  if (!pairsEl || !titlesEl || pairsEl.selfClosing || titlesEl.selfClosing) return null;
  const pairVector = childElements(xml, pairsEl.tagEnd, pairsEl.innerEnd).find((c) => c.local === 'vector');
  const titleVector = childElements(xml, titlesEl.tagEnd, titlesEl.innerEnd).find((c) => c.local === 'vector');
  if (!pairVector || !titleVector || pairVector.selfClosing || titleVector.selfClosing) return null;
  const text = (span: ElementSpan): string => decodeEntities(xml.slice(span.tagEnd, span.innerEnd));
  const variants = childElements(xml, pairVector.tagEnd, pairVector.innerEnd).map((v) => childElements(xml, v.tagEnd, v.innerEnd)[0]);
  if (variants.length % 2 !== 0 || variants.some((v) => !v)) return null;
  const pairs: { label: string; count: number }[] = [];
  for (let i = 0; i < variants.length; i += 2) pairs.push({ label: text(variants[i]), count: Number(text(variants[i + 1])) });
  const titleSpans = childElements(xml, titleVector.tagEnd, titleVector.innerEnd);
  const titles = titleSpans.map(text);
  if (pairs.some((p) => !Number.isInteger(p.count)) || pairs.reduce((n, p) => n + p.count, 0) !== titles.length) return null;

  const known = new Set(oldSheets);
  const groups: string[][] = [];
  let at = 0;
  for (const pair of pairs) {
    groups.push(titles.slice(at, at + pair.count));
    at += pair.count;
  }
  const sheetGroup = groups.findIndex((g) => g.length > 0 && g.every((t) => known.has(t)));
  if (sheetGroup < 0) return null;
  const mentionsDropped = (t: string): boolean => [...dropped].some((d) => t.startsWith(`${d}!`) || t.startsWith(`'${d.replace(/'/g, "''")}'!`));
  const newGroups = groups.map((g, i) => (i === sheetGroup ? sheets : g.filter((t) => !mentionsDropped(t))));

  const vt = prefixOf(titleVector.name);
  const lp = (s: string): string => `<${vt}lpstr>${escapeAttr(s)}</${vt}lpstr>`;
  const keptPairs = pairs.map((pair, i) => ({ ...pair, count: newGroups[i].length })).filter((pair) => pair.count > 0);
  const pairXml = keptPairs.map((pair) => `<${vt}variant>${lp(pair.label)}</${vt}variant><${vt}variant><${vt}i4>${pair.count}</${vt}i4></${vt}variant>`).join('');
  const allTitles = newGroups.flat();
  const newPairTag = setAttribute(xml.slice(pairVector.start, pairVector.tagEnd), 'size', String(keptPairs.length * 2));
  const newTitleTag = setAttribute(xml.slice(titleVector.start, titleVector.tagEnd), 'size', String(allTitles.length));
  const edits: Edit[] = [
    { start: pairVector.start, end: pairVector.end, insert: `${newPairTag}${pairXml}</${pairVector.name}>` },
    { start: titleVector.start, end: titleVector.end, insert: `${newTitleTag}${allTitles.map(lp).join('')}</${titleVector.name}>` },
  ];
  return splice(xml, edits);
}
