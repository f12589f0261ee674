import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { finished } from 'node:stream/promises';
import { createGunzip, type Gunzip } from 'node:zlib';
import { RefreshError } from '../refresh-error.js';
import type { RefreshStop } from '../refresh-stop.js';
import type { RefreshProgress } from '../refresh-types.js';
import { formatMs, type SetTimer } from '../timers.js';

// Plain HTTPS GETs of AWS's public price list files: no signing, gzip when the server offers it,
// and a cut connection resumed with a Range request from the byte reached, but only when the
// server said it serves ranges and the file is still the same one (If-Range with its ETag).

export interface DownloadContext {
  /** Attempts per file: the first request plus resumes (or fresh starts before any byte). */
  readonly maxAttempts: number;
  /** A request that sends no byte for this long is cut (and resumed when it can be). */
  readonly requestTimeoutMs: number;
  readonly stop: RefreshStop;
  readonly setTimer: SetTimer;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the ETA only; tests pass a manual clock. */
  readonly now: () => Date;
  readonly onProgress: (event: RefreshProgress) => void;
  /** Bytes between two progress events; default 1 MiB. */
  readonly progressEveryBytes?: number;
  readonly stats: { requests: number; retries: number };
}

export interface DownloadTarget {
  readonly url: string;
  /** For progress lines and errors ("EC2 offer file"). */
  readonly label: string;
  readonly service: string;
  /** Rows (products, terms, CSV lines) read so far, for progress lines. */
  readonly rows?: () => number;
  /** No progress events (small index files). */
  readonly quiet?: boolean;
}

interface Validator {
  readonly etag?: string;
  readonly total?: number;
  readonly encoding: string;
}

const TAIL = 'nothing was written, the previous snapshot is unchanged';
const BASE_DELAY_MS = 250;

