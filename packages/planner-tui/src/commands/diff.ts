import { parseArgs } from 'node:util';
import { diffPlans, planFromJson } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { pickFormat, readJsonFile } from '../cli/plan-inputs.js';
import { toJsonText } from '../render/json.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { int, table, usd } from '../render/format.js';

export const DIFF_HELP = `Usage: tier-planner diff A.json B.json [--format table|json]

What changed between two plans written by tier-planner --json, and what it costs.
`;

const signed = (d: { isNegative(): boolean; abs(): any }) => `${d.isNegative() ? '-' : '+'}${usd(d.abs())}`;

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
  const [a, b] = positionals.map((f) => planFromJson(readJsonFile(f, 'plan file'), f)) as [ReturnType<typeof planFromJson>, ReturnType<typeof planFromJson>];
  const d = diffPlans(a, b);
  if (format === 'json') {
    io.stdout.write(toJsonText({ kind: 'tier-planner-plan-diff', ...d }));
    return EXIT.ok;
  }
  const out = [
    `${positionals[0]} (${int(a.users)} users, ${a.profile.name}) → ${positionals[1]} (${int(b.users)} users, ${b.profile.name})`,
    '',
    `Total: ${usd(d.total.a)} → ${usd(d.total.b)} (${signed(d.total.delta)} per month)`,
    '',
    'Changes:',
    ...(d.changes.length ? d.changes.map((c) => `  ${c}`) : ['  (same shape)']),
    '',
    'By service:',
    ...table(d.byService.map((s) => [s.service, usd(s.a), usd(s.b), signed(s.delta)]), new Set([1, 2, 3])).map((l) => `  ${l}`),
    '',
    'Line items that changed:',
    ...table(d.lineItems.map((s) => [s.item, usd(s.a), usd(s.b), signed(s.delta)]), new Set([1, 2, 3])).map((l) => `  ${l}`),
  ];
  io.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}
