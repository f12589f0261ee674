import { BillingError, firstLine } from '../billing-error.js';

// Error names the SDK gives refused or missing credentials.
const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'AccessDeniedException',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const THROTTLING_ERRORS = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded']);
// Node's socket errors: nothing answered.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SdkError {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly errors?: readonly { code?: string; message?: string }[];
}

/**
 * An Athena API error (after the SDK's own retries) as a BillingError with one line a person can
 * act on: which call, what Athena or the network said.
 */
export function athenaApiError(call: string, where: string, e: unknown): BillingError {
  if (e instanceof BillingError) return e;
  const err = (e ?? {}) as SdkError;
  const name = err.name ?? '';
  // A refused connection to a host with several addresses arrives as an AggregateError.
  const code = err.code ?? err.errors?.find((x) => x.code)?.code ?? '';
  const said = firstLine(err.message || err.errors?.find((x) => x.message)?.message || name || String(e));
  if (CREDENTIAL_ERRORS.has(name)) return new BillingError('credentials', `Athena ${call} refused the credentials: ${said}`);
  if (THROTTLING_ERRORS.has(name)) return new BillingError('network', `Athena ${call} is throttled (${name}) after the SDK's retries: ${said}`);
  if (NETWORK_CODES.has(code) || name === 'TimeoutError' || name === 'RequestTimeout') return new BillingError('network', `cannot reach Athena at ${where} (${call}): ${said}`);
  if (name === 'InvalidRequestException' || name === 'ResourceNotFoundException' || name === 'MetadataException') return new BillingError('bad_input', `Athena ${call} refused the request: ${said}`);
  return new BillingError('network', `Athena ${call} failed (${name || 'error'}): ${said}`);
}

/**
 * A FAILED query as a BillingError. A column the table lacks (COLUMN_NOT_FOUND) is the caller's
 * input: the table is not of the format asked, or is older than the column; say which column.
 */
export function athenaQueryFailure(table: string, queryId: string, reason: string): BillingError {
  const line = firstLine(reason);
  // Engine version 3 says COLUMN_NOT_FOUND; version 2 said SYNTAX_ERROR with the same words.
  const missing = /(?:COLUMN_NOT_FOUND|SYNTAX_ERROR):.*?Column '([^']+)' cannot be resolved/.exec(line);
  if (missing) return new BillingError('bad_input', `the Athena table ${table} has no column ${missing[1]} (COLUMN_NOT_FOUND, query ${queryId}): is it a table of the export format asked?`);
  return new BillingError('query_failed', `Athena query ${queryId} failed: ${line}`);
}
