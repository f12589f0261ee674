import { createHash } from 'node:crypto';
import type { SnapshotContent } from './snapshot-types.js';

/** The digest a snapshot file carries: sha256 over the compact JSON of its content. */
export function snapshotDigest(content: SnapshotContent): string {
  return 'sha256:' + createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
