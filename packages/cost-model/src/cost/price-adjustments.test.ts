import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceResources } from '../bom/price-resources.js';
import { PlanningError } from '../capacity/capacity-types.js';
import { planFromJson } from '../plan-document/plan-from-json.js';
import { planToJson } from '../plan-document/plan-to-json.js';
import { planTier } from '../plan/plan-tier.js';
import { listProfiles } from '../profiles/index.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { dec } from './money.js';
import { BILLED_SERVICES, priceKeyOf, type PriceAdjustments } from './price-adjustments.js';

const book = loadPriceBook({ embeddedOnly: true });
const profiles = listProfiles().map((p) => p.name);
const users = fc.integer({ min: 1, max: 10_000_000 });
/** 0 to 99.99 %, as a decimal string with up to two decimals. */
const percent = fc.integer({ min: 0, max: 9_999 }).map((n) => dec(n).div(100).toFixed());
const edp = (p: string): PriceAdjustments => ({ edp: { percent: p, from: `--discount edp=${p}%` } });
const service = (s: string, p: string): PriceAdjustments => ({ services: [{ service: s, percent: p, from: `--discount ${s}=${p}%` }] });

describe('discounts', () => {
  it('a service discount of d% lowers every line of the service by exactly d% of its list price, and no other line', () => {
    fc.assert(
      fc.property(users, fc.constantFrom(...profiles), percent, fc.constantFrom('EC2', 'RDS', 'S3', 'Fargate', 'EBS'), (n, profile, p, svc) => {
        const list = planTier({ users: n, profile }, book);
        const adjusted = planTier({ users: n, profile }, book, { priceAdjustments: service(svc, p) });
        expect(adjusted.lineItems).toHaveLength(list.lineItems.length);
        list.lineItems.forEach((l, i) => {
          const a = adjusted.lineItems[i]!;
          if (l.service !== svc || l.monthly === undefined) return expect(a.monthly?.toFixed()).toBe(l.monthly?.toFixed());
          expect(a.adjustment?.listMonthly?.toFixed()).toBe(l.monthly.toFixed());
          expect(a.monthly!.toFixed()).toBe(l.monthly.minus(l.monthly.times(p).div(100)).toFixed());
          expect(a.adjustment!.steps).toEqual([expect.objectContaining({ kind: 'service-discount', from: `--discount ${svc}=${p}%` })]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the EDP comes after the service discount: list × (1 − s) × (1 − e), on every AWS line', () => {
    fc.assert(
      fc.property(users, fc.constantFrom(...profiles), percent, percent, (n, profile, s, e) => {
        const list = planTier({ users: n, profile }, book);
        const adjusted = planTier({ users: n, profile }, book, { priceAdjustments: { ...edp(e), ...service('EC2', s) } });
        list.lineItems.forEach((l, i) => {
          const a = adjusted.lineItems[i]!;
          if (l.monthly === undefined) return expect(a.monthly).toBeUndefined();
          const afterService = l.service === 'EC2' ? l.monthly.minus(l.monthly.times(s).div(100)) : l.monthly;
          const expected = l.service === 'GitHub Actions' ? afterService : afterService.minus(afterService.times(e).div(100));
          expect(a.monthly!.toFixed()).toBe(expected.toFixed());
          if (l.service === 'EC2') expect(a.adjustment!.steps.map((x) => x.kind)).toEqual(['service-discount', 'edp']);
        });
        expect(adjusted.priceAdjustments!.changeUsd.toFixed()).toBe(adjusted.monthly.total.minus(list.monthly.total).toFixed());
      }),
      { numRuns: 40 },
    );
  });

  it('AWS Support is a share of the discounted charges, and takes the EDP itself', () => {
    const parts = { support: 'business' as const };
    const list = planTier({ users: 1_000_000, profile: 'nextjs-nestjs-postgres' }, book, { parts });
    const adjusted = planTier({ users: 1_000_000, profile: 'nextjs-nestjs-postgres' }, book, { parts, priceAdjustments: edp('10') });
    const support = (p: typeof list) => p.lineItems.filter((i) => i.service === 'Support');
    expect(support(adjusted)[0]!.adjustment!.steps.map((s) => s.kind)).toEqual(['edp']);
    expect(support(adjusted)[0]!.adjustment!.listMonthly!.lt(support(list)[0]!.monthly!)).toBe(true);
  });
});

describe('price overrides', () => {
  const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book);
  const ec2 = plan.lineItems.find((i) => i.service === 'EC2')!;
  const key = priceKeyOf(ec2.price);

  it('replace the unit price of the lines priced by the key, keeping the list price and the note', () => {
    const p = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { priceAdjustments: { overrides: [{ key, usd: '0.05', note: 'private pricing addendum', from: '--prices p.yaml' }] } });
    const line = p.lineItems.find((i) => priceKeyOf(i.price) === key)!;
    expect(line.monthly!.toFixed()).toBe(ec2.quantity.times('0.05').toFixed());
    expect(line.adjustment).toMatchObject({ listMonthly: ec2.monthly, steps: [{ kind: 'override', note: 'private pricing addendum', from: '--prices p.yaml' }] });
    expect(p.lineItems.filter((i) => i.adjustment)).toHaveLength(plan.lineItems.filter((i) => priceKeyOf(i.price) === key).length);
  });

  it('price a line the book cannot (a Spot rate), with the override as its provenance', () => {
    const spot = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { purchase: 'spot' });
    const line = spot.lineItems.find((i) => i.service === 'EC2' && i.unpriced)!;
    const k = priceKeyOf(line.price);
    const p = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { purchase: 'spot', priceAdjustments: { overrides: [{ key: k, usd: '0.02', note: 'observed Spot rate', from: '--prices s.json' }] } });
    const priced = p.lineItems.find((i) => priceKeyOf(i.price) === k)!;
    expect(priced.unpriced).toBeUndefined();
    expect(priced.monthly!.toFixed()).toBe(line.quantity.times('0.02').toFixed());
    expect(priced.provenance).toMatchObject({ key: k, sourceId: 'price-override' });
    expect(priced.adjustment!.listMonthly).toBeUndefined();
  });

  it('a key that matches no line of the plan is a warning, not silence', () => {
    const other = book.instanceTypes.find((t) => !plan.lineItems.some((i) => priceKeyOf(i.price).startsWith(`ec2/${t.name}/`)))!;
    const p = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { priceAdjustments: { overrides: [{ key: `ec2/${other.name}/on-demand`, usd: '1', note: 'n', from: 'f' }] } });
    expect(p.warnings).toContain(`price override ec2/${other.name}/on-demand matches no line item of this plan`);
  });

  it('survive the plan file: the list price and each step come back as exact decimals', () => {
    const p = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { priceAdjustments: { ...edp('6'), overrides: [{ key, usd: '0.05', note: 'n', from: 'f' }] } });
    const back = planFromJson(planToJson(p), 'plan.json');
    const line = back.lineItems.find((i) => i.adjustment && priceKeyOf(i.price) === key)!;
    expect(line.adjustment!.listMonthly!.eq(ec2.monthly!)).toBe(true);
    expect(line.adjustment!.steps.map((s) => s.changeUsd!.toFixed())).toEqual(p.lineItems.find((i) => priceKeyOf(i.price) === key)!.adjustment!.steps.map((s) => s.changeUsd!.toFixed()));
    expect(back.priceAdjustments!.changeUsd.eq(p.priceAdjustments!.changeUsd)).toBe(true);
  });
});

