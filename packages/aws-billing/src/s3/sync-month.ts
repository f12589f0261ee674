import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BillingError } from '../billing-error.js';
import { readManifest, trustedObjects, withScope, writeManifest, type CachedObject } from './cache-manifest.js';
import { listParquetObjects, type ExportObject } from './list-objects.js';
import { s3Failure } from './s3-errors.js';
import { DEFAULT_S3_CONCURRENCY } from './s3-options.js';
import { s3Url, type S3Location } from './s3-location.js';

export interface SyncOptions {
  readonly cacheDir: string;
  readonly concurrency?: number;
}

/** What a sync did: the month's files are then complete in `dir`. */
export interface SyncResult {
  readonly dir: string;
  /** The month, or '*' when the export is not laid out by BILLING_PERIOD folders. */
  readonly scope: string;
  /** Keys below the prefix, downloaded / kept as cached / deleted since S3 no longer lists them. */
  readonly downloaded: readonly string[];
  readonly kept: readonly string[];
  readonly removed: readonly string[];
}

/** AWS Data Exports writes each billing period under a BILLING_PERIOD=YYYY-MM folder. */
const PERIOD_DIR = /(^|\/)BILLING_PERIOD=(\d{4}-\d{2})(\/|$)/;
// A body cut short is retried this many times in all; the SDK retries failed requests itself.
const BODY_ATTEMPTS = 3;

function periodOf(relativeKey: string): string | undefined {
  return PERIOD_DIR.exec(relativeKey)?.[2];
}

function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function localFile(dir: string, relativeKey: string): string {
  return join(dir, ...relativeKey.split('/'));
}

/** Keys below the prefix of the cache's parquet files in a scope (and leftover temp files). */
function cachedFiles(dir: string, inScope: (relativeKey: string) => boolean): { parquet: string[]; temp: string[] } {
  let names: string[];
  try {
    names = (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(sep).join('/'));
  } catch {
    return { parquet: [], temp: [] };
  }
  return {
    parquet: names.filter((f) => f.endsWith('.parquet') && inScope(f)),
    temp: names.filter((f) => f.endsWith('.part') && inScope(f)),
  };
}

/** Runs fn over items, `limit` at a time; the first failure stops new work and is thrown. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/** GetObject into a temp file beside its place; the ETag and size S3 sent with the body. */
async function download(client: S3Client, l: S3Location, o: ExportObject, tmp: string): Promise<CachedObject> {
  mkdirSync(dirname(tmp), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    try {
      const got = await client.send(new GetObjectCommand({ Bucket: l.bucket, Key: o.key }));
      await pipeline(got.Body as Readable, createWriteStream(tmp));
      const size = fileSize(tmp) ?? -1;
      const expected = got.ContentLength ?? o.size;
      if (size !== expected) throw Object.assign(new Error(`s3://${l.bucket}/${o.key} ended after ${size} of ${expected} bytes`), { code: 'ECONNRESET' });
      return { etag: got.ETag ?? o.etag, size };
    } catch (e) {
      if (isDiskFailure(e)) throw e;
      const failure = s3Failure(e, `downloading s3://${l.bucket}/${o.key}`, l.bucket);
      if (failure.reason !== 'network' || attempt >= BODY_ATTEMPTS) throw failure;
    }
  }
}

// Failures of the local disk, not of S3: the cache folder cannot be written.
const DISK_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST']);

function isDiskFailure(e: unknown): boolean {
  return DISK_CODES.has((e as { code?: string } | null)?.code ?? '');
}

/** Any failure of a file system call (it has a syscall), e.g. a temp file another sync removed. */
function isFileSystemFailure(e: unknown): boolean {
  return typeof (e as { syscall?: unknown } | null)?.syscall === 'string';
}

function diskFailure(e: unknown, dir: string): BillingError {
  return new BillingError('bad_input', `cannot write the S3 cache folder ${dir} (${(e as { code?: string }).code ?? ''}): set another with s3.cacheDir`);
}

