import { parseArgs } from 'node:util';
import { getScenario, listScenarios, planScenario, planTier, planToJson } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { PLAN_OPTIONS, pickFormat, planInputs } from '../cli/plan-inputs.js';
import { hasPartFlags } from '../cli/parse-parts.js';
import { hasAdjustmentFlags } from '../cli/parse-adjustments.js';
import { usageErrors } from '../cli/parse-args.js';
import { parseNumber, parseUsers } from '../cli/parse-numbers.js';
import { styleFor } from '../cli/style.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { toJsonText } from '../render/json.js';
import { renderPlanCsv } from '../render/plan-csv.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderPlanText } from '../render/plan-text.js';
import { printableLines, quoted } from '../render/printable.js';

export const PLAN_HELP = `Usage: tier-planner [plan] --users N [options]
       tier-planner [plan] --scenario NAME [options]

The priced plan for N users. In a terminal it opens the what-if explorer; with --print, a
--format, or when the output is not a terminal, it prints.

Options:
  --users N               users (monthly active), 1 to 10,000,000,000; 10,000 or 10_000 allowed
  --scenario NAME         plan a load target instead (tier-planner scenarios): its profile, and the
                          users that reach its req/s and concurrent users; says which target binds
  --profile NAME          built-in profile (tier-planner profiles); default eks-web-app
  --profile-file FILE     your own profile (JSON, the format of docs/profiles.md)
  --region R              AWS region of the price snapshot; default us-east-1
  --purchase P            on-demand | spot | reserved-1yr | reserved-3yr | reserved | savings-plan
  --term T --payment P    commitment term 1yr | 3yr; payment no-upfront | partial-upfront | all-upfront
  --offering-class C      reserved: standard | convertible; --savings-plan T: compute | ec2-instance
  --commit all|floor      all (default): the commitment covers the peak, paid every hour; floor: commit
                          the always-on floor, the burst on-demand; reports coverage, utilisation and
                          the break-even month
  --hours H               hours in the billing month; default 730 (the seeds use 720)
  --date YYYY-MM-DD       the plan's date: which EKS support tier the cluster bills; default today
  --format F              table | json | markdown | csv (implies --print)
  --json                  same as --format json
  --samples N --seed S    P10/P50/P90 of the total over the profile's assumption ranges
  --print                 print even in a terminal
  --arch A                arm64 | x86_64 | any: node types, Fargate tasks and managed classes of one
                          architecture; overrides the profile's nodes.architectures

Discounts and price overrides (docs/pricing.md; they imply --print):
  --discount edp=P%       an enterprise discount on every AWS line, applied after the others
  --discount SERVICE=P%   a discount on one service as line items name it (EC2, RDS, …; repeatable)
  --prices FILE           price overrides (JSON or YAML): price key → { usd, note }

Optional parts (each replaces the profile's; they imply --print):
  --cdn                   CloudFront in front of the load balancer
  --waf                   an AWS WAF web ACL on the entry point
  --backups DAYS          RDS automated backups and EBS snapshots kept DAYS (1 to 35)
  --vpc-endpoints         S3 gateway and interface endpoints instead of NAT for AWS traffic
  --support PLAN          basic | developer | business | enterprise-on-ramp | enterprise
  --environment NAME=N    another environment with N users or N% of them (repeatable)
`;

/** `tier-planner --users N`: the plan as text, JSON, Markdown or CSV, or the TUI in a terminal. */
export async function plan(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = usageErrors(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: { ...PLAN_OPTIONS, users: { type: 'string' }, scenario: { type: 'string' }, print: { type: 'boolean' }, samples: { type: 'string' }, seed: { type: 'string' } },
    }),
  );
  if (values.help) {
    io.stdout.write(PLAN_HELP);
    return EXIT.ok;
  }
  const scenario = values.scenario === undefined ? undefined : scenarioNamed(values);
  const users = scenario ? 0 : parseUsers(values.users);
  const format = pickFormat(values, ['table', 'json', 'markdown', 'csv'] as const, 'table');
  const { profile, book, options } = planInputs(scenario ? { ...values, profile: scenario.profile } : values, io.now);
  // A scenario prints: its users come from the targets, which the explorer does not show. The
  // explorer plans the profile as it is: part flags print the plan they change.
  const interactive = !scenario && io.stdout.isTTY === true && !values.print && !values.json && values.format === undefined && values.samples === undefined && !hasPartFlags(values) && !hasAdjustmentFlags(values);
  if (interactive && typeof profile === 'string') {
    const { startTui } = await import('../tui/start-tui.js');
    return startTui({ users, profile, region: book.region, purchase: options.purchase ?? 'on-demand', ...(options.architecture ? { architecture: options.architecture } : {}), ...(options.hoursPerMonth ? { hoursPerMonth: options.hoursPerMonth } : {}), ...(options.planDate ? { planDate: options.planDate } : {}), book, cwd: process.cwd() });
  }
  const samples = values.samples === undefined ? undefined : parseNumber('--samples', values.samples, 1, 5_000, true);
  const seed = values.seed === undefined ? undefined : parseNumber('--seed', values.seed, 0, 2 ** 32 - 1, true);
  const planOptions = { ...options, ...(samples !== undefined ? { samples } : {}), ...(seed !== undefined ? { seed } : {}) };
  const result = scenario ? planScenario(scenario, book, planOptions) : planTier({ users, profile }, book, planOptions);
  const style = styleFor(io);
  const text =
    format === 'json' ? toJsonText(planToJson(result))
    : format === 'markdown' ? printableLines(renderPlanMarkdown(result))
    : format === 'csv' ? printableLines(renderPlanCsv(result))
    : printableLines(renderPlanText(result)).replace(/^(Total: .*)$/m, (line) => style.bold(line)).replace(/^(tier-planner: .*)$/m, (line) => style.bold(line));
  io.stdout.write(text);
  return EXIT.ok;
}

/** The built-in scenario --scenario names; it sets the users and the profile, so neither flag goes with it. */
function scenarioNamed(values: { scenario?: string; users?: string; profile?: string; 'profile-file'?: string }) {
  const name = values.scenario!;
  if (!listScenarios().some((s) => s.name === name)) throw new UsageError(`no scenario ${quoted(name)}; see tier-planner scenarios (known: ${listScenarios().map((s) => s.name).join(', ')})`);
  for (const flag of ['users', 'profile', 'profile-file'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--scenario sets the users and the profile; drop --${flag}`);
  }
  return getScenario(name);
}
