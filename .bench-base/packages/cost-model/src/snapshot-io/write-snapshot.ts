import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { findProblem } from '../pricing/validate-snapshot.js';
import { serializeSnapshot } from '../pricing/serialize-snapshot.js';
import type { SnapshotContent } from '../pricing/snapshot-types.js';
import { PricingError } from '../pricing/pricing-error.js';

/**
 * Writes a snapshot so that readers see the old file or the new one, never a mix: the text goes
 * to a temporary file in the same folder, is flushed to disk, then renamed over the target.
 * Content that would not load back is refused before anything is written.
 */
export function writeSnapshotAtomic(path: string, content: SnapshotContent): void {
  const problem = findProblem(content);
  if (problem) throw new PricingError('INVALID_SNAPSHOT', `refusing to write ${path}: ${problem}`);
  writeFileAtomic(path, serializeSnapshot(content));
}

export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