/** Streams one file's (decoded) bytes into `consume`, which parses them as they come. */
export async function download(target: DownloadTarget, ctx: DownloadContext, consume: (chunk: Buffer) => void): Promise<{ bytes: number }> {
  const started = ctx.now().getTime();
  const every = ctx.progressEveryBytes ?? 1 << 20;
  let received = 0;
  let reported = -1;
  let validator: Validator | undefined;
  let attempt = 0;
  /** The first answer offered Range requests (Accept-Ranges: bytes). */
  let rangesOffered = false;

  const report = (final: boolean) => {
    if (target.quiet || (!final && received - reported < every)) return;
    reported = received;
    const elapsedMs = ctx.now().getTime() - started;
    const total = validator?.total;
    const etaMs = total !== undefined && received > 0 && elapsedMs > 0 ? Math.round(((total - received) * elapsedMs) / received) : undefined;
    ctx.onProgress({
      kind: 'download',
      service: target.service,
      file: target.label,
      bytes: received,
      ...(total !== undefined ? { totalBytes: total } : {}),
      rows: target.rows?.() ?? 0,
      ...(etaMs !== undefined ? { etaMs } : {}),
    });
  };

  async function* raw(): AsyncGenerator<Buffer> {
    for (;;) {
      attempt += 1;
      const from = received;
      try {
        const open = await openAttempt(target, ctx, from, validator);
        if (from === 0) {
          validator = open.validator;
          rangesOffered = open.acceptsRanges;
        } else if (open.validator.encoding !== validator!.encoding || (validator!.etag !== undefined && open.validator.etag !== undefined && open.validator.etag !== validator!.etag)) {
          open.close();
          throw new RefreshError('NETWORK', `${target.label} (${target.url}) changed on the server while it was read; try again (${TAIL})`);
        }
        try {
          for await (const chunk of open.body()) {
            received += chunk.length;
            report(false);
            yield chunk;
          }
        } finally {
          open.close();
        }
        if (validator!.total !== undefined && received < validator!.total) throw cutError(`ended after ${received} of ${validator!.total} bytes`);
        return;
      } catch (e) {
        ctx.stop.throwIfStopped(ctx.stats.requests);
        if (e instanceof RefreshError && !(e as RefreshError & { retryable?: boolean }).retryable) throw e;
        const reason = (e as Error).message.replace(/; nothing was written.*$/, '');
        const resumable = received === 0 || (validator?.etag !== undefined && rangesOffered);
        if (!resumable) {
          throw new RefreshError(
            'NETWORK',
            `${target.label} (${target.url}): the connection was cut after ${received} bytes (${reason}) and the server does not offer resuming (no Accept-Ranges and ETag); ${TAIL}`,
            { cause: e },
          );
        }
        if (attempt >= ctx.maxAttempts) {
          const code = e instanceof RefreshError ? e.code : 'NETWORK';
          throw new RefreshError(code, `${target.label} (${target.url}) failed ${attempt} times (last: ${reason}) after ${received} bytes; ${TAIL}`, { cause: e });
        }
        ctx.stats.retries += 1;
        const delayMs = BASE_DELAY_MS * 2 ** (attempt - 1);
        ctx.onProgress({ kind: 'retry', service: target.service, serviceCode: target.label, attempt, delayMs, reason: received > 0 ? `cut after ${received} bytes (${reason}), resuming` : reason });
        await ctx.sleep(delayMs, ctx.stop.signal);
        ctx.stop.throwIfStopped(ctx.stats.requests);
      }
    }
  }

  const chunks = raw();
  try {
    await decodeInto(chunks, () => validator?.encoding === 'gzip', consume);
  } catch (e) {
    if (e instanceof RefreshError) throw e;
    ctx.stop.throwIfStopped(ctx.stats.requests);
    if (e instanceof SyntaxError) throw new RefreshError('MALFORMED_ITEM', `${target.label} (${target.url}) is not a valid price list file: ${e.message}; ${TAIL}`, { cause: e });
    if ((e as { code?: string }).code?.startsWith('Z_')) throw new RefreshError('MALFORMED_ITEM', `${target.label} (${target.url}) is not valid gzip: ${(e as Error).message}; ${TAIL}`, { cause: e });
    throw e;
  } finally {
    await chunks.return(undefined);
  }
  // After the last byte is parsed, so the row count is final.
  if (!target.quiet) report(true);
  return { bytes: received };
}

/**
 * Feeds the raw chunks to `consume`, through gunzip when the first response said gzip. The parser
 * runs synchronously on each chunk; gunzip's backpressure holds the download when it falls behind.
 */
async function decodeInto(chunks: AsyncIterable<Buffer>, gzip: () => boolean, consume: (chunk: Buffer) => void): Promise<void> {
  let gunzip: Gunzip | undefined;
  let failure: unknown;
  const fail = (e: unknown) => {
    failure ??= e;
    gunzip?.destroy();
  };
  for await (const chunk of chunks) {
    if (!gzip()) {
      consume(chunk);
      continue;
    }
    if (!gunzip) {
      const g = createGunzip();
      gunzip = g;
      g.on('data', (out: Buffer) => {
        if (failure !== undefined) return;
        try {
          consume(out);
        } catch (e) {
          fail(e);
        }
      });
      g.on('error', fail);
    }
    if (!gunzip.write(chunk)) await new Promise<void>((resolve) => gunzip!.once('drain', resolve).once('close', resolve));
    if (failure !== undefined) throw failure;
  }
  if (gunzip) {
    gunzip.end();
    await finished(gunzip).catch(fail);
    if (failure !== undefined) throw failure;
  }
}

interface OpenAttempt {
  readonly validator: Validator;
  readonly acceptsRanges: boolean;
  body(): AsyncIterable<Buffer>;
  close(): void;
}

function cutError(message: string): Error {
  return Object.assign(new Error(message), { name: 'CutError' });
}

