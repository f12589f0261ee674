import { describe, expect, it } from 'vitest';
import { dec } from '../cost/money.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { compareSeed004 } from './compare-seed-004.js';
import { SEED_004_STACKS } from './seed-004-stacks.js';

const book = loadPriceBook({ region: 'us-east-1' });
const [ecs, k8s] = compareSeed004(book);
const line = (stack: typeof ecs, item: string) => stack!.lines.find((l) => l.item === item)!;
const list = (key: string, n = 1) => dec(book.price(key)!.usd!).times(730).times(n);

describe('seed 004 stacks as written, priced from the book', () => {
  it('keeps both stacks and every printed line, and checks the printed totals against their lines', () => {
    expect(SEED_004_STACKS.map((s) => [s.id, s.lines.length])).toEqual([['aws-ecs', 6], ['kubernetes-self-managed', 3]]);
    expect([ecs!.sumOfLines.low.toFixed(), ecs!.sumOfLines.high.toFixed()]).toEqual(['510', '720']);
    expect(ecs!.findings).toContain('the printed total $510.00–$720.00 is the sum of its lines');
    expect(ecs!.findings).toContain("Deployment Options Comparison prints $500.00–$700.00 for the same stack, against the breakdown's $510.00–$720.00");
  });

  it('RDS db.t3.medium Multi-AZ lists above "$60–80": the range is low, by the % of the list price', () => {
    const rds = line(ecs, 'RDS Multi-AZ');
    expect(rds.listUsd!.eq(list('rds/postgresql/db.t3.medium/multi-az'))).toBe(true);
    expect(rds.listUsd!.toFixed(2)).toBe('105.85');
    expect(rds.verdict).toBe('low');
    expect(rds.percentOff!.nearEnd.toFixed(1)).toBe(rds.listUsd!.minus(80).div(rds.listUsd!).times(100).toFixed(1));
    expect(rds.message).toMatch(/the range is low, its top 24\.4% and its bottom 43\.3% below the list price/);
  });

  it('MSK 3 × kafka.m5.large lists above "$300–400", and the broker class is a named assumption', () => {
    const msk = line(ecs, 'MSK');
    expect(msk.listUsd!.eq(list('msk/broker/kafka.m5.large', 3))).toBe(true);
    expect(msk.listUsd!.toFixed(2)).toBe('459.90');
    expect(msk.verdict).toBe('low');
    expect(msk.assumption).toMatch(/^tier-planner assumption: kafka\.m5\.large.*https:\/\/docs\.aws\.amazon\.com\/msk\//);
    expect(ecs!.findings.filter((f) => /range is low/.test(f)).map((f) => f.split(':')[0])).toEqual(['RDS Multi-AZ', 'MSK']);
  });

  it('prices only what a line states: no size, no price, and the reason instead of a zero', () => {
    for (const item of ['ECS Fargate', 'ElastiCache', 'Data transfer']) {
      const l = line(ecs, item);
      expect([l.verdict, l.listUsd, l.lineItems.length]).toEqual(['unpriced', undefined, 0]);
      expect(l.unpriced).toMatch(/^the seed gives no|^the seed gives \d/);
    }
    const alb = line(ecs, 'Load Balancer');
    expect(alb.lineItems.map((i) => i.unit)).toEqual(['hours']);
    expect(alb.verdict).toBe('floor-below');
    expect(alb.leftOut).toMatch(/LCU/);
  });

  it('self-managed Kubernetes: 3 × t3.medium on demand lists just above "$75–90"', () => {
    const nodes = line(k8s, 'Nodes');
    const t3 = dec(book.instanceType('t3.medium')!.onDemandUsd).times(730).times(3);
    expect(nodes.listUsd!.eq(t3)).toBe(true);
    expect(nodes.verdict).toBe(t3.gt(90) ? 'low' : 'within');
    expect(line(k8s, 'EBS storage').verdict).toBe('unpriced');
  });

  it('judges every priced line by where its list price falls against the printed range', () => {
    for (const l of [...ecs!.lines, ...k8s!.lines]) {
      if (!l.listUsd) continue;
      const expected = l.listUsd.gt(l.seedHigh) ? 'low' : l.listUsd.lt(l.seedLow) ? (l.leftOut ? 'floor-below' : 'high') : 'within';
      expect(l.verdict).toBe(expected);
    }
  });
});
