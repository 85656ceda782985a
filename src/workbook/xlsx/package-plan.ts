/**
 * Reads the source package's bookkeeping and decides the output package: which parts are left
 * out (the add-in's previous sheets and what only they used, a calculation chain that lists
 * them, macros when the output is an .xlsx), where the new sheets go, their relationship ids,
 * and the edited workbook.xml, relationships, content types and app.xml.
 */
import type { Bilingual } from '../../domain/i18n';
import { META_SHEET } from './meta';
import { packageKind } from './fidelity';
import type { PackageSource } from './source-package';
import { STRICT_NAMESPACES, TRANSITIONAL_NAMESPACES, type Namespaces } from './render';
import { prefixFor, prefixOf, rootElement } from './xml-edit';
import {
  WORKSHEET_CONTENT,
  calcChainMentions,
  contentTypeOf,
  dropClosure,
  editAppProperties,
  editContentTypes,
  editRels,
  editWorkbook,
  freshIds,
  parseRels,
  relsPathOf,
  sourceOfRels,
  workbookSheets,
  worksheetRelType,
  type Relationship,
} from './package-edit';

const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CONTENT_TYPES = '[Content_Types].xml';

export interface PlannedSheet {
  name: string;
  path: string;
  veryHidden: boolean;
  selected: boolean;
}

export interface PackagePlan {
  /** Parts not written. */
  dropped: Set<string>;
  /** Replacement text of edited bookkeeping parts, by part name. */
  replaced: Map<string, string>;
  /** Worksheets kept from the source: name → part. */
  sourceSheets: Map<string, string>;
  /** Names of every kept sheet (worksheets, chart sheets …), which new sheets must not take. */
  keptNames: string[];
  /** The new sheets (results, then the meta sheet), with their parts. */
  sheets: PlannedSheet[];
  styles: { path: string; exists: boolean };
  /** Namespaces for the parts we generate: the workbook's own flavour. */
  namespaces: Namespaces;
  notes: Bilingual[];
}

async function relsOf(src: PackageSource, part: string): Promise<Relationship[]> {
  const path = relsPathOf(part);
  return src.has(path) ? parseRels(await src.text(path), part) : [];
}

/**
 * @param owned names the add-in wrote last time (from its meta sheet)
 * @param resultNames names of the result sheets, already clear of `keptNames` (see `keptSheetNames`)
 */
