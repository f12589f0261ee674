import { parseArgs } from 'node:util';
import { auditSeedLadder, compareSeed004, compareSeedUnitPrices, loadPriceBook, seed004Report, seedLadderAtTodaysPrices, seedLadderBesideModel, seedLadderReport } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseRegion, usageErrors } from '../cli/parse-args.js';
import { pickFormat } from '../cli/plan-inputs.js';
import { toJsonText } from '../render/json.js';
import { printableLines, quoted } from '../render/printable.js';
import { EXIT, UsageError } from '../cli/usage-error.js';

export const COMPARE_HELP = `Usage: tier-planner compare --profile seed-ladder-as-written|seed-004-stacks [--format table|markdown|json]

A roadmap's hand-made cost table against the price book.
  seed-ladder-as-written  seed 000's ladder: every printed figure recomputed from its own assumptions,
                          every place it disagrees with its own arithmetic, the same quantities at
                          today's prices, and the model's plan for the same users beside it
  seed-004-stacks         seed 004's two stacks (ECS Fargate, self-managed Kubernetes) as written: each
                          line the seed states priced at list, its range judged against that price
                          (low or high, with the % off), the rest unpriced with the reason
`;

export const COMPARABLE = ['seed-ladder-as-written', 'seed-004-stacks'] as const;

export function compare(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, options: { profile: { type: 'string', default: 'seed-ladder-as-written' }, region: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
  );
  if (values.help) {
    io.stdout.write(COMPARE_HELP);
    return EXIT.ok;
  }
  if (!(COMPARABLE as readonly string[]).includes(values.profile!)) {
    throw new UsageError(`compare knows ${COMPARABLE.join(', ')}, not ${quoted(values.profile)}; to compare two plans use tier-planner diff a.json b.json`);
  }
  const format = pickFormat(values, ['table', 'markdown', 'json'] as const, 'table');
  const book = loadPriceBook({ region: parseRegion(values.region) });
  if (values.profile === 'seed-004-stacks') {
    io.stdout.write(format === 'json' ? toJsonText({ kind: 'tier-planner-seed-comparison', seed: '004_f7111d163a670345', stacks: compareSeed004(book) }) : printableLines(seed004Report(book) + '\n'));
    return EXIT.ok;
  }
  if (format === 'json') {
    const body = { kind: 'tier-planner-seed-comparison', audit: auditSeedLadder(), unitPrices: compareSeedUnitPrices(book), todaysPrices: seedLadderAtTodaysPrices(book), besideModel: seedLadderBesideModel(book) };
    io.stdout.write(toJsonText(body));
  } else {
    // The report is Markdown, which reads well as plain text too.
    io.stdout.write(printableLines(seedLadderReport(book) + '\n'));
  }
  return EXIT.ok;
}
