import { parseArgs } from 'node:util';
import { BILLED_SERVICES, billedService, explainVariance, measuredChange, type MeasuredChange } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { usageErrors } from '../cli/parse-args.js';
import { readPlanFile } from '../cli/plan-file.js';
import { pickFormat, readJsonFile } from '../cli/plan-inputs.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { toJsonText } from '../render/json.js';
import { printable, printableLines, quoted } from '../render/printable.js';
import { renderVarianceText } from '../render/variance-text.js';

export const EXPLAIN_VARIANCE_HELP = `Usage: tier-planner explain-variance --plan plan.json --actuals actuals.json [--calibration cal.json] [--format table|json]

The plan's forecast against a month's actual spend, service by service, and the assumptions that
explain each gap. --actuals is a JSON object of service → USD ({"EC2": 412.30, "RDS": "1500"}, or
the same under "byService"); services it leaves out count as $0. --calibration is what
tier-planner calibrate --json writes (its "changes"; or path, oldValue, newValue): a measured
assumption then names the cause
("CPU per request measured 1.3× the profile's"); without one, the report says what to measure.
`;

/** Spend the bill puts under no model service. */
const OTHER = 'Other';

export function explainVarianceCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { plan: { type: 'string' }, actuals: { type: 'string' }, calibration: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }),
  );
  if (values.help) {
    io.stdout.write(EXPLAIN_VARIANCE_HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`explain-variance takes no positional arguments (got ${quoted(positionals[0])}): use --plan FILE --actuals FILE`);
  if (values.plan === undefined) throw new UsageError('explain-variance needs --plan FILE (a plan written by tier-planner --json)');
  if (values.actuals === undefined) throw new UsageError('explain-variance needs --actuals FILE (a JSON object of service → USD for a month)');
  const format = pickFormat(values, ['table', 'json'] as const, 'table');
  const plan = readPlanFile(values.plan);
  const actuals = readActuals(values.actuals);
  const calibration = values.calibration === undefined ? undefined : readCalibration(values.calibration);
  const e = explainVariance(plan, actuals, calibration ? { calibration } : {});
  if (format === 'json') {
    io.stdout.write(toJsonText({ kind: 'tier-planner-variance', plan: { profile: plan.profile.name, users: plan.users }, ...e }));
    return EXIT.ok;
  }
  io.stdout.write(printableLines(renderVarianceText({ plan: values.plan, actuals: values.actuals, ...(values.calibration ? { calibration: values.calibration } : {}) }, plan, e)));
  return EXIT.ok;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** service → USD as decimal strings; every name a model service (any case) or "Other". */
function readActuals(path: string): Record<string, string> {
  const doc = readJsonFile(path, 'actuals file');
  const name = printable(path);
  const byService = isObject(doc) && isObject(doc.byService) ? doc.byService : doc;
  if (!isObject(byService)) throw new UsageError(`actuals file ${name} must be a JSON object of service → USD, e.g. {"EC2": 412.30}`);
  const out: Record<string, string> = {};
  for (const [service, value] of Object.entries(byService)) {
    if (billedService(service) === undefined && service !== OTHER) throw new UsageError(`actuals file ${name}: unknown service ${quoted(service)} (known: ${[...BILLED_SERVICES, OTHER].join(', ')})`);
    const usd = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined;
    if (usd === undefined || (typeof usd === 'number' && !Number.isFinite(usd))) throw new UsageError(`actuals file ${name}: ${printable(service)} must be a number of USD, not ${printable(JSON.stringify(value) ?? String(value), 40)}`);
    out[service] = String(usd);
  }
  return out;
}

/** A calibration's changes (at the top or under "calibration"): calibrate's { assumption, old, new } or { path, oldValue, newValue }. */
function readCalibration(path: string): { changes: MeasuredChange[] } {
  const doc = readJsonFile(path, 'calibration file');
  const name = printable(path);
  const holder = isObject(doc) && isObject(doc.calibration) ? doc.calibration : doc;
  if (!isObject(holder) || !Array.isArray(holder.changes)) throw new UsageError(`calibration file ${name} has no "changes" list (write one with tier-planner calibrate --json > FILE)`);
  const changes = holder.changes.map((c: unknown, i: number) => {
    if (isObject(c) && typeof c.assumption === 'string' && 'new' in c) return measuredChange(c as never);
    if (!isObject(c) || typeof c.path !== 'string' || !('oldValue' in c) || !('newValue' in c)) throw new UsageError(`calibration file ${name}: changes[${i}] needs "assumption", "old" and "new" (as tier-planner calibrate writes them) or "path", "oldValue" and "newValue"`);
    return c as unknown as MeasuredChange;
  });
  return { changes };
}
