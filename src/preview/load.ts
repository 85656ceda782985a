/**
 * The preview's workbook: an .xlsx read with exceljs's browser build into the in-memory Excel fake,
 * and the real Excel adapter over it. Every batch the adapter runs notifies the grid.
 */
import ExcelJS from 'exceljs';
import { createFakeExcel, type FakeExcel } from '../../test/fake-excel';
import { loadExcelJsWorkbook } from '../../test/fake-excel/from-exceljs';
import { ExcelGateway, type ExcelRunner } from '../workbook/excel';
import { Session } from '../taskpane/session';
import { readPreference } from '../taskpane/preferences';

export interface PreviewWorkbook {
  /** Unique per opened file (the pane restarts for each). */
  id: number;
  name: string;
  fake: FakeExcel;
  gateway: ExcelGateway;
  session: Session;
  /** Called after every Excel batch and user selection (the grid redraws). */
  onChange(listener: () => void): () => void;
}

let opened = 0;

export async function openWorkbook(name: string, bytes: ArrayBuffer): Promise<PreviewWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const fake = createFakeExcel();
  loadExcelJsWorkbook(fake, wb);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const run: ExcelRunner = async (batch) => {
    try {
      return await fake.run(batch);
    } finally {
      changed();
    }
  };
  const userSelect = fake.userSelect;
  fake.userSelect = async (sheet, address) => {
    const p = userSelect(sheet, address);
    changed();
    await p;
  };
  const gateway = new ExcelGateway(run, { requirements: fake.isSetSupported, documentSettings: fake.settings });
  const session = new Session(gateway, { lang: readPreference('lang') === 'en' ? 'en' : 'vi' });
  return {
    id: ++opened,
    name,
    fake,
    gateway,
    session,
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The preview's one network call: a workbook served by its own dev server, never another origin. */
export async function fetchSample(url: string): Promise<ArrayBuffer> {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) throw new Error(`${url}: only files of this page's own server can be opened`);
  const res = await fetch(target);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}
