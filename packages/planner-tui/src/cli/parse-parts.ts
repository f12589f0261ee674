import type { EnvironmentSpec, PlanOptions } from '@tier-planner/cost-model';
import { quoted } from '../render/printable.js';
import { parseNumber } from './parse-numbers.js';
import { UsageError } from './usage-error.js';

export const SUPPORT_FLAG_VALUES = ['basic', 'developer', 'business', 'enterprise-on-ramp', 'enterprise'] as const;

/** The optional-part flags every planning command takes (docs/cli.md, "Optional parts"). */
export const PART_OPTIONS = {
  cdn: { type: 'boolean' },
  waf: { type: 'boolean' },
  backups: { type: 'string' },
  'vpc-endpoints': { type: 'boolean' },
  support: { type: 'string' },
  environment: { type: 'string', multiple: true },
} as const;

export interface PartValues {
  readonly cdn?: boolean;
  readonly waf?: boolean;
  readonly backups?: string;
  readonly 'vpc-endpoints'?: boolean;
  readonly support?: string;
  readonly environment?: readonly string[];
}

/** True when any part flag was given. */
export const hasPartFlags = (v: PartValues): boolean => Object.keys(PART_OPTIONS).some((k) => v[k as keyof PartValues] !== undefined);

/** The flags as a parts override: each given flag replaces the profile's part; absent flags keep it. */
export function parsePartFlags(v: PartValues): NonNullable<PlanOptions['parts']> {
  const parts: Record<string, unknown> = {};
  if (v.cdn) parts.cdn = {};
  if (v.waf) parts.waf = {};
  if (v.backups !== undefined) parts.backups = { retentionDays: parseNumber('--backups', v.backups, 1, 35, true) };
  if (v['vpc-endpoints']) parts.vpcEndpoints = {};
  if (v.support !== undefined) {
    if (!(SUPPORT_FLAG_VALUES as readonly string[]).includes(v.support)) throw new UsageError(`--support must be one of ${SUPPORT_FLAG_VALUES.join(', ')}, got ${quoted(v.support)}`);
    parts.support = v.support;
  }
  if (v.environment?.length) parts.environments = parseEnvironments(v.environment);
  return parts as NonNullable<PlanOptions['parts']>;
}

const ENVIRONMENT = /^([a-z][a-z0-9-]{0,30})=(.+)$/;

/** `--environment staging=10%` (a share of the users) or `--environment qa=500` (users). */
function parseEnvironments(flags: readonly string[]): EnvironmentSpec[] {
  const seen = new Set<string>();
  return flags.map((flag) => {
    const m = ENVIRONMENT.exec(flag);
    if (!m) throw new UsageError(`--environment must be NAME=USERS or NAME=PERCENT% (for example staging=10% or qa=500), got ${quoted(flag)}`);
    const [, name, size] = m as unknown as [string, string, string];
    if (name === 'production') throw new UsageError('--environment: "production" is the plan itself; name the other environment');
    if (seen.has(name)) throw new UsageError(`--environment: ${quoted(name)} is given twice`);
    seen.add(name);
    if (size.endsWith('%')) return { name, share: parseNumber(`--environment ${name}`, size.slice(0, -1), 0.01, 100) / 100 };
    return { name, users: parseNumber(`--environment ${name}`, size, 1, 10_000_000_000, true) };
  });
}
