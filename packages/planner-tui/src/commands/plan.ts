import { loadPriceBook } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseArgs } from 'node:util';
import { usageErrors, parseRegion, parseUsers } from '../cli/parse-args.js';
import { EXIT } from '../cli/usage-error.js';

const HEADLINE_PRICES = ['eks/cluster/standard-support', 'ebs/gp3/storage', 'vpc/nat-gateway/hours', 'elb/alb/hours', 'ecr/storage', 'github-actions/runner/linux_2_core'];

/** `tier-planner --users N`: until the cost model lands, the unit prices a plan will be built from. */
export function plan(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, options: { users: { type: 'string' }, region: { type: 'string' }, print: { type: 'boolean' } } }),
  );
  const users = parseUsers(values.users);
  const book = loadPriceBook({ region: parseRegion(values.region) });
  const out: string[] = [
    `tier-planner: ${users.toLocaleString('en-US')} users, ${book.region}`,
    `price snapshot: ${book.origin.kind}, generated ${book.generatedAt}, ${book.instanceTypes.length} EC2 instance types, ${book.dimensions.length} price dimensions`,
    'unit prices the plan is priced from:',
  ];
  for (const key of HEADLINE_PRICES) {
    const p = book.price(key);
    out.push(p ? `  ${p.description.padEnd(40)} $${p.usd} per ${p.unit.replace(/s$/, '')}  [${book.source(p.source)?.asOf}]` : `  ${key}: not in this snapshot`);
  }
  io.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}
