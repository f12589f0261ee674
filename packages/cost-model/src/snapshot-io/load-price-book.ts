import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createPriceBook, type PriceBook, type PriceBookOrigin } from '../pricing/price-book.js';
import { PricingError } from '../pricing/pricing-error.js';
import type { SnapshotFile } from '../pricing/snapshot-types.js';
import { validateSnapshotFile } from '../pricing/validate-snapshot.js';
import { embeddedSnapshotDir, regionsIn, snapshotPath, userSnapshotDir } from './snapshot-locations.js';
import { VERIFIED_SNAPSHOTS } from './verified-snapshots.js';

export const DEFAULT_REGION = 'us-east-1';

export interface LoadPriceBookOptions {
  /** AWS region code; default us-east-1. */
  readonly region?: string;
  /** Read this snapshot file and nothing else. */
  readonly file?: string;
  /** Look for `<region>.json` in this folder only. */
  readonly dir?: string;
  /** Skip the user's refreshed snapshots and read the embedded ones. */
  readonly embeddedOnly?: boolean;
}

/**
 * Reads, verifies (schema and digest) and returns a region's price book. The search order is the
 * user's refreshed snapshots, then the embedded ones. Every failure is a PricingError with a
 * one-line message; this and the snapshot writer are the only file I/O in the cost model.
 */
export function loadPriceBook(options: LoadPriceBookOptions = {}): PriceBook {
  const region = options.region ?? DEFAULT_REGION;
  if (options.file) {
    if (!existsSync(options.file)) throw new PricingError('MISSING_FILE', `price snapshot ${options.file} does not exist`);
    return readBook(options.file, 'user', region);
  }
  if (options.dir && !existsSync(options.dir)) {
    throw new PricingError('MISSING_FILE', `price snapshot folder ${options.dir} does not exist`);
  }
  const embedded = embeddedSnapshotDir();
  const places: { dir: string; kind: PriceBookOrigin['kind'] }[] = options.dir
    ? [{ dir: options.dir, kind: 'user' }]
    : [...(options.embeddedOnly ? [] : [{ dir: userSnapshotDir(), kind: 'user' as const }]), { dir: embedded, kind: 'embedded' }];
  for (const { dir, kind } of places) {
    const path = snapshotPath(dir, region);
    if (existsSync(path)) return readBook(path, kind, region);
  }
  if (!options.dir && regionsIn(embedded).length === 0) {
    throw new PricingError('MISSING_FILE', `no embedded price snapshots in ${embedded}: reinstall, or run npm run pricing:build`);
  }
  const available = [...new Set(places.flatMap((p) => regionsIn(p.dir)))].sort();
  throw new PricingError(
    'UNKNOWN_REGION',
    `no price snapshot for region "${region}"; available: ${available.join(', ') || 'none'}. ` +
      `Fetch it live with: tier-planner pricing refresh --region ${/^[a-z0-9-]{1,32}$/.test(region) ? region : '<region>'}`,
  );
}

/**
 * Reads and checks one snapshot file. `verified` lists the SHA-256 of files (their bytes) already
 * validated by this code (VERIFIED_SNAPSHOTS): only a file with those exact bytes skips the checks.
 */
export function readBook(path: string, kind: PriceBookOrigin['kind'], region: string, verified: readonly string[] = VERIFIED_SNAPSHOTS): PriceBook {
  let data: unknown;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    data = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? 'is not valid JSON (truncated?)' : `cannot be read (${(e as Error).message})`;
    throw new PricingError('CORRUPT_SNAPSHOT', `price snapshot ${path} ${why}`);
  }
  const known = verified.length > 0 && verified.includes(createHash('sha256').update(bytes).digest('hex'));
  const file = known ? (data as SnapshotFile) : validateSnapshotFile(data, path);
  if (file.snapshot.region !== region) {
    throw new PricingError('INVALID_SNAPSHOT', `price snapshot ${path} is for ${file.snapshot.region}, not ${region}`);
  }
  return createPriceBook(file.snapshot, { kind, path, digest: file.digest });
}
