import { readFileSync } from 'node:fs';
import { loadPriceBook, type SnapshotContent } from '@tier-planner/cost-model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEmbeddedReference } from './embedded-reference.js';
import { describeSpotPriceHistoryStep, refreshPriceSnapshot, type RefreshOptions, type SavingsPlansStep } from './index.js';
import { createEc2Client } from './spot/ec2-client.js';
import { startFakeEc2Server } from './testing/fake-ec2-server.js';
import type { FakeProduct } from './testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from './testing/fixture-items.js';
import { clientFor, dirWithPreviousSnapshot, expectUntouched, onCleanup, refreshError, runCleanups, serve, tempDir } from './testing/refresh-harness.js';

// A whole refresh with Reserved terms on RDS and ElastiCache items, a Savings Plans step and the
// Spot step, through the real SDK clients and loopback servers. Reserved, Savings Plans and Spot
// figures added here are TEST DATA; the m5.large Reserved terms are AWS's real item.

const NOW = new Date('2026-12-01T10:00:00Z');
const schema = JSON.parse(readFileSync(new URL('../../../data/pricing/schema/price-snapshot.v1.schema.json', import.meta.url), 'utf8'));
const schemaValidate = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false }).compile(schema);

let embedded: SnapshotContent;
beforeAll(() => {
  embedded = readEmbeddedReference();
});
afterEach(() => runCleanups());

type Item = { product: { sku: string; productFamily?: string; attributes: Record<string, string> }; terms: Record<string, unknown> };

/** A Reserved term in the Price List item shape (as in the real m5.large item). */
function reservedTerm(sku: string, code: string, attrs: Record<string, string>, hourly: string, upfront?: string) {
  const dims: Record<string, unknown> = {
    [`${sku}.${code}.6YS6EN2CT7`]: { unit: 'Hrs', endRange: 'Inf', description: 'test hourly', appliesTo: [], rateCode: `${sku}.${code}.6YS6EN2CT7`, beginRange: '0', pricePerUnit: { USD: hourly } },
  };
  if (upfront) dims[`${sku}.${code}.2TG2D8R56U`] = { unit: 'Quantity', description: 'Upfront Fee', appliesTo: [], rateCode: `${sku}.${code}.2TG2D8R56U`, pricePerUnit: { USD: upfront } };
  return { [`${sku}.${code}`]: { priceDimensions: dims, sku, effectiveDate: '2026-01-01T00:00:00Z', offerTermCode: code, termAttributes: attrs } };
}

function withReserved(products: FakeProduct[], match: (i: Item) => boolean, terms: Record<string, unknown>): void {
  const found = products.find((p) => match(p.item as Item));
  if (!found) throw new Error('fixture item not found');
  const item = found.item as Item;
  item.terms = { ...item.terms, Reserved: terms };
}

/** A Savings Plans offer file's entries in the documented shape, for us-east-1. */
const savingsPlansStep: SavingsPlansStep = async (sink) => {
  const plan = (sku: string, productFamily: string, purchaseOption: string, purchaseTerm: string) =>
    sink.product({ sku, productFamily, serviceCode: 'ComputeSavingsPlans', attributes: { purchaseOption, purchaseTerm, locationType: 'AWS Region' } });
  plan('CSP1NU', 'ComputeSavingsPlans', 'No Upfront', '1yr');
  plan('ISP3AU', 'EC2InstanceSavingsPlans', 'All Upfront', '3yr');
  const rate = (usageType: string, price: string, serviceCode = 'AmazonEC2', operation = 'RunInstances') => ({
    discountedSku: 'X',
    discountedUsageType: usageType,
    discountedOperation: operation,
    discountedServiceCode: serviceCode,
    rateCode: 'X.Y',
    unit: 'Hrs',
    discountedRate: { price, currency: 'USD' },
    discountedRegionCode: 'us-east-1',
  });
  sink.term({
    sku: 'CSP1NU',
    leaseContractLength: { duration: 1, unit: 'year' },
    rates: [rate('BoxUsage:m5.large', '0.0700'), rate('BoxUsage:t3.medium', '0.0300'), rate('Fargate-vCPU-Hours:perCPU', '0.0330', 'AmazonECS', 'FargateTask')],
  });
  sink.term({ sku: 'ISP3AU', leaseContractLength: { duration: 3, unit: 'year' }, rates: [rate('BoxUsage:m5.large', '0.0400')] });
  return { ref: 'https://pricing.us-east-1.amazonaws.com/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/us-east-1/index.json (test)', publishedOn: '2026-11-20' };
};