/** One GET (a Range GET when resuming), with the idle timeout and the refresh's stop wired in. */
async function openAttempt(target: DownloadTarget, ctx: DownloadContext, from: number, known: Validator | undefined): Promise<OpenAttempt> {
  ctx.stop.throwIfStopped(ctx.stats.requests);
  ctx.stats.requests += 1;
  const url = new URL(target.url);
  const headers: Record<string, string> = { 'accept-encoding': 'gzip', 'user-agent': 'tier-planner pricing refresh' };
  if (from > 0) {
    headers.range = `bytes=${from}-`;
    if (known?.etag) headers['if-range'] = known.etag;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const req = send(url, { method: 'GET', headers });
  let timedOut = false;
  let cancelTimer = () => {};
  const arm = () => {
    cancelTimer();
    cancelTimer = ctx.setTimer(ctx.requestTimeoutMs, () => {
      timedOut = true;
      req.destroy(cutError(`no data for ${formatMs(ctx.requestTimeoutMs)}`));
    });
  };
  const onStop = () => req.destroy(cutError('stopped'));
  ctx.stop.signal.addEventListener('abort', onStop, { once: true });
  const close = () => {
    cancelTimer();
    ctx.stop.signal.removeEventListener('abort', onStop);
    req.destroy();
  };
  arm();
  let res: IncomingMessage;
  try {
    res = await new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
      req.end();
    });
  } catch (e) {
    close();
    ctx.stop.throwIfStopped(ctx.stats.requests);
    throw timedOut ? e : cutError(`cannot connect: ${(e as Error).message}`);
  }
  const status = res.statusCode ?? 0;
  const expected = from > 0 ? 206 : 200;
  if (status !== expected) {
    close();
    if (from > 0 && status === 200) {
      throw new RefreshError('NETWORK', `${target.label} (${target.url}) changed on the server while it was read (the resumed request got the whole file again); ${TAIL}`);
    }
    const error = new RefreshError('API_ERROR', `GET ${target.url} answered HTTP ${status}${from > 0 ? ` to a request resuming at byte ${from}` : ''}; ${TAIL}`);
    if (status >= 500 || status === 429) Object.assign(error, { retryable: true });
    throw error;
  }
  if (from > 0) {
    const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(String(res.headers['content-range'] ?? ''));
    if (!range || Number(range[1]) !== from) {
      close();
      throw new RefreshError('NETWORK', `${target.label} (${target.url}) resumed at the wrong byte (Content-Range "${res.headers['content-range'] ?? ''}", wanted ${from}); ${TAIL}`);
    }
  }
  const length = Number(res.headers['content-length']);
  const totalFromRange = from > 0 ? Number(/\/(\d+)$/.exec(String(res.headers['content-range']))?.[1]) : NaN;
  const total = Number.isFinite(totalFromRange) ? totalFromRange : from === 0 && Number.isFinite(length) && res.headers['content-length'] !== undefined ? length : known?.total;
  const etag = typeof res.headers.etag === 'string' && res.headers.etag !== '' ? res.headers.etag : undefined;
  return {
    validator: { ...(etag !== undefined ? { etag } : {}), ...(total !== undefined ? { total } : {}), encoding: String(res.headers['content-encoding'] ?? 'identity').toLowerCase() },
    acceptsRanges: String(res.headers['accept-ranges'] ?? '').toLowerCase() === 'bytes',
    async *body() {
      try {
        for await (const chunk of res) {
          arm();
          yield chunk as Buffer;
        }
      } catch (e) {
        if (timedOut) throw cutError(`no data for ${formatMs(ctx.requestTimeoutMs)}`);
        throw (e as Error).name === 'CutError' ? e : cutError((e as Error).message || 'connection reset');
      }
    },
    close,
  };
}

/** A small JSON file (an index), read whole. */
export async function downloadJson(target: DownloadTarget, ctx: DownloadContext): Promise<unknown> {
  const parts: Buffer[] = [];
  await download({ ...target, quiet: true }, ctx, (chunk) => parts.push(chunk));
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch (e) {
    throw new RefreshError('MALFORMED_ITEM', `${target.label} (${target.url}) is not valid JSON; ${TAIL}`, { cause: e });
  }
}
