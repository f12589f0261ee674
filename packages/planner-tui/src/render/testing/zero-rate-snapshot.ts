import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedSnapshotDir, serializeSnapshot, snapshotPath, type SnapshotFile } from '@tier-planner/cost-model';

/**
 * fintech-fargate-jenkins on 1-year RIs plans a t3.medium controller and t3.large agents; the
 * embedded book has an RI rate for t3.medium only. With that rate at $0, EC2 is priced in part
 * at $0.00: a partly priced service whose priced part is zero.
 */
export const PARTLY_PRICED_AT_ZERO = { users: 10_000, profile: 'fintech-fargate-jenkins', purchase: 'reserved-1yr' } as const;

/** A folder holding the embedded us-east-1 snapshot with every t3.medium RI rate set to $0 (digest restamped). */
export function zeroRateSnapshotDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tp-zero-rate-'));
  const file = JSON.parse(readFileSync(snapshotPath(embeddedSnapshotDir(), 'us-east-1'), 'utf8')) as SnapshotFile;
  const t3 = file.snapshot.ec2.instances['t3.medium']!;
  const snapshot = {
    ...file.snapshot,
    ec2: { ...file.snapshot.ec2, instances: { ...file.snapshot.ec2.instances, 't3.medium': { ...t3, reserved: t3.reserved!.map((r) => ({ ...r, hourlyUsd: '0' })) } } },
  };
  writeFileSync(snapshotPath(dir, 'us-east-1'), serializeSnapshot(snapshot));
  return dir;
}
