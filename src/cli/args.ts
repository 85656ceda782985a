/** Command-line arguments of `binh-xet run` (see spec/report.md). */
import type { Lang } from '../domain/i18n';

export interface RunArgs {
  input: string;
  out: string | null;
  report: string | null;
  rules: string | null;
  lang: Lang;
  params: Record<string, string>;
}

export class UsageError extends Error {}

export const USAGE = 'usage: cli run <in.xlsx> [--out <out.xlsx>] [--report <report.json>] [--rules <preset-id|rules.json>] [--lang vi|en] [--param name=value …]';

export function parseArgs(argv: string[]): RunArgs {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new UsageError(USAGE);
  const args: RunArgs = { input: '', out: null, report: null, rules: null, lang: 'vi', params: {} };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const next = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === '--out') args.out = next();
    else if (a === '--report') args.report = next();
    else if (a === '--rules') args.rules = next();
    else if (a === '--lang') {
      const l = next();
      if (l !== 'vi' && l !== 'en') throw new UsageError(`--lang must be vi or en. ${USAGE}`);
      args.lang = l;
    } else if (a === '--param') {
      const [name, ...value] = next().split('=');
      if (!name || !value.length) throw new UsageError(`--param takes name=value. ${USAGE}`);
      args.params[name] = value.join('=');
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}. ${USAGE}`);
    else if (!args.input) args.input = a;
    else throw new UsageError(`unexpected argument ${a}. ${USAGE}`);
  }
  if (!args.input) throw new UsageError(USAGE);
  return args;
}