async function refresh(extra: Partial<RefreshOptions>, outDir = tempDir()) {
  const products = fixtureProductsFromSnapshot(embedded);
  withReserved(
    products,
    (i) => i.product.productFamily === 'Database Instance' && i.product.attributes.instanceType === 'db.t4g.micro' && i.product.attributes.databaseEngine === 'PostgreSQL' && i.product.attributes.deploymentOption === 'Single-AZ',
    {
      ...reservedTerm('RDSSKU', 'R1', { LeaseContractLength: '1yr', OfferingClass: 'standard', PurchaseOption: 'No Upfront' }, '0.0110000000'),
      ...reservedTerm('RDSSKU', 'R2', { LeaseContractLength: '3yr', OfferingClass: 'standard', PurchaseOption: 'All Upfront' }, '0.0000000000', '180'),
    },
  );
  withReserved(products, (i) => i.product.productFamily === 'Cache Instance' && i.product.attributes.instanceType === 'cache.t4g.micro' && i.product.attributes.cacheEngine === 'Redis', {
    ...reservedTerm('ECSKU', 'R1', { LeaseContractLength: '1yr', PurchaseOption: 'Partial Upfront' }, '0.0050000000', '40'),
    ...reservedTerm('ECSKU', 'R2', { LeaseContractLength: '3yr', PurchaseOption: 'Heavy Utilization' }, '0.0030000000', '60'),
  });
  withReserved(products, (i) => i.product.attributes.usagetype === 'BoxUsage:c5.large', {
    ...reservedTerm('C5SKU', 'R1', { LeaseContractLength: '3yr', OfferingClass: 'convertible', PurchaseOption: 'Partial Upfront' }, '0.0300000000', '700'),
  });
  const server = await serve(products);
  const dir = outDir;
  const result = await refreshPriceSnapshot({ region: 'us-east-1', outDir: dir, client: clientFor(server), now: () => NOW, sleep: async () => {}, random: () => 0.5, ...extra });
  return { ...result, dir };
}

/** The written file passes the hand validator (loadPriceBook) and the JSON schema. */
function validates(path: string) {
  expect(() => loadPriceBook({ file: path, region: 'us-east-1' })).not.toThrow();
  expect(schemaValidate(JSON.parse(readFileSync(path, 'utf8'))), JSON.stringify(schemaValidate.errors)).toBe(true);
}

