import { readFileSync } from 'node:fs';
import { loadPriceBook, parseProfile, planFromJson, planTier, type Ec2Purchase, type Plan, type Profile } from '@tier-planner/cost-model';
import { infraSpec, type InfraSpec } from './infra-spec.js';
import { InputError } from './input-error.js';

const PURCHASES: readonly Ec2Purchase[] = ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'];
/** Characters AWS allows in tag values (the plan name is one). */
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u;

/** The environment variables the app reads (see docs/infra.md). */
export interface PlanEnvironment {
  readonly PLAN_FILE?: string;
  readonly USERS?: string;
  readonly PROFILE?: string;
  readonly PROFILE_FILE?: string;
  readonly REGION?: string;
  readonly PURCHASE?: string;
  readonly PLAN_NAME?: string;
}

/**
 * The plan to build: PLAN_FILE (a `tier-planner --json` file), or USERS with PROFILE/REGION/PURCHASE
 * through the cost model. Any bad value throws an InputError with a one-line message.
 */
export function readPlan(env: PlanEnvironment): Plan {
  if (env.PLAN_FILE) return planFromJson(readJson(env.PLAN_FILE), env.PLAN_FILE);
  if (env.USERS === undefined || env.USERS === '') throw new InputError('set PLAN_FILE=plan.json (from tier-planner --json) or USERS=N (with PROFILE and REGION)');
  if (!/^\d+$/.test(env.USERS.trim())) throw new InputError(`USERS must be a whole number, got ${JSON.stringify(env.USERS)}`);
  const purchase = (env.PURCHASE || 'on-demand') as Ec2Purchase;
  if (!PURCHASES.includes(purchase)) throw new InputError(`PURCHASE must be one of ${PURCHASES.join(', ')}, got ${JSON.stringify(env.PURCHASE)}`);
  const book = loadPriceBook({ region: env.REGION || 'us-east-1' });
  const profile: Profile | string = env.PROFILE_FILE ? parseProfile(readJson(env.PROFILE_FILE), env.PROFILE_FILE) : env.PROFILE || 'eks-web-app';
  return planTier({ users: Number(env.USERS), profile }, book, { purchase });
}

/** Environment → the infrastructure spec the stack is built from. */
export function specFromEnvironment(env: PlanEnvironment): InfraSpec {
  return specOfPlan(readPlan(env), env);
}

/** The spec of a plan already read, named by PLAN_NAME if set. */
export function specOfPlan(plan: Plan, env: Pick<PlanEnvironment, 'PLAN_NAME'>): InfraSpec {
  const name = env.PLAN_NAME?.trim();
  if (name !== undefined && name !== '' && !TAG_VALUE.test(name)) throw new InputError(`PLAN_NAME must be 1-256 letters, digits, spaces or _ . : / = + - @, got ${JSON.stringify(env.PLAN_NAME)}`);
  return infraSpec(plan, name || undefined);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path} is not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}
