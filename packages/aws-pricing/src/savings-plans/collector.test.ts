import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SavingsPlanCollector } from './collector.js';

// Entries in the documented Savings Plans offer file shape (AWS Billing user guide, "Reading the
// service price list file for a Savings Plan"). Every price here is TEST DATA, not an AWS rate.

const product = (sku: string, productFamily: string, purchaseOption: string, purchaseTerm: string, extra: Record<string, string> = {}) => ({
  sku,
  productFamily,
  serviceCode: 'ComputeSavingsPlans',
  usageType: `SP:${purchaseTerm}${purchaseOption.replace(/ /g, '')}`,
  operation: '',
  attributes: { purchaseOption, purchaseTerm, granularity: 'hourly', locationType: 'AWS Region', ...extra },
});

interface RateSpec {
  usageType: string;
  operation?: string;
  price: string;
  regionCode?: string;
  serviceCode?: string;
  instanceType?: string;
}

const term = (sku: string, years: number, rates: RateSpec[]) => ({
  sku,
  description: `${years} year test plan`,
  effectiveDate: '2026-11-01T00:00:00Z',
  leaseContractLength: { duration: years, unit: 'year' },
  rates: rates.map((r, i) => ({
    discountedSku: `OD${i}`,
    discountedUsageType: r.usageType,
    discountedOperation: r.operation ?? 'RunInstances',
    discountedServiceCode: r.serviceCode ?? 'AmazonEC2',
    rateCode: `${sku}.OD${i}`,
    unit: 'Hrs',
    discountedRate: { price: r.price, currency: 'USD' },
    ...(r.regionCode !== undefined ? { discountedRegionCode: r.regionCode } : {}),
    ...(r.instanceType !== undefined ? { discountedInstanceType: r.instanceType } : {}),
  })),
});

const collector = () => new SavingsPlanCollector({ region: 'eu-west-1', sourceId: 'sp-test' });

