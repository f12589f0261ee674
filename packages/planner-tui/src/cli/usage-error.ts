/** Bad input from the user: printed as one line (plus one line per listed problem), exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** Problems to list under the message, one line each (e.g. "a.json: $.users: …"). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
