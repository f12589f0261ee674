import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan, resources, specOf } from '../testing/plans.js';
import { synthesize } from '../stacks/build-app.js';
import { bucketPrefix, S3_BUCKET_PREFIX_MAX, shortName } from './names.js';

const planNames = fc.oneof(fc.string({ maxLength: 120 }), fc.stringMatching(/^[a-z0-9-]{1,90}$/), fc.constantFrom('sthree-shop', 'amzn-s3-demo-x', 'xn--shop', '---', '0', 'Ünïcödé plan ✓'));

describe('bucket prefixes', () => {
  it('fit the provider limit of 37 and S3 naming rules for any plan name', () => {
    fc.assert(
      fc.property(planNames, fc.constantFrom('objects', 'logs'), (name, what) => {
        const prefix = bucketPrefix(name, what);
        expect(prefix.length).toBeLessThanOrEqual(S3_BUCKET_PREFIX_MAX);
        expect(prefix).toMatch(/^[a-z][a-z0-9-]*-$/);
        expect(prefix).not.toMatch(/^(xn--|sthree-|amzn-s3-demo-)|--/);
        expect(prefix.endsWith(`-${what}-`)).toBe(true);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('keep two long plan names apart (a hash of the whole name)', () => {
    const a = bucketPrefix('microservices-mysql-1000000-users', 'objects');
    const b = bucketPrefix('microservices-mysql-1000001-users', 'objects');
    expect(a).not.toBe(b);
    expect(shortName('microservices-mysql-1000000-users', 28)).toHaveLength(28);
  });

  it('every default plan name synthesizes a bucket_prefix within the limit', () => {
    for (const profile of ['microservices-mysql', 'nextjs-nestjs-postgres', 'trading-k8s-self-managed']) {
      const tf = synthesize(specOf(plan(1_000_000, profile)));
      for (const bucket of resources(tf, 'aws_s3_bucket')) expect(String(bucket.bucket_prefix).length).toBeLessThanOrEqual(S3_BUCKET_PREFIX_MAX);
    }
  });
});
