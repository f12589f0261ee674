import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { parsePriceListItem, type PriceListItem } from './price-list-item.js';
import { REQUIRED_IAM_ACTIONS, RefreshError } from './refresh-error.js';
import type { RefreshProgress } from './refresh-types.js';
import type { ProductQuery } from './service-definition.js';

export interface FetchContext {
  readonly client: PricingClient;
  readonly maxAttempts: number;
  readonly signal?: AbortSignal;
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
    const out = await sendWithRetry(() => ctx.client.send(command, ctx.signal ? { abortSignal: ctx.signal } : {}), query, service, ctx);
    page += 1;
    for (const raw of priceListEntries(out.PriceList)) items.push(parsePriceListItem(raw, query.serviceCode));
    ctx.onProgress({ kind: 'page', service, serviceCode: query.serviceCode, page, itemsSoFar: items.length });
    const next = out.NextToken || undefined;
    if (next !== undefined && next === token) {
      throw new RefreshError('API_ERROR', `the Price List API returned the same NextToken twice for ${query.serviceCode}; nothing was written`);
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

async function sendWithRetry<T>(send: () => Promise<T>, query: ProductQuery, service: string, ctx: FetchContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(ctx.signal);
    ctx.stats.requests += 1;
    try {
      return await send();
    } catch (e) {
      throwIfAborted(ctx.signal);
      const retryable = retryReason(e);
      if (retryable === undefined || attempt >= ctx.maxAttempts) throw toRefreshError(e, query, attempt);
      // Exponential backoff with "equal jitter": half fixed, half random, so callers spread out.
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + (ctx.random() * ceiling) / 2);
      ctx.stats.retries += 1;
      ctx.onProgress({ kind: 'retry', service, serviceCode: query.serviceCode, attempt, delayMs, reason: retryable });
      await ctx.sleep(delayMs, ctx.signal);
    }
  }
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const statusOf = (e: SdkErrorShape): number | undefined => e.$metadata?.httpStatusCode;

function retryReason(e: unknown): string | undefined {
  const err = (e ?? {}) as SdkErrorShape;
  if (err.name === 'ThrottlingException' || statusOf(err) === 429) return 'throttled';
  const status = statusOf(err);
  if (status !== undefined && status >= 500) return `HTTP ${status}`;
  if (err.name === 'InternalErrorException') return 'internal error';
  return undefined;
}

const ACCESS_ERRORS = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

function toRefreshError(e: unknown, query: ProductQuery, attempts: number): RefreshError {
  if (e instanceof RefreshError) return e;
  const err = (e ?? {}) as SdkErrorShape;
  const what = `GetProducts ${query.serviceCode}`;
  const detail = `${err.name ?? 'Error'}: ${(err.message ?? String(e)).split('\n')[0]}`;
  const tail = 'nothing was written, the previous snapshot is unchanged';
  if (err.name === 'ThrottlingException' || statusOf(err) === 429) {
    return new RefreshError('THROTTLED', `the AWS Price List API throttled ${what} ${attempts} times in a row; try again later (${tail})`, { cause: e });
  }
  if (ACCESS_ERRORS.has(err.name ?? '') || statusOf(err) === 403) {
    return new RefreshError(
      'ACCESS_DENIED',
      `access denied by the AWS Price List API for ${what} (${detail}); the credentials need IAM actions ${REQUIRED_IAM_ACTIONS.join(', ')} on Resource "*" (${tail})`,
      { cause: e },
    );
  }
  const status = statusOf(err);
  if (status !== undefined && status >= 500) {
    return new RefreshError('NETWORK', `the AWS Price List API failed ${what} with HTTP ${status} ${attempts} times (${detail}; ${tail})`, { cause: e });
  }
  if (status !== undefined) return new RefreshError('API_ERROR', `the AWS Price List API refused ${what} (HTTP ${status}, ${detail}; ${tail})`, { cause: e });
  return new RefreshError('NETWORK', `cannot reach the AWS Price List API for ${what} (${detail}; ${tail})`, { cause: e });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RefreshError('ABORTED', 'price refresh cancelled; nothing was written, the previous snapshot is unchanged');
}

/** setTimeout that an AbortSignal can cut short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
