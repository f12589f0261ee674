import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { parsePriceListItem, type PriceListItem } from './price-list-item.js';
import { RefreshError } from './refresh-error.js';
import type { RefreshStop } from './refresh-stop.js';
import type { RefreshProgress } from './refresh-types.js';
import { retryReason, toRefreshError } from './sdk-errors.js';
import type { ProductQuery } from './service-definition.js';
import { formatMs, settleOnAbort, type SetTimer } from './timers.js';

export interface FetchContext {
  readonly client: PricingClient;
  readonly maxAttempts: number;
  /** Each attempt is abandoned after this long, headers and body together. */
  readonly requestTimeoutMs: number;
  readonly stop: RefreshStop;
  readonly setTimer: SetTimer;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly onProgress: (event: RefreshProgress) => void;
  /** Counters shared by every call of one refresh. */
  readonly stats: { requests: number; retries: number };
}

const PAGE_SIZE = 100; // the API maximum
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

/** Every product of one query, following NextToken to the last page. */
export async function fetchProducts(query: ProductQuery, service: string, ctx: FetchContext): Promise<PriceListItem[]> {
  const items: PriceListItem[] = [];
  let token: string | undefined;
  let page = 0;
  do {
    const command = new GetProductsCommand({
      ServiceCode: query.serviceCode,
      Filters: Object.entries(query.filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
      FormatVersion: 'aws_v1',
      MaxResults: PAGE_SIZE,
      ...(token ? { NextToken: token } : {}),
    });
    const out = await sendWithRetry((abortSignal) => ctx.client.send(command, { abortSignal }), query, service, ctx);
    page += 1;
    for (const raw of priceListEntries(out.PriceList)) items.push(parsePriceListItem(raw, query.serviceCode));
    ctx.onProgress({ kind: 'page', service, serviceCode: query.serviceCode, page, itemsSoFar: items.length });
    const next = out.NextToken || undefined;
    if (next !== undefined && next === token) {
      throw new RefreshError('API_ERROR', `the AWS Price List API returned the same NextToken twice for ${query.serviceCode}; nothing was written`);
    }
    token = next;
  } while (token);
  return items;
}

/** The SDK types PriceList loosely (strings, or lazily parsed JSON strings). */
function priceListEntries(list: unknown): unknown[] {
  if (list === undefined || list === null) return [];
  if (Array.isArray(list)) return list;
  return [list];
}

async function sendWithRetry<T>(send: (signal: AbortSignal) => Promise<T>, query: ProductQuery, service: string, ctx: FetchContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    ctx.stop.throwIfStopped(ctx.stats.requests);
    ctx.stats.requests += 1;
    try {
      return await sendWithTimeout(send, ctx);
    } catch (e) {
      ctx.stop.throwIfStopped(ctx.stats.requests);
      const retryable = retryReason(e);
      if (retryable === undefined || attempt >= ctx.maxAttempts) throw toRefreshError(e, query, attempt, ctx.requestTimeoutMs);
      // Exponential backoff with "equal jitter": half fixed, half random, so callers spread out.
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + (ctx.random() * ceiling) / 2);
      ctx.stats.retries += 1;
      ctx.onProgress({ kind: 'retry', service, serviceCode: query.serviceCode, attempt, delayMs, reason: retryable });
      await ctx.sleep(delayMs, ctx.stop.signal);
    }
  }
}

/**
 * One attempt, abandoned when the refresh stops or after requestTimeoutMs. A timeout becomes a
 * TimeoutError, which the SDK's standard retry (and so ours) counts as transient.
 */
async function sendWithTimeout<T>(send: (signal: AbortSignal) => Promise<T>, ctx: FetchContext): Promise<T> {
  const attempt = new AbortController();
  const abandon = () => attempt.abort();
  ctx.stop.signal.addEventListener('abort', abandon, { once: true });
  let timedOut = false;
  const cancelTimer = ctx.setTimer(ctx.requestTimeoutMs, () => {
    timedOut = true;
    attempt.abort();
  });
  try {
    return await settleOnAbort(send(attempt.signal), attempt.signal);
  } catch (e) {
    if (timedOut) throw Object.assign(new Error(`no answer within ${formatMs(ctx.requestTimeoutMs)}`), { name: 'TimeoutError', cause: e });
    throw e;
  } finally {
    cancelTimer();
    ctx.stop.signal.removeEventListener('abort', abandon);
  }
}