describe('refresh with commitments', () => {
  it('reads RDS and ElastiCache standard reserved terms onto their class dimensions and EC2 RIs on every type', async () => {
    const { path, content } = await refresh({});
    validates(path);
    const dim = (key: string) => content.prices.find((p) => p.key === key);
    expect(dim('rds/postgresql/db.t4g.micro/single-az')?.reserved).toEqual([
      { term: '1yr', offeringClass: 'standard', paymentOption: 'No Upfront', hourlyUsd: '0.011', upfrontUsd: '0', source: 'aws-price-list-AmazonRDS', sku: expect.any(String) },
      { term: '3yr', offeringClass: 'standard', paymentOption: 'All Upfront', hourlyUsd: '0', upfrontUsd: '180', source: 'aws-price-list-AmazonRDS', sku: expect.any(String) },
    ]);
    // No OfferingClass in the term: ElastiCache reservations are standard. The legacy "Heavy Utilization" option is left out.
    expect(dim('elasticache/redis/cache.t4g.micro')?.reserved).toEqual([
      { term: '1yr', offeringClass: 'standard', paymentOption: 'Partial Upfront', hourlyUsd: '0.005', upfrontUsd: '40', source: 'aws-price-list-AmazonElastiCache', sku: expect.any(String) },
    ]);
    expect(dim('rds/postgresql/db.t4g.small/single-az')?.reserved).toBeUndefined();
    expect(content.ec2.instances['c5.large']!.reserved).toEqual([
      { term: '3yr', offeringClass: 'convertible', paymentOption: 'Partial Upfront', hourlyUsd: '0.03', upfrontUsd: '700', source: 'aws-price-list-AmazonEC2', sku: expect.any(String) },
    ]);
    expect(content.ec2.instances['m5.large']!.reserved).toHaveLength(12);
    // Without the optional steps, Savings Plans and Spot are missing with their reasons.
    const missing = new Map(content.missing.map((m) => [m.key, m.reason]));
    expect(missing.get('ec2/savings-plans')).toMatch(/offer files were not read/);
    expect(missing.get('fargate/savings-plans')).toMatch(/offer files were not read/);
    expect(missing.get('ec2/spot')).toMatch(/did not call DescribeSpotPriceHistory/);
    expect(Object.values(content.ec2.instances).some((r) => r.savingsPlans || r.spot)).toBe(false);
  });

  it('adds Savings Plans rates and Spot history from the steps, with dated vendor-api sources, and lists what they lack', async () => {
    const ec2 = await startFakeEc2Server([
      { instanceType: 'm5.large', availabilityZone: 'us-east-1a', spotPrice: '0.0410', timestamp: '2026-11-20T00:00:00Z' },
      { instanceType: 'm5.large', availabilityZone: 'us-east-1b', spotPrice: '0.0390', timestamp: '2026-11-22T00:00:00Z' },
    ]);
    const ec2Client = createEc2Client({ region: 'us-east-1', endpoint: ec2.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    onCleanup(() => ec2.close());
    onCleanup(() => ec2Client.destroy());
    const { path, content, report } = await refresh({ savingsPlans: savingsPlansStep, spot: describeSpotPriceHistoryStep({ client: ec2Client }) });
    validates(path);
    expect([report.savingsPlanInstanceTypes, report.spotInstanceTypes]).toEqual([2, 1]);
    const m5 = content.ec2.instances['m5.large']!;
    expect(m5.savingsPlans?.map((r) => `${r.plan} ${r.term} ${r.paymentOption} ${r.usd}`)).toEqual(['compute 1yr No Upfront 0.07', 'ec2-instance 3yr All Upfront 0.04']);
    expect(content.ec2.instances['t3.medium']!.savingsPlans?.map((r) => r.usd)).toEqual(['0.03']);
    expect(content.prices.find((p) => p.key === 'fargate/linux-x86/vcpu-hours')?.savingsPlans?.map((r) => r.usd)).toEqual(['0.033']);
    expect(m5.spot).toMatchObject({ medianUsd: '0.039', p90Usd: '0.041', from: '2026-11-24T10:00:00Z', to: '2026-12-01T10:00:00Z' });
    expect(Object.keys(m5.spot!.byAz)).toEqual(['us-east-1a', 'us-east-1b']);
    expect(content.sources['aws-price-list-savings-plans']).toMatchObject({ confidence: 'vendor-api', asOf: '2026-11-20' });
    expect(content.sources['aws-ec2-spot-price-history']).toMatchObject({ confidence: 'vendor-api', asOf: '2026-12-01' });
    const missing = new Map(content.missing.map((m) => [m.key, m.reason]));
    expect(missing.has('ec2/savings-plans')).toBe(false);
    expect(missing.has('ec2/spot')).toBe(false);
    const types = Object.keys(content.ec2.instances).length;
    expect(missing.get(`ec2/savings-plans (${(types - 2).toLocaleString('en-US')} types)`)).toMatch(/^no Linux\/UNIX shared-tenancy rate/);
    expect(missing.get(`ec2/spot (${(types - 1).toLocaleString('en-US')} types)`)).toMatch(/^no Linux\/UNIX Spot price history/);
    expect(missing.get('fargate/linux-x86/gb-hours/savings-plans')).toMatch(/no Compute Savings Plans rate/);
    // Spot was asked for every catalog type.
    const asked = new Set(ec2.requests.flatMap((f) => [...f.keys()].filter((k) => k.startsWith('InstanceType.')).map((k) => f.get(k))));
    expect(asked.size).toBe(types);
  });

  it('records the reason when the Spot step finds no credentials', async () => {
    const noCredentials = createEc2Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      },
    });
    onCleanup(() => noCredentials.destroy());
    const { content } = await refresh({ spot: describeSpotPriceHistoryStep({ client: noCredentials }) });
    expect(content.missing.find((m) => m.key === 'ec2/spot')?.reason).toMatch(/^no AWS credentials found, so Spot stays unpriced/);
  });

  it('fails as cancelled, leaving the previous snapshot intact, when cancelled during the Spot step', async () => {
    const prev = dirWithPreviousSnapshot(embedded);
    const controller = new AbortController();
    const hangingSpot: RefreshOptions['spot'] = ({ signal }) =>
      new Promise((_, reject) => {
        signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        controller.abort();
      });
    const error = await refreshError(refresh({ spot: hangingSpot, signal: controller.signal }, prev.dir));
    expect(error.code).toBe('ABORTED');
    expectUntouched(prev);
  });
});
