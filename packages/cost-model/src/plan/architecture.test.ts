import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanningError } from '../capacity/capacity-types.js';
import { listProfiles } from '../profiles/index.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planTier } from './plan-tier.js';

const book = loadPriceBook({ embeddedOnly: true });
const profiles = listProfiles().map((p) => p.name);
const graviton = (cls: string) => /^(db|cache|kafka)\.[a-z]+\d+[a-z]*g/.test(cls);

describe('the architecture option', () => {
  it('puts every chosen node group, Fargate task and (where the profile allows one) managed class on that architecture', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(...profiles), fc.constantFrom('arm64' as const, 'x86_64' as const), (users, name, arch) => {
        let plan;
        try {
          plan = planTier({ users, profile: name }, book, { architecture: arch });
        } catch (e) {
          // trading-fargate's x86_64 caches are cache.t3 only: at high load no class fits, and the model says so.
          if (e instanceof PlanningError && e.code === 'NO_CLASS_FITS') return;
          throw e;
        }
        const fixed = plan.capacity.nodeGroups.length > 0 && plan.warnings.some((w) => w.includes('fixed node group'));
        if (!fixed) for (const g of plan.nodes) expect(g.arch).toBe(arch);
        for (const t of plan.fargate) expect(t.arch).toBe(arch);
        const { rds, cache, kafka } = plan.datastores;
        const warned = (what: string) => plan.warnings.some((w) => w.startsWith(`${what}: the profile allows no ${arch} classes`));
        if (rds && !warned('RDS')) expect(graviton(rds.instanceClass)).toBe(arch === 'arm64');
        if (cache && !warned('ElastiCache')) expect(graviton(cache.nodeType)).toBe(arch === 'arm64');
        if (kafka && !warned('MSK')) expect(graviton(kafka.brokerType)).toBe(arch === 'arm64');
      }),
      { numRuns: 60 },
    );
  });

  it('overrides the profile: eks-web-app allows x86_64 families only, arm64 plans Graviton nodes and says why', () => {
    expect(planTier({ users: 100_000, profile: 'eks-web-app' }, book).nodes.every((g) => g.arch === 'x86_64')).toBe(true);
    const arm = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { architecture: 'arm64' });
    expect(arm.nodes.every((g) => g.arch === 'arm64')).toBe(true);
    expect(arm.warnings.some((w) => w.includes('have no arm64 types'))).toBe(true);
  });

  it('"any" lets the chooser take either architecture', () => {
    const any = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { architecture: 'any', families: ['m6i', 'm7g'] });
    const x86 = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { families: ['m6i', 'm7g'] });
    expect(x86.nodes.every((g) => g.instanceType.startsWith('m6i.'))).toBe(true);
    // m7g is cheaper than m6i per vCPU in the embedded book; only "any" reaches it.
    expect(any.nodes.some((g) => g.instanceType.startsWith('m7g.'))).toBe(true);
  });

  it('a fixed node group keeps its type and warns', () => {
    const p = planTier({ users: 1_000, profile: 'trading-k8s-self-managed' }, book, { architecture: 'arm64' });
    expect(p.nodes.map((g) => g.instanceType)).toEqual(planTier({ users: 1_000, profile: 'trading-k8s-self-managed' }, book).nodes.map((g) => g.instanceType));
    expect(p.warnings).toContain("the profile's fixed node group runs t3.medium (x86_64); the architecture does not change a fixed node group");
  });

  it('an unknown architecture is bad input', () => {
    expect(() => planTier({ users: 10, profile: 'eks-web-app' }, book, { architecture: 'sparc' as never })).toThrow(PlanningError);
  });
});
