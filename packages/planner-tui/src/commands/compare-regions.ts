import { parseArgs } from 'node:util';
import { loadPriceBook, planTier, PricingError, type PriceBook } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { PLAN_OPTIONS, pickFormat, planSettings } from '../cli/plan-inputs.js';
import { isRegionCode, usageErrors } from '../cli/parse-args.js';
import { quoted } from '../render/printable.js';
import { parseUsers } from '../cli/parse-numbers.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';
import { regionsJson, renderRegionsMarkdown, renderRegionsText, type RegionResult } from '../render/region-comparison.js';

export const COMPARE_REGIONS_HELP = `Usage: tier-planner compare-regions --regions us-east-1,eu-west-1,... --users N [options]

The same plan in each region, side by side: monthly total, each service, the node types chosen,
unpriced line items, and the snapshot each region was priced from (embedded, or refreshed with
tier-planner pricing refresh --region R). A region with no snapshot gets a line saying how to fetch
it; the others are still compared (exit 0 when at least one region was planned).

Options:
  --regions LIST          comma-separated AWS region codes (at most 30)
  --users N               users, as for the plan
  --profile, --profile-file, --purchase, --hours, --date, --arch   as for the plan
  --cdn, --waf, --backups, --vpc-endpoints, --support, --environment  optional parts, as for the plan
  --discount, --prices    discounts and price overrides, as for the plan
  --format F              table | json | markdown
`;

const MAX_REGIONS = 30;

export function compareRegions(argv: readonly string[], io: CliIo): number {
  const { region: _region, ...options } = PLAN_OPTIONS;
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: { ...options, regions: { type: 'string' }, users: { type: 'string' } } }));
  if (values.help) {
    io.stdout.write(COMPARE_REGIONS_HELP);
    return EXIT.ok;
  }
  const regions = parseRegions(values.regions);
  const users = parseUsers(values.users);
  const format = pickFormat(values, ['table', 'json', 'markdown'] as const, 'table');
  const { profile, options: planOptions } = planSettings(values, io.now);
  const results: RegionResult[] = regions.map((region) => {
    const book = bookFor(region);
    if (typeof book === 'string') return { region, missing: book };
    const plan = planTier({ users, profile }, book, planOptions);
    return { region, plan, snapshot: { origin: book.origin.kind, path: book.origin.path, generatedAt: book.generatedAt, digest: book.origin.digest } };
  });
  const text = format === 'json' ? toJsonText(regionsJson(results)) : printableLines((format === 'markdown' ? renderRegionsMarkdown : renderRegionsText)(results));
  io.stdout.write(text);
  return results.some((r) => 'plan' in r) ? EXIT.ok : EXIT.failure;
}

/** "us-east-1,eu-west-1": each a well-formed region code, none twice. */
function parseRegions(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') throw new UsageError('--regions is required (for example --regions us-east-1,eu-west-1)');
  const regions = text.split(',').map((r) => r.trim());
  if (regions.length > MAX_REGIONS) throw new UsageError(`--regions takes at most ${MAX_REGIONS} regions, got ${regions.length}`);
  const seen = new Set<string>();
  for (const r of regions) {
    if (!isRegionCode(r)) throw new UsageError(`--regions: each must be an AWS region code such as eu-west-1, got ${quoted(r)}`);
    if (seen.has(r)) throw new UsageError(`--regions: ${r} is given twice`);
    seen.add(r);
  }
  return regions;
}

/** The region's price book (refreshed first, then embedded), or why there is none. */
function bookFor(region: string): PriceBook | string {
  try {
    return loadPriceBook({ region });
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    if (e.code === 'UNKNOWN_REGION') return `no snapshot; run tier-planner pricing refresh --region ${region}`;
    return `snapshot not usable: ${e.message}`;
  }
}
