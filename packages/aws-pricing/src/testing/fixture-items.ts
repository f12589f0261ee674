import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InstanceTypeRecord, PriceDimension, PriceTier, SnapshotContent } from '@tier-planner/cost-model';
import { shiftDecimal, subtractDecimals } from '../decimal.js';
import type { DimensionRule } from '../dimension-rule.js';
import { EC2_INSTANCE_FILTERS } from '../services/ec2.js';
import { SERVICES } from '../services/index.js';
import type { ServiceDefinition } from '../service-definition.js';
import type { FakeProduct } from './fake-price-list-server.js';

// Builds Price List items in the real GetProducts shape from a snapshot's own prices, by running
// the refresh's rules backwards. Nothing here invents a price: every figure comes from the
// snapshot (or from the real m5.large item).

const FREE_TIER_UNITS = '100';

/** The real m5.large PriceList item (see fixtures/README.md), with the regionCode today's API adds. */
export function realM5LargeItem(region = 'us-east-1'): Record<string, unknown> {
  const item = JSON.parse(readFileSync(new URL('./fixtures/price-list-item-ec2-m5.large.json', import.meta.url), 'utf8')) as {
    product: { attributes: Record<string, string> };
  };
  item.product.attributes.regionCode = region;
  return item as unknown as Record<string, unknown>;
}

export interface FixtureOptions {
  /** Use the real m5.large item instead of a generated one (default true). */
  readonly realM5Large?: boolean;
}

export function fixtureProductsFromSnapshot(snapshot: SnapshotContent, options: FixtureOptions = {}): FakeProduct[] {
  const region = snapshot.region;
  const published = snapshot.generatedAt;
  const products: FakeProduct[] = [];
  for (const [name, record] of Object.entries(snapshot.ec2.instances)) {
    if (name === 'm5.large' && options.realM5Large !== false) products.push({ serviceCode: 'AmazonEC2', item: realM5LargeItem(region) });
    else products.push({ serviceCode: 'AmazonEC2', item: instanceItem(name, record, region, published) });
  }
  const byKey = new Map(snapshot.prices.map((p) => [p.key, p]));
  for (const dim of snapshot.prices) {
    const owner = ownerOf(dim.key);
    if (!owner) continue;
    products.push({ serviceCode: owner.rule.match.serviceCode, item: dimensionItem(dim, owner.rule, owner.service, region, published, byKey) });
  }
  return products;
}

function ownerOf(key: string): { service: ServiceDefinition; rule: DimensionRule } | undefined {
  for (const service of SERVICES) {
    const rule = service.ruleFor(key);
    if (rule) return { service, rule };
  }
  return undefined;
}

export const fixtureSku = (seed: string): string => createHash('sha1').update(seed).digest('hex').slice(0, 16).toUpperCase();

/** Price List prices carry ten decimals ("0.0960000000"); the refresh must strip them. */
const apiPrice = (usd: string): string => {
  const [int, frac = ''] = usd.split('.');
  return frac.length >= 10 ? usd : `${int}.${frac.padEnd(10, '0')}`;
};

interface RawDimension {
  unit: string;
  usd: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
}

function term(sku: string, code: string, dims: RawDimension[], termAttributes: Record<string, string> = {}) {
  const priceDimensions: Record<string, unknown> = {};
  dims.forEach((d, i) => {
    const rateCode = `${sku}.${code}.${String(i).padStart(10, 'R')}`;
    priceDimensions[rateCode] = {
      unit: d.unit,
      ...(d.endRange !== undefined ? { endRange: d.endRange } : {}),
      description: d.description ?? `${d.usd} per ${d.unit}`,
      appliesTo: [],
      rateCode,
      ...(d.beginRange !== undefined ? { beginRange: d.beginRange } : {}),
      pricePerUnit: { USD: apiPrice(d.usd) },
    };
  });
  return { [`${sku}.${code}`]: { priceDimensions, sku, effectiveDate: '2026-01-01T00:00:00Z', offerTermCode: code, termAttributes } };
}

