import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  PricingError,
  embeddedSnapshotDir,
  serializeSnapshot,
  snapshotPath,
  validateSnapshotFile,
  writeSnapshotAtomic,
  type SnapshotContent,
  type SnapshotFile,
} from '@tier-planner/cost-model';
import { buildSnapshot } from './build-snapshot.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const sharedData = resolve(here, '../../../../shared/data');
const committedPath = snapshotPath(embeddedSnapshotDir(), 'us-east-1');
const committedText = readFileSync(committedPath, 'utf8');
const committed = JSON.parse(committedText) as SnapshotFile;
const schema = JSON.parse(readFileSync(resolve(here, '../schema/price-snapshot.v1.schema.json'), 'utf8'));
const schemaValidate = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false }).compile(schema);

/** A deep copy of the committed file with one change applied and its digest refreshed. */
function mutated(change: (s: Record<string, any>) => void): unknown {
  const copy = structuredClone(committed) as unknown as { snapshot: Record<string, any> };
  change(copy.snapshot);
  const text = serializeSnapshot(copy.snapshot as unknown as SnapshotContent);
  return JSON.parse(text);
}

function handValidatorAccepts(data: unknown): boolean {
  try {
    validateSnapshotFile(data, 'test');
    return true;
  } catch (e) {
    if (e instanceof PricingError) return false;
    throw e;
  }
}

describe('the committed us-east-1 snapshot', () => {
  it('matches the JSON Schema', () => {
    expect(schemaValidate(committed), JSON.stringify(schemaValidate.errors)).toBe(true);
  });

  it('is written in the canonical layout (rebuilding the text from its content changes nothing)', () => {
    expect(serializeSnapshot(committed.snapshot)).toBe(committedText);
  });

  it.skipIf(!existsSync(sharedData))('is what pricing:build makes from the shared facts today', () => {
    const rebuilt = buildSnapshot(sharedData, committed.snapshot.generatedAt);
    expect(rebuilt).toEqual(committed.snapshot);
  });

  it('holds no Savings Plans or Spot figure and says, per option, that a refresh fills it', () => {
    const instances = Object.values(committed.snapshot.ec2.instances);
    expect(instances.some((r) => r.savingsPlans !== undefined || r.spot !== undefined)).toBe(false);
    expect(committed.snapshot.prices.some((p) => p.savingsPlans !== undefined || p.reserved !== undefined)).toBe(false);
    const missing = new Map(committed.snapshot.missing.map((m) => [m.key, m.reason]));
    for (const key of ['ec2/savings-plans', 'fargate/savings-plans', 'ec2/spot', 'rds/reserved', 'elasticache/reserved']) {
      expect(missing.get(key), key).toMatch(/not in the embedded snapshot; run `tier-planner pricing refresh --region us-east-1`/);
    }
    expect(missing.get('ec2/savings-plans')).toMatch(/^Savings Plans rates not in the embedded snapshot; run/);
  });
});

