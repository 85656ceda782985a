/**
 * Writes the results workbook to a NEW file, at the zip level: every part of the officer's
 * workbook is copied as stored (compressed bytes untouched) except the few that must change —
 * the sheet list and its bookkeeping, styles.xml (formats appended), and the source sheets that
 * gain or lose highlights (conditional formats spliced in or cut out, nothing else touched). The
 * add-in's previous sheets are left out; the result sheets and the very hidden meta sheet are
 * generated as XML and streamed through deflate. Written to a temporary file, then renamed.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { bi, type Bilingual } from '../../domain/i18n';
import type { ResultSheet } from '../../domain/sheets/model';
import { WorkbookError, type HighlightRequest } from '../gateway';
import { safeSheetName } from '../sheet-names';
import { replaceHighlights, rowRefs, type NewFormat } from './highlights';
import { metaToRows, type HighlightRecord, type WorkbookMeta } from './meta';
import { keptSheetNames, planPackage } from './package-plan';
import { MAX_LINKS, checkSheetSize, renderResultSheet, renderTextSheet, type RenderStats } from './render';
import { asWorkbookError, notWorkbookError, openSourceBook } from './source';
import { blankSource, zipSource, type PackageSource } from './source-package';
import { StyleSheetEditor } from './styles-merge';
import { XmlShapeError } from './xml-edit';
import { ZipWriter } from './zip-writer';

/** zlib level of the parts we write: level 1 is several times faster than 6 for a few % more bytes. */
const DEFLATE_LEVEL = 1;

export interface WriteResultOptions {
  output: string;
  sheets: ResultSheet[];
  /** The officer's workbook; read only, never written. */
  input?: string;
  highlights?: HighlightRequest[];
  settings?: Record<string, unknown>;
}

export interface WriteResultReport {
  output: string;
  /** Names actually used, in the order of `options.sheets`. */
  sheetNames: string[];
  /** True when the officer's sheets are in the output (always, when there is an input). */
  sourcesCopied: boolean;
  notes: Bilingual[];
}

/** Names for the result sheets that avoid the officer's sheets (the add-in's own are replaced). */
export function planSheetNames(wanted: string[], sourceNames: string[]): string[] {
  const taken = new Set(sourceNames);
  return wanted.map((w) => {
    const name = safeSheetName(w, taken);
    taken.add(name);
    return name;
  });
}

/** Row runs as a range list: rows [12,13,14,20] of 11 columns → "A12:K14 A20:K20". */
export function rowsToRef(rows: number[], columnCount: number): string {
  return rowRefs(rows, columnCount, Number.POSITIVE_INFINITY).join(' ');
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) ? `FF${hex}` : /^[0-9A-F]{8}$/.test(hex) ? hex : 'FFFFFF00';
}

/** A failure while reading the input as a WorkbookError the officer can act on. */
function sourceError(error: unknown, input: string): unknown {
  return error instanceof XmlShapeError ? notWorkbookError(input) : asWorkbookError(error, input);
}

