import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PricingError } from '../pricing/pricing-error.js';
import { snapshotDigest } from '../pricing/snapshot-digest.js';
import type { SnapshotContent } from '../pricing/snapshot-types.js';
import { loadPriceBook, readBook } from './load-price-book.js';
import { embeddedSnapshotDir, snapshotPath } from './snapshot-locations.js';

const embeddedFile = () => snapshotPath(embeddedSnapshotDir(), 'us-east-1');
const tempDir = () => mkdtempSync(join(tmpdir(), 'tp-load-'));

function loadError(fn: () => unknown): PricingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PricingError) return e;
    throw e;
  }
  throw new Error('expected a PricingError');
}

describe('loadPriceBook (embedded us-east-1 snapshot)', () => {
  const book = loadPriceBook({ region: 'us-east-1' });

  it('has t3.small at 0.0208 USD/h with 2 vCPU, 2048 MiB and 11 max pods', () => {
    const t3 = book.instanceType('t3.small');
    expect(t3).toMatchObject({ onDemandUsd: '0.0208', vcpu: 2, memoryMiB: 2048, maxPods: 11, arch: 'x86_64', burstable: true });
  });

  it('has the EKS, gp3 and NAT unit prices', () => {
    expect(book.price('eks/cluster/standard-support')).toMatchObject({ usd: '0.1', unit: 'hours' });
    expect(book.price('eks/cluster/extended-support')?.usd).toBe('0.6');
    expect(book.price('ebs/gp3/storage')).toMatchObject({ usd: '0.08', unit: 'GB-months' });
    expect(book.price('vpc/nat-gateway/hours')?.usd).toBe('0.045');
  });

  it('takes max pods from the default network card, not from all ENIs', () => {
    // p5.48xlarge has many network cards: counting all ENIs would overstate pods many times over.
    const p5 = book.instanceType('p5.48xlarge');
    expect(p5?.maxPods).toBe(p5 && p5.enis! * (p5.ipv4PerEni! - 1) + 2);
    expect(p5?.maxPods).toBeLessThan(200);
  });

  it('covers every service the model prices, each with a known source and date', () => {
    for (const service of ['EKS', 'EBS', 'S3', 'ECR', 'VPC', 'ELB', 'Data Transfer', 'RDS', 'ElastiCache', 'MSK', 'Fargate', 'CloudWatch', 'Secrets Manager', 'Route 53', 'GitHub Actions']) {
      expect(book.dimensions.some((d) => d.service === service), service).toBe(true);
    }
    for (const d of book.dimensions) expect(book.source(d.source)?.asOf, d.key).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  });

  it('keeps tiered S3 and data-transfer prices in order', () => {
    expect(book.price('s3/standard/storage')?.tiers?.map((t) => t.usd)).toEqual(['0.023', '0.022', '0.021']);
    expect(book.price('data-transfer/internet-out')?.tiers?.at(-1)).toEqual({ upTo: null, usd: '0.05' });
    expect(book.allowance('data-transfer/internet-out/free-gb')?.quantity).toBe(100);
  });

  it('stores Single-AZ and Multi-AZ RDS prices as listed, never one derived from the other', () => {
    expect(book.price('rds/mysql/db.t4g.small/single-az')?.usd).toBe('0.032');
    expect(book.price('rds/mysql/db.t4g.small/multi-az')?.usd).toBe('0.065');
  });

  it('has the GitHub Actions 2026 schedule and plan minutes', () => {
    expect(book.price('github-actions/runner/linux_2_core')?.usd).toBe('0.006');
    expect(book.price('github-actions/runner/windows_2_core')?.usd).toBe('0.01');
    expect(book.price('github-actions/runner/macos')?.usd).toBe('0.062');
    expect(book.allowance('github-actions/included-minutes/enterprise_cloud')?.quantity).toBe(50_000);
  });

  it('answers undefined, not zero, for what it does not have', () => {
    expect(book.price('ec2/spot/m5.large')).toBeUndefined();
    expect(book.instanceType('m99.huge')).toBeUndefined();
    expect(book.instanceType('t3.small')?.reserved).toBeUndefined();
    expect(book.instanceType('t3.medium')?.reserved?.length).toBe(4);
  });

  it('counts the instance types it dropped', () => {
    expect(book.droppedInstanceTypes['priced but no spec row (mostly 2026 families)']).toBe(266);
  });
});

