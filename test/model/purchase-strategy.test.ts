// The purchase strategy over a price book with MADE-UP commitment and Spot rates (synthetic-rates.ts:
// none is an AWS price), and over the embedded book, which has reserved rates for t3.medium only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, loadPriceBook, planLadder, planTier, resolvePurchase, purchaseLabel, sum, type Ec2Purchase, type PaymentOption, type Plan, type PurchaseTerms } from '@tier-planner/cost-model';
import { chooseNodeGroup, type NodeGroupRequest } from '../../packages/cost-model/src/capacity/choose-node-group.js';
import { nodeAllocatable } from '../../packages/cost-model/src/capacity/node-allocatable.js';
import { nodeCountWithFloors, packedNodeCount, type PodGroup } from '../../packages/cost-model/src/capacity/pod-packing.js';
import { ec2Rate } from '../../packages/cost-model/src/purchase/commitment-rate.js';
import { getProfile, listProfiles } from '../../packages/cost-model/src/profiles/index.js';
import { syntheticBook } from './synthetic-rates.js';

const SEED = 20261201;
const embedded = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const book = syntheticBook(embedded);
const HOURS = 730;
const gp3 = Number(book.price('ebs/gp3/storage')!.usd);

const options = fc.constantFrom<[Ec2Purchase, PurchaseTerms]>(
  ['reserved-1yr', {}],
  ['reserved-3yr', { payment: 'All Upfront' }],
  ['reserved-1yr', { payment: 'Partial Upfront', offeringClass: 'convertible' }],
  ['savings-plan', {}],
  ['savings-plan', { savingsPlan: 'ec2-instance', term: '3yr', payment: 'Partial Upfront' }],
  ['spot', {}],
);

const podGroups = fc.array(
  fc.record({ name: fc.constantFrom('a', 'b', 'c'), cpuMillicores: fc.integer({ min: 10, max: 6000 }), memoryMiB: fc.integer({ min: 16, max: 24_000 }), replicas: fc.integer({ min: 1, max: 2000 }) }),
  { minLength: 1, maxLength: 4 },
);

function request(groups: PodGroup[], ha: boolean, purchase: ReturnType<typeof resolvePurchase>): NodeGroupRequest {
  // No burstable or previous-generation types: the reference below need not model CPU credits.
  return { book, constraints: { allowBurstable: false, allowPreviousGeneration: false }, groups, groupsAtMax: groups, daemonSets: [], cpuUse: { podsMillicores: 0, perNodeMillicores: 0 }, ha, azs: 3, hoursPerMonth: HOURS, purchase };
}

/** Every current-generation, non-burstable type with a rate under the option, no pruning: the cheapest month at the effective rate. */
function cheapestWithRate(req: NodeGroupRequest): { name: string; monthly: number } | undefined {
  let best: { name: string; monthly: number } | undefined;
  for (const t of book.instanceTypes) {
    if (t.burstable || !t.currentGeneration || t.gpus > 0 || t.bareMetal) continue;
    const found = ec2Rate(t, req.purchase!, book.region);
    if (!('rate' in found)) continue;
    const a = nodeAllocatable(t, 'managed-node-group');
    if (!a || a.pods < 1 || req.groups.some((g) => g.cpuMillicores > a.cpuMillicores || g.memoryMiB > a.memoryMiB)) continue;
    const packed = packedNodeCount(req.groups, a);
    const count = nodeCountWithFloors(packed, req.ha, req.azs, packed);
    const monthly = count * HOURS * (found.rate.effective.toNumber() + (20 * gp3) / HOURS);
    if (!best || monthly < best.monthly) best = { name: t.name, monthly };
  }
  return best;
}

