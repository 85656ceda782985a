/** The WorkbookGateway over office-js. All Excel calls of the project go through this folder. */
import type { MergedArea, RowChunk } from '../../domain/cells';
import { BLOCK_PAGE_ROWS } from '../../domain/sheets/model';
import { sheetSource, type WritableSheet } from '../sheet-source';
import type { HighlightRequest, ReadOptions, SelectionPoint, SheetInfo, WorkbookGateway } from '../gateway';
import { guarded } from './errors';
import { addHighlights, clearMarkedFormats } from './highlight';
import { readHeaderMerges, readSheetChunks } from './read';
import { type SettingsStore, createSettingsStore } from './settings';
import { listenToSelection, selectRows } from './selection';
import { loadSheetStates } from './sheets';
import type { ExcelGatewayOptions, ExcelRunner, Requirements, ResolvedOptions } from './types';
import { writeResultSheet } from './write';

function officeRequirements(): Requirements {
  return (set, version) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    try {
      return office?.context?.requirements?.isSetSupported(set, version) === true;
    } catch {
      return false;
    }
  };
}

export class ExcelGateway implements WorkbookGateway {
  private readonly opts: ResolvedOptions;
  private readonly documentSettings: ExcelGatewayOptions['documentSettings'];
  private settingsStore?: SettingsStore;

  constructor(
    private readonly run: ExcelRunner,
    options: ExcelGatewayOptions = {},
  ) {
    this.opts = {
      maxPayloadBytes: options.maxPayloadBytes ?? 5_000_000,
      maxCellsPerRead: options.maxCellsPerRead ?? 5_000_000,
      requirements: options.requirements ?? officeRequirements(),
      maxLinksPerSheet: options.maxLinksPerSheet ?? 2_000,
      sheetPageRows: options.sheetPageRows ?? BLOCK_PAGE_ROWS,
    };
    this.documentSettings = options.documentSettings;
  }

  /** Chosen at first use: Office.context.document exists only once Office is ready. */
  private get settings(): SettingsStore {
    return (this.settingsStore ??= createSettingsStore(this.run, this.documentSettings));
  }

  listSheets(): Promise<SheetInfo[]> {
    return guarded(() =>
      this.run(async (ctx) =>
        (await loadSheetStates(ctx, this.opts)).map(({ name, rowCount, columnCount, visible, owned }) => ({ name, rowCount, columnCount, visible, owned })),
      ),
    );
  }

  headerMerges(sheet: string, rows: number): Promise<MergedArea[]> {
    return readHeaderMerges(this.run, this.opts, sheet, rows);
  }

  readSheet(sheet: string, options?: ReadOptions): AsyncIterable<RowChunk> {
    return readSheetChunks(this.run, this.opts, sheet, options);
  }

  writeSheet(sheet: WritableSheet, options?: ReadOptions): Promise<string> {
    return writeResultSheet(this.run, this.opts, sheetSource(sheet), options);
  }

  highlight(requests: HighlightRequest[]): Promise<void> {
    return addHighlights(this.run, this.opts, requests);
  }

  clearHighlights(keys?: string[]): Promise<void> {
    return clearMarkedFormats(this.run, this.opts, keys ? new Set(keys) : undefined);
  }

  loadSettings<T>(key: string): Promise<T | null> {
    return this.settings.load<T>(key);
  }

  saveSettings<T>(key: string, value: T): Promise<void> {
    return this.settings.save<T>(key, value);
  }

  selectRows(sheet: string, rows: number[]): Promise<number> {
    return selectRows(this.run, this.opts, sheet, rows);
  }

  onSelectionChanged(cb: (sel: SelectionPoint) => void): () => void {
    return listenToSelection(this.run, this.opts, cb);
  }
}

/** The production gateway: `Excel.run` and the host's requirement sets and document settings. */
export function createExcelGateway(options?: ExcelGatewayOptions): ExcelGateway {
  return new ExcelGateway((batch) => Excel.run(batch), options);
}
