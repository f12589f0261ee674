import { snapshotDigest } from './snapshot-digest.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_SCHEMA_VERSION, type SnapshotContent, type SnapshotFile } from './snapshot-types.js';

const ONE_LINE_MAX = 240;

/**
 * The snapshot file text: stamped with its digest and laid out one record per line, so a price
 * change shows as a one-line diff in review.
 */
export function serializeSnapshot(content: SnapshotContent): string {
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    digest: snapshotDigest(content),
    snapshot: content,
  };
  return layout(file, '') + '\n';
}

function layout(value: unknown, indent: string): string {
  const compact = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || compact.length <= ONE_LINE_MAX) return compact;
  const inner = indent + ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => inner + layout(v, inner)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return (
    '{\n' +
    entries.map(([k, v]) => inner + JSON.stringify(k) + ': ' + layout(v, inner)).join(',\n') +
    '\n' +
    indent +
    '}'
  );
}
