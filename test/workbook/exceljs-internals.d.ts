/**
 * Types for the few exceljs 4.4 internals the tests use (no public typings): the old streaming
 * reader kept as a yardstick (legacy-reader.ts) and the internal-links patch (internal-links.ts).
 */
declare module 'exceljs/lib/stream/xlsx/worksheet-reader' {
  import type { Readable } from 'node:stream';
  interface StreamCell {
    value: unknown;
    numFmt?: string;
  }
  interface StreamRow {
    number: number;
    eachCell(callback: (cell: StreamCell, col: number) => void): void;
  }
  interface WorksheetReaderOptions {
    workbook: {
      sharedStrings: unknown[];
      styles: unknown;
      properties: { model: { date1904: boolean } };
    };
    id: number;
    iterator: Readable;
    options: { worksheets: 'emit'; hyperlinks: 'ignore' };
  }
  export default class WorksheetReader implements AsyncIterable<StreamRow> {
    constructor(options: WorksheetReaderOptions);
    [Symbol.asyncIterator](): AsyncIterator<StreamRow>;
  }
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  import type { Readable } from 'node:stream';
  export default class StylesXform {
    constructor(initialise?: boolean);
    init(): void;
    parseStream(stream: Readable): Promise<unknown>;
  }
}

declare module 'exceljs/lib/utils/parse-sax' {
  import type { Readable } from 'node:stream';
  type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
    | { eventType: 'text'; value: string }
    | { eventType: 'closetag'; value: { name: string } };
  export default function parseSax(stream: Readable): AsyncIterable<SaxEvent[]>;
}

declare module 'exceljs/lib/xlsx/xform/sheet/hyperlink-xform' {
  export interface HyperlinkModel {
    address: string;
    rId?: string;
    target?: string;
    tooltip?: string;
  }
  export default class HyperlinkXform {
    render(xmlStream: { leafNode(name: string, attributes: Record<string, string | undefined>): void }, model: HyperlinkModel): void;
  }
}

declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform' {
  import type { HyperlinkModel } from 'exceljs/lib/xlsx/xform/sheet/hyperlink-xform';
  export default class WorksheetXform {
    prepare(model: { hyperlinks?: HyperlinkModel[]; rels?: { Id: string }[] }, options: unknown): void;
  }
}

declare module 'exceljs/lib/stream/xlsx/sheet-rels-writer' {
  import type { HyperlinkModel } from 'exceljs/lib/xlsx/xform/sheet/hyperlink-xform';
  export default class SheetRelsWriter {
    _hyperlinks: HyperlinkModel[];
    addHyperlink(hyperlink: HyperlinkModel): void;
  }
}
