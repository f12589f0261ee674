import { describe, expect, it } from 'vitest';
import { dec, sum } from '../cost/money.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { compareSeedUnitPrices } from './compare-seed-unit-prices.js';
import { seedLadderAtTodaysPrices } from './seed-ladder-today.js';

const book = loadPriceBook({ region: 'us-east-1' });
const ladder = seedLadderAtTodaysPrices(book);

describe('seedLadderAtTodaysPrices', () => {
  it('prices every seed row over a 730-hour month', () => {
    expect(ladder.hoursPerMonth).toBe(730);
    expect(ladder.rows.map((r) => r.users)).toEqual([1, 10, 100, 1000, 10000]);
    for (const r of ladder.rows) {
      expect(r.bom.hoursPerMonth).toBe(730);
      expect(r.complete).toBe(true);
      const hourly = r.lineItems.filter((l) => l.unit === 'hours');
      expect(hourly.map((l) => l.service)).toEqual(['EKS', 'EC2']);
      const nodes = r.bom.resources.find((x) => x.type === 'ec2_instance') as { count: number };
      expect(hourly[0]!.quantity.toString()).toBe('730');
      expect(hourly[1]!.quantity.eq(730 * nodes.count)).toBe(true);
    }
  });

  it('totals are the exact sum of their line items', () => {
    for (const r of ladder.rows) {
      expect(r.total.eq(sum(r.lineItems.map((l) => l.monthly!)))).toBe(true);
      for (const l of r.lineItems) expect(l.monthly!.eq(l.quantity.times(l.unitPrice!))).toBe(true);
    }
  });

  it('keeps the seed\'s quantities and uses gp3, S3 Standard and the 2026 Linux 2-core rate with GitHub Free\'s minutes', () => {
    const big = ladder.rows.at(-1)!;
    const by = (service: string) => big.lineItems.find((l) => l.service === service)!;
    expect(by('EBS').component).toBe('Storage (gp3)');
    expect(by('EBS').quantity.toString()).toBe('400');
    expect(by('S3').component).toBe('Storage (S3 Standard)');
    expect(by('S3').quantity.toString()).toBe('1000');
    expect(by('GitHub Actions').price).toEqual({ kind: 'dimension', key: 'github-actions/runner/linux_2_core' });
    expect(by('GitHub Actions').quantity.toString()).toBe('6000'); // 8,000 min less GitHub Free's 2,000 included
    expect(ladder.rows[2]!.lineItems.find((l) => l.service === 'GitHub Actions')!.quantity.toString()).toBe('0');
  });

  it('matches the book: each line is quantity × the book\'s own unit price', () => {
    const first = ladder.rows[0]!;
    const ec2 = first.lineItems.find((l) => l.service === 'EC2')!;
    expect(ec2.unitPrice!.eq(dec(book.instanceType('t3.small')!.onDemandUsd))).toBe(true);
    const ebs = first.lineItems.find((l) => l.service === 'EBS')!;
    expect(ebs.unitPrice!.eq(dec(book.price('ebs/gp3/storage')!.usd!))).toBe(true);
  });
});

describe('compareSeedUnitPrices', () => {
  const findings = compareSeedUnitPrices(book);

  it('lists the seed unit prices that differ from the price book, one line each', () => {
    const gp3 = book.price('ebs/gp3/storage')!.usd!;
    const s3 = book.price('s3/standard/storage')!.tiers![0]!.usd;
    const gha = book.price('github-actions/runner/linux_2_core')!.usd!;
    expect(findings.filter((f) => f.differs).map((f) => f.message)).toEqual([
      `S3 is priced at $0.01/GB-month (implied by the seed's cells), but S3 Standard's first tier is $${s3}/GB-month in the price book`,
      `EBS is labelled gp3 but $0.125/GB-month is not the gp3 price in the price book ($${gp3}); it is the book's io1/io2 storage price`,
      `GitHub Actions: $0.008/min was the rate before 2026-01-01; the price book's Linux 2-core rate from 2026-01-01 is $${gha}/min`,
    ]);
  });

  it('agrees where the seed quotes today\'s price', () => {
    expect(findings.filter((f) => !f.differs).map((f) => f.item)).toEqual(['EKS control plane', 'EC2 t3.small (on-demand, Linux)', 'ECR storage']);
  });
});
