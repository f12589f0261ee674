import type { CapacityPlan } from '../capacity/capacity-types.js';
import type { Plan } from './plan-types.js';
import { numberText } from '../number-text.js';

/** The parts of a plan whose change is a breakpoint, each as a comparable string. */
export interface PlanShape {
  readonly [aspect: string]: string;
}

/** What a shape is read from: a plan, or the capacity stage's outcome before pricing. */
export type ShapeSource = Pick<Plan, 'ha' | 'azs' | 'nodes' | 'fargate' | 'datastores'>;

export function planShape(p: ShapeSource): PlanShape {
  const shape: Record<string, string> = { ha: p.ha ? `HA over ${p.azs} AZs` : 'single AZ' };
  for (const g of p.nodes) {
    shape[`node type ${g.name}`] = g.instanceType;
    shape[`nodes ${g.name}`] = numberText(g.count);
  }
  for (const t of p.fargate) shape[`tasks ${t.service}`] = `${numberText(t.count)} × ${t.vcpu} vCPU/${t.memoryGb} GB`;
  const { rds, cache, kafka } = p.datastores;
  shape['database'] = rds ? `${rds.instanceClass} ${rds.deployment}` : 'none';
  shape['read replicas'] = String(rds?.readReplicas ?? 0);
  shape['cache'] = cache ? `${numberText(cache.nodes)} × ${cache.nodeType}` : 'none';
  shape['kafka'] = kafka ? `${numberText(kafka.brokers)} × ${kafka.brokerType}` : 'none';
  return shape;
}

/** What differs between two shapes, as readable changes ("nodes app: 2 → 3"). */
export function shapeChanges(a: PlanShape, b: PlanShape): string[] {
  return changedAspects(a, b).map((k) => `${k}: ${a[k] ?? 'none'} → ${b[k] ?? 'none'}`);
}

/** The aspects two shapes differ in, in shapeChanges' order ("nodes workers"). */
export function changedAspects(a: PlanShape, b: PlanShape): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => a[k] !== b[k]);
}

/** The shape of a capacity plan, as planShape reads it from the plan priced from it. */
export function capacityShape(ha: boolean, azs: number, c: CapacityPlan): PlanShape {
  return planShape({ ha, azs, nodes: c.nodeGroups, fargate: c.fargateTasks, datastores: { ...(c.rds ? { rds: c.rds } : {}), ...(c.cache ? { cache: c.cache } : {}), ...(c.kafka ? { kafka: c.kafka } : {}) } });
}
