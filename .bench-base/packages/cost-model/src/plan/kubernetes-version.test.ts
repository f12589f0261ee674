import { describe, expect, it } from 'vitest';
import { PlanningError } from '../capacity/capacity-types.js';
import { createPriceBook } from '../pricing/price-book.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { getProfile } from '../profiles/index.js';
import { planTier } from './plan-tier.js';
import type { PlanOptions } from './plan-types.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const eks = (options: PlanOptions) => planTier({ users: 10_000, profile: 'eks-web-app' }, book, options);
const eksLine = (options: PlanOptions) => eks(options).lineItems.find((i) => i.service === 'EKS')!;
const badInput = (f: () => unknown, message: RegExp) => {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PlanningError);
  expect((caught as PlanningError).code).toBe('BAD_INPUT');
  expect((caught as Error).message).toMatch(message);
};

describe('the EKS version calendar in the price book', () => {
  it('lists 1.28 to 1.36 with AWS dates, each record pointing at a dated source', () => {
    expect(book.kubernetesVersions.map((v) => v.version)).toEqual(['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
    expect(book.kubernetesVersion('1.33')).toMatchObject({ eksRelease: '2025-05-29', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' });
    expect(book.kubernetesVersion('1.34')).toMatchObject({ endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' });
    for (const v of book.kubernetesVersions) {
      const source = book.source(v.source)!;
      expect(source.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(source.ref).toMatch(/docs\.aws\.amazon\.com\/eks\/latest\/userguide\/kubernetes-versions\.html|endoflife/);
    }
    // 1.35 and 1.36 come only from a third-party copy of AWS's table: the source says so.
    expect(book.source(book.kubernetesVersion('1.36')!.source)!.confidence).toBe('third-party-page');
    expect(book.source(book.kubernetesVersion('1.34')!.source)!.confidence).toBe('vendor-data');
    expect(book.missing.map((m) => m.key)).toContain('eks/kubernetes-versions/1.37');
  });
});

describe('the support tier an EKS plan is priced in', () => {
  it('1.33 is standard support on 2026-07-28 and extended from 2026-07-29 (billing starts that UTC day)', () => {
    expect(eksLine({ kubernetesVersion: '1.33', planDate: '2026-07-28' }).price).toEqual({ kind: 'dimension', key: 'eks/cluster/standard-support' });
    expect(eksLine({ kubernetesVersion: '1.33', planDate: '2026-07-29' }).price).toEqual({ kind: 'dimension', key: 'eks/cluster/extended-support' });
    const after = eks({ kubernetesVersion: '1.33', planDate: '2026-07-30' });
    expect(after.kubernetes).toMatchObject({ version: '1.33', support: 'extended', planDate: '2026-07-30', defaulted: false, why: 'set by the caller' });
    expect(after.lineItems.find((i) => i.service === 'EKS')!.monthly!.toString()).toBe('438');
    expect(after.warnings).toContain(
      'Kubernetes 1.33 left EKS standard support on 2026-07-29: the cluster bills extended support, $0.60/h in total instead of $0.10/h (+$365.00 a month) until it is upgraded (extended support ends 2027-07-29)',
    );
  });

  it('the lapse costs exactly $0.50 more per cluster-hour: $365.00 at 730 h, $360.00 at 720 h', () => {
    const before = eks({ kubernetesVersion: '1.33', planDate: '2026-07-28' }).monthly.total;
    expect(eks({ kubernetesVersion: '1.33', planDate: '2026-07-30' }).monthly.total.minus(before).toString()).toBe('365');
    const before720 = eks({ kubernetesVersion: '1.33', planDate: '2026-07-28', hoursPerMonth: 720 }).monthly.total;
    expect(eks({ kubernetesVersion: '1.33', planDate: '2026-07-30', hoursPerMonth: 720 }).monthly.total.minus(before720).toString()).toBe('360');
  });

  it('warns from 90 days before the end of standard support: 1.34 on 2026-09-03, not on 2026-09-02', () => {
    const warned = eks({ kubernetesVersion: '1.34', planDate: '2026-09-03' });
    expect(warned.kubernetes!.support).toBe('standard');
    expect(warned.warnings.filter((w) => w.startsWith('Kubernetes 1.34'))).toEqual([
      "Kubernetes 1.34 leaves EKS standard support on 2026-12-02, 90 days after the plan's date: from then the cluster bills extended support, $0.60/h in total instead of $0.10/h (+$365.00 a month) unless it is upgraded (with upgrade policy STANDARD, EKS upgrades it instead)",
    ]);
    expect(eks({ kubernetesVersion: '1.34', planDate: '2026-09-02' }).warnings.some((w) => w.includes('Kubernetes'))).toBe(false);
    expect(eks({ kubernetesVersion: '1.34', planDate: '2026-12-01' }).warnings.some((w) => w.includes('2026-12-02, 1 day after'))).toBe(true);
  });

  it('defaults to the newest version released by the plan date, in standard support', () => {
    const cases: [string, string][] = [
      ['2025-12-01', '1.34'],
      ['2026-03-01', '1.35'],
      ['2026-07-28', '1.36'],
      ['2026-12-01', '1.36'],
    ];
    for (const [planDate, version] of cases) {
      const plan = eks({ planDate });
      expect(plan.kubernetes, planDate).toMatchObject({ version, support: 'standard', defaulted: true });
      expect(plan.warnings.some((w) => w.includes('Kubernetes')), planDate).toBe(false);
    }
  });

  it('without a plan date, the plan is read on the price book’s date (no clock)', () => {
    const plan = eks({});
    expect(plan.kubernetes!.planDate).toBe(book.generatedAt.slice(0, 10));
    expect(plan.kubernetes).toMatchObject({ version: '1.36', support: 'standard' });
  });

  it('past the calendar’s standard support the default is extended and says so; past its end, it says the book is stale', () => {
    const leap = eks({ planDate: '2028-02-29' });
    expect(leap.kubernetes).toMatchObject({ version: '1.36', support: 'extended' });
    expect(leap.warnings.some((w) => w.startsWith('Kubernetes 1.36 left EKS standard support on 2027-08-02'))).toBe(true);
    const late = eks({ planDate: '2029-01-01' });
    expect(late.kubernetes!.support).toBe('standard');
    expect(late.warnings.some((w) => w.startsWith("the price book's EKS calendar ends before 2029-01-01"))).toBe(true);
  });

  it('takes the version from the profile, and the caller over the profile', () => {
    const profile = { ...getProfile('eks-web-app'), kubernetesVersion: '1.33' };
    const fromProfile = planTier({ users: 10_000, profile }, book, { planDate: '2026-08-01' });
    expect(fromProfile.kubernetes).toMatchObject({ version: '1.33', support: 'extended', why: 'set by the profile' });
    const fromCaller = planTier({ users: 10_000, profile }, book, { planDate: '2026-08-01', kubernetesVersion: '1.35' });
    expect(fromCaller.kubernetes).toMatchObject({ version: '1.35', support: 'standard', why: 'set by the caller' });
  });

  it('refuses a bad date, an unknown version, and a version EKS does not offer on that date', () => {
    badInput(() => eks({ planDate: '2026-02-30' }), /plan date must be a date as YYYY-MM-DD, got "2026-02-30"/);
    badInput(() => eks({ planDate: '1 Dec 2026' }), /YYYY-MM-DD/);
    badInput(() => eks({ kubernetesVersion: '1.27' }), /"1.27" is not in the price book's EKS calendar \(1.28, .*1.36\)/);
    badInput(() => eks({ kubernetesVersion: '1.28', planDate: '2026-12-01' }), /no cluster on Kubernetes 1.28 on 2026-12-01: its extended support ended 2025-11-26/);
    badInput(() => eks({ kubernetesVersion: '1.36', planDate: '2026-05-01' }), /not on EKS yet on 2026-05-01 \(released 2026-06-02\)/);
  });

  it('non-EKS plans carry no Kubernetes version and no EKS line', () => {
    const fargate = planTier({ users: 10_000, profile: 'trading-fargate' }, book, { planDate: '2028-02-29' });
    expect(fargate.kubernetes).toBeUndefined();
    expect(fargate.lineItems.some((i) => i.service === 'EKS')).toBe(false);
  });

  it('a price book without a calendar prices standard support and warns', () => {
    const content = { region: book.region, currency: book.currency, generatedAt: book.generatedAt, generator: book.generator, sources: book.sources, ec2: { priceSource: book.ec2Sources.price, specSource: book.ec2Sources.spec, podsSource: book.ec2Sources.pods, instances: Object.fromEntries(book.instanceTypes.map((t) => [t.name, t])), dropped: book.droppedInstanceTypes }, prices: book.dimensions, allowances: book.allowances, missing: book.missing };
    const old = createPriceBook(content, book.origin);
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, old, { planDate: '2026-12-01' });
    expect(plan.kubernetes).toBeUndefined();
    expect(plan.lineItems.find((i) => i.service === 'EKS')!.price).toEqual({ kind: 'dimension', key: 'eks/cluster/standard-support' });
    expect(plan.warnings).toContain('the price book has no EKS Kubernetes version calendar: the cluster is priced in standard support; rebuild or refresh the price book');
  });
});
