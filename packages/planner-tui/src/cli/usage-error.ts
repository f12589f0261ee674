import { printable } from '../render/printable.js';

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

/** At most this many problems are listed for one file; a last line says how many more there are. */
const LISTED_PROBLEMS = 20;
// A problem names a path and a value; long values are cut, so the line stays readable.
const PROBLEM_LIMIT = 300;

/** "FILE is not a valid WHAT (N problems):", then one "FILE: problem" line each. */
export function fileProblems(name: string, what: string, problems: readonly string[]): UsageError {
  const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `${name}: ${printable(p, PROBLEM_LIMIT)}`);
  if (problems.length > LISTED_PROBLEMS) listed.push(`${name}: … and ${problems.length - LISTED_PROBLEMS} more`);
  return new UsageError(`${name} is not a valid ${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, listed);
}

/** Exit statuses; `incomplete` is `price --strict` finding a line it cannot price. */
export const EXIT = { ok: 0, failure: 1, usage: 2, incomplete: 3 } as const;
