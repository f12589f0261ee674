import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PricingClient } from '@aws-sdk/client-pricing';
import { snapshotPath, writeSnapshotAtomic, type SnapshotContent } from '@tier-planner/cost-model';
import { expect } from 'vitest';
import { createPricingClient } from '../pricing-client.js';
import { RefreshError } from '../refresh-error.js';
import { startFakePriceListServer, type FakePriceListServer, type FakeProduct, type FakeServerScript } from './fake-price-list-server.js';

// What the refresh tests share: servers, clients and folders that are cleaned up after each test,
// and the checks that a failed refresh left the previous snapshot alone.

const cleanups: (() => Promise<void> | void)[] = [];

export const onCleanup = (f: () => Promise<void> | void): void => void cleanups.push(f);

/** For afterEach: closes servers and clients, removes folders, newest first. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export async function serve(products: readonly FakeProduct[], script: FakeServerScript = {}): Promise<FakePriceListServer> {
  const server = await startFakePriceListServer(products, script);
  onCleanup(() => server.close());
  return server;
}

/** The real SDK client for the fake server, with test credentials and SDK retries off. */
export function clientFor(server: FakePriceListServer): PricingClient {
  const client = createPricingClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  onCleanup(() => client.destroy());
  return client;
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pricing-refresh-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface PreviousSnapshot {
  readonly dir: string;
  readonly path: string;
  readonly bytes: Buffer;
}

/** An outDir that already holds a us-east-1 snapshot, and its exact bytes. */
export function dirWithPreviousSnapshot(content: SnapshotContent): PreviousSnapshot {
  const dir = tempDir();
  const path = snapshotPath(dir, 'us-east-1');
  writeSnapshotAtomic(path, content);
  return { dir, path, bytes: readFileSync(path) };
}

export async function refreshError(promise: Promise<unknown>): Promise<RefreshError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefreshError);
  return error as RefreshError;
}

export function expectUntouched(prev: PreviousSnapshot): void {
  expect(readFileSync(prev.path).equals(prev.bytes)).toBe(true);
  expect(readdirSync(prev.dir)).toEqual(['us-east-1.json']); // no temp files left behind
}