describe('node choice under a purchase option (made-up rates)', () => {
  it('picks a type with a rate, at most (1 + margin) × the cheapest effective price among types with one', () => {
    fc.assert(
      fc.property(podGroups, fc.boolean(), options, fc.constantFrom(0, 0.05, 0.2), (groups, ha, [purchase, terms], margin) => {
        const choice = resolvePurchase(purchase, terms);
        const base = request(groups, ha, choice);
        const expected = cheapestWithRate(base);
        if (!expected) return;
        // In a ladder the previous type is kept within the margin: start it from a random type with a rate.
        const previous = book.instanceTypes.find((t) => !t.burstable && 'rate' in ec2Rate(t, choice, book.region) && t.name !== expected.name)!;
        const req = margin > 0 ? { ...base, ladder: { context: { nodeType: previous.name }, typeChangeMargin: margin } } : base;
        const plan = chooseNodeGroup(req);
        const rate = ec2Rate(book.instanceType(plan.instanceType)!, choice, book.region);
        expect('rate' in rate, `${plan.instanceType} has no ${purchaseLabel(choice)} rate`).toBe(true);
        expect(Number(plan.monthlyUsd)).toBeLessThanOrEqual((1 + margin) * expected.monthly * (1 + 1e-9) + 0.01);
        if (margin === 0) expect(plan.instanceType).toBe(expected.name);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  it('says when the cheapest type at on-demand prices is another one, with both prices', () => {
    // Under reserved-1yr the embedded book prices only t3.medium: the on-demand cheapest differs.
    const plan = planTier({ users: 100_000, profile: 'eks-web-app' }, embedded, { purchase: 'reserved-1yr' });
    expect(plan.nodes[0]!.instanceType).toBe('t3.medium');
    const note = plan.warnings.find((w) => w.startsWith('At on-demand prices the cheapest is'));
    expect(note).toMatch(/^At on-demand prices the cheapest is (\S+) × [\d,]+ at \$[\d,.]+\/month; t3\.medium × [\d,]+ costs \$[\d,.]+ under reserved 1yr standard No Upfront \(\$[\d,.]+ on-demand\)$/);
    expect(note).not.toContain('cheapest is t3.medium ');
    expect(plan.nodes[0]!.why).toContain(note!);
  });
});

/** Every EC2 instance-hours line of a plan: priced only when its type has the rate, never at $0 for hours it bills. */
function checkEc2Lines(plan: Plan, purchase: Ec2Purchase, terms: PurchaseTerms, b = book): void {
  const choice = resolvePurchase(purchase, terms);
  for (const i of plan.lineItems) {
    if (i.price.kind !== 'ec2' || i.quantity.isZero()) continue;
    const type = b.instanceType(i.price.instanceType)!;
    const hasRate = i.price.purchase === 'on-demand' || 'rate' in ec2Rate(type, resolvePurchase(i.price.purchase, terms), b.region);
    if (i.monthly === undefined) expect(hasRate, i.component).toBe(false);
    else {
      expect(hasRate, i.component).toBe(true);
      expect(i.monthly.gt(0), `${i.component} priced at $0`).toBe(true);
    }
  }
  expect(plan.purchaseOption).toBe(purchaseLabel(choice));
}

/** The node groups' monthlyUsd (what the chooser ranked) is what the line items bill for the nodes and their root volumes. */
function checkNodeBill(plan: Plan): void {
  const lines = plan.lineItems.filter((i) => i.resource.startsWith('node group ') || i.resource === 'node root volumes');
  if (!plan.nodes.length || lines.some((i) => i.monthly === undefined)) return;
  const ranked = plan.nodes.reduce((s, g) => s + Number(g.monthlyUsd), 0);
  const billed = lines.reduce((s, i) => s + i.monthly!.toNumber(), 0);
  // Each group's figure is rounded to cents; the line items are exact.
  expect(Math.abs(ranked - billed), `${plan.profile.name} ${plan.users}`).toBeLessThanOrEqual(0.01 * (plan.nodes.length + 1) + billed * 1e-9);
}

describe('plans under a purchase option, every profile (fast-check)', () => {
  const profiles = listProfiles().map((p) => p.name);
  it('never price an EC2 line at $0 for a type that lacks the rate; the commitment stays within the floor', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.integer({ min: 1, max: 3_000_000 }), options, fc.constantFrom<'all' | 'floor'>('all', 'floor'), (profile, users, [purchase, terms], commit) => {
        const plan = planTier({ users, profile }, book, { purchase, purchaseTerms: terms, commit });
        checkEc2Lines(plan, purchase, terms);
        checkNodeBill(plan);
        const c = plan.commitment;
        if (commit === 'all' || purchase === 'spot') {
          expect(c).toBeUndefined();
          return;
        }
        expect(c).toBeDefined();
        expect(c!.coverage).toBeGreaterThanOrEqual(0);
        expect(c!.coverage).toBeLessThanOrEqual(1);
        expect(c!.utilisation).toBeLessThanOrEqual(1);
        // The floor runs every hour of the day: all of a floor commitment is used.
        if (!c!.hourlyUsd.isZero()) expect(c!.utilisation).toBe(1);
        // Commitment × hours never exceeds what the committed usage costs on-demand.
        const label = purchaseLabel(resolvePurchase(purchase, terms));
        const covered = plan.lineItems.filter((i) => i.purchase === label && i.monthly !== undefined);
        const onDemand = sum(covered.map((i) => i.quantity.times(i.price.kind === 'ec2' ? dec(book.instanceType(i.price.instanceType)!.onDemandUsd) : dec(book.price(i.price.key)!.usd!))));
        expect(c!.hourlyUsd.times(plan.hoursPerMonth).lte(onDemand.plus('0.000001'))).toBe(true);
        // No burst line bills under the commitment.
        for (const i of plan.lineItems) if (i.load === 'burst') expect(i.purchase ?? 'on-demand', i.component).not.toBe(label);
        // Break-even: the first month whose cumulative saving repays the upfront fee.
        if (c!.breakEvenMonth !== undefined && !c!.upfrontUsd.isZero()) {
          const upfrontMonthly = sum(covered.map((i) => i.upfront?.monthlyUsd ?? dec(0)));
          const perMonth = onDemand.minus(sum(covered.map((i) => i.monthly!)).minus(upfrontMonthly));
          expect(perMonth.times(c!.breakEvenMonth).gte(c!.upfrontUsd)).toBe(true);
          if (c!.breakEvenMonth > 1) expect(perMonth.times(c!.breakEvenMonth - 1).lt(c!.upfrontUsd)).toBe(true);
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('a commitment on all the compute (made-up rates)', () => {
  it('is paid every hour: nodes and tasks stay at the peak all month and no hour bills as burst', () => {
    const profiles = listProfiles().map((p) => p.name);
    const committed = options.filter(([p]) => p !== 'spot');
    fc.assert(
      fc.property(fc.constantFrom(...profiles), fc.integer({ min: 1, max: 3_000_000 }), committed, (profile, users, [purchase, terms]) => {
        const plan = planTier({ users, profile }, book, { purchase, purchaseTerms: terms });
        for (const g of plan.nodes) expect(g.floor, g.name).toBe(g.count);
        for (const t of plan.capacity.fargateTasks) expect(t.floor, t.service).toBe(t.count);
        const compute = plan.lineItems.filter((i) => i.service === 'EC2' || i.service === 'Fargate');
        expect(compute.filter((i) => i.load === 'burst')).toEqual([]);
        // Each node group bills its peak count for every hour of the month.
        for (const g of plan.nodes) {
          const hours = sum(compute.filter((i) => i.resource === `node group ${g.name}` && i.price.kind === 'ec2').map((i) => i.quantity));
          expect(hours.equals(g.count * plan.hoursPerMonth), g.name).toBe(true);
        }
      }),
      { numRuns: 40, seed: SEED },
    );
  });
});

describe('a node group split at the managed node group quota under a floor commitment (made-up rates)', () => {
  it('bills each part as the chooser ranked it', () => {
    const plan = planTier({ users: 10_000_000_000, profile: 'eks-web-app' }, book, { purchase: 'reserved-1yr', commit: 'floor' });
    expect(plan.nodes.length).toBeGreaterThan(1);
    checkNodeBill(plan);
  });
});

describe('a profile whose services tolerate interruption (made-up rates)', () => {
  it('under --commit floor runs the burst above the floor on Spot, the floor under the commitment', () => {
    const profile = { ...getProfile('eks-web-app'), toleratesInterruption: true };
    const plan = planTier({ users: 100_000, profile }, book, { purchase: 'reserved-1yr', commit: 'floor' });
    const type = book.instanceType(plan.nodes[0]!.instanceType)!;
    const lines = plan.lineItems.filter((i) => i.resource === 'node group workers' && i.price.kind === 'ec2');
    const burst = lines.find((i) => i.load === 'burst')!;
    const floor = lines.find((i) => i.load === 'floor')!;
    expect(burst.purchase).toBe('spot: burst above the committed floor');
    expect(burst.monthly!.equals(burst.quantity.times(type.spot!.medianUsd))).toBe(true);
    expect(floor.purchase).toBe('reserved 1yr standard No Upfront');
    // Without the field the burst is on-demand.
    const plain = planTier({ users: 100_000, profile: 'eks-web-app' }, book, { purchase: 'reserved-1yr', commit: 'floor' });
    expect(plain.lineItems.find((i) => i.resource === 'node group workers' && i.load === 'burst')!.purchase).toBe('on-demand: burst above the committed floor');
  });
});

describe('purchase terms from a library caller', () => {
  it('refuses a term that contradicts the purchase and values outside the lists, as bad input', () => {
    expect(() => planTier({ users: 10, profile: 'eks-web-app' }, embedded, { purchase: 'reserved-1yr', purchaseTerms: { term: '3yr' } })).toThrow(/purchase reserved-1yr has a 1yr term, but the term given is 3yr/);
    expect(() => planTier({ users: 10, profile: 'eks-web-app' }, embedded, { purchase: 'savings-plan', purchaseTerms: { savingsPlan: 'lambda' as never } })).toThrow(/Savings Plan type must be one of compute, ec2-instance, got lambda/);
    expect(() => planTier({ users: 10, profile: 'eks-web-app' }, embedded, { purchase: 'reserved-1yr', commit: 'peak' as never })).toThrow(/commit must be all or floor, got peak/);
  });
});

describe('the embedded book (reserved rates for t3.medium only)', () => {
  it('under reserved-1yr every profile prices its EC2 lines on t3.medium or leaves them unpriced, never $0', () => {
    for (const { name } of listProfiles()) {
      for (const users of [1, 10_000, 1_000_000]) {
        const plan = planTier({ users, profile: name }, embedded, { purchase: 'reserved-1yr' });
        checkEc2Lines(plan, 'reserved-1yr', {}, embedded);
        const ec2 = plan.lineItems.filter((i) => i.service === 'EC2' && i.price.kind === 'ec2' && !i.quantity.isZero());
        for (const i of ec2) if (i.monthly) expect(i.price.kind === 'ec2' && i.price.instanceType).toBe('t3.medium');
      }
    }
    // Where t3.medium fits the profile's families, the nodes run on it and their hours are priced.
    const web = planTier({ users: 10_000, profile: 'eks-web-app' }, embedded, { purchase: 'reserved-1yr' });
    expect(web.lineItems.filter((i) => i.price.kind === 'ec2' && i.load === undefined || i.load === 'floor').every((i) => i.service !== 'EC2' || i.monthly !== undefined)).toBe(true);
    expect(web.nodes[0]!.instanceType).toBe('t3.medium');
  });

  it('a ladder under reserved-1yr never shows EC2 at $0.00', () => {
    for (const plan of planLadder('eks-web-app', embedded, undefined, { purchase: 'reserved-1yr' })) {
      const ec2 = plan.monthly.byService.get('EC2');
      const unpriced = plan.lineItems.some((i) => i.service === 'EC2' && i.monthly === undefined);
      expect(unpriced || (ec2 !== undefined && ec2.gt(0)), `${plan.users} users`).toBe(true);
    }
  });

  it('when no type that fits has the rate, ranks by on-demand and says the option is unpriced', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, embedded, { purchase: 'savings-plan' });
    expect(plan.warnings.some((w) => /^Compute Savings Plan 1yr No Upfront is unpriced: none of the [\d,]+ instance types that fit has its rate in the us-east-1 price book \(run tier-planner pricing refresh\)/.test(w))).toBe(true);
    const onDemand = planTier({ users: 10_000, profile: 'eks-web-app' }, embedded);
    expect(plan.nodes[0]!.instanceType).toBe(onDemand.nodes[0]!.instanceType);
    const ec2 = plan.lineItems.filter((i) => i.price.kind === 'ec2' && i.price.purchase === 'savings-plan');
    expect(ec2.length).toBeGreaterThan(0);
    for (const i of ec2) expect(i.unpriced).toMatch(/no Compute Savings Plan 1yr No Upfront rate for \S+ in the us-east-1 price book/);
  });
});

describe('purchase options on the managed services (made-up rates)', () => {
  it('Fargate bills its floor under a Compute Savings Plan, and says an EC2 Instance Savings Plan or a reserved purchase cannot cover it', () => {
    const sp = planTier({ users: 100_000, profile: 'trading-fargate' }, book, { purchase: 'savings-plan' });
    const fargate = sp.lineItems.filter((i) => i.service === 'Fargate' && /^fargate\/linux/.test(i.price.kind === 'dimension' ? i.price.key : ''));
    expect(fargate.length).toBeGreaterThan(0);
    for (const i of fargate) {
      const dim = book.price(i.price.kind === 'dimension' ? i.price.key : '')!;
      const rate = dim.savingsPlans?.find((r) => r.plan === 'compute' && r.term === '1yr' && r.paymentOption === 'No Upfront');
      expect(i.purchase).toBe('Compute Savings Plan 1yr No Upfront');
      expect(i.monthly!.equals(i.quantity.times(rate!.usd))).toBe(true);
    }
    const ec2Sp = planTier({ users: 100_000, profile: 'trading-fargate' }, book, { purchase: 'savings-plan', purchaseTerms: { savingsPlan: 'ec2-instance' } });
    for (const i of ec2Sp.lineItems.filter((x) => x.service === 'Fargate' && x.purchase)) expect(i.purchase).toBe('on-demand: EC2 Instance Savings Plans do not cover Fargate (Compute Savings Plans do)');
    const ri = planTier({ users: 100_000, profile: 'trading-fargate' }, book, { purchase: 'reserved-1yr' });
    expect(ri.lineItems.filter((x) => x.service === 'Fargate' && x.purchase).map((x) => x.purchase)).toContain('on-demand: reserved not offered for Fargate');
    // MSK sells no reserved brokers: the broker line keeps its on-demand price and says so.
    const broker = ri.lineItems.find((x) => x.price.kind === 'dimension' && x.price.key.startsWith('msk/broker/'))!;
    expect(broker.purchase).toBe('on-demand: reserved not offered for MSK');
    expect(broker.monthly!.equals(planTier({ users: 100_000, profile: 'trading-fargate' }, book).lineItems.find((x) => x.component === broker.component)!.monthly!)).toBe(true);
  });

  it('RDS and ElastiCache take reserved nodes with their upfront fee shown apart; Spot is shown as not offered', () => {
    const profile = listProfiles().map((p) => p.name).find((n) => planTier({ users: 100_000, profile: n }, book).lineItems.some((i) => i.service === 'RDS'))!;
    const plan = planTier({ users: 100_000, profile }, book, { purchase: 'reserved-3yr', purchaseTerms: { payment: 'Partial Upfront' as PaymentOption } });
    const db = plan.lineItems.find((i) => i.service === 'RDS' && i.purchase?.startsWith('reserved'))!;
    expect(db.purchase).toBe('reserved 3yr standard Partial Upfront');
    const dim = book.price(db.price.kind === 'dimension' ? db.price.key : '')!;
    const r = dim.reserved!.find((x) => x.term === '3yr' && x.paymentOption === 'Partial Upfront')!;
    // The monthly carries the recurring rate and the upfront fee spread over the term's 26,280 hours.
    expect(db.monthly!.equals(db.quantity.times(dec(r.hourlyUsd).plus(dec(r.upfrontUsd).div(26_280))))).toBe(true);
    expect(db.upfront!.monthlyUsd.equals(db.quantity.times(r.upfrontUsd).div(26_280))).toBe(true);
    expect(db.upfront!.oneOffUsd.equals(db.upfront!.monthlyUsd.times(36))).toBe(true);
    const cacheProfile = listProfiles().map((p) => p.name).find((n) => planTier({ users: 100_000, profile: n }, book).lineItems.some((i) => i.service === 'ElastiCache' && i.unit === 'node-hours'))!;
    const cache = planTier({ users: 100_000, profile: cacheProfile }, book, { purchase: 'reserved-1yr' }).lineItems.find((i) => i.service === 'ElastiCache' && i.unit === 'node-hours')!;
    const cacheRate = book.price(cache.price.kind === 'dimension' ? cache.price.key : '')!.reserved!.find((x) => x.term === '1yr' && x.paymentOption === 'No Upfront')!;
    expect(cache.purchase).toBe('reserved 1yr standard No Upfront');
    expect(cache.monthly!.equals(cache.quantity.times(cacheRate.hourlyUsd))).toBe(true);
    const spot = planTier({ users: 100_000, profile }, book, { purchase: 'spot' });
    expect(spot.lineItems.find((i) => i.service === 'RDS' && i.purchase)!.purchase).toBe('on-demand: spot not offered for RDS');
  });
});
