/** Why a price book could not be had. The CLI maps every code to exit status 2 and prints `message`. */
export type PricingErrorCode =
  | 'UNKNOWN_REGION'
  | 'MISSING_FILE'
  | 'CORRUPT_SNAPSHOT'
  | 'INVALID_SNAPSHOT'
  | 'UNSUPPORTED_SCHEMA';

export class PricingError extends Error {
  override readonly name = 'PricingError';
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
