import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Location } from './s3-location.js';

/** An object as last downloaded: S3's ETag and size say whether it changed since. */
export interface CachedObject {
  readonly etag: string;
  readonly size: number;
}

/**
 * What one scope of the cache (a month, or '*' for an export not laid out by period) holds.
 * `complete` is false while a sync replaces files, so a sync cut short is never trusted.
 */
export interface CacheScope {
  readonly complete: boolean;
  /** Key relative to the export's prefix → what was downloaded. */
  readonly objects: Readonly<Record<string, CachedObject>>;
}

export interface CacheManifest {
  readonly version: 1;
  readonly bucket: string;
  readonly prefix: string;
  readonly scopes: Readonly<Record<string, CacheScope>>;
}

export const MANIFEST_FILE = '.tier-planner-cache.json';

function empty(l: S3Location): CacheManifest {
  return { version: 1, bucket: l.bucket, prefix: l.prefix, scopes: {} };
}

/** The cache's manifest; an empty one when it is missing, unreadable or of another export. */
export function readManifest(dir: string, l: S3Location): CacheManifest {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as CacheManifest;
    if (m.version !== 1 || m.bucket !== l.bucket || m.prefix !== l.prefix || typeof m.scopes !== 'object' || m.scopes === null) return empty(l);
    return m;
  } catch {
    return empty(l);
  }
}

/** Writes the manifest whole or not at all: a temp file renamed over the old one. */
export function writeManifest(dir: string, m: CacheManifest): void {
  const tmp = join(dir, `${MANIFEST_FILE}.${randomBytes(4).toString('hex')}.part`);
  writeFileSync(tmp, `${JSON.stringify(m, null, 2)}\n`);
  renameSync(tmp, join(dir, MANIFEST_FILE));
}

export function withScope(m: CacheManifest, scope: string, s: CacheScope): CacheManifest {
  return { ...m, scopes: { ...m.scopes, [scope]: s } };
}

/** The scope's objects when the last sync of it finished; nothing otherwise. */
export function trustedObjects(m: CacheManifest, scope: string): Readonly<Record<string, CachedObject>> {
  const s = m.scopes[scope];
  return s?.complete ? s.objects : {};
}
