/** Why a refresh failed: the `reason` label of tier_planner_refresh_errors_total. */
export const REFRESH_ERROR_REASONS = [
  'throttled',
  'no_credentials',
  'access_denied',
  'network',
  'invalid_response',
  'budget_exhausted',
  // Data export and Athena sources: the engine could not run the query, it ran out of time, the
  // month has no line past its first days, or the export is not one (missing folder or columns).
  'query_failed',
  'timeout',
  'no_data',
  'bad_input',
  'other',
] as const;
export type RefreshErrorReason = (typeof REFRESH_ERROR_REASONS)[number];

export class RefreshError extends Error {
  override readonly name = 'RefreshError';
  constructor(
    readonly reason: RefreshErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message.replace(/\s*\n\s*/g, ' '), options);
  }
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

const THROTTLING = new Set(['LimitExceededException', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const ACCESS = new Set(['AccessDeniedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'InvalidClientTokenId', 'MissingAuthenticationTokenException']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const CREDENTIALS_HINT = 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE or costExplorer.profile for a profile in ~/.aws/config, or run with an instance, pod or container role';

/** Sorts an AWS SDK (or socket) error into a reason, with a one-line message safe to log. */
export function classifyError(e: unknown, operation: string): RefreshError {
  if (e instanceof RefreshError) return e;
  const err = (e ?? {}) as SdkErrorShape;
  const name = err.name ?? 'Error';
  const status = err.$metadata?.httpStatusCode;
  const detail = `${name}: ${(err.message ?? String(e)).split('\n')[0]!.slice(0, 300)}`;
  // The default credential chain found nothing: no request was made, so AWS cannot have refused it.
  if (name === 'CredentialsProviderError') return new RefreshError('no_credentials', `${operation} failed (no_credentials): no AWS credentials found (${CREDENTIALS_HINT}; ${detail})`, { cause: e });
  const reason: RefreshError['reason'] =
    THROTTLING.has(name) || status === 429
      ? 'throttled'
      : ACCESS.has(name) || status === 403
        ? 'access_denied'
        : NETWORK_CODES.has(err.code ?? '') || name === 'TimeoutError' || name === 'AbortError' || /socket hang up|ECONNRESET|ECONNREFUSED/.test(err.message ?? '') || (status !== undefined && status >= 500)
          ? 'network'
          : name === 'SyntaxError' || /Deserialization|Unexpected token|JSON/.test(err.message ?? '')
            ? 'invalid_response'
            : 'other';
  return new RefreshError(reason, `${operation} failed (${reason}): ${detail}`, { cause: e });
}
