// A refreshed snapshot for another region, written the way `pricing refresh` writes one. Its
// prices are TEST DATA: the embedded us-east-1 figures times a factor, not any region's real prices.
import { readFileSync } from 'node:fs';
import { dec, embeddedSnapshotDir, snapshotPath, validateSnapshotFile, writeSnapshotAtomic, type SnapshotContent } from '@tier-planner/cost-model';

const scaled = (usd: string, factor: string) => dec(usd).times(factor).toFixed();

/** Writes `<dir>/<region>.json`: the embedded us-east-1 book with every price times `factor` (test data). */
export function writeRegionalSnapshot(dir: string, region: string, factor: string, generatedAt = '2026-11-30T00:00:00.000Z'): void {
  const path = snapshotPath(embeddedSnapshotDir(), 'us-east-1');
  const base = validateSnapshotFile(JSON.parse(readFileSync(path, 'utf8')), path).snapshot;
  const instances = Object.fromEntries(Object.entries(base.ec2.instances).map(([name, t]) => [name, { ...t, onDemandUsd: scaled(t.onDemandUsd, factor) }]));
  const prices = base.prices.map((p) => ({
    ...p,
    ...(p.usd !== undefined ? { usd: scaled(p.usd, factor) } : {}),
    ...(p.tiers ? { tiers: p.tiers.map((t) => ({ ...t, usd: scaled(t.usd, factor) })) } : {}),
  }));
  const content: SnapshotContent = { ...base, region, generatedAt, ec2: { ...base.ec2, instances }, prices };
  writeSnapshotAtomic(snapshotPath(dir, region), content);
}
