import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { planTier } from '../plan/plan-tier.js';
import { planToJson, PLAN_JSON_SCHEMA_VERSION } from './plan-to-json.js';
import { planFromJson } from './plan-from-json.js';
import { PlanDocumentError } from './plan-document-error.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

describe('plan documents', () => {
  it('round-trips money exactly and keeps the shape', () => {
    const plan = planTier({ users: 250_000, profile: 'eks-web-app' }, book);
    const back = planFromJson(JSON.parse(JSON.stringify(planToJson(plan))), 'plan.json');
    expect(back.monthly.total.equals(plan.monthly.total)).toBe(true);
    expect([...back.monthly.byService.keys()]).toEqual([...plan.monthly.byService.keys()]);
    for (const [service, cost] of plan.monthly.byService) expect(back.monthly.byService.get(service)!.equals(cost)).toBe(true);
    expect(back.nodes.map((n) => [n.instanceType, n.count])).toEqual(plan.nodes.map((n) => [n.instanceType, n.count]));
    expect(back.lineItems.length).toBe(plan.lineItems.length);
  });

  it('round-trips the cost per user and other environments exactly; an older file without it gets total / users', () => {
    const plan = planTier({ users: 250_000, profile: 'nextjs-nestjs-postgres' }, book, { parts: { environments: [{ name: 'staging', share: 0.1 }] } });
    const json = JSON.parse(JSON.stringify(planToJson(plan)));
    const back = planFromJson(json, 'plan.json');
    expect(back.costPerUser.equals(plan.costPerUser)).toBe(true);
    expect(back.environments![0]!.monthly.total.equals(plan.environments![0]!.monthly.total)).toBe(true);
    expect(back.environments![0]!.lineItems[0]!.quantity.equals(plan.environments![0]!.lineItems[0]!.quantity)).toBe(true);
    expect(back.withEnvironments!.total.equals(plan.withEnvironments!.total)).toBe(true);
    const { costPerUser: _c, ...older } = json;
    expect(planFromJson(older, 'old.json').costPerUser.equals(plan.costPerUser)).toBe(true);
    });

  it('reads the headline back as exact decimals, and gives a file written before it the point-value headline', () => {
    const sampled = planTier({ users: 100_000, profile: 'trading-fargate' }, book, { samples: 20, seed: 3 });
    const back = planFromJson(JSON.parse(JSON.stringify(planToJson(sampled))), 'plan.json');
    expect(back.headline.basis).toBe('p50');
    expect(back.headline.total.equals(sampled.uncertainty!.p50)).toBe(true);
    expect(back.headline.band!.p90.equals(sampled.uncertainty!.p90)).toBe(true);
    const { headline: _h, ...older } = planToJson(planTier({ users: 10, profile: 'eks-web-app' }, book)) as Record<string, unknown>;
    const old = planFromJson(JSON.parse(JSON.stringify(older)), 'old.json');
    expect(old.headline.basis).toBe('point-values');
    expect(old.headline.total.equals(old.monthly.total)).toBe(true);
  });

  it('reads the floor and the burst back as exact money', () => {
    const plan = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book);
    expect(plan.burst.monthlyUsd.isZero()).toBe(false);
    const back = planFromJson(JSON.parse(JSON.stringify(planToJson(plan))), 'plan.json');
    expect(back.floor.monthlyUsd.equals(plan.floor.monthlyUsd)).toBe(true);
    expect(back.burst.monthlyUsd.equals(plan.burst.monthlyUsd)).toBe(true);
    expect([back.floor.nodes, back.burst.nodeHours]).toEqual([plan.floor.nodes, plan.burst.nodeHours]);
    expect(back.lineItems.filter((i) => i.load === 'burst').length).toBe(plan.lineItems.filter((i) => i.load === 'burst').length);
  });

  it('names the file when it is not a plan, has another version, or is damaged', () => {
    const plan = planToJson(planTier({ users: 10, profile: 'eks-web-app' }, book)) as Record<string, unknown>;
    expect(() => planFromJson({ hello: 1 }, 'a.json')).toThrow(new PlanDocumentError('a.json is not a tier-planner plan (write one with tier-planner --users N --json)'));
    expect(() => planFromJson({ ...plan, schemaVersion: PLAN_JSON_SCHEMA_VERSION + 1 }, 'b.json')).toThrow(/b\.json has plan schema version 2/);
    expect(() => planFromJson({ ...plan, monthly: { total: 'ten', byService: {} } }, 'c.json')).toThrow(/c\.json is a damaged plan file/);
  });
});

describe('plan tags', async () => {
  const { defaultPlanName, tierLabel } = await import('./plan-tags.js');
  it('names a plan by profile and users, and labels tiers', () => {
    expect(defaultPlanName({ users: 10_000, profile: { name: 'eks-web-app', title: '', platform: 'eks' } })).toBe('eks-web-app-10000-users');
    expect([1, 10, 1000, 10_000, 25_000, 2_500, 1_000_000, 10_000_000].map(tierLabel)).toEqual(['1', '10', '1k', '10k', '25k', '2500', '1M', '10M']);
  });
});
