import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPriceAdjustments, bomToDrafts, loadPriceBook, planTier, priceLineItems, profiles, resolvePurchase, type BomResource, type LineItem, type PlanOptions } from '@tier-planner/cost-model';
import { lineItemMemo } from '../../packages/cost-model/src/plan/line-item-memo.js';
import { applyPurchase } from '../../packages/cost-model/src/purchase/apply-purchase.js';
import { wholePlanSampleTotals } from './whole-plan-samples.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const profileNames = Object.keys(profiles);
const comparable = (x: unknown) => JSON.parse(JSON.stringify(x));

const OPTIONS: readonly PlanOptions[] = [
  {},
  { purchase: 'reserved-1yr', commit: 'floor' },
  { purchase: 'savings-plan' },
  { purchase: 'spot' },
  { priceAdjustments: { edp: { percent: '6', from: 'test edp' }, services: [{ service: 'S3', percent: '12.5', from: 'test s3' }] } },
  { parts: { support: 'business', cdn: {}, vpcEndpoints: {}, backups: {} } },
];
/** A sample keeps the other environments' charges (part of what Support is a share of) at the plan's own workload: no whole plan of the draw prices it, so only the bill priced whole checks it. */
const WITH_ENVIRONMENTS: PlanOptions = { parts: { environments: [{ name: 'staging', share: 0.1 }], support: 'business' } };

/** A bill priced whole, as a plan prices it: drafts, list prices, the purchase option, then overrides and discounts. */
function pricer(name: string, options: PlanOptions) {
  const choice = resolvePurchase(options.purchase ?? 'on-demand', options.purchaseTerms);
  const ctx = { choice, commit: options.commit ?? 'all', burstOnSpot: profiles[name]!.toleratesInterruption ?? false, book } as const;
  return (resources: readonly BomResource[]): readonly LineItem[] => {
    const drafts = bomToDrafts(resources, 730, book);
    const purchased = applyPurchase(drafts, priceLineItems(drafts, book), ctx);
    return options.priceAdjustments ? applyPriceAdjustments(purchased, options.priceAdjustments) : purchased;
  };
}

describe('line items taken again for resources priced before', () => {
  it('equal the bill priced whole, for every bill of a run of plans, past the resources kept', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profileNames),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 70, maxLength: 90 }),
        fc.constantFrom(...OPTIONS, WITH_ENVIRONMENTS),
        (name, users, offsets, options) => {
          const price = pricer(name, options);
          const memo = lineItemMemo();
          // Neighbouring user counts: the same node groups often, other bytes and requests every time.
          for (const d of offsets) {
            const bill = planTier({ users: Math.max(1, Math.round(users * (1 + d))), profile: name }, book, options).bom.resources;
            expect(comparable(memo.lineItems(bill, price))).toEqual(comparable(price(bill)));
          }
        },
      ),
      { numRuns: 12, seed: 17 },
    );
  }, 300_000);

  it('prices a bill seen before only where it has resources never seen', () => {
    const bill = planTier({ users: 10_000, profile: 'eks-web-app' }, book).bom.resources;
    const price = pricer('eks-web-app', {});
    const handed: BomResource[] = [];
    const counting = (resources: readonly BomResource[]) => (handed.push(...resources), price(resources));
    const memo = lineItemMemo();
    memo.lineItems(bill, counting);
    expect(handed).toHaveLength(bill.length);
    handed.length = 0;
    const s3 = bill.find((r) => r.type === 's3_bucket')!;
    const other = bill.map((r) => (r === s3 && r.type === 's3_bucket' ? { ...r, getRequests: (r.getRequests ?? 0) + 1 } : r));
    expect(comparable(memo.lineItems(other, counting))).toEqual(comparable(price(other)));
    expect(handed.map((r) => r.name)).toEqual([s3.name]);
  });

  it('prices every value of a resource sized by the demand, past the values it keeps', () => {
    const price = pricer('eks-web-app', {});
    const handed: number[] = [];
    const memo = lineItemMemo();
    for (let i = 0; i < 200; i++) {
      const bill: BomResource[] = [{ type: 'data_transfer', name: 'traffic', internetOutGb: 1000 + i }];
      const lines = memo.lineItems(bill, (r) => (handed.push(i), price(r)));
      expect(comparable(lines)).toEqual(comparable(price(bill)));
    }
    expect(handed).toHaveLength(200);
  });

  it('prices NaN, infinite, 0 and -0 fields, and a record with its fields in another order, as the bill priced whole', () => {
    const price = pricer('eks-web-app', {});
    const memo = lineItemMemo();
    for (const gb of [Infinity, NaN, Infinity, NaN, 0, -0, 0]) {
      const bill: BomResource[] = [{ type: 'data_transfer', name: 'traffic', internetOutGb: gb, interAzGb: gb }];
      expect(comparable(memo.lineItems(bill, price))).toEqual(comparable(price(bill)));
    }
    // A record's fields in another order give the same lines in another order.
    for (const storageGb of [{ standard: 1, standardIa: 2 }, { standardIa: 2, standard: 1 }]) {
      const bill: BomResource[] = [{ type: 's3_bucket', name: 'objects', storageGb }];
      expect(comparable(memo.lineItems(bill, price))).toEqual(comparable(price(bill)));
    }
  });
});

/** The samples the slow way: each draw planned as a whole plan (sorted totals). */
function wholePlanTotals(name: string, users: number, samples: number, seed: number, options: PlanOptions): string[] {
  return wholePlanSampleTotals(book, name, users, samples, seed, options).totals.map(String);
}

describe('uncertainty samples with line items taken again', () => {
  it('total exactly what whole plans of the same draws total, sample by sample', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profileNames),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(...OPTIONS),
        (name, users, seed, options) => {
          // Three samples: P10, P50 and P90 are then the lowest, middle and highest total.
          const u = planTier({ users, profile: name }, book, { ...options, samples: 3, seed }).uncertainty!;
          expect([u.p10, u.p50, u.p90].map(String)).toEqual(wholePlanTotals(name, users, 3, seed, options));
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  }, 300_000);
});