describe('bad adjustments', () => {
  const bad = (a: PriceAdjustments) => () => planTier({ users: 100, profile: 'eks-web-app' }, book, { priceAdjustments: a });
  it.each([
    ['an EDP of 150%', edp('150'), /a discount must be a percentage from 0 up to 100.*"150"/],
    ['a discount that is not a number', service('EC2', 'abc'), /"abc"/],
    ['an unknown service', service('Lambda', '5'), /unknown service "Lambda"/],
    ['an unknown price key', { overrides: [{ key: 'ec2/m5.huge/on-demand', usd: '1', note: 'n', from: '--prices p.json' }] }, /unknown price key "ec2\/m5.huge\/on-demand"/],
    ['an override with no note', { overrides: [{ key: 'ec2/m5.large/on-demand', usd: '1', note: ' ', from: '--prices p.json' }] }, /a note .* is required/],
  ])('%s is a one-line PlanningError', (_what, a, message) => {
    expect(bad(a as PriceAdjustments)).toThrow(PlanningError);
    expect(bad(a as PriceAdjustments)).toThrow(message);
  });

  it('every service a plan bills can be named', () => {
    for (const profile of profiles) for (const i of planTier({ users: 1_000_000, profile }, book).lineItems) expect(BILLED_SERVICES).toContain(i.service);
  });
});

describe('a priced bill of materials', () => {
  it('takes the same adjustments', () => {
    const bom = { resources: [{ type: 'ec2_instance', name: 'web', instanceType: 'm5.large', count: 2 }] };
    const list = priceResources(bom, book);
    const p = priceResources(bom, book, { adjustments: { ...service('EC2', '10'), ...edp('5') } });
    expect(p.monthly.total.toFixed()).toBe(list.monthly.total.times('0.9').times('0.95').toFixed());
    expect(p.priceAdjustments!.lines).toBe(1);
    expect(() => priceResources(bom, book, { adjustments: edp('100') })).toThrow(PlanningError);
  });
});