export async function writeResultWorkbook(options: WriteResultOptions): Promise<WriteResultReport> {
  const { output, sheets, input } = options;
  const book = input ? await openSourceBook(input) : null;
  if (input && (await sameFile(input, output))) {
    throw new WorkbookError('Tệp kết quả phải khác tệp gốc / The output file must differ from the input file', 'other');
  }
  const src: PackageSource = book ? zipSource(book.zip) : blankSource();
  const owned = book?.meta.owned ?? [];
  const notes: Bilingual[] = [];
  let plan: Awaited<ReturnType<typeof planPackage>>;
  let names: string[];
  try {
    names = planSheetNames(
      sheets.map((s) => s.name),
      await keptSheetNames(src, owned),
    );
    sheets.forEach((s, i) => checkSheetSize(s, names[i]));
    plan = await planPackage(src, owned, names, output);
  } catch (error) {
    throw input ? sourceError(error, input) : error;
  }
  notes.push(...plan.notes);
  const styles = new StyleSheetEditor(plan.styles.exists ? await src.text(plan.styles.path) : null);

  // Highlights: one conditional format per address chunk, recorded so the next run can remove exactly them.
  const records: HighlightRecord[] = [];
  const added = new Map<string, NewFormat[]>();
  for (const h of options.highlights ?? []) {
    if (h.rows.length === 0) continue;
    const path = plan.sourceSheets.get(h.sheet);
    if (!path) {
      notes.push(bi(`Không tô màu ${h.key}: không có trang "${h.sheet}".`, `Highlight ${h.key} skipped: no sheet "${h.sheet}".`));
      continue;
    }
    const dxfId = styles.dxfFill(argb(h.color));
    for (const ref of rowRefs(h.rows, h.columnCount)) {
      records.push({ sheet: h.sheet, key: h.key, color: h.color, ref });
      if (!added.has(path)) added.set(path, []);
      added.get(path)!.push({ ref, dxfId });
    }
  }
  const removed = new Map<string, HighlightRecord[]>();
  for (const r of book?.meta.highlights ?? []) {
    const path = plan.sourceSheets.get(r.sheet);
    if (!path) continue;
    if (!removed.has(path)) removed.set(path, []);
    removed.get(path)!.push(r);
  }
  const meta: WorkbookMeta = { owned: names, highlights: records, settings: options.settings ?? {} };

  const renamed = new Map(sheets.map((s, i) => [s.name, names[i]]));
  const linkTarget = (sheet: string): string | null => (plan.sourceSheets.has(sheet) ? sheet : (renamed.get(sheet) ?? null));

  const tmp = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(4).toString('hex')}.tmp`);
  let zip: ZipWriter | null = null;
  try {
    zip = await ZipWriter.create(tmp, { level: DEFLATE_LEVEL });
    for (const name of src.names) {
      if (plan.dropped.has(name) || name === plan.styles.path) continue;
      const text = plan.replaced.get(name);
      if (text !== undefined) await zip.addBuffer(name, text);
      else if (added.has(name) || removed.has(name)) await zip.addStream(name, replaceHighlights(await src.stream(name), removed.get(name) ?? [], added.get(name) ?? []));
      else await src.copy(name, zip);
    }
    for (const [name, text] of plan.replaced) if (!src.has(name)) await zip.addBuffer(name, text);
    for (let i = 0; i < sheets.length; i++) {
      const planned = plan.sheets[i];
      const stats: RenderStats = { links: 0, linksDropped: 0 };
      await zip.addStream(planned.path, renderResultSheet(sheets[i], { linkTarget, style: (spec) => styles.xf(spec), selected: planned.selected, namespaces: plan.namespaces }, stats));
      if (stats.linksDropped > 0) {
        notes.push(
          bi(
            `Trang "${names[i]}": chỉ ${MAX_LINKS.toLocaleString('vi-VN')} liên kết đầu tiên bấm được (giới hạn của Excel); ${stats.linksDropped.toLocaleString('vi-VN')} liên kết còn lại ghi dạng chữ.`,
            `Sheet "${names[i]}": only the first ${MAX_LINKS.toLocaleString('en-US')} links are clickable (Excel's limit); the other ${stats.linksDropped.toLocaleString('en-US')} are plain text.`,
          ),
        );
      }
    }
    await zip.addStream(plan.sheets[sheets.length].path, renderTextSheet(metaToRows(meta), plan.namespaces));
    // Last: the result sheets registered their formats while they were written.
    if (plan.styles.exists && styles.unchanged) await src.copy(plan.styles.path, zip);
    else await zip.addBuffer(plan.styles.path, styles.toXml());
    await zip.close();
    zip = null;
    await rename(tmp, output);
  } catch (error) {
    await zip?.abort();
    await rm(tmp, { force: true });
    if ((error as NodeJS.ErrnoException).path === tmp) {
      throw new WorkbookError(`Không ghi được tệp "${output}" / Cannot write "${output}" (${(error as NodeJS.ErrnoException).code})`, 'other');
    }
    throw input ? sourceError(error, input) : error;
  }
  return { output, sheetNames: names, sourcesCopied: book !== null, notes };
}
