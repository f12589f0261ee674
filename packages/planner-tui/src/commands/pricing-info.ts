import { embeddedSnapshotDir, loadPriceBook, regionsIn, userSnapshotDir } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseArgs } from 'node:util';
import { usageErrors, parseRegion } from '../cli/parse-args.js';
import { EXIT } from '../cli/usage-error.js';
import { int } from '../render/format.js';
import { toJsonText } from '../render/json.js';
import { printableLines } from '../render/printable.js';

export const PRICING_INFO_HELP = `Usage: tier-planner pricing info [--region R] [--json]

Which price snapshots exist (embedded and refreshed), how old they are, every source with its date
and confidence, the EC2 types left out and why, and what the snapshot does not price.
`;

/** `tier-planner pricing info`: which snapshots exist, how old they are, and where each figure comes from. */
export function pricingInfo(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() => parseArgs({ args: [...argv], strict: true, options: { region: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  if (values.help) {
    io.stdout.write(PRICING_INFO_HELP);
    return EXIT.ok;
  }
  const book = loadPriceBook({ region: parseRegion(values.region) });
  const counts = new Map<string, number>();
  for (const d of book.dimensions) counts.set(d.source, (counts.get(d.source) ?? 0) + 1);
  counts.set(book.ec2Sources.price, (counts.get(book.ec2Sources.price) ?? 0) + book.instanceTypes.length);
  if (values.json) {
    io.stdout.write(toJsonText({ region: book.region, origin: book.origin, generatedAt: book.generatedAt, generator: book.generator, sources: book.sources, missing: book.missing, droppedInstanceTypes: book.droppedInstanceTypes }));
    return EXIT.ok;
  }
  const lines = [
    `region ${book.region}: ${book.origin.kind} snapshot ${book.origin.path}`,
    `  generated ${book.generatedAt} by ${book.generator}; ${book.origin.digest}`,
    `  ${int(book.instanceTypes.length)} EC2 instance types, ${int(book.dimensions.length)} price dimensions`,
    `embedded regions: ${regionsIn(embeddedSnapshotDir()).join(', ') || 'none'}; refreshed regions (${userSnapshotDir()}): ${regionsIn(userSnapshotDir()).join(', ') || 'none'}`,
    '',
    'sources (as of, confidence, prices):',
    ...Object.entries(book.sources).map(([id, s]) => `  ${s.asOf.padEnd(10)} ${s.confidence.padEnd(17)} ${int(counts.get(id) ?? 0).padStart(5)}  ${s.title}\n${' '.repeat(37)}${s.ref}`),
    '',
    'EC2 instance types left out:',
    ...Object.entries(book.droppedInstanceTypes).map(([why, n]) => `  ${int(n).padStart(5)}  ${why}`),
    '',
    'not in this snapshot:',
    ...book.missing.map((m) => `  ${m.key}: ${m.reason}`),
  ];
  io.stdout.write(printableLines(lines.join('\n') + '\n'));
  return EXIT.ok;
}