/** Runs a step that writes the cache; a disk failure becomes one line naming the folder. */
function onDisk<T>(dir: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw isFileSystemFailure(e) ? diskFailure(e, dir) : e;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

/**
 * Brings the cache's copy of a month up to date with S3: downloads what is new or changed (by ETag
 * and size), deletes what S3 no longer lists (AWS rewrites a month's files on each delivery).
 * Downloads land in temp files and replace the cache only once all arrived, so a failed sync leaves
 * the previous copy as it was; the manifest marks the month incomplete while files are swapped.
 */
export async function syncMonth(client: S3Client, l: S3Location, month: string, o: SyncOptions): Promise<SyncResult> {
  const dir = o.cacheDir;
  const listed = await listParquetObjects(client, l);
  if (listed.length === 0) throw new BillingError('no_data', `${s3Url(l)} holds no .parquet object`);
  const byPeriod = listed.some((x) => periodOf(x.relativeKey) !== undefined);
  const scope = byPeriod ? month : '*';
  const inScope = (relativeKey: string) => !byPeriod || periodOf(relativeKey) === month;
  const wanted = listed.filter((x) => inScope(x.relativeKey));
  if (wanted.length === 0) {
    const seen = [...new Set(listed.map((x) => periodOf(x.relativeKey)).filter((p): p is string => p !== undefined))].sort();
    throw new BillingError('no_data', `${s3Url(l)} has no BILLING_PERIOD=${month}/ parquet object; it has ${seen.join(', ')}`);
  }

  onDisk(dir, () => mkdirSync(dir, { recursive: true }));
  const manifest = readManifest(dir, l);
  const trusted = trustedObjects(manifest, scope);
  const isCached = (x: ExportObject) => {
    const c = trusted[x.relativeKey];
    return c !== undefined && c.etag === x.etag && c.size === x.size && fileSize(localFile(dir, x.relativeKey)) === x.size;
  };
  const stale = cachedFiles(dir, inScope);
  for (const t of stale.temp) removeQuietly(localFile(dir, t));
  const toFetch = wanted.filter((x) => !isCached(x));
  const fetched = new Map<string, { tmp: string; object: CachedObject }>();
  try {
    await eachLimit(toFetch, o.concurrency ?? DEFAULT_S3_CONCURRENCY, async (x) => {
      const tmp = `${localFile(dir, x.relativeKey)}.${randomBytes(4).toString('hex')}.part`;
      fetched.set(x.relativeKey, { tmp, object: { etag: x.etag, size: x.size } });
      fetched.set(x.relativeKey, { tmp, object: await download(client, l, x, tmp) });
    });
  } catch (e) {
    for (const f of fetched.values()) removeQuietly(f.tmp);
    throw isDiskFailure(e) ? diskFailure(e, dir) : e;
  }

  const objects: Record<string, CachedObject> = {};
  for (const x of wanted) objects[x.relativeKey] = fetched.get(x.relativeKey)?.object ?? { etag: x.etag, size: x.size };
  const wantedKeys = new Set(wanted.map((x) => x.relativeKey));
  const removed = stale.parquet.filter((f) => !wantedKeys.has(f));
  if (fetched.size > 0 || removed.length > 0 || !manifest.scopes[scope]?.complete) {
    onDisk(dir, () => {
      writeManifest(dir, withScope(manifest, scope, { complete: false, objects: {} }));
      for (const [key, f] of fetched) renameSync(f.tmp, localFile(dir, key));
      for (const f of removed) removeQuietly(localFile(dir, f));
      writeManifest(dir, withScope(manifest, scope, { complete: true, objects }));
    });
  }
  return {
    dir,
    scope,
    downloaded: [...fetched.keys()].sort(),
    kept: wanted.filter((x) => !fetched.has(x.relativeKey)).map((x) => x.relativeKey).sort(),
    removed: removed.sort(),
  };
}
