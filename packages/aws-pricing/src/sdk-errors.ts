import { REQUIRED_IAM_ACTIONS, RefreshError } from './refresh-error.js';
import type { ProductQuery } from './service-definition.js';
import { formatMs } from './timers.js';

// How an AWS SDK failure is retried and reported. "Transient" follows the SDK's standard retry
// strategy (@smithy service-error-classification): timeouts, connection resets and refusals,
// unreachable hosts, HTTP 5xx, and errors marked retryable.

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const TRANSIENT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const shape = (e: unknown): SdkErrorShape => (typeof e === 'object' && e !== null ? (e as SdkErrorShape) : {});
const statusOf = (e: unknown): number | undefined => shape(e).$metadata?.httpStatusCode;
const isThrottling = (e: unknown) => shape(e).name === 'ThrottlingException' || statusOf(e) === 429;

/** The network-level fault (timeout, reset, refused…) behind an error, if any: its name or code. */
function networkFault(e: unknown, depth = 0): string | undefined {
  const err = shape(e);
  if (err.name === 'AbortError') return undefined;
  if (err.name && TRANSIENT_NAMES.has(err.name)) return 'timed out';
  if (err.code && TRANSIENT_CODES.has(err.code)) return err.code;
  return err.cause !== undefined && depth < 10 ? networkFault(err.cause, depth + 1) : undefined;
}

/** Why a failed request is worth another attempt, or undefined when it is not. */
export function retryReason(e: unknown): string | undefined {
  if (isThrottling(e)) return 'throttled';
  const fault = networkFault(e);
  if (fault !== undefined) return statusOf(e) === undefined ? fault : `answer cut off (${fault})`;
  const status = statusOf(e);
  if (status !== undefined && status >= 500) return `HTTP ${status}`;
  if (shape(e).name === 'InternalErrorException') return 'internal error';
  if (shape(e).$retryable !== undefined) return 'retryable error';
  return undefined;
}

const ACCESS_ERRORS = new Set(['AccessDeniedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException']);
const TAIL = 'nothing was written, the previous snapshot is unchanged';

/** How to provide credentials to the SDK's default chain, for the NO_CREDENTIALS message. */
export const CREDENTIALS_HELP =
  'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/config (for SSO run `aws sso login` first), or run where an instance or container role is attached';

/** The last failure of a request, as one RefreshError line. `timeoutMs` says how long each attempt could wait. */
export function toRefreshError(e: unknown, query: ProductQuery, attempts: number, timeoutMs: number): RefreshError {
  if (e instanceof RefreshError) return e;
  const err = shape(e);
  const what = `GetProducts ${query.serviceCode}`;
  const detail = `${err.name ?? 'Error'}${err.code ? ` ${err.code}` : ''}: ${(err.message ?? String(e)).split('\n')[0]}`;
  const times = attempts === 1 ? 'once' : `${attempts} times`;
  if (err.name === 'CredentialsProviderError' || /could not load credentials/i.test(err.message ?? '')) {
    return new RefreshError('NO_CREDENTIALS', `no AWS credentials found (${CREDENTIALS_HELP}); the credentials need IAM actions ${REQUIRED_IAM_ACTIONS.join(', ')} (${TAIL})`, {
      cause: e,
    });
  }
  if (isThrottling(e)) {
    return new RefreshError('THROTTLED', `the AWS Price List API throttled ${what} ${attempts} times in a row; try again later (${TAIL})`, { cause: e });
  }
  if (ACCESS_ERRORS.has(err.name ?? '') || statusOf(e) === 403) {
    return new RefreshError(
      'ACCESS_DENIED',
      `access denied by the AWS Price List API for ${what} (${detail}); the credentials need IAM actions ${REQUIRED_IAM_ACTIONS.join(', ')} on Resource "*" (${TAIL})`,
      { cause: e },
    );
  }
  const fault = networkFault(e);
  if (fault === 'timed out') {
    return new RefreshError('NETWORK', `no answer from the AWS Price List API for ${what} within the ${formatMs(timeoutMs)} request timeout, ${times} (${TAIL})`, { cause: e });
  }
  const status = statusOf(e);
  if (fault !== undefined && status !== undefined) {
    return new RefreshError('NETWORK', `the AWS Price List API's answer to ${what} broke off mid-way, ${times} (${detail}; ${TAIL})`, { cause: e });
  }
  if (status !== undefined && status >= 500) {
    return new RefreshError('NETWORK', `the AWS Price List API failed ${what} with HTTP ${status} ${attempts} times (${detail}; ${TAIL})`, { cause: e });
  }
  if (status !== undefined) return new RefreshError('API_ERROR', `the AWS Price List API refused ${what} (HTTP ${status}, ${detail}; ${TAIL})`, { cause: e });
  return new RefreshError('NETWORK', `cannot reach the AWS Price List API for ${what}, ${times} (${detail}; ${TAIL})`, { cause: e });
}
