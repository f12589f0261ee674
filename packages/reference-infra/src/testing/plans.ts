// Test helpers: plans through the cost model, and lookups in synthesized Terraform JSON.
import { loadPriceBook, planFromJson, planToJson, planTier, type PlanOptions, type Plan } from '@tier-planner/cost-model';
import { infraSpec, type InfraSpec } from '../plan-input/infra-spec.js';
import { gatedTaskCount } from '../constructs/first-deploy.js';
import { synthesize } from '../stacks/build-app.js';

export const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

export function plan(users: number, profile: string, options: PlanOptions = {}): Plan {
  return planTier({ users, profile }, book, options);
}

/** The plan as `tier-planner --json` writes it and the app reads it back (no `capacity`). */
export function asPlanFile(p: Plan): Plan {
  return planFromJson(JSON.parse(JSON.stringify(planToJson(p))), 'plan.json');
}

export function specOf(p: Plan, name?: string): InfraSpec {
  return infraSpec(p, name);
}

export type TfJson = Record<string, any>;

export function synthPlan(p: Plan): TfJson {
  return synthesize(specOf(p));
}

/** Resources of one type, without cdktf's metadata. */
export function resources(tf: TfJson, type: string): Record<string, any>[] {
  return Object.values((tf.resource?.[type] ?? {}) as Record<string, Record<string, unknown>>).map(({ '//': _meta, ...r }) => r);
}

export function only(tf: TfJson, type: string): Record<string, any> {
  const all = resources(tf, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}

/** Every resource, as [type, body]. */
export function allResources(tf: TfJson): [string, Record<string, any>][] {
  return Object.entries((tf.resource ?? {}) as Record<string, Record<string, Record<string, any>>>).flatMap(([type, byName]) => Object.values(byName).map((r) => [type, r] as [string, Record<string, any>]));
}

/** Synth-comparable JSON: without cdktf metadata (paths differ by nothing we care about). */
export function withoutMetadata(tf: TfJson): TfJson {
  return JSON.parse(JSON.stringify(tf, (k, v) => (k === '//' ? undefined : v)));
}

/** An ECS service's task count once an image tag is given; throws when the count is not gated on image_tag. */
export function tasksOnceImagePushed(service: Record<string, any>): number {
  const count = gatedTaskCount(service.desired_count);
  if (count === undefined) throw new Error(`desired_count is not gated on image_tag: ${String(service.desired_count)}`);
  return count;
}
