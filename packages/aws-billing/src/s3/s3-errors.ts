import { BillingError, firstLine } from '../billing-error.js';

const CREDENTIAL_ERRORS = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'CredentialsProviderError',
  'AllAccessDisabled',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_STREAM_PREMATURE_CLOSE']);

interface SdkError {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** An S3 SDK or transfer failure as one line that says what to do. */
export function s3Failure(e: unknown, what: string, bucket: string): BillingError {
  if (e instanceof BillingError) return e;
  const err = (e ?? {}) as SdkError;
  const name = err.name ?? '';
  const status = err.$metadata?.httpStatusCode;
  const message = firstLine(err.message ?? String(e));
  if (name === 'NoSuchBucket') return new BillingError('bad_input', `S3 bucket ${bucket} does not exist (${what})`);
  if (/region is missing/i.test(message)) return new BillingError('bad_input', `no AWS region for ${what}: set AWS_REGION or the profile's region`);
  if (/could not load credentials/i.test(message)) return new BillingError('credentials', `no AWS credentials for ${what}: set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or log in with aws sso login`);
  if (CREDENTIAL_ERRORS.has(name) || status === 403) {
    return new BillingError('credentials', `S3 refused ${what} (${name || status}): check the AWS credentials and their s3:ListBucket/s3:GetObject rights on ${bucket}`);
  }
  const code = err.code ?? '';
  if (NETWORK_CODES.has(code) || NETWORK_CODES.has(name) || name === 'TimeoutError' || (status !== undefined && status >= 500)) {
    return new BillingError('network', `S3 did not answer ${what}: ${message}`);
  }
  return new BillingError('network', `S3 failed ${what}: ${message}`);
}