describe('the loader validator and the JSON Schema agree', () => {
  const cases: [string, (s: Record<string, any>) => void][] = [
    ['a price in exponent notation', (s) => (s.prices[0].usd = '1e-3')],
    ['a negative price', (s) => (s.ec2.instances['t3.small'].onDemandUsd = '-0.0208')],
    ['a zero vCPU count', (s) => (s.ec2.instances['t3.small'].vcpu = 0)],
    ['an unknown architecture', (s) => (s.ec2.instances['t3.small'].arch = 'sparc')],
    ['an unknown purchase option', (s) => (s.prices[0].purchaseOption = 'free')],
    ['both a flat price and tiers', (s) => (s.prices.find((p: any) => p.tiers).usd = '1')],
    ['an unknown confidence', (s) => (Object.values(s.sources)[0] as any).confidence = 'hearsay'],
    ['a fractional allowance', (s) => (s.allowances[0].quantity = 1.5)],
    ['a missing currency', (s) => delete s.currency],
    ['a Kubernetes version date that is not YYYY-MM-DD', (s) => (s.kubernetesVersions[0].endOfStandardSupport = 'November 26, 2024')],
    ['a Kubernetes version without a source', (s) => delete s.kubernetesVersions[0].source],
    ['a Kubernetes version that is not a minor version', (s) => (s.kubernetesVersions[0].version = '1.28.3')],
    ['an RDS engine version of an unknown engine', (s) => (s.rdsEngineVersions[0].engine = 'oracle')],
    ['an RDS Extended Support date that is not YYYY-MM-DD', (s) => (s.rdsEngineVersions[0].chargesFrom = 'March 1, 2024')],
    ['an RDS engine version without a source', (s) => delete s.rdsEngineVersions[0].source],
    ['an MSK broker with an unknown throughput basis', (s) => (s.prices.find((p: any) => p.spec?.broker).spec.broker.throughputBasis = 'hearsay')],
    ['an MSK broker sizing fact without a source', (s) => delete s.prices.find((p: any) => p.spec?.broker).spec.broker.source],
    ['an ElastiCache node with a zero baseline bandwidth', (s) => (s.prices.find((p: any) => p.spec?.cacheNode?.baselineGbps).spec.cacheNode.baselineGbps = 0)],
    ['a CPU baseline above 100%', (s) => (s.ec2.instances['t3.small'].burst.baselinePerVcpuPct = 120)],
    ['a CPU baseline without its source', (s) => delete s.ec2.instances['t3.small'].burst.source],
    ['an unknown previous-generation status', (s) => (s.ec2.instances['a1.large'].previousGeneration.status = 'old')],
  ];
  it.each(cases)('both reject %s', (_name, change) => {
    const data = mutated(change);
    expect(schemaValidate(data)).toBe(false);
    expect(handValidatorAccepts(data)).toBe(false);
  });

  it('the hand validator also refuses support dates out of order and an unknown calendar source', () => {
    expect(handValidatorAccepts(mutated((s) => (s.kubernetesVersions[0].endOfExtendedSupport = s.kubernetesVersions[0].endOfStandardSupport)))).toBe(false);
    expect(handValidatorAccepts(mutated((s) => (s.kubernetesVersions[0].source = 'hearsay')))).toBe(false);
  });

  it('the hand validator also refuses RDS Extended Support dates out of order', () => {
    expect(handValidatorAccepts(mutated((s) => (s.rdsEngineVersions[0].chargesFrom = s.rdsEngineVersions[0].endOfStandardSupport)))).toBe(false);
    expect(handValidatorAccepts(mutated((s) => (s.rdsEngineVersions[0].source = 'hearsay')))).toBe(false);
  });

  it('both accept a snapshot written before the calendar was kept', () => {
    const older = mutated((s) => {
      delete s.kubernetesVersions;
      delete s.rdsEngineVersions;
    });
    expect(schemaValidate(older)).toBe(true);
    expect(handValidatorAccepts(older)).toBe(true);
  });

  it('the hand validator also refuses a baseline or generation fact citing an unknown source', () => {
    expect(handValidatorAccepts(mutated((s) => (s.ec2.instances['t3.small'].burst.source = 'hearsay')))).toBe(false);
    expect(handValidatorAccepts(mutated((s) => (s.ec2.instances['a1.large'].previousGeneration.source = 'hearsay')))).toBe(false);
  });

  // Commitment and Spot rates are written by a refresh; the embedded snapshot may have none to mutate.
  const src = (s: Record<string, any>) => Object.keys(s.sources)[0];
  const sp = (s: Record<string, any>, over: Record<string, unknown> = {}) => ({ plan: 'compute', term: '1yr', paymentOption: 'No Upfront', usd: '0.05', source: src(s), ...over });
  const spot = (s: Record<string, any>, over: Record<string, unknown> = {}) => ({ medianUsd: '0.03', p90Usd: '0.04', byAz: { 'us-east-1a': { medianUsd: '0.03', p90Usd: '0.04' } }, from: '2026-11-24T00:00:00Z', to: '2026-12-01T00:00:00Z', source: src(s), ...over });
  const commitmentCases: [string, (s: Record<string, any>) => void][] = [
    ['a Savings Plans rate with an unknown plan', (s) => (s.ec2.instances['m5.large'].savingsPlans = [sp(s, { plan: 'sometimes' })])],
    ['a Savings Plans rate with a 2-year term', (s) => (s.ec2.instances['m5.large'].savingsPlans = [sp(s, { term: '2yr' })])],
    ['a Savings Plans rate in float notation', (s) => (s.prices[0].savingsPlans = [sp(s, { usd: '5e-2' })])],
    ['a reserved rate on a dimension with an unknown payment option', (s) => (s.prices[0].reserved = [{ term: '1yr', offeringClass: 'standard', paymentOption: 'Later', hourlyUsd: '0.1', upfrontUsd: '0', source: src(s) }])],
    ['a Spot price without its window', (s) => (s.ec2.instances['m5.large'].spot = (({ from: _f, ...rest }) => rest)(spot(s)))],
    ['a Spot price with a bad per-AZ figure', (s) => (s.ec2.instances['m5.large'].spot = spot(s, { byAz: { 'us-east-1a': { medianUsd: 'cheap', p90Usd: '0.04' } } }))],
  ];
  it.each(commitmentCases)('both reject %s', (_name, change) => {
    const data = mutated(change);
    expect(schemaValidate(data)).toBe(false);
    expect(handValidatorAccepts(data)).toBe(false);
  });

  it('both accept well-formed Savings Plans, reserved-node and Spot rates', () => {
    const data = mutated((s) => {
      s.ec2.instances['m5.large'].savingsPlans = [sp(s), sp(s, { plan: 'ec2-instance', term: '3yr', paymentOption: 'All Upfront' })];
      s.ec2.instances['m5.large'].spot = spot(s);
      s.prices[0].savingsPlans = [sp(s)];
      s.prices[0].reserved = [{ term: '3yr', offeringClass: 'standard', paymentOption: 'Partial Upfront', hourlyUsd: '0.01', upfrontUsd: '100', source: src(s) }];
    });
    expect(schemaValidate(data), JSON.stringify(schemaValidate.errors)).toBe(true);
    expect(handValidatorAccepts(data)).toBe(true);
  });

  it('both accept the unchanged file', () => {
    expect(handValidatorAccepts(mutated(() => {}))).toBe(true);
  });
});

describe('writeSnapshotAtomic', () => {
  it('refuses content that would not load back and leaves the old file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-write-'));
    const path = snapshotPath(dir, 'us-east-1');
    writeSnapshotAtomic(path, committed.snapshot);
    const before = readFileSync(path);
    const broken = { ...committed.snapshot, prices: [{ ...committed.snapshot.prices[0]!, usd: 'free' }] };
    expect(() => writeSnapshotAtomic(path, broken as SnapshotContent)).toThrow(/refusing to write/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
