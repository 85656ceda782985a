/**
 * The engine's side of a reading: chunks go straight into the domain's SheetFeeder (one per sheet)
 * and WorkbookAssembler — or, for the add-in's review sheet, into its collector — so the rows exist
 * once, in whichever thread hosts the engine.
 */
import type { MergedArea, RowChunk } from '../../domain/cells';
import type { LayoutOverride } from '../../domain/detect/layout';
import { SheetFeeder, WorkbookAssembler, type WorkbookReading } from '../../domain/read/workbook-reader';
import type { ReviewRow } from '../../domain/sheets/review';
import type { SheetInfo } from '../../workbook/gateway';
import { ReviewCollector } from './review-rows';
import type { WorkbookShape } from './types';

/** A workbook as the engine holds it, with the review sheet's rows read with it. */
export interface HeldWorkbook {
  sheets: SheetInfo[];
  reading: WorkbookReading;
  shape: WorkbookShape;
  review: ReviewRow[];
}

export class Ingest {
  constructor(private readonly id: number) {}

  private readonly assembler = new WorkbookAssembler();
  private feeder: SheetFeeder | null = null;
  private review: ReviewCollector | null = null;
  private reviewRows: ReviewRow[] = [];

  sheet(name: string, merges: MergedArea[], override: LayoutOverride | undefined): void {
    this.endSheet();
    this.feeder = new SheetFeeder(name, merges, override);
  }

  /** The review sheet starts: its chunks are reviewers' rows. */
  reviewSheet(): void {
    this.endSheet();
    this.review = new ReviewCollector();
  }

  push(chunk: RowChunk): void {
    const into = this.feeder ?? this.review;
    if (!into) throw new Error('A chunk came before its sheet.');
    into.push(chunk);
  }

  finish(sheets: SheetInfo[]): HeldWorkbook {
    this.endSheet();
    const reading = this.assembler.finish();
    return { sheets, reading, shape: shapeOf(this.id, sheets, reading), review: this.reviewRows };
  }

  private endSheet(): void {
    if (this.feeder) this.assembler.add(this.feeder);
    if (this.review) this.reviewRows = this.review.finish();
    this.feeder = null;
    this.review = null;
  }
}

/** The little the pane keeps of a reading (the Data step's counts and mapping). */
export function shapeOf(id: number, sheets: SheetInfo[], reading: WorkbookReading): WorkbookShape {
  const { model, layouts, skipped } = reading;
  const level = (l: string) => model.units.reduce((n, u) => n + (u.level === l ? 1 : 0), 0);
  return {
    reading: id,
    sheets,
    layouts,
    skipped,
    counts: { upper: level('upper'), grassroots: level('grassroots'), enterprise: level('enterprise'), initiatives: model.initiatives.length, officials: model.officials.length },
    blocs: model.units.some((u) => u.bloc !== null),
  };
}
