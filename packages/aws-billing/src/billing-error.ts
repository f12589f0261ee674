/** Why reading actual spend failed; each comes with a one-line message that says what to do. */
export type BillingErrorReason =
  /** A path, month, format or column that cannot be read as given (CLI exit 2). */
  | 'bad_input'
  /** The export holds no line for the month asked. */
  | 'no_data'
  /** The engine refused or could not run the query (corrupt file, SQL error, Athena FAILED). */
  | 'query_failed'
  /** The query did not finish within its deadline. */
  | 'timeout'
  /** No connection, or the service answered with an error that is not the query's fault. */
  | 'network'
  /** No credentials, or they were refused. */
  | 'credentials';

export class BillingError extends Error {
  override readonly name = 'BillingError';
  constructor(
    readonly reason: BillingErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The first line of an engine's message: DuckDB and Athena add context lines a person does not need. */
export function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim() !== '')?.trim() ?? message;
}