describe('loadPriceBook errors', () => {
  it('lists the available regions and how to fetch one for an unknown region', () => {
    const e = loadError(() => loadPriceBook({ region: 'eu-west-1', embeddedOnly: true }));
    expect(e.code).toBe('UNKNOWN_REGION');
    expect(e.message).toContain('available: us-east-1');
    expect(e.message).toContain('tier-planner pricing refresh --region eu-west-1');
    expect(e.message).not.toContain('\n');
  });

  it('detects a truncated snapshot', () => {
    const dir = tempDir();
    const text = readFileSync(embeddedFile(), 'utf8');
    writeFileSync(snapshotPath(dir, 'us-east-1'), text.slice(0, text.length / 2));
    const e = loadError(() => loadPriceBook({ dir }));
    expect(e.code).toBe('CORRUPT_SNAPSHOT');
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('detects a hand-edited price through the digest', () => {
    const dir = tempDir();
    const text = readFileSync(embeddedFile(), 'utf8').replace('"onDemandUsd":"0.0208"', '"onDemandUsd":"0.0108"');
    writeFileSync(snapshotPath(dir, 'us-east-1'), text);
    const e = loadError(() => loadPriceBook({ dir }));
    expect(e.code).toBe('CORRUPT_SNAPSHOT');
    expect(e.message).toMatch(/digest mismatch/);
  });

  it('reports a missing file or folder', () => {
    expect(loadError(() => loadPriceBook({ file: '/nonexistent/us-east-1.json' })).code).toBe('MISSING_FILE');
    expect(loadError(() => loadPriceBook({ dir: '/nonexistent-dir' })).code).toBe('MISSING_FILE');
  });

  it('refuses a snapshot of another region under the wrong name', () => {
    const dir = tempDir();
    copyFileSync(embeddedFile(), snapshotPath(dir, 'eu-west-1'));
    expect(loadError(() => loadPriceBook({ dir, region: 'eu-west-1' })).code).toBe('INVALID_SNAPSHOT');
  });

  it('refuses a future schema version', () => {
    const dir = tempDir();
    const text = readFileSync(embeddedFile(), 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 2');
    writeFileSync(snapshotPath(dir, 'us-east-1'), text);
    expect(loadError(() => loadPriceBook({ dir })).code).toBe('UNSUPPORTED_SCHEMA');
  });

  it('prefers a refreshed snapshot in the user folder over the embedded one', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    copyFileSync(embeddedFile(), snapshotPath(dir, 'us-east-1'));
    const previous = process.env.TIER_PLANNER_PRICING_DIR;
    process.env.TIER_PLANNER_PRICING_DIR = dir;
    try {
      expect(loadPriceBook().origin.kind).toBe('user');
      expect(loadPriceBook({ embeddedOnly: true }).origin.kind).toBe('embedded');
    } finally {
      process.env.TIER_PLANNER_PRICING_DIR = previous;
    }
  });
});

describe('readBook and the files a build verified', () => {
  /** The embedded snapshot with one structural problem and a digest that still matches it. */
  function validDigestBadContent(): { path: string; sha: string } {
    const file = JSON.parse(readFileSync(embeddedFile(), 'utf8')) as { snapshot: Record<string, unknown>; digest: string };
    file.snapshot.currency = 'EUR';
    file.digest = snapshotDigest(file.snapshot as unknown as SnapshotContent);
    const path = snapshotPath(tempDir(), 'us-east-1');
    writeFileSync(path, JSON.stringify(file));
    return { path, sha: createHash('sha256').update(readFileSync(path)).digest('hex') };
  }

  it('validates a file whose bytes no build verified, even when its digest matches', () => {
    const { path } = validDigestBadContent();
    expect(loadError(() => readBook(path, 'user', 'us-east-1', [])).message).toMatch(/currency: only USD/);
  });

  it('skips the checks only for the exact bytes verified: an edited copy is validated', () => {
    const { path, sha } = validDigestBadContent();
    const embeddedSha = createHash('sha256').update(readFileSync(embeddedFile())).digest('hex');
    expect(loadError(() => readBook(path, 'user', 'us-east-1', [embeddedSha])).message).toMatch(/currency: only USD/);
    // The same bytes listed as verified load without the checks (what a build vouches for).
    expect(readBook(path, 'user', 'us-east-1', [sha]).currency).toBe('EUR');
  });

  it('a verified file still has to be of the region asked for', () => {
    const embeddedSha = createHash('sha256').update(readFileSync(embeddedFile())).digest('hex');
    expect(loadError(() => readBook(embeddedFile(), 'embedded', 'eu-west-1', [embeddedSha])).code).toBe('INVALID_SNAPSHOT');
    expect(readBook(embeddedFile(), 'embedded', 'us-east-1', [embeddedSha]).origin.digest).toMatch(/^sha256:/);
  });
});
