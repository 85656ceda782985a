/**
 * Reading a whole workbook, one sheet at a time and one chunk at a time: the first rows of a
 * sheet decide its layout, then its rows stream through a TableReader (never held twice).
 */
import type { CellValue, MergedArea, RowChunk } from '../cells';
import { HEADER_SCAN_ROWS } from '../detect/header';
import { detectLayout, type LayoutOverride, type LayoutResult, type SheetLayout } from '../detect/layout';
import type { Issue } from '../issues';
import type { Model } from '../model';
import { buildModel, InitiativeCollector, type ReadSheet } from './build';
import { TableReader } from './table-reader';

export interface WorkbookReading {
  model: Model;
  layouts: SheetLayout[];
  /** Sheets that were not used, and why. */
  skipped: Exclude<LayoutResult, { ok: true }>[];
}

/** Feeds one sheet's chunks: buffers the head until the layout is known, then streams. */
export class SheetFeeder {
  private head: CellValue[][] = [];
  private buffered: RowChunk[] = [];
  private reader: TableReader | null = null;
  private initiatives: InitiativeCollector | null = null;
  private result: LayoutResult | null = null;

  constructor(
    readonly sheet: string,
    private readonly merges: MergedArea[],
    private readonly override: LayoutOverride | undefined,
  ) {}

  push(chunk: RowChunk): void {
    if (this.result) {
      this.reader?.push(chunk);
      return;
    }
    this.buffered.push(chunk);
    for (let i = 0; i < chunk.rows.length && this.head.length < HEADER_SCAN_ROWS; i++) this.head[chunk.startRow - 1 + i] = chunk.rows[i]!;
    if (chunk.startRow - 1 + chunk.rows.length >= HEADER_SCAN_ROWS) this.decide();
  }

  /** Ends the sheet; returns its layout result and, when usable, its rows. */
  finish(): { result: LayoutResult; read: ReadSheet | null; issues: Issue[] } {
    if (!this.result) this.decide();
    const result = this.result!;
    return { result, read: this.reader ? { layout: this.reader.layout, rows: this.reader.rows, totals: this.reader.totals, initiatives: this.initiatives ?? undefined } : null, issues: this.reader?.issues ?? [] };
  }

  private decide(): void {
    const head = Array.from({ length: this.head.length }, (_, i) => this.head[i] ?? []);
    this.result = detectLayout(this.sheet, head, this.merges, this.override);
    if (this.result.ok) {
      const layout = this.result.layout;
      if (layout.role === 'initiatives') this.initiatives = new InitiativeCollector(this.sheet, layout);
      this.reader = new TableReader(layout, this.merges, this.initiatives);
      for (const chunk of this.buffered) this.reader.push(chunk);
    }
    this.buffered = [];
    this.head = [];
  }
}

/** Collects finished sheets into the model. */
export class WorkbookAssembler {
  private reads: ReadSheet[] = [];
  private issues: Issue[] = [];
  private layouts: SheetLayout[] = [];
  private skipped: WorkbookReading['skipped'] = [];

  add(feeder: SheetFeeder): void {
    const { result, read, issues } = feeder.finish();
    if (result.ok && read) {
      this.reads.push(read);
      this.layouts.push(result.layout);
      for (const issue of issues) this.issues.push(issue);
    } else if (!result.ok) this.skipped.push(result);
  }

  finish(): WorkbookReading {
    return { model: buildModel(this.reads, this.issues), layouts: this.layouts, skipped: this.skipped };
  }
}

/** Convenience for tests and small inputs: whole sheets given as 2-D arrays from row 1. */
export function readSheets(sheets: { name: string; rows: CellValue[][]; merges?: MergedArea[] }[], overrides: LayoutOverride[] = []): WorkbookReading {
  const assembler = new WorkbookAssembler();
  for (const s of sheets) {
    const feeder = new SheetFeeder(s.name, s.merges ?? [], overrides.find((o) => o.sheet === s.name));
    feeder.push({ startRow: 1, rows: s.rows });
    assembler.add(feeder);
  }
  return assembler.finish();
}
