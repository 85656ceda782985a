/** Loading the rule set named on the command line: a preset id or a JSON file, validated. */
import { readFileSync } from 'node:fs';
import { DEFAULT_PRESET, PRESETS } from '../domain/rules/presets';
import type { RuleSet } from '../domain/rules/types';
import { validateRuleSet } from '../domain/rules/validate';
import type { Params } from '../domain/engine/params';
import type { Lang } from '../domain/i18n';

export class InputError extends Error {}

export function loadRules(spec: string | null, lang: Lang): RuleSet {
  const id = spec ?? DEFAULT_PRESET;
  if (PRESETS[id]) return PRESETS[id];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(id, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? (lang === 'vi' ? 'không có bộ tiêu chí hay tệp này' : 'no such preset or file') : (e as Error).message;
    throw new InputError(`--rules ${id}: ${why} (${Object.keys(PRESETS).join(', ')})`);
  }
  const result = validateRuleSet(json);
  if (!result.ok) throw new InputError(`--rules ${id}: ${result.errors.map((e) => e[lang]).join('; ')}`);
  return result.rules;
}

/** `--param many=3` etc., typed after the rule set's own parameter definitions. */
export function parseParams(rules: RuleSet, raw: Record<string, string>): Params {
  const out: Params = {};
  for (const [name, text] of Object.entries(raw)) {
    const def = rules.params[name];
    if (!def) throw new InputError(`--param ${name}: unknown parameter (${Object.keys(rules.params).join(', ')})`);
    if (def.type === 'number') {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) throw new InputError(`--param ${name}: not a number`);
      out[name] = n;
    } else if (def.type === 'boolean') out[name] = /^(1|true|yes|co|có)$/i.test(text);
    else if (def.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InputError(`--param ${name}: date as YYYY-MM-DD`);
    else if (def.type === 'choice' && def.choices && !def.choices.includes(text)) throw new InputError(`--param ${name}: one of ${def.choices.join(' ')}`);
    else out[name] = text;
  }
  return out;
}
