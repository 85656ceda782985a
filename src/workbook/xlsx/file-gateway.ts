/**
 * `WorkbookGateway` over an .xlsx file, for the command line and tests. Reading streams one
 * sheet at a time in bounded memory. Writing never touches the input: result sheets,
 * highlights and settings are collected and written to another file by `save()`.
 */
import type { CellValue, MergedArea, RowChunk } from '../../domain/cells';
import type { ResultSheet } from '../../domain/sheets/model';
import { WorkbookError, type HighlightRequest, type ReadOptions, type SheetInfo, type WorkbookGateway } from '../gateway';
import { safeSheetName } from '../sheet-names';
import { collectSheet, type WritableSheet } from '../sheet-source';
import type { SheetPart, SheetScan } from './parts';
import { readSheetRowBatches } from './read-sheet';
import { asWorkbookError, isOwned, openSourceBook, readContext, scanSource, type SourceBook } from './source';
import { writeResultWorkbook, type WriteResultReport } from './write';

export const DEFAULT_CHUNK_ROWS = 5_000;

export class XlsxFileGateway implements WorkbookGateway {
  private book: Promise<SourceBook> | null = null;
  private readonly scans = new Map<string, Promise<SheetScan>>();
  private readonly results: { sheet: ResultSheet; name: string }[] = [];
  private highlights: HighlightRequest[] = [];
  private readonly settings: Record<string, unknown> = {};
  /** Shared strings and styles, read once for every sheet (not once per sheet). */
  private context: ReturnType<typeof readContext> | null = null;

  constructor(readonly path: string) {}

  private open(): Promise<SourceBook> {
    if (!this.book) {
      this.book = openSourceBook(this.path);
      this.book.catch(() => (this.book = null));
    }
    return this.book;
  }

  private async part(name: string): Promise<{ book: SourceBook; part: SheetPart }> {
    const book = await this.open();
    const part = book.parts.sheets.find((s) => s.name === name);
    if (!part) throw new WorkbookError(`Không có trang tính "${name}" / No sheet named "${name}"`, 'missing');
    return { book, part };
  }

  private scan(book: SourceBook, part: SheetPart): Promise<SheetScan> {
    let scan = this.scans.get(part.name);
    if (!scan) {
      scan = scanSource(book, part);
      this.scans.set(part.name, scan);
    }
    return scan;
  }

  private sharedContext(book: SourceBook): ReturnType<typeof readContext> {
    if (!this.context) {
      this.context = readContext(book.zip, book.parts);
      this.context.catch(() => (this.context = null));
    }
    return this.context;
  }

  /** All worksheets in tab order; sizes come from one raw pass per sheet (cached). */
  async listSheets(): Promise<SheetInfo[]> {
    const book = await this.open();
    const out: SheetInfo[] = [];
    for (const part of book.parts.sheets) {
      const scan = await this.scan(book, part);
      out.push({ name: part.name, rowCount: scan.rowCount, columnCount: scan.columnCount, visible: part.state === 'visible', owned: isOwned(book, part) });
    }
    return out;
  }

  async headerMerges(sheet: string, rows: number): Promise<MergedArea[]> {
    const { book, part } = await this.part(sheet);
    return (await this.scan(book, part)).merges.filter((m) => m.top <= rows);
  }

  async *readSheet(sheet: string, options: ReadOptions = {}): AsyncIterable<RowChunk> {
    const { book, part } = await this.part(sheet);
    const size = Math.max(1, Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS));
    const total = options.onProgress ? (await this.scan(book, part)).rowCount : 0;
    const checkAbort = (): void => {
      if (options.signal?.aborted) throw new WorkbookError('Đã hủy / Cancelled', 'cancelled');
    };
    checkAbort();
    let start = 1;
    let rows: CellValue[][] = [];
    const flush = (pad: boolean): RowChunk => {
      while (pad && rows.length < size) rows.push([]);
      const chunk = { startRow: start, rows };
      start += rows.length;
      rows = [];
      options.onProgress?.({ done: start - 1, total: Math.max(total, start - 1), phase: 'read' });
      return chunk;
    };
    try {
      for await (const batch of readSheetRowBatches(book.zip, book.parts, part, await this.sharedContext(book))) {
        for (const { row, values } of batch) {
          while (row >= start + size) {
            yield flush(true);
            checkAbort();
          }
          while (start + rows.length < row) rows.push([]);
          rows.push(values);
        }
      }
    } catch (error) {
      throw asWorkbookError(error, this.path);
    }
    if (rows.length > 0) yield flush(false);
  }

  /** Queues a result sheet for `save()`; the name avoids every source sheet (ignoring case). */
  async writeSheet(written: WritableSheet): Promise<string> {
    const sheet = await collectSheet(written); // the file is written whole at save()
    const book = await this.open();
    const existing = this.results.find((r) => r.sheet.name === sheet.name);
    if (existing) {
      existing.sheet = sheet;
      return existing.name;
    }
    const taken = new Set([...book.parts.sheets.filter((s) => !isOwned(book, s)).map((s) => s.name), ...this.results.map((r) => r.name)]);
    const name = safeSheetName(sheet.name, taken);
    this.results.push({ sheet, name });
    return name;
  }

  async highlight(requests: HighlightRequest[]): Promise<void> {
    this.highlights.push(...requests);
  }

  async clearHighlights(keys?: string[]): Promise<void> {
    this.highlights = keys ? this.highlights.filter((h) => !keys.includes(h.key)) : [];
  }

  async loadSettings<T>(key: string): Promise<T | null> {
    if (key in this.settings) return this.settings[key] as T;
    const stored = (await this.open()).meta.settings[key];
    return stored === undefined ? null : (stored as T);
  }

  async saveSettings<T>(key: string, value: T): Promise<void> {
    this.settings[key] = value;
  }

  /** Writes everything queued to `output` (never the input). */
  async save(output: string): Promise<WriteResultReport> {
    const book = await this.open();
    return writeResultWorkbook({
      input: this.path,
      output,
      sheets: this.results.map((r) => r.sheet),
      highlights: this.highlights,
      settings: { ...book.meta.settings, ...this.settings },
    });
  }
}