describe('SavingsPlanCollector', () => {
  it('keeps Linux/UNIX shared-tenancy hours of the region, per plan, term and payment option', () => {
    const c = collector();
    c.product(product('CSP1NU', 'ComputeSavingsPlans', 'No Upfront', '1yr', { location: 'Any' }));
    c.product(product('CSP3AU', 'ComputeSavingsPlans', 'All Upfront', '3yr', { location: 'Any' }));
    c.product(product('ISP1PU', 'EC2InstanceSavingsPlans', 'Partial Upfront', '1yr', { instanceType: 'm5', regionCode: 'eu-west-1' }));
    c.term(
      term('CSP1NU', 1, [
        { usageType: 'EUW1-BoxUsage:m5.large', price: '0.0700000000', regionCode: 'eu-west-1', instanceType: 'm5.large' },
        { usageType: 'EUW1-BoxUsage:m5.large', operation: 'RunInstances:0002', price: '0.1500', regionCode: 'eu-west-1' }, // Windows
        { usageType: 'EUW1-DedicatedUsage:m5.large', price: '0.0800', regionCode: 'eu-west-1' }, // dedicated tenancy
        { usageType: 'EUW1-HostUsage:m5', price: '3.1', regionCode: 'eu-west-1' }, // dedicated host
        { usageType: 'USE1-BoxUsage:m5.large', price: '0.0600', regionCode: 'us-east-1' }, // another region
        { usageType: 'EUW1-BoxUsage:c5.xlarge', price: '0.1300', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Lambda-GB-Second', serviceCode: 'AWSLambda', operation: 'Invoke', price: '0.0000133', regionCode: 'eu-west-1' },
      ]),
    );
    c.term(term('CSP3AU', 3, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.045', regionCode: 'eu-west-1' }]));
    c.term(term('ISP1PU', 1, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.062', regionCode: 'eu-west-1' }]));
    const { byInstanceType, byDimensionKey, skipped } = c.result();
    expect([...byInstanceType.keys()].sort()).toEqual(['c5.xlarge', 'm5.large']);
    expect(byInstanceType.get('m5.large')).toEqual([
      { plan: 'compute', term: '1yr', paymentOption: 'No Upfront', usd: '0.07', source: 'sp-test', sku: 'CSP1NU' },
      { plan: 'compute', term: '3yr', paymentOption: 'All Upfront', usd: '0.045', source: 'sp-test', sku: 'CSP3AU' },
      { plan: 'ec2-instance', term: '1yr', paymentOption: 'Partial Upfront', usd: '0.062', source: 'sp-test', sku: 'ISP1PU' },
    ]);
    expect(byDimensionKey.size).toBe(0);
    expect(skipped['EC2 rates for other operating systems or licences']).toBe(1);
    expect(skipped['EC2 rates for other usage (dedicated, hosts, other tenancy)']).toBe(2);
    expect(skipped['rates of other regions or zones']).toBe(1);
    expect(skipped['rates for usage the snapshot does not price']).toBe(1);
  });

  it('puts Compute Savings Plans Fargate rates on the Fargate dimension keys, whatever order products and terms come in', () => {
    const c = collector();
    c.term(
      term('CSP3NU', 3, [
        { usageType: 'EUW1-Fargate-vCPU-Hours:perCPU', serviceCode: 'AmazonECS', operation: 'FargateTask', price: '0.03', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Fargate-GB-Hours', serviceCode: 'AmazonECS', operation: 'FargateTask', price: '0.003', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Fargate-ARM-vCPU-Hours:perCPU', serviceCode: 'AmazonECS', operation: 'FargateTask', price: '0.024', regionCode: 'eu-west-1' },
      ]),
    );
    c.product(product('CSP3NU', 'ComputeSavingsPlans', 'No Upfront', '3yr'));
    const { byDimensionKey } = c.result();
    expect(Object.fromEntries([...byDimensionKey].map(([k, v]) => [k, v.map((r) => `${r.plan} ${r.term} ${r.paymentOption} ${r.usd}`)]))).toEqual({
      'fargate/linux-x86/vcpu-hours': ['compute 3yr No Upfront 0.03'],
      'fargate/linux-x86/gb-hours': ['compute 3yr No Upfront 0.003'],
      'fargate/linux-arm64/vcpu-hours': ['compute 3yr No Upfront 0.024'],
    });
  });

  it('refuses a usage one plan lists at two different rates instead of picking one', () => {
    const c = collector();
    c.product(product('CSP1NU', 'ComputeSavingsPlans', 'No Upfront', '1yr'));
    c.term(
      term('CSP1NU', 1, [
        { usageType: 'EUW1-Fargate-GB-Hours', serviceCode: 'AmazonECS', operation: 'FargateTask', price: '0.003', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Fargate-GB-Hours', serviceCode: 'AmazonECS', operation: 'FargatePod', price: '0.004', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Fargate-vCPU-Hours:perCPU', serviceCode: 'AmazonECS', operation: 'FargateTask', price: '0.03', regionCode: 'eu-west-1' },
        { usageType: 'EUW1-Fargate-vCPU-Hours:perCPU', serviceCode: 'AmazonECS', operation: 'FargatePod', price: '0.030', regionCode: 'eu-west-1' },
      ]),
    );
    const { byDimensionKey, ambiguous } = c.result();
    expect(byDimensionKey.has('fargate/linux-x86/gb-hours')).toBe(false);
    expect(byDimensionKey.get('fargate/linux-x86/vcpu-hours')?.map((r) => r.usd)).toEqual(['0.03']);
    expect(ambiguous).toEqual([{ target: 'fargate/linux-x86/gb-hours', reason: expect.stringContaining('2 different rates (0.003, 0.004 USD)') }]);
  });

  it('ignores other Savings Plans families, EC2 Instance Savings Plans on Fargate, orphan terms and contradicting terms', () => {
    const c = collector();
    c.product(product('SMSP1NU', 'MachineLearningSavingsPlans', 'No Upfront', '1yr'));
    c.product(product('ISP3NU', 'EC2InstanceSavingsPlans', 'No Upfront', '3yr', { instanceType: 'm5' }));
    c.product(product('CSPODD', 'ComputeSavingsPlans', 'Sometimes Upfront', '1yr'));
    c.term(term('SMSP1NU', 1, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.05' }]));
    c.product(product('ISP3X', 'EC2InstanceSavingsPlans', 'No Upfront', '3yr', { instanceType: 'm5' }));
    c.term(term('ISP3X', 1, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.05' }])); // 1-year term on a 3yr product
    c.term(term('NOPRODUCT', 1, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.05' }]));
    c.term(term('CSPODD', 1, [{ usageType: 'EUW1-BoxUsage:m5.large', price: '0.05' }]));
    c.term(term('ISP3NU', 3, [{ usageType: 'EUW1-Fargate-GB-Hours', serviceCode: 'AmazonECS', price: '0.003' }]));
    c.term('not an object');
    const { byInstanceType, byDimensionKey, skipped } = c.result();
    expect(byInstanceType.size).toBe(0);
    expect(byDimensionKey.size).toBe(0);
    expect(skipped['products that are not Compute or EC2 Instance Savings Plans']).toBe(1);
    expect(skipped['plans with an unknown purchase option']).toBe(1);
    expect(skipped["rates of plans not in the file's products"]).toBe(3);
    expect(skipped['rates of plans whose term length is unknown or contradicts the product']).toBe(1);
    expect(skipped['Fargate rates of plans other than Compute Savings Plans']).toBe(1);
    expect(skipped['terms that are not objects']).toBe(1);
  });

  it('takes rates without a region code as the file region\'s and rejects non-decimal prices', () => {
    const c = new SavingsPlanCollector({ region: 'us-east-1', sourceId: 'sp-test' });
    c.product(product('CSP1NU', 'ComputeSavingsPlans', 'No Upfront', '1yr'));
    c.term(term('CSP1NU', 1, [{ usageType: 'BoxUsage:t3.medium', price: '0.03' }, { usageType: 'BoxUsage:t3.large', price: '3e-2' }]));
    const { byInstanceType, skipped } = c.result();
    expect([...byInstanceType.keys()]).toEqual(['t3.medium']);
    expect(skipped['rates without a plain decimal price']).toBe(1);
  });

  it('whatever the file holds, every kept EC2 rate is a Linux/UNIX shared-tenancy rate of the region, at its listed price', () => {
    // Usage-type prefixes follow the rate's region code, as in AWS's files.
    const prefix: Record<string, string> = { 'eu-west-1': 'EUW1-', 'us-east-1': 'USE1-', 'eu-west-1-lhr-1': 'LHR1-' };
    const rateArb = fc
      .record({
        usage: fc.constantFrom('BoxUsage:m5.large', 'BoxUsage:c6g.xlarge', 'DedicatedUsage:m5.large', 'HostBoxUsage:m5.large', 'SpotUsage:m5.large'),
        operation: fc.constantFrom('RunInstances', 'RunInstances:0002', 'RunInstances:0010', 'RunInstances:0g00'),
        regionCode: fc.constantFrom('eu-west-1', 'us-east-1', 'eu-west-1-lhr-1'),
        price: fc.integer({ min: 1, max: 9999 }).map((n) => `0.${String(n).padStart(4, '0')}`),
      })
      .map(({ usage, ...r }) => ({ ...r, usageType: `${prefix[r.regionCode]}${usage}` }));
    fc.assert(
      fc.property(fc.array(rateArb, { maxLength: 12 }), (rates) => {
        const c = collector();
        c.product(product('CSP1NU', 'ComputeSavingsPlans', 'No Upfront', '1yr'));
        c.term(term('CSP1NU', 1, rates));
        const { byInstanceType, ambiguous } = c.result();
        const eligible = rates.filter((r) => r.operation === 'RunInstances' && r.regionCode === 'eu-west-1' && /^EUW1-BoxUsage:/.test(r.usageType));
        for (const [type, kept] of byInstanceType) {
          const sources = eligible.filter((r) => r.usageType === `EUW1-BoxUsage:${type}`);
          expect(sources.length).toBeGreaterThan(0);
          expect(kept.map((k) => k.usd)).toEqual([String(Number(sources[0]!.price))]);
        }
        // A type with eligible rates is either kept or refused as ambiguous, never dropped silently.
        for (const r of eligible) {
          const type = r.usageType.split(':')[1]!;
          expect(byInstanceType.has(type) || ambiguous.some((a) => a.target === type)).toBe(true);
        }
      }),
    );
  });
});
