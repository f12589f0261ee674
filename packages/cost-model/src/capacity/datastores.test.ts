import { describe, expect, it } from 'vitest';
import type { RdsSpec } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { PlanningError } from './capacity-types.js';
import { inClassFamilies } from './managed-classes.js';
import { planRds, readReplicasFor, type RdsInput } from './rds-plan.js';

const book = loadPriceBook({ region: 'us-east-1' });
const hourly = (key: string) => Number(book.price(key)!.usd);

const rds: RdsSpec = {
  engine: 'postgresql',
  memoryGiBBase: 1,
  memoryGiBPerMillionUsers: 8,
  classFamilies: ['db.t4g', 'db.m7g', 'db.r7g', 'db.r6g'],
  readReplicas: [
    { fromUsers: 100_000, replicas: 1 },
    { fromUsers: 1_000_000, replicas: 2 },
  ],
  minStorageGb: 20,
};

/** No load: memory alone sizes the class. */
const idle = (users: number, ha: boolean): RdsInput => ({ users, ha, peakRps: 0, averageRps: 0, databaseGb: 0, replicas: [] });

describe('RDS', () => {
  it('needs base + per-million memory and picks the cheapest allowed class with that much', () => {
    const plan = planRds(rds, book, idle(1_000_000, false));
    expect(plan.memoryGiBNeeded).toBe(9);
    const candidates = book.dimensions.filter(
      (d) => /^rds\/postgresql\/db\.(t4g|m7g|r7g|r6g)\.[a-z0-9]+\/single-az$/.test(d.key) && d.spec!.memoryGiB >= 9,
    );
    const cheapest = Math.min(...candidates.map((d) => Number(d.usd)));
    expect(hourly(`rds/postgresql/${plan.instanceClass}/single-az`)).toBe(cheapest);
    expect(plan.deployment).toBe('single-az');
  });

  it('is Multi-AZ when HA', () => {
    const plan = planRds(rds, book, idle(10, true));
    expect(plan.deployment).toBe('multi-az');
    expect(book.price(`rds/postgresql/${plan.instanceClass}/multi-az`)).toBeDefined();
  });

  it('takes read replicas from the largest tier reached', () => {
    expect(readReplicasFor(rds, 99_999)).toBe(0);
    expect(readReplicasFor(rds, 100_000)).toBe(1);
    expect(readReplicasFor(rds, 5_000_000)).toBe(2);
    expect(planRds(rds, book, idle(2_000_000, true)).readReplicas).toBe(2);
  });

  it('plans the largest allowed class and says to scale out when no class has the memory', () => {
    const plan = planRds({ ...rds, classFamilies: ['db.t4g'] }, book, idle(10_000_000, false));
    expect(plan.instanceClass).toBe('db.t4g.large');
    expect(plan.scaleOut).toBe(true);
    expect(plan.warnings.join('\n')).toMatch(/one writer cannot carry this load.*working set needs 81 GiB against 8 GiB/);
  });

  it('fails with NO_CLASS_FITS when the book has no allowed class at all', () => {
    const attempt = () => planRds({ ...rds, classFamilies: ['db.x9'] }, book, idle(10, false));
    expect(attempt).toThrow(PlanningError);
    expect(attempt).toThrow(/no RDS postgresql single-az class in db\.x9/);
  });

  it('matches class families at the dot: db.m5 is not db.m5d', () => {
    expect(inClassFamilies('db.m5.large', ['db.m5'])).toBe(true);
    expect(inClassFamilies('db.m5d.large', ['db.m5'])).toBe(false);
    expect(inClassFamilies('db.t4g.micro', ['db.t4g'])).toBe(true);
  });
});
