import { parseArgs } from 'node:util';
import { listProfiles, listScenarios } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { pickFormat } from '../cli/plan-inputs.js';
import { EXIT } from '../cli/usage-error.js';
import { table } from '../render/format.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';
import { COMPARABLE } from './compare.js';

export const PROFILES_HELP = `Usage: tier-planner profiles [--json]

The built-in profiles (use with --profile NAME), the scenarios (--scenario NAME, see tier-planner
scenarios), and the seed tables tier-planner can audit (compare).
`;

export function profilesCommand(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: { json: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  if (values.help) {
    io.stdout.write(PROFILES_HELP);
    return EXIT.ok;
  }
  const list = listProfiles();
  if (pickFormat(values, ['table', 'json'] as const, 'table') === 'json') {
    io.stdout.write(toJsonText({ profiles: list, scenarios: listScenarios().map((s) => s.name), comparisons: COMPARABLE }));
    return EXIT.ok;
  }
  io.stdout.write(printableLines([...table([['name', 'platform', 'seed', 'title'], ...list.map((p) => [p.name, p.platform, p.seed ?? '-', p.title])]), '', `scenarios for tier-planner --scenario: ${listScenarios().map((s) => s.name).join(', ')}`, `seed tables for tier-planner compare --profile: ${COMPARABLE.join(', ')}`].join('\n') + '\n'));
  return EXIT.ok;
}
