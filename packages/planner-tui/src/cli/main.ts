import type { CliIo } from './io.js';
import { EXIT, UsageError } from './usage-error.js';
import { printable, printableLines, quoted } from '../render/printable.js';
import { VERSION } from './version.js';

const HELP = `tier-planner ${VERSION}: what it takes, and what it costs, to serve N users on AWS

Usage:
  tier-planner [plan] --users N [options]   the priced plan (what-if explorer in a terminal)
  tier-planner [plan] --scenario NAME       the plan for a load target (req/s, concurrent users)
  tier-planner ladder [--users 1,10,100]    the tier table and the breakpoints between tiers
  tier-planner compare --profile seed-ladder-as-written
                                            the roadmap's table, its errors, today's prices, the model
  tier-planner compare-regions --regions us-east-1,eu-west-1 --users N
                                            the same plan in each region, side by side
  tier-planner diff a.json b.json           what changed between two plans and what it costs
  tier-planner explain-variance --plan plan.json --actuals actuals.json [--calibration cal.json]
                                            forecast against actual spend by service, and why
  tier-planner actuals --source data-export --path DIR --format cur2|focus --month YYYY-MM [--plan plan.json]
                                            a month of actual spend from AWS Data Exports (or --source athena)
  tier-planner export-focus plan.json [--format csv|parquet] [--out FILE]
                                            the plan's forecast as FOCUS 1.2 rows
  tier-planner calibrate --prometheus URL --users N
                                            measure the profile's assumptions in your Prometheus
  tier-planner price bom.json               price an explicit bill of materials
  tier-planner profiles                     list the built-in profiles
  tier-planner scenarios                    list the built-in scenarios (plan one with --scenario NAME)
  tier-planner pricing info [--region R]    price snapshot dates and sources
  tier-planner pricing refresh --region R   fetch a region from the AWS Price List API or its public files
  tier-planner --help | --version           (every command takes --help)

Exit status: 0 ok, 1 failure, 2 bad input. Docs: docs/cli.md
`;

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** Each command is loaded only when asked for, to keep start-up short. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  plan: async () => (await import('../commands/plan.js')).plan,
  ladder: async () => (await import('../commands/ladder.js')).ladder,
  compare: async () => (await import('../commands/compare.js')).compare,
  'compare-regions': async () => (await import('../commands/compare-regions.js')).compareRegions,
  diff: async () => (await import('../commands/diff.js')).diff,
  'explain-variance': async () => (await import('../commands/explain-variance.js')).explainVarianceCommand,
  actuals: async () => (await import('../commands/actuals.js')).actualsCommand,
  'export-focus': async () => (await import('../commands/export-focus.js')).exportFocusCommand,
  calibrate: async () => (await import('../commands/calibrate.js')).calibrateCommand,
  price: async () => (await import('../commands/price.js')).price,
  profiles: async () => (await import('../commands/profiles.js')).profilesCommand,
  scenarios: async () => (await import('../commands/scenarios.js')).scenariosCommand,
};

const PRICING: Readonly<Record<string, () => Promise<Command>>> = {
  info: async () => (await import('../commands/pricing-info.js')).pricingInfo,
  refresh: async () => (await import('../commands/pricing-refresh.js')).pricingRefresh,
};

/**
 * Runs one command line; returns the exit status (0 ok, 1 failure, 2 bad input). Never throws.
 * --help and --version answer from this file alone: nothing here imports the model, so they
 * start as fast as Node does.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const first = argv[0];
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    // Asked-for help goes to stdout; usage after a missing command is an error, so it goes to stderr.
    if (first === undefined) return (io.stderr.write(HELP), EXIT.usage);
    if (first === '--help' || first === '-h' || first === 'help') return (io.stdout.write(HELP), EXIT.ok);
    if (first === 'pricing') {
      const sub = argv[1];
      const load = sub !== undefined && Object.hasOwn(PRICING, sub) ? PRICING[sub] : undefined;
      if (!load) {
        if (sub === '--help' || sub === '-h') return (io.stdout.write(HELP), EXIT.ok);
        throw new UsageError(`unknown pricing command ${quoted(sub ?? '')}: use "pricing info" or "pricing refresh"`);
      }
      return await (await load())(argv.slice(2), io);
    }
    if (first.startsWith('-')) return await (await COMMANDS.plan!())(argv, io);
    const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!load) throw new UsageError(`unknown command ${quoted(first)}; see tier-planner --help`);
    return await (await load())(argv.slice(1), io);
  } catch (e) {
    return await report(e, io);
  }
}

async function report(e: unknown, io: CliIo): Promise<number> {
  // Loaded only on the way out: a command that threw has loaded the model already, if it needs it.
  const { isModelInputError } = await import('@tier-planner/cost-model');
  const say = (line: string) => io.stderr.write(`tier-planner: ${printable(oneLine(line), Infinity)}\n`);
  if (e instanceof UsageError || isModelInputError(e)) {
    say(e.message);
    if (e instanceof UsageError) for (const problem of e.problems) say(problem);
    return EXIT.usage;
  }
  say(e instanceof Error ? e.message : String(e));
  if (io.env.TIER_PLANNER_DEBUG && e instanceof Error) io.stderr.write(`${printableLines(String(e.stack))}\n`);
  return EXIT.failure;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
