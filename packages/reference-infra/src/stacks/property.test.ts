import { listProfiles } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan, resources, synthPlan, tasksOnceImagePushed } from '../testing/plans.js';

const PROFILES = listProfiles().map((p) => p.name);

describe('any valid plan synthesizes to its own sizes', () => {
  // Synth takes ~100 ms: a modest number of runs, spread over every profile and 1 to 10M users.
  it('node groups, Auto Scaling groups and ECS services equal the plan', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILES), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('on-demand' as const, 'spot' as const), (profile, users, purchase) => {
        const p = plan(users, profile, { purchase });
        // A sharded cache (cluster mode) is refused, by name, rather than built as one shard.
        if ((p.datastores.cache?.shards ?? 1) > 1) {
          expect(() => synthPlan(p)).toThrow(/shards \(cluster mode\)/);
          return;
        }
        const tf = synthPlan(p);
        const sizes = p.nodes.map((n) => [n.instanceType, n.floor, n.desired, n.max]);
        if (p.profile.platform === 'eks') {
          expect(resources(tf, 'aws_eks_node_group').map((g) => [g.instance_types[0], g.scaling_config.min_size, g.scaling_config.desired_size, g.scaling_config.max_size])).toEqual(sizes);
        } else if (p.profile.platform === 'kubernetes-ec2') {
          expect(resources(tf, 'aws_autoscaling_group').map((g, i) => [resources(tf, 'aws_launch_template')[i]!.instance_type, g.min_size, g.desired_capacity, g.max_size])).toEqual(sizes);
        } else {
          // Terraform JSON lists resources by name, so compare as sorted lists.
          const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
          expect(resources(tf, 'aws_ecs_service').map((s) => [s.name, tasksOnceImagePushed(s)]).sort(byName)).toEqual(p.fargate.map((t) => [t.service, t.count]).sort(byName));
        }
        expect(resources(tf, 'aws_nat_gateway')).toHaveLength(p.bom.resources.filter((r) => r.type === 'nat_gateway').reduce((n, r) => n + ((r as { count?: number }).count ?? 1), 0));
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
