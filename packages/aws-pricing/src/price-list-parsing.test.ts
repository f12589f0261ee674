import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, normalizeDecimal, shiftDecimal, subtractDecimals } from './decimal.js';
import { priceListEndpointRegion } from './endpoint-region.js';
import { baseUsageType, parsePriceListItem } from './price-list-item.js';
import { RefreshError } from './refresh-error.js';
import { architectureOf, memoryMiBOf } from './services/ec2.js';
import { realM5LargeItem } from './testing/fixture-items.js';

describe('decimal strings', () => {
  it('normalizes Price List prices without floats', () => {
    expect(normalizeDecimal('0.0960000000')).toBe('0.096');
    expect(normalizeDecimal('294')).toBe('294');
    expect(normalizeDecimal('0.0000000000')).toBe('0');
    expect(normalizeDecimal('0.0000000034')).toBe('0.0000000034');
    expect(normalizeDecimal('007.50')).toBe('7.5');
    expect(() => normalizeDecimal('4.5e-2')).toThrow();
    expect(() => normalizeDecimal('-1')).toThrow();
  });

  it('shifts units exactly', () => {
    expect(shiftDecimal('0.000005', 3)).toBe('0.005'); // per request → per 1k
    expect(shiftDecimal('0.0000004', 6)).toBe('0.4'); // per query → per 1M
    expect(shiftDecimal('1000', 6)).toBe('1000000000');
    expect(shiftDecimal('1000000000', -6)).toBe('1000');
    expect(addDecimals('0.1', '0.5')).toBe('0.6');
    expect(subtractDecimals('0.6', '0.1')).toBe('0.5');
  });

  it('round-trips any decimal through a shift and back, and subtraction undoes addition', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, scale]) => normalizeDecimal(scale === 0 ? digits.toString() : `${digits / 10n ** BigInt(scale)}.${(digits % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`));
    fc.assert(
      fc.property(decimal, fc.integer({ min: -9, max: 9 }), (d, places) => {
        expect(shiftDecimal(shiftDecimal(d, places), -places)).toBe(d);
        expect(normalizeDecimal(d)).toBe(d);
      }),
    );
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(subtractDecimals(addDecimals(a, b), b)).toBe(a);
      }),
    );
  });
});

describe('Price List items', () => {
  it('parses the real m5.large item', () => {
    const item = parsePriceListItem(JSON.stringify(realM5LargeItem()), 'AmazonEC2');
    expect(item.sku).toBe('6C86BEPQVG73ZGGR');
    expect(item.productFamily).toBe('Compute Instance');
    expect(item.onDemand[0]!.dimensions).toEqual([
      expect.objectContaining({ unit: 'Hrs', usd: '0.096', beginRange: '0', endRange: 'Inf' }),
    ]);
    expect(item.reserved).toHaveLength(12);
    expect(item.publishedOn).toBe('2021-02-05');
    expect(memoryMiBOf(item.attributes.memory)).toBe(8192);
    expect(architectureOf(item.attributes)).toBe('x86_64');
  });

  it('names the SKU of a malformed item', () => {
    const item = realM5LargeItem();
    (item.terms as { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: unknown } }> }> }).OnDemand[
      '6C86BEPQVG73ZGGR.JRTCKXETXF'
    ]!.priceDimensions['6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7']!.pricePerUnit.USD = 'N/A';
    expect(() => parsePriceListItem(JSON.stringify(item), 'AmazonEC2')).toThrow(/SKU 6C86BEPQVG73ZGGR .*"N\/A"/);
    expect(() => parsePriceListItem('{"product":', 'AmazonEC2')).toThrow(RefreshError);
    expect(() => parsePriceListItem('{"product":{"attributes":{}}}', 'AmazonEC2')).toThrow(/no product.sku/);
  });

  it('strips region prefixes from usage types, and only those', () => {
    expect(baseUsageType('USE1-AmazonEKS-Hours:perCluster')).toBe('AmazonEKS-Hours:perCluster');
    expect(baseUsageType('EU-LCUUsage')).toBe('LCUUsage');
    expect(baseUsageType('us-east-1-KMS-Keys')).toBe('KMS-Keys');
    expect(baseUsageType('APS1-Kafka.m7g.large')).toBe('Kafka.m7g.large');
    expect(baseUsageType('BoxUsage:m5.large')).toBe('BoxUsage:m5.large');
    expect(baseUsageType('DNS-Queries')).toBe('DNS-Queries');
    expect(baseUsageType('TS-LoadBalancerUsage')).toBe('TS-LoadBalancerUsage');
    expect(baseUsageType('CAN1-TS-LoadBalancerUsage')).toBe('TS-LoadBalancerUsage');
  });

  it('reads EC2 specs', () => {
    expect(memoryMiBOf('0.5 GiB')).toBe(512);
    expect(memoryMiBOf('1,952 GiB')).toBe(1998848);
    expect(memoryMiBOf('NA')).toBeUndefined();
    expect(architectureOf({ physicalProcessor: 'AWS Graviton2 Processor', processorArchitecture: '64-bit' })).toBe('arm64');
  });
});

describe('Price List endpoint region', () => {
  it('picks the nearest of the three endpoints', () => {
    expect(priceListEndpointRegion('us-west-2')).toBe('us-east-1');
    expect(priceListEndpointRegion('sa-east-1')).toBe('us-east-1');
    expect(priceListEndpointRegion('eu-west-1')).toBe('eu-central-1');
    expect(priceListEndpointRegion('me-south-1')).toBe('eu-central-1');
    expect(priceListEndpointRegion('af-south-1')).toBe('eu-central-1');
    expect(priceListEndpointRegion('ap-northeast-1')).toBe('ap-south-1');
  });
});
