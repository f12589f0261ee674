import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { billedService, type PriceAdjustments, type PriceOverride, type ServiceDiscount } from '@tier-planner/cost-model';
import { printable, quoted } from '../render/printable.js';
import { UsageError } from './usage-error.js';

/** The discount and override flags every planning command and `price` take (docs/pricing.md, "Discounts and price overrides"). */
export const ADJUSTMENT_OPTIONS = {
  discount: { type: 'string', multiple: true },
  prices: { type: 'string' },
} as const;

export interface AdjustmentValues {
  readonly discount?: readonly string[];
  readonly prices?: string;
}

export const hasAdjustmentFlags = (v: AdjustmentValues): boolean => (v.discount?.length ?? 0) > 0 || v.prices !== undefined;

const DISCOUNT = /^([^=]+)=(.*)$/;
const PERCENT = /^(\d{1,3}(?:\.\d{1,6})?)%?$/;

/**
 * `--discount edp=6%` (every AWS line, applied last), `--discount EC2=10%` (one service, as line
 * items name it; any case), `--prices FILE` (overrides). Range and key checks against the price
 * book are the model's (checkPriceAdjustments); the syntax is checked here.
 */
export function parseAdjustmentFlags(v: AdjustmentValues, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): PriceAdjustments | undefined {
  if (!hasAdjustmentFlags(v)) return undefined;
  let edp: PriceAdjustments['edp'];
  const services: ServiceDiscount[] = [];
  for (const flag of v.discount ?? []) {
    const from = `--discount ${flag}`;
    const m = DISCOUNT.exec(flag);
    if (!m) throw new UsageError(`--discount must be edp=PERCENT% or SERVICE=PERCENT% (for example edp=6% or EC2=10%), got ${quoted(flag)}`);
    const [, name, value] = m as unknown as [string, string, string];
    const p = PERCENT.exec(value);
    if (!p || !(Number(p[1]) < 100)) throw new UsageError(`--discount ${printable(name)}: the discount must be a percentage from 0 up to 100 (for example 6%), got ${quoted(value)}`);
    if (name.toLowerCase() === 'edp') {
      if (edp) throw new UsageError('--discount edp is given twice');
      edp = { percent: p[1]!, from };
      continue;
    }
    const service = billedService(name);
    if (!service) throw new UsageError(`--discount: unknown service ${quoted(name)}; use edp or a service as the plan's line items name it (EC2, RDS, S3, …; see docs/pricing.md)`);
    if (services.some((s) => s.service === service)) throw new UsageError(`--discount ${service} is given twice`);
    services.push({ service, percent: p[1]!, from });
  }
  const overrides = v.prices === undefined ? [] : readPriceFile(v.prices, read);
  return { ...(edp ? { edp } : {}), ...(services.length ? { services } : {}), ...(overrides.length ? { overrides } : {}) };
}

/**
 * A prices file, JSON or YAML (by its .yaml/.yml name):
 * `{ "prices": { "ec2/m7g.large/on-demand": { "usd": "0.0712", "note": "private pricing, 2026-07" } } }`.
 */
export function readPriceFile(path: string, read: (path: string) => string): PriceOverride[] {
  const name = printable(path);
  if (path === '') throw new UsageError('--prices needs a file name (for example --prices private-pricing.yaml)');
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw new UsageError(`cannot read prices file ${name}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  }
  let value: unknown;
  const yaml = /\.ya?ml$/i.test(path);
  try {
    value = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new UsageError(`prices file ${name} is not valid ${yaml ? 'YAML' : 'JSON'}: ${printable((e as Error).message.split('\n')[0])}`);
  }
  const bad = (problem: string) => new UsageError(`prices file ${name}: ${problem}`);
  if (!isObject(value) || !isObject(value.prices)) throw bad('must be an object with a "prices" object: { "prices": { "KEY": { "usd": "0.07", "note": "why" } } }');
  for (const k of Object.keys(value)) if (k !== 'prices' && k !== '$schema') throw bad(`unknown field ${quoted(k)} (known: prices)`);
  const from = `--prices ${name}`;
  return Object.entries(value.prices).map(([key, entry]) => {
    if (!isObject(entry)) throw bad(`${printable(key)}: must be an object with "usd" and "note"`);
    for (const k of Object.keys(entry)) if (k !== 'usd' && k !== 'note') throw bad(`${printable(key)}: unknown field ${quoted(k)} (known: usd, note)`);
    const usd = typeof entry.usd === 'number' && Number.isFinite(entry.usd) ? String(entry.usd) : entry.usd;
    if (typeof usd !== 'string' || !/^\d{1,12}(\.\d{1,12})?$/.test(usd)) throw bad(`${printable(key)}: "usd" must be a price in USD such as "0.0712", got ${printable(JSON.stringify(entry.usd) ?? 'nothing')}`);
    if (typeof entry.note !== 'string' || entry.note.trim() === '') throw bad(`${printable(key)}: "note" is required (where the price comes from, e.g. "private pricing addendum 2026-07")`);
    return { key, usd, note: printable(entry.note, 300), from };
  });
}

/** The YAML parser, loaded only for a YAML prices file so every other command starts without it. */
function parseYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
