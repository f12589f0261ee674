import { BomError, PlanningError, PricingError } from '@tier-planner/cost-model';
import type { CliIo } from './io.js';
import { EXIT, UsageError } from './usage-error.js';
import { VERSION } from './version.js';

const HELP = `tier-planner ${VERSION}: what it takes, and what it costs, to serve N users on AWS

Usage:
  tier-planner --users N [--profile P] [--region R] [--purchase on-demand|spot|reserved-1yr|reserved-3yr|savings-plan]
               [--hours 730] [--format table|json] [--samples N --seed S]
                                          print the priced plan for N users
  tier-planner pricing info [--region R]  show the price snapshot's dates and sources
  tier-planner pricing refresh --region R fetch a region's prices from the AWS Price List API
  tier-planner --help | --version
`;

/** Runs one command line; returns the exit status (0 ok, 1 failure, 2 bad input). Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (argv[0] === 'pricing') {
      const sub = argv[1];
      if (sub === 'info') return await (await import('../commands/pricing-info.js')).pricingInfo(argv.slice(2), io);
      if (sub === 'refresh') return await (await import('../commands/pricing-refresh.js')).pricingRefresh(argv.slice(2), io);
      throw new UsageError(`unknown pricing command ${JSON.stringify(sub ?? '')}: use "pricing info" or "pricing refresh"`);
    }
    if (argv[0] !== undefined && !argv[0].startsWith('-') && argv[0] !== 'plan') {
      throw new UsageError(`unknown command ${JSON.stringify(argv[0])}; see tier-planner --help`);
    }
    return await (await import('../commands/plan.js')).plan(argv[0] === 'plan' ? argv.slice(1) : argv, io);
  } catch (e) {
    return report(e, io);
  }
}

function report(e: unknown, io: CliIo): number {
  if (e instanceof UsageError || e instanceof PricingError || e instanceof PlanningError || e instanceof BomError || (e instanceof Error && e.name === 'ProfileError')) {
    io.stderr.write(`tier-planner: ${e.message}\n`);
    return EXIT.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(`tier-planner: ${message.split('\n')[0]}\n`);
  if (io.env.TIER_PLANNER_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
  return EXIT.failure;
}
