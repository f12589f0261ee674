import { parseArgs } from 'node:util';
import { loadPriceBook, planTier, type Ec2Purchase } from '@tier-planner/cost-model';
import type { CliIo } from '../cli/io.js';
import { parseRegion, parseUsers, usageErrors } from '../cli/parse-args.js';
import { EXIT, UsageError } from '../cli/usage-error.js';
import { planToJson } from '../render/plan-json.js';
import { renderPlanText } from '../render/plan-text.js';

const PURCHASES: readonly Ec2Purchase[] = ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'];

/** `tier-planner --users N`: the priced plan for N users, as text or JSON. */
export function plan(argv: readonly string[], io: CliIo): number {
  const { values } = usageErrors(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: {
        users: { type: 'string' },
        profile: { type: 'string', default: 'eks-web-app' },
        region: { type: 'string' },
        purchase: { type: 'string', default: 'on-demand' },
        hours: { type: 'string' },
        format: { type: 'string', default: 'table' },
        json: { type: 'boolean' },
        print: { type: 'boolean' },
        samples: { type: 'string' },
        seed: { type: 'string' },
      },
    }),
  );
  const users = parseUsers(values.users);
  const purchase = values.purchase as Ec2Purchase;
  if (!PURCHASES.includes(purchase)) throw new UsageError(`--purchase must be one of ${PURCHASES.join(', ')}, got ${JSON.stringify(values.purchase)}`);
  const format = values.json ? 'json' : values.format;
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, got ${JSON.stringify(format)}`);
  const hours = values.hours === undefined ? undefined : parseNumber('--hours', values.hours, 1, 744);
  const samples = values.samples === undefined ? undefined : parseNumber('--samples', values.samples, 1, 100_000, true);
  const seed = values.seed === undefined ? undefined : parseNumber('--seed', values.seed, 0, 2 ** 32 - 1, true);
  const book = loadPriceBook({ region: parseRegion(values.region) });
  const result = planTier({ users, profile: values.profile! }, book, {
    purchase,
    ...(hours !== undefined ? { hoursPerMonth: hours } : {}),
    ...(samples !== undefined ? { samples } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  io.stdout.write(format === 'json' ? JSON.stringify(planToJson(result), null, 2) + '\n' : renderPlanText(result));
  return EXIT.ok;
}

function parseNumber(flag: string, text: string, min: number, max: number, integer = false): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}
