import { parseArgs } from 'node:util';
import { DEFAULT_LADDER, findBreakpoints, planLadder, planToJson } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { PLAN_OPTIONS, pickFormat, planInputs } from '../cli/plan-inputs.js';
import { usageErrors } from '../cli/parse-args.js';
import { parseNumber, parseUserList } from '../cli/parse-numbers.js';
import { EXIT } from '../cli/usage-error.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';
import { renderLadderCsv, renderLadderMarkdown, renderLadderText } from '../render/ladder-text.js';

export const LADDER_HELP = `Usage: tier-planner ladder [--users 1,10,100,...] [options]

One column per tier (default 1, 10, 100, 1k, 10k, 100k, 1M, 10M users) and the breakpoints between
the first and last tier: the user counts where a node is added, a type switches, HA or a replica turns on.
The tiers and the breakpoints are one ladder walked upwards: a node type is kept unless another saves
more than the type-change margin, and a type left is never chosen again.

Options:
  --users LIST            comma-separated user counts (use _ for thousands: 1_000)
  --max-breakpoints N     report at most N breakpoints; default 30
  --type-change-margin R  keep a node type unless another saves more than R of the plan's
                          monthly cost (0 to 1); default 0.05
  --profile, --profile-file, --region, --purchase, --term, --payment, --offering-class,
  --savings-plan, --commit, --hours, --date                        as for the plan
  --cdn, --waf, --backups, --vpc-endpoints, --support, --environment  optional parts, as for the plan
  --arch, --discount, --prices   architecture, discounts and price overrides, as for the plan
  --format F              table | json | markdown | csv
`;

export function ladder(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, options: { ...PLAN_OPTIONS, users: { type: 'string' }, 'max-breakpoints': { type: 'string' }, 'type-change-margin': { type: 'string' } } }),
  );
  if (values.help) {
    io.stdout.write(LADDER_HELP);
    return EXIT.ok;
  }
  const users = values.users === undefined ? [...DEFAULT_LADDER] : parseUserList(values.users);
  const max = values['max-breakpoints'] === undefined ? 30 : parseNumber('--max-breakpoints', values['max-breakpoints'], 0, 1000, true);
  const format = pickFormat(values, ['table', 'json', 'markdown', 'csv'] as const, 'table');
  const margin = values['type-change-margin'] === undefined ? undefined : parseNumber('--type-change-margin', values['type-change-margin'], 0, 1);
  const inputs = planInputs(values, io.now);
  const { profile, book } = inputs;
  const options = { ...inputs.options, ...(margin !== undefined ? { typeChangeMargin: margin } : {}) };
  const from = Math.min(...users);
  const to = Math.max(...users);
  // With a search, the tiers are the search's own plans, so columns and breakpoints tell one story.
  const searched = from !== to && max > 0;
  const search = searched ? findBreakpoints(profile, from, to, book, { ...options, max, tiers: users }) : undefined;
  const plans = search ? search.tiers : planLadder(profile, book, users, options);
  const breakpoints = search?.breakpoints ?? [];
  const truncated = search?.truncated ?? false;
  if (format === 'json') {
    io.stdout.write(toJsonText({ kind: 'tier-planner-ladder', schemaVersion: 1, tiers: plans.map(planToJson), breakpoints: breakpoints.map((b) => ({ users: b.users, changes: b.changes, monthlyBefore: b.monthlyBefore.toString(), monthlyAfter: b.monthlyAfter.toString() })), truncated }));
  } else if (format === 'csv') {
    io.stdout.write(printableLines(renderLadderCsv(plans)));
  } else {
    io.stdout.write(printableLines((format === 'markdown' ? renderLadderMarkdown : renderLadderText)(plans, breakpoints, truncated)));
  }
  return EXIT.ok;
}
