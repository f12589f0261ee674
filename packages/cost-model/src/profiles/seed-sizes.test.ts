// Each profile's task and pod sizes against the figures its seed (or, where the seed gives none,
// the size the profile's own `why` states) — checked in the profile's JSON and in what the plan runs.
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { getProfile } from './index.js';
import { ECS_CPU_UNITS_PER_VCPU } from './service-cpu.js';

const book = loadPriceBook({ region: 'us-east-1' });

interface FargateRow {
  readonly service: string;
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly tasksAtOneUser?: number;
  readonly maxTasks?: number;
  /** Where the figure comes from. */
  readonly source: string;
}

const FARGATE_SEED_SIZES: Readonly<Record<string, readonly FargateRow[]>> = {
  // Seed 004: "ECS Fargate (2 tasks)", "Peak load: 10 containers"; the task size is the profile's stated 0.5 vCPU / 1 GB.
  'trading-fargate': [{ service: 'trading-api', vcpu: 0.5, memoryGb: 1, tasksAtOneUser: 2, maxTasks: 10, source: 'seed 004: 2 tasks, peak 10; profile: 0.5 vCPU, 1 GB per task' }],
  // Seed 003 names ECS Fargate without a size; the profile states 0.25 vCPU / 0.5 GB and 0.5 vCPU / 1 GB.
  'fintech-fargate-jenkins': [
    { service: 'frontend', vcpu: 0.25, memoryGb: 0.5, source: 'profile: the smallest Fargate size (0.25 vCPU, 0.5 GB)' },
    { service: 'api', vcpu: 0.5, memoryGb: 1, source: 'profile: a 0.5 vCPU, 1 GB task' },
  ],
};

describe.each(Object.entries(FARGATE_SEED_SIZES))('%s task sizes', (name, rows) => {
  const profile = getProfile(name);
  const plan = planTier({ users: 1, profile: name }, book);

  it.each(rows)('$service: the JSON writes $vcpu vCPU in ECS CPU units and $memoryGb GB ($source)', (row) => {
    const s = profile.services.find((x) => x.name === row.service)!;
    expect(s.cpuMillicores).toBeUndefined();
    expect(s.cpuUnits).toBe(row.vcpu * ECS_CPU_UNITS_PER_VCPU);
    expect(s.memoryMiB).toBe(row.memoryGb * 1024);
    if (row.maxTasks !== undefined) expect(s.maxReplicas).toBe(row.maxTasks);
  });

  it.each(rows)('$service: the plan runs $vcpu vCPU / $memoryGb GB tasks, not one size up', (row) => {
    const task = plan.fargate.find((t) => t.service === row.service)!;
    expect({ vcpu: task.vcpu, memoryGb: task.memoryGb }).toEqual({ vcpu: row.vcpu, memoryGb: row.memoryGb });
    if (row.tasksAtOneUser !== undefined) expect(task.count).toBe(row.tasksAtOneUser);
  });
});

interface PodRow {
  readonly service: string;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
  readonly source: string;
}

const POD_SEED_SIZES: Readonly<Record<string, { readonly pods: readonly PodRow[]; readonly nodes?: { readonly instanceType: string; readonly count: number } }>> = {
  // Seed 004's Kubernetes option: "Deployment with 3 replicas", HPA 3 to 10, "3 nodes (t3.medium)"; pod requests are the profile's.
  'trading-k8s-self-managed': {
    pods: [{ service: 'trading-api', cpuMillicores: 250, memoryMiB: 512, minReplicas: 3, maxReplicas: 10, source: 'seed 004: replicas 3, HPA 3 to 10' }],
    nodes: { instanceType: 't3.medium', count: 3 },
  },
  // Seed 000 starts with one node and one replica; it gives no pod requests.
  'eks-web-app': { pods: [{ service: 'web-api', cpuMillicores: 250, memoryMiB: 512, minReplicas: 1, source: 'seed 000: one replica at first' }] },
  // Seed 001 gives no pod sizes; two replicas for its zero-downtime rollout.
  'nextjs-nestjs-postgres': {
    pods: [
      { service: 'frontend', cpuMillicores: 250, memoryMiB: 512, minReplicas: 2, source: 'seed 001: zero-downtime rollout (2 replicas)' },
      { service: 'backend', cpuMillicores: 250, memoryMiB: 512, minReplicas: 2, source: 'seed 001: zero-downtime rollout (2 replicas)' },
    ],
  },
};

describe.each(Object.entries(POD_SEED_SIZES))('%s pod sizes', (name, { pods, nodes }) => {
  const profile = getProfile(name);
  const plan = planTier({ users: 1, profile: name }, book);

  it.each(pods)('$service: $cpuMillicores m / $memoryMiB MiB in millicores, as planned ($source)', (row) => {
    const s = profile.services.find((x) => x.name === row.service)!;
    expect(s.cpuUnits).toBeUndefined();
    expect([s.cpuMillicores, s.memoryMiB]).toEqual([row.cpuMillicores, row.memoryMiB]);
    const r = plan.replicas.find((x) => x.name === row.service)!;
    expect([r.cpuMillicores, r.memoryMiB]).toEqual([row.cpuMillicores, row.memoryMiB]);
    if (row.minReplicas !== undefined) expect(s.minReplicas).toBe(row.minReplicas);
    if (row.maxReplicas !== undefined) expect(s.maxReplicas).toBe(row.maxReplicas);
  });

  if (nodes) {
    it(`runs ${nodes.count} × ${nodes.instanceType} as the seed prices`, () => {
      expect(plan.nodes.map((g) => [g.instanceType, g.count])).toEqual([[nodes.instanceType, nodes.count]]);
    });
  }
});
