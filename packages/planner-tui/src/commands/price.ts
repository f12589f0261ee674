import { parseArgs } from 'node:util';
import { BomError, loadPriceBook, priceResources, type PriceResourcesOptions } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseRegion, usageErrors } from '../cli/parse-args.js';
import { parseDate, pickFormat, readJsonFile } from '../cli/plan-inputs.js';
import { toJsonText } from '../render/json.js';
import { EXIT, fileProblems, UsageError } from '../cli/usage-error.js';
import { grouped, qty, table, usd } from '../render/format.js';
import { printable, printableLines } from '../render/printable.js';
import { incompleteNote } from '../render/unpriced.js';
import { ADJUSTMENT_OPTIONS, parseAdjustmentFlags } from '../cli/parse-adjustments.js';
import { adjustmentLines } from '../render/adjustments.js';
import type { PriceAdjustments } from '@tier-planner/cost-model';

export const PRICE_HELP = `Usage: tier-planner price BOM.json [--region R] [--format table|json] [--date YYYY-MM-DD] [--strict]
                          [--discount …] [--prices FILE]

Prices an explicit bill of materials (docs/bom.md): EC2 instances, EKS clusters, EBS, S3, ECR, NAT,
load balancers, RDS, ElastiCache, MSK, Fargate, CloudWatch Logs, data transfer, GitHub Actions, …
Every unknown field or value is reported (exit 2). --date: the day priced (RDS Extended Support
depends on it); default today.
--discount edp=P%, --discount SERVICE=P% and --prices FILE work as for the plan (docs/pricing.md).

Exit status: 0 priced (unpriced lines are shown and the total is marked incomplete); 2 bad input;
3 with --strict when any line is unpriced (the output is printed in full first).
`;

export function price(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = usageErrors(() =>
    parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { region: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, date: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...ADJUSTMENT_OPTIONS } }),
  );
  if (values.help) {
    io.stdout.write(PRICE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('price takes exactly one bill-of-materials file: tier-planner price bom.json');
  const format = pickFormat(values, ['table', 'json'] as const, 'table');
  const bom = readJsonFile(positionals[0]!, 'bill of materials');
  const adjustments = parseAdjustmentFlags(values);
  const book = loadPriceBook({ region: parseRegion(values.region) });
  const date = values.date === undefined ? (io.now?.() ?? new Date()).toISOString().slice(0, 10) : parseDate(values.date);
  const priced = priceBom(positionals[0]!, bom, book, { date, ...(adjustments ? { adjustments } : {}) });
  const status = values.strict && !priced.monthly.complete ? EXIT.incomplete : EXIT.ok;
  if (format === 'json') {
    io.stdout.write(toJsonText({ kind: 'tier-planner-priced-bom', hoursPerMonth: priced.hoursPerMonth, lineItems: priced.lineItems, monthly: { total: priced.monthly.total, byService: Object.fromEntries(priced.monthly.byService), complete: priced.monthly.complete, unpriced: priced.monthly.unpriced.length }, ...(priced.priceAdjustments ? { priceAdjustments: priced.priceAdjustments } : {}) }));
    return strictStatus(status, priced, io);
  }
  const rows = [['service', 'resource', 'component', 'quantity', 'unit', 'monthly', 'price as of'], ...priced.lineItems.map((i) => [printable(i.service), printable(i.resource), printable(i.component), qty(i.quantity), i.unit, i.monthly ? usd(i.monthly) : 'UNPRICED', i.provenance?.asOf ?? printable(i.unpriced ?? '')])];
  io.stdout.write(printableLines([`bill of materials priced in ${book.region} at ${grouped(priced.hoursPerMonth)} h/month`, '', ...table(rows, new Set([3, 5])), ...adjustmentLines(priced), '', `Total: ${usd(priced.monthly.total)} per month${incompleteNote(priced)}`].join('\n') + '\n'));
  return strictStatus(status, priced, io);
}

/** Under --strict an incomplete total fails after the output is printed, with one line on stderr. */
function strictStatus(status: number, priced: ReturnType<typeof priceResources>, io: CliIo): number {
  if (status !== EXIT.ok) io.stderr.write(`tier-planner: price --strict: ${priced.monthly.unpriced.length} line item(s) unpriced\n`);
  return status;
}

function priceBom(path: string, bom: unknown, book: Parameters<typeof priceResources>[1], options: PriceResourcesOptions): ReturnType<typeof priceResources> {
  try {
    return priceResources(bom, book, options);
  } catch (e) {
    if (e instanceof BomError) throw fileProblems(printable(path), 'bill of materials', e.problems);
    throw e;
  }
}