export async function planPackage(src: PackageSource, owned: string[], resultNames: string[], output: string): Promise<PackagePlan> {
  const base = await readBook(src, owned);
  const { bookPath, bookRels, listed, isDropped } = base;
  const notes: Bilingual[] = [];
  const bookDir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/')) : '';
  const inDir = (p: string): string => (bookDir ? `${bookDir}/${p}` : p);
  const target = (id: string): string | null => bookRels.find((r) => r.id === id)?.target ?? null;

  const initial = new Set<string>();
  for (const s of listed) if (isDropped(s)) initial.add(target(s.rId)!);

  const contentTypes = src.has(CONTENT_TYPES) ? await src.text(CONTENT_TYPES) : null;
  const vba = bookRels.find((r) => r.type.endsWith('/vbaProject') && r.target !== null && src.has(r.target));
  const kind = packageKind(output, contentTypes ? contentTypeOf(contentTypes, bookPath) : null, !!vba);
  if (kind.dropMacros && vba) initial.add(vba.target!);
  if (kind.note) notes.push(kind.note);
  // A calculation chain naming a removed sheet makes Excel repair the file; Excel rebuilds a missing one.
  const calc = bookRels.find((r) => r.type.endsWith('/calcChain') && r.target !== null && src.has(r.target));
  const droppedIds = new Set(listed.filter(isDropped).map((s) => s.sheetId));
  if (calc && droppedIds.size > 0 && calcChainMentions(await src.text(calc.target!), droppedIds)) initial.add(calc.target!);

  const relsBySource = new Map<string, Relationship[]>();
  for (const name of src.names) {
    const source = sourceOfRels(name);
    if (source !== null && (source === '' || src.has(source))) relsBySource.set(source, parseRels(await src.text(name), source));
  }
  const dropped = initial.size > 0 ? dropClosure(initial, relsBySource) : new Set<string>();
  const kept = src.names.filter((n) => !dropped.has(n));
  const taken = new Set(kept.map((n) => n.toLowerCase()));

  // New parts: the lowest free sheetN.xml, so a second run reuses the names of the first.
  const all = [...resultNames.map((name) => ({ name, veryHidden: false })), { name: META_SHEET, veryHidden: true }];
  let n = 0;
  const paths = all.map(() => {
    let path: string;
    do path = inDir(`worksheets/sheet${++n}.xml`);
    while (taken.has(path.toLowerCase()) || taken.has(relsPathOf(path).toLowerCase()));
    return path;
  });
  const keptRels = bookRels.filter((r) => r.target === null || !dropped.has(r.target));
  // Ids of removed relationships are free again, so a second run gives the same ids as the first.
  const ids = freshIds(
    keptRels.map((r) => r.id),
    all.length + 1,
  );
  const stylesRel = bookRels.find((r) => r.type.endsWith('/styles') && r.target !== null && src.has(r.target));
  let styles = { path: stylesRel?.target ?? '', exists: !!stylesRel };
  for (let i = 0; !styles.exists && (!styles.path || taken.has(styles.path.toLowerCase())); i++) styles = { path: inDir(i ? `styles${i}.xml` : 'styles.xml'), exists: false };

  const replaced = new Map<string, string>();
  const bookXml = await src.text(bookPath);
  const root = rootElement(bookXml);
  const strict = prefixFor(bookXml.slice(root.start, root.tagEnd), STRICT_NAMESPACES.main) === prefixOf(root.name);
  const edit = editWorkbook(
    bookXml,
    new Set(listed.filter(isDropped).map((s) => s.rId)),
    all.map((s, i) => ({ name: s.name, rId: ids[i], veryHidden: s.veryHidden })),
  );
  replaced.set(bookPath, edit.xml);
  const wsType = worksheetRelType(bookRels);
  const relAdds = all.map((_s, i) => ({ id: ids[i], type: wsType, target: relative(bookDir, paths[i]) }));
  if (!stylesRel) relAdds.push({ id: ids[all.length], type: wsType.replace(/worksheet$/, 'styles'), target: relative(bookDir, styles.path) });
  const dropRelIds = new Set(bookRels.filter((r) => !keptRels.includes(r)).map((r) => r.id));
  replaced.set(relsPathOf(bookPath), await editedRels(src, bookPath, dropRelIds, relAdds));

  const overrides = paths.map((part) => ({ part, type: WORKSHEET_CONTENT }));
  if (!stylesRel) overrides.push({ part: styles.path, type: STYLES_CONTENT });
  const retype = kind.workbookType ? new Map([[bookPath, kind.workbookType]]) : undefined;
  replaced.set(CONTENT_TYPES, editContentTypes(contentTypes ?? EMPTY_TYPES, dropped, overrides, retype));

  const worksheetNames = listed.filter((s) => base.isWorksheet(s)).map((s) => s.name);
  const keptWorksheets = listed.filter((s) => base.isWorksheet(s) && !isDropped(s));
  const app = base.rootRels.find((r) => r.type.endsWith('/extended-properties') && r.target !== null && src.has(r.target));
  if (app) {
    const droppedNames = new Set(listed.filter(isDropped).map((s) => s.name));
    const xml = editAppProperties(await src.text(app.target!), worksheetNames, [...keptWorksheets.map((s) => s.name), ...all.map((s) => s.name)], droppedNames);
    if (xml !== null) replaced.set(app.target!, xml);
  }

  return {
    dropped,
    replaced,
    sourceSheets: new Map(keptWorksheets.map((s) => [s.name, target(s.rId)!])),
    keptNames: listed.filter((s) => !isDropped(s)).map((s) => s.name),
    sheets: all.map((s, i) => ({ name: s.name, path: paths[i], veryHidden: s.veryHidden, selected: i === edit.activeNew })),
    styles,
    namespaces: strict ? STRICT_NAMESPACES : TRANSITIONAL_NAMESPACES,
    notes,
  };
}

/** The sheets of the source and which of them the add-in wrote (those are replaced). */
async function readBook(src: PackageSource, owned: string[]) {
  const rootRels = src.has('_rels/.rels') ? parseRels(await src.text('_rels/.rels'), '') : [];
  const office = rootRels.find((r) => r.type.endsWith('/officeDocument') && r.target !== null && src.has(r.target));
  const bookPath = office?.target ?? 'xl/workbook.xml';
  const bookRels = await relsOf(src, bookPath);
  const listed = workbookSheets(await src.text(bookPath));
  const isWorksheet = (s: { rId: string }): boolean => {
    const rel = bookRels.find((r) => r.id === s.rId);
    return !!rel && rel.type.endsWith('/worksheet') && rel.target !== null && src.has(rel.target);
  };
  const mine = new Set(owned);
  const isDropped = (s: { name: string; rId: string }): boolean => isWorksheet(s) && (s.name === META_SHEET || mine.has(s.name));
  return { rootRels, bookPath, bookRels, listed, isWorksheet, isDropped };
}

/** Names of the sheets that stay (every kind: a chart sheet's name is taken too). */
export async function keptSheetNames(src: PackageSource, owned: string[]): Promise<string[]> {
  const { listed, isDropped } = await readBook(src, owned);
  return listed.filter((s) => !isDropped(s)).map((s) => s.name);
}

async function editedRels(src: PackageSource, bookPath: string, drop: Set<string>, add: { id: string; type: string; target: string }[]): Promise<string> {
  const path = relsPathOf(bookPath);
  const xml = src.has(path) ? await src.text(path) : EMPTY_RELS;
  return editRels(xml, drop, add);
}

/** `part` relative to the folder `dir` (both package paths). */
function relative(dir: string, part: string): string {
  if (!dir) return part;
  if (part.startsWith(`${dir}/`)) return part.slice(dir.length + 1);
  return `/${part}`;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const EMPTY_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
