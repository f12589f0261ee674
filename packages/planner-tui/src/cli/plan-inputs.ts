import { readFileSync } from 'node:fs';
import { ARCHITECTURE_CHOICES, checkPlanDate, listProfiles, type ArchitectureChoice, loadPriceBook, parseProfile, ProfileError, type PlanOptions, type PriceBook, type Profile } from '@tier-planner/cost-model';
import { parseRegion } from './parse-args.js';
import { parseNumber } from './parse-numbers.js';
import { PART_OPTIONS, parsePartFlags, type PartValues } from './parse-parts.js';
import { ADJUSTMENT_OPTIONS, parseAdjustmentFlags, type AdjustmentValues } from './parse-adjustments.js';
import { PURCHASE_OPTIONS, parsePurchaseFlags, type PurchaseValues } from './parse-purchase.js';
import { printable, quoted } from '../render/printable.js';
import { fileProblems, UsageError } from './usage-error.js';

export { PURCHASES } from './parse-purchase.js';

/** The options every planning command takes, in node:util parseArgs form. */
export const PLAN_OPTIONS = {
  profile: { type: 'string' },
  'profile-file': { type: 'string' },
  region: { type: 'string' },
  ...PURCHASE_OPTIONS,
  hours: { type: 'string' },
  date: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  arch: { type: 'string' },
  ...PART_OPTIONS,
  ...ADJUSTMENT_OPTIONS,
} as const;

export interface PlanInputs {
  readonly profile: Profile | string;
  readonly book: PriceBook;
  readonly options: PlanOptions;
}

interface PlanValues extends PartValues, AdjustmentValues, PurchaseValues {
  readonly profile?: string;
  readonly 'profile-file'?: string;
  readonly region?: string;
  readonly hours?: string;
  readonly date?: string;
  readonly arch?: string;
}

/** Profile (built-in or --profile-file), price book and plan options from parsed flags; the plan's date is today's unless --date. */
export function planInputs(values: PlanValues, now: () => Date = () => new Date()): PlanInputs {
  const { profile, options } = planSettings(values, now);
  return { profile, book: loadPriceBook({ region: parseRegion(values.region) }), options };
}

/** Everything planInputs reads from the flags but the price book (compare-regions loads one per region). */
export function planSettings(values: PlanValues, now: () => Date = () => new Date()): Omit<PlanInputs, 'book'> {
  const purchase = parsePurchaseFlags(values);
  const hours = values.hours === undefined ? undefined : parseNumber('--hours', values.hours, 1, 744);
  const file = values['profile-file'];
  if (file === '') throw new UsageError('--profile-file needs a file name (for example --profile-file my-profile.json)');
  const name = values.profile ?? 'eks-web-app';
  if (file === undefined && !listProfiles().some((p) => p.name === name)) throw new UsageError(`no built-in profile ${quoted(name)}; see tier-planner profiles, or pass your own with --profile-file`);
  const profile = file !== undefined ? readProfileFile(file) : name;
  const planDate = values.date === undefined ? now().toISOString().slice(0, 10) : parseDate(values.date);
  const parts = parsePartFlags(values);
  const architecture = parseArch(values.arch);
  const priceAdjustments = parseAdjustmentFlags(values);
  return {
    profile,
    options: { ...purchase, planDate, ...(hours !== undefined ? { hoursPerMonth: hours } : {}), ...(Object.keys(parts).length ? { parts } : {}), ...(architecture ? { architecture } : {}), ...(priceAdjustments ? { priceAdjustments } : {}) },
  };
}

/** `--arch arm64|x86_64|any`: overrides the profile's node architectures. */
export function parseArch(text: string | undefined): ArchitectureChoice | undefined {
  if (text === undefined) return undefined;
  if (!(ARCHITECTURE_CHOICES as readonly string[]).includes(text)) throw new UsageError(`--arch must be one of ${ARCHITECTURE_CHOICES.join(', ')}, got ${quoted(text)}`);
  return text as ArchitectureChoice;
}

export function parseDate(text: string): string {
  try {
    return checkPlanDate(text, '--date');
  } catch {
    throw new UsageError(`--date must be a date as YYYY-MM-DD (for example 2027-01-15), got ${quoted(text)}`);
  }
}

export function readProfileFile(path: string): Profile {
  const value = readJsonFile(path, 'profile file');
  try {
    return parseProfile(value, printable(path));
  } catch (e) {
    if (e instanceof ProfileError) throw fileProblems(printable(path), 'profile', e.problems);
    throw e;
  }
}

/** A JSON file the user named: a missing or broken file is bad input (exit 2), not a crash. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${printable(path)}: ${printable((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${printable(path)} is not valid JSON: ${printable((e as Error).message.split('\n')[0])}`);
  }
}

/** One of the formats a command supports; --json is short for --format json. */
export function pickFormat<F extends string>(values: { format?: string; json?: boolean }, allowed: readonly F[], fallback: F): F {
  const format = values.json ? 'json' : (values.format ?? fallback);
  if (!allowed.includes(format as F)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got ${quoted(format)}`);
  return format as F;
}
