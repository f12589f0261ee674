import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { focusCsv, focusForecastRows, planMonth, writeFocusParquet } from '@tier-planner/aws-billing';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { readPlanFile } from '../cli/plan-file.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { printable, quoted } from '../render/printable.js';
import { asCliErrors } from './billing-errors.js';

export const EXPORT_FOCUS_HELP = `Usage: tier-planner export-focus plan.json [--format csv|parquet] [--out FILE] [--month YYYY-MM]

The plan's forecast (a plan written by tier-planner --json) as FOCUS 1.2 rows, one per priced line
item, so a FinOps tool holds forecast and actuals in one schema. The month is the plan's date
(EKS plans carry one) unless --month gives it. CSV goes to stdout without --out; parquet needs --out.
Columns and their meaning: docs/focus-forecast.md
`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FORMATS = ['csv', 'parquet'] as const;

export async function exportFocusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { format: { type: 'string' }, out: { type: 'string' }, month: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }),
  );
  if (values.help) {
    io.stdout.write(EXPORT_FOCUS_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('export-focus takes one plan file: tier-planner export-focus plan.json');
  const format = values.format ?? 'csv';
  if (!FORMATS.includes(format as never)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${quoted(format)}`);
  if (values.month !== undefined && !MONTH.test(values.month)) throw new UsageError(`--month must be YYYY-MM, got ${quoted(values.month)}`);
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file name');
  if (format === 'parquet' && out === undefined) throw new UsageError('--format parquet needs --out FILE (parquet is not written to a terminal)');
  if (out !== undefined && !isFolder(dirname(out))) throw new UsageError(`--out ${printable(out)}: folder ${printable(dirname(out))} does not exist`);
  const plan = readPlanFile(positionals[0]!);
  const month = values.month ?? planMonth(plan);
  if (month === undefined) throw new UsageError(`${printable(positionals[0]!)} has no date: give --month YYYY-MM`);
  const { rows, unpriced } = focusForecastRows(plan, { month });
  if (unpriced.length) io.stderr.write(`tier-planner: ${unpriced.length} unpriced line item${unpriced.length === 1 ? '' : 's'} left out (the plan's total leaves them out too)\n`);
  if (format === 'parquet') {
    await asCliErrors(() => writeFocusParquet(out!, rows));
    return EXIT.ok;
  }
  const text = focusCsv(rows);
  if (out === undefined) io.stdout.write(text);
  else writeAtomically(out, text);
  return EXIT.ok;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A temporary file beside the target, then a rename: a reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${printable(file)}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  }
}
