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
