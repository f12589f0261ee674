/** Why a refresh failed. Every failure happens before the snapshot is written. */
export type RefreshErrorCode =
  | 'THROTTLED'
  | 'NETWORK'
  | 'API_ERROR'
  | 'MALFORMED_ITEM'
  | 'ACCESS_DENIED'
  | 'NO_CREDENTIALS'
  | 'EMPTY'
  | 'ABORTED'
  | 'INVALID_REGION'
  | 'INVALID_SNAPSHOT'
  | 'WRITE_FAILED';

/** A refresh failure with a one-line message fit for the terminal. */
export class RefreshError extends Error {
  override readonly name = 'RefreshError';
  constructor(
    readonly code: RefreshErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message.replace(/\s*\n\s*/g, ' '), options);
  }
}

/** The IAM actions the refresh uses; quoted in ACCESS_DENIED messages and the docs. */
export const REQUIRED_IAM_ACTIONS = ['pricing:GetProducts', 'pricing:DescribeServices', 'pricing:GetAttributeValues'] as const;
