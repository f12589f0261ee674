import type { SnapshotContent } from '@tier-planner/cost-model';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEmbeddedReference } from './embedded-reference.js';
import { refreshPriceSnapshot, type RefreshOptions, type RefreshProgress } from './index.js';
import type { FakePriceListServer, FakeProduct } from './testing/fake-price-list-server.js';
import { fixtureProductsFromSnapshot } from './testing/fixture-items.js';
import { manualTimer, type ManualTimer } from './testing/manual-timer.js';
import { clientFor, dirWithPreviousSnapshot, expectUntouched, refreshError, runCleanups, serve, tempDir } from './testing/refresh-harness.js';

// Servers that hang, cut an answer off, stall mid-body or are slow, met by the real SDK client.
// Request timeouts and the deadline run on a manual clock: time moves only when a test says so.

const NOW = new Date('2026-12-01T10:00:00Z');
const noSleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});

let embedded: SnapshotContent;
let fixtures: FakeProduct[];

beforeAll(() => {
  embedded = readEmbeddedReference();
  fixtures = fixtureProductsFromSnapshot(embedded);
});

afterEach(async () => {
  await runCleanups();
  noSleep.mockClear();
});

function options(server: FakePriceListServer, outDir: string, clock: ManualTimer, extra: Partial<RefreshOptions> = {}): RefreshOptions {
  return { region: 'us-east-1', outDir, client: clientFor(server), now: () => NOW, sleep: noSleep, random: () => 0.5, setTimer: clock.setTimer, ...extra };
}

/** Lets pending I/O callbacks run, so a settled promise would have been seen as settled. */
const ioTurn = () => new Promise((resolve) => setImmediate(resolve));

function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { promise, settled: () => settled };
}

describe('refreshPriceSnapshot under network faults', () => {
  it('gives each attempt the request timeout, retries a server that never answers, then fails with NETWORK', async () => {
    const prev = dirWithPreviousSnapshot(embedded);
    const server = await serve(fixtures, { neverAnswerFromRequest: 1 });
    const clock = manualTimer();
    const run = tracked(refreshPriceSnapshot(options(server, prev.dir, clock, { maxAttempts: 3, requestTimeoutMs: 30_000 })));
    for (let attempt = 1; attempt <= 3; attempt++) {
      await server.receivedRequests(attempt);
      clock.advance(29_999);
      await ioTurn();
      expect(run.settled(), `attempt ${attempt} gave up before its timeout`).toBe(false);
      clock.advance(1);
    }
    const error = await refreshError(run.promise);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/^no answer from the AWS Price List API for GetProducts AmazonEC2 within the 30 s request timeout, 3 times/);
    expect(server.requests).toHaveLength(3);
    expect(noSleep.mock.calls.map((c) => c[0])).toEqual([375, 750]); // the usual backoff between attempts
    expect(clock.pending()).toBe(0); // the deadline and every request timer are gone
    expectUntouched(prev);
  });

  it('counts a timeout as transient: the next attempt that is answered carries on', async () => {
    const server = await serve(fixtures, { stallBodyRequests: [1] });
    const clock = manualTimer();
    const events: RefreshProgress[] = [];
    const run = refreshPriceSnapshot(options(server, tempDir(), clock, { requestTimeoutMs: 5_000, onProgress: (e) => events.push(e) }));
    await server.halfAnswersSent(1); // headers and half the body are out; the rest never comes
    await ioTurn();
    clock.advance(5_000);
    const { report } = await run;
    expect(report.retries).toBe(1);
    expect(events.filter((e) => e.kind === 'retry')).toEqual([{ kind: 'retry', service: 'EC2', serviceCode: 'AmazonEC2', attempt: 1, delayMs: 375, reason: 'timed out' }]);
  });

  it('stops at the deadline however long each request may wait, with NETWORK and nothing written', async () => {
    const prev = dirWithPreviousSnapshot(embedded);
    const server = await serve(fixtures, { neverAnswerFromRequest: 1 });
    const clock = manualTimer();
    const run = tracked(refreshPriceSnapshot(options(server, prev.dir, clock, { requestTimeoutMs: 3_600_000, deadlineMs: 120_000 })));
    await server.receivedRequests(1);
    clock.advance(119_999);
    await ioTurn();
    expect(run.settled()).toBe(false);
    clock.advance(1);
    const error = await refreshError(run.promise);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/did not deliver every price within the 2 min deadline of the refresh \(1 requests made\)/);
    expect(server.requests).toHaveLength(1); // the deadline is not retried
    expectUntouched(prev);
  });

  it('retries an answer cut off mid-body (Content-Length promised, socket destroyed) and goes on', async () => {
    const server = await serve(fixtures, { cutBodyRequests: [2] });
    const events: RefreshProgress[] = [];
    const { report } = await refreshPriceSnapshot(options(server, tempDir(), manualTimer(), { onProgress: (e) => events.push(e) }));
    expect(report.retries).toBe(1);
    expect(events.find((e) => e.kind === 'retry')).toMatchObject({ attempt: 1, reason: 'answer cut off (ECONNRESET)' });
    expect(Object.keys(report.itemsByServiceCode)).toContain('AmazonEC2');
  });

  it('reports NETWORK, not API_ERROR, when every answer is cut off mid-body', async () => {
    const prev = dirWithPreviousSnapshot(embedded);
    const server = await serve(fixtures, { cutBodyRequests: [1, 2] });
    const error = await refreshError(refreshPriceSnapshot(options(server, prev.dir, manualTimer(), { maxAttempts: 2 })));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/answer to GetProducts AmazonEC2 broke off mid-way, 2 times \(Error ECONNRESET: aborted;/);
    expect(error.message).not.toContain('\n');
    expectUntouched(prev);
  });
});
