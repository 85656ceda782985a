/** A read-only WorkbookGateway over office-js-shaped arrays held in memory (benchmark input). */
import type { MergedArea, RowChunk } from '../src/domain/cells';
import type { ResultSheet } from '../src/domain/sheets/model';
import type { HighlightRequest, SheetInfo, WorkbookGateway } from '../src/workbook/gateway';
import type { SheetArrays } from './arrays';

export class ArrayGateway implements WorkbookGateway {
  written: ResultSheet[] = [];
  highlights: HighlightRequest[] = [];
  constructor(
    private readonly sheets: SheetArrays[],
    private readonly keep = false,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, rowCount: s.rowCount, columnCount: s.columnCount, visible: true, owned: false }));
  }
  async headerMerges(sheet: string, rows: number): Promise<MergedArea[]> {
    return (this.sheets.find((s) => s.name === sheet)?.merges ?? []).filter((m) => m.top <= rows);
  }
  /**
   * Each chunk is handed over once and dropped, as office-js responses are: the pipeline keeps
   * only what it takes from them (pass `keep` to read the same arrays again).
   */
  async *readSheet(sheet: string): AsyncIterable<RowChunk> {
    const chunks = this.sheets.find((s) => s.name === sheet)?.chunks ?? [];
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i]!;
      if (!this.keep) chunks[i] = { startRow: c.startRow, rows: [] };
      yield { startRow: c.startRow, rows: c.rows };
    }
  }
  async writeSheet(sheet: ResultSheet): Promise<string> {
    this.written.push(sheet);
    return sheet.name;
  }
  async highlight(requests: HighlightRequest[]): Promise<void> {
    this.highlights.push(...requests);
  }
  async clearHighlights(): Promise<void> {
    this.highlights = [];
  }
  async loadSettings<T>(): Promise<T | null> {
    return null;
  }
  async saveSettings(): Promise<void> {}
}
