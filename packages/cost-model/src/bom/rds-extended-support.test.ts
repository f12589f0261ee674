import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../pricing/price-book.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { extendedSupportOn, rdsMajorVersion } from './rds-extended-support.js';

const embedded = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

/** The embedded book with a made-up calendar row (test data, not a fact): standard support ends 2030-06-30, billed from 2030-08-01. */
function bookWithSyntheticVersion() {
  return createPriceBook(
    {
      region: embedded.region,
      currency: 'USD',
      generatedAt: embedded.generatedAt,
      generator: embedded.generator,
      sources: { ...embedded.sources, synthetic: { title: 'test calendar', ref: 'test', asOf: '2030-01-01', confidence: 'vendor-data' } },
      ec2: { priceSource: embedded.ec2Sources.price, specSource: embedded.ec2Sources.spec, podsSource: embedded.ec2Sources.pods, instances: {}, dropped: {} },
      prices: embedded.dimensions,
      allowances: embedded.allowances,
      rdsEngineVersions: [{ engine: 'postgresql', version: '20', endOfStandardSupport: '2030-06-30', chargesFrom: '2030-08-01', endOfExtendedSupport: '2033-06-30', source: 'synthetic' }],
      missing: embedded.missing,
    },
    embedded.origin,
  );
}

describe('RDS Extended Support on a date', () => {
  it('reads the major version as RDS names it', () => {
    expect(rdsMajorVersion('postgresql', '12.22')).toBe('12');
    expect(rdsMajorVersion('postgresql', '9.6.24')).toBe('9.6');
    expect(rdsMajorVersion('mysql', '5.7.44')).toBe('5.7');
    expect(rdsMajorVersion('mysql', '8.0')).toBe('8.0');
  });

  it('the embedded calendar: PostgreSQL 12 bills year 1 from 2025-03-01 and year 2 from 2026-03-01; MySQL 5.7 year 3 from 2026-03-01', () => {
    expect(extendedSupportOn(embedded, 'postgresql', '12', '2025-02-28').status).toBe('standard');
    expect(extendedSupportOn(embedded, 'postgresql', '12.22', '2025-03-01')).toMatchObject({ status: 'extended', year: 1 });
    expect(extendedSupportOn(embedded, 'postgresql', '12', '2026-03-01')).toMatchObject({ status: 'extended', year: 2 });
    expect(extendedSupportOn(embedded, 'mysql', '5.7.44', '2026-02-28')).toMatchObject({ status: 'extended', year: 2 });
    expect(extendedSupportOn(embedded, 'mysql', '5.7.44', '2026-03-01')).toMatchObject({ status: 'extended', year: 3 });
    // PostgreSQL 11: in Extended Support from 2024-03-01, billed from 2024-04-01 (AWS deferred it).
    expect(extendedSupportOn(embedded, 'postgresql', '11', '2024-03-15').status).toBe('not-yet-billed');
    expect(extendedSupportOn(embedded, 'postgresql', '11', '2024-04-01')).toMatchObject({ status: 'extended', year: 1 });
    expect(extendedSupportOn(embedded, 'postgresql', '16', '2026-12-01')).toEqual({ status: 'unknown', major: '16' });
  });

  it('for all dates the year never goes back, starts after the end of standard support and ends with Extended Support', () => {
    const book = bookWithSyntheticVersion();
    const day = fc.integer({ min: Date.UTC(2029, 0, 1), max: Date.UTC(2034, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
    const rank = (s: ReturnType<typeof extendedSupportOn>) => (s.status === 'standard' ? 0 : s.status === 'not-yet-billed' ? 0.5 : s.status === 'extended' ? s.year : 4);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const x = extendedSupportOn(book, 'postgresql', '20', early);
        const y = extendedSupportOn(book, 'postgresql', '20', late);
        expect(rank(y)).toBeGreaterThanOrEqual(rank(x));
        expect(x.status === 'standard').toBe(early <= '2030-06-30');
        expect(x.status === 'not-yet-billed').toBe(early > '2030-06-30' && early < '2030-08-01');
        expect(x.status === 'ended').toBe(early > '2033-06-30');
        if (x.status === 'extended') expect(x.year).toBe(early < '2031-07-01' ? 1 : early < '2032-07-01' ? 2 : 3);
      }),
    );
  });
});
