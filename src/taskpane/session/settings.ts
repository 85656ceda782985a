/**
 * What the workbook remembers for the pane (`binhxet.settings`): the officer's layout corrections,
 * the rule set (a preset id or a rule set of their own), parameter values, and which criteria are
 * highlighted. Whatever is read back is checked: a settings value from an older or edited workbook
 * never breaks the pane.
 */
import type { Params } from '../../domain/engine/params';
import type { LayoutOverride } from '../../domain/detect/layout';
import { FIELDS_BY_ROLE, type SheetRole } from '../../domain/detect/fields';
import type { Bilingual } from '../../domain/i18n';
import { DEFAULT_PRESET, PRESETS } from '../../domain/rules/presets';
import type { RuleSet } from '../../domain/rules/types';
import { validateRuleSet } from '../../domain/rules/validate';

export const SETTINGS_KEY = 'binhxet.settings';

export type RuleChoice = { preset: string } | { custom: unknown };

export interface StoredSettings {
  version: 1;
  overrides: LayoutOverride[];
  rules: RuleChoice;
  params: Params;
  highlighted: string[];
}

export const defaultSettings = (): StoredSettings => ({ version: 1, overrides: [], rules: { preset: DEFAULT_PRESET }, params: {}, highlighted: [] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ROLES = new Set<string>([...Object.keys(FIELDS_BY_ROLE), 'ignore']);

function sanitizeOverride(v: unknown): LayoutOverride | null {
  if (!isObj(v) || typeof v.sheet !== 'string' || !v.sheet) return null;
  const out: LayoutOverride = { sheet: v.sheet };
  if (typeof v.role === 'string' && ROLES.has(v.role)) out.role = v.role as SheetRole | 'ignore';
  if (isObj(v.columns)) {
    const columns: Record<string, number | null> = {};
    for (const [field, col] of Object.entries(v.columns)) {
      if (col === null || (typeof col === 'number' && Number.isInteger(col) && col >= 0 && col < 16_384)) columns[field] = col;
    }
    if (Object.keys(columns).length) out.columns = columns;
  }
  return out.role || out.columns ? out : null;
}

export function sanitizeSettings(raw: unknown): StoredSettings {
  const base = defaultSettings();
  if (!isObj(raw)) return base;
  const overrides = Array.isArray(raw.overrides) ? raw.overrides.map(sanitizeOverride).filter((o): o is LayoutOverride => o !== null) : [];
  let rules: RuleChoice = base.rules;
  if (isObj(raw.rules)) {
    if (typeof raw.rules.preset === 'string' && PRESETS[raw.rules.preset]) rules = { preset: raw.rules.preset };
    else if ('custom' in raw.rules && isObj(raw.rules.custom)) rules = { custom: raw.rules.custom };
  }
  const params: Params = {};
  if (isObj(raw.params)) for (const [k, v] of Object.entries(raw.params)) if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') params[k] = v;
  const highlighted = Array.isArray(raw.highlighted) ? raw.highlighted.filter((x): x is string => typeof x === 'string') : [];
  return { version: 1, overrides, rules, params, highlighted };
}

/** The rule set a choice names; a custom rule set that does not validate falls back to the default preset, with the reasons. */
export function resolveRules(choice: RuleChoice): { rules: RuleSet; errors: Bilingual[] | null } {
  if ('preset' in choice) return { rules: PRESETS[choice.preset] ?? PRESETS[DEFAULT_PRESET]!, errors: null };
  const v = validateRuleSet(choice.custom);
  return v.ok ? { rules: v.rules, errors: null } : { rules: PRESETS[DEFAULT_PRESET]!, errors: v.errors };
}

/** Parameters kept for a rule set: only those it has, of the type it expects, and different from its default. */
export function paramsFor(rules: RuleSet, params: Params): Params {
  const out: Params = {};
  for (const [name, def] of Object.entries(rules.params)) {
    const v = params[name];
    if (v !== undefined && typeof v === typeof def.value && v !== def.value) out[name] = v;
  }
  return out;
}

/** The override list with one sheet's entry changed (removed when it no longer says anything). */
export function withOverride(list: LayoutOverride[], sheet: string, change: (o: LayoutOverride) => LayoutOverride): LayoutOverride[] {
  const current = list.find((o) => o.sheet === sheet) ?? { sheet };
  const next = change({ ...current, ...(current.columns ? { columns: { ...current.columns } } : {}) });
  const rest = list.filter((o) => o.sheet !== sheet);
  const meaningful = next.role !== undefined || (next.columns && Object.keys(next.columns).length > 0);
  return meaningful ? [...rest, next] : rest;
}
