/** Parameter values of a rule set, with the officer's changes applied and checked. */
import type { ParamValue, RuleSet } from '../rules/types';

export type Params = Record<string, ParamValue>;

export function resolveParams(rules: RuleSet, overrides: Params = {}): Params {
  const out: Params = {};
  for (const [name, def] of Object.entries(rules.params)) {
    const v = overrides[name];
    out[name] = v !== undefined && typeof v === typeof def.value ? v : def.value;
  }
  return out;
}

export function numberParam(p: Params, name: string, fallback: number): number {
  const v = p[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function stringParam(p: Params, name: string, fallback: string): string {
  const v = p[name];
  return typeof v === 'string' ? v : fallback;
}

export function boolParam(p: Params, name: string, fallback: boolean): boolean {
  const v = p[name];
  return typeof v === 'boolean' ? v : fallback;
}
