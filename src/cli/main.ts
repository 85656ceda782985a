/**
 * Entry point of the headless command. Exit 0 on success (data issues are not failures),
 * 2 on unusable input with one line and no stack trace.
 */
import { parseArgs, UsageError } from './args';
import { InputError } from './rules';
import { runCommand } from './run';
import { WorkbookError } from '../workbook/gateway';

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    return await runCommand(args, { out: (l) => console.log(l), progress: (l) => console.error(l) });
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof WorkbookError) {
      console.error(`binh-xet: ${e.message}`);
      return 2;
    }
    console.error(`binh-xet: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.BINHXET_DEBUG) console.error((e as Error)?.stack);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
