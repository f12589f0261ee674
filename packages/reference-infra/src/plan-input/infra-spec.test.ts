import { dec } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { asPlanFile, plan, specOf } from '../testing/plans.js';
import { budgetAmount, infraSpec } from './infra-spec.js';
import { shortName } from './names.js';
import { readPlan, specFromEnvironment } from './read-plan.js';
import { InputError } from './input-error.js';
import { isInputError } from './is-input-error.js';

describe('infraSpec', () => {
  it('rounds the Budget half-up to the cent from the exact total', () => {
    const at = (total: string) => budgetAmount({ monthly: { total: dec(total), byService: new Map(), complete: true, unpriced: [] } });
    expect([at('237.083179227559805528'), at('0.005'), at('0.0049999'), at('100'), at('44915.545')]).toEqual(['237.08', '0.01', '0.00', '100.00', '44915.55']);
  });

  it('reads only what a plan file carries: the same spec from a plan file and from the model', () => {
    for (const p of [plan(1, 'eks-web-app'), plan(10_000, 'trading-fargate'), plan(1_000_000, 'microservices-mysql')]) {
      expect(specOf(asPlanFile(p))).toEqual(specOf(p));
    }
  });

  it('takes NAT count, AZs and load balancer from the plan; the VPC spans two AZs at least', () => {
    const small = specOf(plan(1, 'nextjs-nestjs-postgres'));
    const ha = specOf(plan(10_000, 'nextjs-nestjs-postgres'));
    expect([small.azs, small.vpcAzs, small.natGateways, small.loadBalancer]).toEqual([1, 2, 1, true]);
    expect([ha.azs, ha.vpcAzs, ha.natGateways]).toEqual([2, 2, 2]);
    const selfManaged = plan(10, 'trading-k8s-self-managed');
    expect(specOf(selfManaged).natGateways).toBe(1);
    const natNames = new Set(selfManaged.bom.resources.filter((r) => r.type === 'nat_gateway').map((r) => r.name));
    const noNat = { ...selfManaged, lineItems: selfManaged.lineItems.filter((i) => !natNames.has(i.resource)), bom: { ...selfManaged.bom, resources: selfManaged.bom.resources.filter((r) => r.type !== 'nat_gateway') } };
    expect(specOf(noNat).natGateways).toBe(0);
  });
});

describe('reading the plan from the environment', () => {
  it('computes a plan from USERS, PROFILE and REGION, or reads PLAN_FILE', () => {
    const spec = specFromEnvironment({ USERS: '10000', PROFILE: 'trading-fargate', REGION: 'us-east-1' });
    expect([spec.planName, spec.platform, spec.region]).toEqual(['trading-fargate-10000-users', 'ecs-fargate', 'us-east-1']);
    expect(specFromEnvironment({ USERS: '5', PLAN_NAME: 'shop prod' }).tags['tier-planner:plan']).toBe('shop prod');
  });

  it('turns every bad input into an input error with one line', () => {
    const bad: Record<string, string>[] = [
      {},
      { USERS: '1e3' },
      { USERS: '-4' },
      { USERS: '0' },
      { USERS: '10', PROFILE: 'nope' },
      { USERS: '10', REGION: 'mars-1' },
      { USERS: '10', PURCHASE: 'cheap' },
      { USERS: '10', PLAN_NAME: 'a#b' },
      { PLAN_FILE: '/does/not/exist.json' },
      { USERS: '10', PROFILE_FILE: '/does/not/exist.json' },
    ];
    for (const env of bad) {
      let error: unknown;
      try {
        specFromEnvironment(env);
      } catch (e) {
        error = e;
      }
      expect(isInputError(error), JSON.stringify(env)).toBe(true);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('takes the S3 lifecycle and log retention from the plan, whatever its profile, and refuses a plan without them', () => {
    const p = { ...plan(10, 'eks-web-app'), profile: { name: 'custom', title: 'Custom', platform: 'eks' as const } };
    const spec = infraSpec(p);
    expect(spec.s3Lifecycle).toEqual(p.storage.s3.lifecycle);
    expect(spec.logs.retentionDays).toBe(p.storage.logs.retentionDays);
    const { lifecycle: _dropped, ...s3 } = p.storage.s3;
    expect(() => infraSpec({ ...p, storage: { ...p.storage, s3: s3 as typeof p.storage.s3 } })).toThrow(InputError);
    expect(readPlan({ USERS: '10' }).users).toBe(10);
  });
});

describe('shortName', () => {
  it('keeps short names, and cuts long ones to the limit with a hash so they stay distinct', () => {
    expect(shortName('eks-web-app-10000-users', 40)).toBe('eks-web-app-10000-users');
    const a = shortName('nextjs-nestjs-postgres-10000000-users-cache', 40);
    const b = shortName('nextjs-nestjs-postgres-10000001-users-cache', 40);
    expect(a).toHaveLength(40);
    expect(a).not.toBe(b);
    expect(shortName('Shop Prod!', 40)).toBe('shop-prod');
    expect(shortName('9lives', 40)).toBe('tp-9lives');
  });
});
