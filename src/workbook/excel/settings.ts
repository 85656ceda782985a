/**
 * Per-workbook settings (the confirmed column mapping, …).
 *
 * Choice: `Office.context.document.settings` first — stored inside the workbook, travels with the
 * file, present on every host that passes checkHost. Fallback, for hosts without it: one custom XML
 * part (ExcelApi 1.5) in our namespace, holding a JSON value per key. Custom document properties
 * were ruled out (255-character values), worksheet custom properties too (they need a sheet, and
 * a hidden settings sheet would show up in the officer's sheet list).
 */
import { WorkbookError } from '../gateway';
import { bilingualText, guarded } from './errors';
import type { ExcelRunner, OfficeSettingsLike } from './types';

export interface SettingsStore {
  load<T>(key: string): Promise<T | null>;
  save<T>(key: string, value: T): Promise<void>;
}

export class DocumentSettingsStore implements SettingsStore {
  constructor(private readonly settings: OfficeSettingsLike) {}

  async load<T>(key: string): Promise<T | null> {
    const v = this.settings.get(key);
    return v === undefined || v === null ? null : (v as T);
  }

  async save<T>(key: string, value: T): Promise<void> {
    this.settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      this.settings.saveAsync((r) => {
        if (String(r.status).toLowerCase() === 'succeeded') resolve();
        else reject(new WorkbookError(bilingualText({ vi: 'Không lưu được thiết lập vào sổ làm việc', en: 'Could not save the settings in the workbook' }), 'other'));
      }),
    );
  }
}

export const SETTINGS_NAMESPACE = 'urn:binh-xet:settings:1';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

export function settingsXml(entries: Map<string, string>): string {
  const items = [...entries].map(([k, v]) => `<s k="${esc(k)}">${esc(v)}</s>`).join('');
  return `<settings xmlns="${SETTINGS_NAMESPACE}">${items}</settings>`;
}

export function parseSettingsXml(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<s k="([^"]*)">([^<]*)<\/s>/g)) out.set(unesc(m[1]!), unesc(m[2]!));
  return out;
}

export class CustomXmlSettingsStore implements SettingsStore {
  constructor(private readonly run: ExcelRunner) {}

  private async read(ctx: Excel.RequestContext): Promise<{ part: Excel.CustomXmlPart | null; entries: Map<string, string> }> {
    const part = ctx.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE).getOnlyItemOrNullObject();
    await ctx.sync();
    if (part.isNullObject) return { part: null, entries: new Map() };
    const xml = part.getXml();
    await ctx.sync();
    return { part, entries: parseSettingsXml(xml.value) };
  }

  load<T>(key: string): Promise<T | null> {
    return guarded(() =>
      this.run(async (ctx) => {
        const raw = (await this.read(ctx)).entries.get(key);
        return raw === undefined ? null : (JSON.parse(raw) as T);
      }),
    );
  }

  save<T>(key: string, value: T): Promise<void> {
    return guarded(() =>
      this.run(async (ctx) => {
        const { part, entries } = await this.read(ctx);
        entries.set(key, JSON.stringify(value));
        const xml = settingsXml(entries);
        if (part) part.setXml(xml);
        else ctx.workbook.customXmlParts.add(xml);
        await ctx.sync();
      }),
    );
  }
}

function officeDocumentSettings(): OfficeSettingsLike | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.document?.settings as OfficeSettingsLike | undefined;
}

/** `explicit` undefined → the host's document settings if any; null → always the custom XML part. */
export function createSettingsStore(run: ExcelRunner, explicit?: OfficeSettingsLike | null): SettingsStore {
  const doc = explicit === undefined ? officeDocumentSettings() : explicit;
  return doc ? new DocumentSettingsStore(doc) : new CustomXmlSettingsStore(run);
}
