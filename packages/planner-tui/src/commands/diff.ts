import { parseArgs } from 'node:util';
import { diffPlans, type Plan } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { readPlanFile } from '../cli/plan-file.js';
import { pickFormat } from '../cli/plan-inputs.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { renderDiffText } from '../render/diff-text.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';

export const DIFF_HELP = `Usage: tier-planner diff A.json B.json [--format table|json]

What changed between two plans written by tier-planner --json, and what it costs. Each file is
checked against schema/plan.v1.schema.json first; every problem is listed with its JSON path (exit 2).
`;

export function diff(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { format: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
  );
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError('diff takes two plan files: tier-planner diff a.json b.json');
  const format = pickFormat(values, ['table', 'json'] as const, 'table');
  const files = positionals as [string, string];
  const plans = readPlanFiles(files);
  const d = diffPlans(...plans);
  if (format === 'json') {
    io.stdout.write(toJsonText({ kind: 'tier-planner-plan-diff', ...d, complete: { a: plans[0].monthly.complete, b: plans[1].monthly.complete }, costPerUser: { a: plans[0].costPerUser, b: plans[1].costPerUser } }));
    return EXIT.ok;
  }
  io.stdout.write(printableLines(renderDiffText(files, plans, d)));
  return EXIT.ok;
}

/** Both plan files; when both are damaged, every problem of both (so one run shows what to fix in each). */
function readPlanFiles(files: readonly [string, string]): readonly [Plan, Plan] {
  const read = files.map((f) => {
    try {
      return readPlanFile(f);
    } catch (e) {
      if (e instanceof UsageError) return e;
      throw e;
    }
  });
  const [a, b] = read;
  if (a instanceof UsageError && b instanceof UsageError && a.problems.length && b.problems.length) throw new UsageError(a.message, [...a.problems, b.message, ...b.problems]);
  if (a instanceof UsageError) throw a;
  if (b instanceof UsageError) throw b;
  return [a!, b!];
}
