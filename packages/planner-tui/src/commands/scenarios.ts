import { parseArgs } from 'node:util';
import { listScenarios } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { pickFormat } from '../cli/plan-inputs.js';
import { EXIT } from '../cli/usage-error.js';
import { grouped, table } from '../render/format.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';

export const SCENARIOS_HELP = `Usage: tier-planner scenarios [--json]

The built-in scenarios (plan one with tier-planner --scenario NAME): a load target from a seed,
its profile, and the peak req/s and concurrent users it asks for.
`;

export function scenariosCommand(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: { json: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  if (values.help) {
    io.stdout.write(SCENARIOS_HELP);
    return EXIT.ok;
  }
  const list = listScenarios();
  if (pickFormat(values, ['table', 'json'] as const, 'table') === 'json') {
    io.stdout.write(toJsonText({ scenarios: list }));
    return EXIT.ok;
  }
  const rows = list.map((s) => [s.name, s.profile, s.peakRps === undefined ? '-' : grouped(s.peakRps), s.concurrentUsers === undefined ? '-' : grouped(s.concurrentUsers), s.source]);
  io.stdout.write(printableLines(table([['name', 'profile', 'peak req/s', 'concurrent users', 'source'], ...rows]).join('\n') + '\n'));
  return EXIT.ok;
}
