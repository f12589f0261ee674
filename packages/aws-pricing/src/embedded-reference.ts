import { readFileSync } from 'node:fs';
import { embeddedSnapshotDir, snapshotPath, validateSnapshotFile, type SnapshotContent } from '@tier-planner/cost-model';

/**
 * The embedded us-east-1 snapshot, read (and verified) for what is not a regional AWS price:
 * EKS max pods and ENI limits per instance type, GitHub Actions prices and the allowances. It also
 * lists the keys a refresh must account for, so a key it cannot fetch is reported as missing.
 */
export function readEmbeddedReference(): SnapshotContent {
  const path = snapshotPath(embeddedSnapshotDir(), 'us-east-1');
  return validateSnapshotFile(JSON.parse(readFileSync(path, 'utf8')), path).snapshot;
}