function instanceItem(name: string, r: InstanceTypeRecord, region: string, published: string) {
  const sku = fixtureSku(`ec2/${name}`);
  const reserved = Object.assign(
    {},
    ...(r.reserved ?? []).map((rate, i) =>
      term(
        sku,
        `RSV${i}`,
        [
          { unit: 'Hrs', usd: rate.hourlyUsd, beginRange: '0', endRange: 'Inf' },
          ...(rate.upfrontUsd === '0' ? [] : [{ unit: 'Quantity', usd: rate.upfrontUsd, description: 'Upfront Fee' }]),
        ],
        { LeaseContractLength: rate.term, OfferingClass: rate.offeringClass, PurchaseOption: rate.paymentOption },
      ),
    ),
  );
  return {
    product: {
      productFamily: r.bareMetal ? 'Compute Instance (bare metal)' : 'Compute Instance',
      attributes: {
        servicecode: 'AmazonEC2',
        regionCode: region,
        location: 'US East (N. Virginia)',
        instanceType: name,
        usagetype: `BoxUsage:${name}`,
        operation: 'RunInstances',
        vcpu: String(r.vcpu),
        memory: `${r.memoryMiB / 1024} GiB`,
        ...(r.gpus > 0 ? { gpu: String(r.gpus) } : {}),
        physicalProcessor: r.arch === 'arm64' ? 'AWS Graviton Processor' : 'Intel Xeon Family',
        processorArchitecture: '64-bit',
        ...EC2_INSTANCE_FILTERS,
      },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: term(sku, 'JRTCKXETXF', [{ unit: 'Hrs', usd: r.onDemandUsd, beginRange: '0', endRange: 'Inf' }]),
      ...(r.reserved ? { Reserved: reserved } : {}),
    },
    version: 'fixture',
    publicationDate: published,
  };
}

function dimensionItem(dim: PriceDimension, rule: DimensionRule, service: ServiceDefinition, region: string, published: string, byKey: Map<string, PriceDimension>) {
  const sku = fixtureSku(dim.key);
  const m = rule.match;
  const attributes: Record<string, string> = {
    servicecode: m.serviceCode,
    ...service.regionAttributes(region),
    ...(m.usagetype ? { usagetype: m.usagetype } : {}),
    ...m.attributes,
    ...m.example,
    ...(dim.spec ? { vcpu: String(dim.spec.vcpu), memory: `${dim.spec.memoryGiB} GiB` } : {}),
  };
  // Region prefixes as the API writes them: none for EC2 in us-east-1, the region code for KMS, USE1- elsewhere.
  if (attributes.usagetype && m.serviceCode !== 'AmazonEC2') {
    attributes.usagetype = `${m.serviceCode === 'awskms' ? `${region}-` : 'USE1-'}${attributes.usagetype}`;
  }
  const power = rule.unitPower ?? 0;
  let tiers: PriceTier[] = dim.tiers ? [...dim.tiers] : [{ upTo: null, usd: dim.usd! }];
  if (rule.plusKey) tiers = [{ upTo: null, usd: subtractDecimals(dim.usd!, byKey.get(rule.plusKey)!.usd!) }];
  const dims: RawDimension[] = [];
  let begin = '0';
  if (rule.skipFreeTier) {
    dims.push({ unit: 'Units', usd: '0', beginRange: '0', endRange: FREE_TIER_UNITS });
    begin = FREE_TIER_UNITS;
  }
  for (const t of tiers) {
    const end = t.upTo === null ? 'Inf' : shiftDecimal(t.upTo, power);
    dims.push({ unit: 'Units', usd: shiftDecimal(t.usd, -power), beginRange: begin, endRange: end });
    begin = end;
  }
  return {
    product: { ...(m.productFamily ? { productFamily: m.productFamily } : {}), attributes, sku },
    serviceCode: m.serviceCode,
    terms: { OnDemand: term(sku, 'JRTCKXETXF', dims) },
    version: 'fixture',
    publicationDate: published,
  };
}
