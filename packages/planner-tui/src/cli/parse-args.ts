import { UsageError } from './usage-error.js';

/** Runs a node:util parseArgs call, turning its errors into one-line usage errors. */
export function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const first = (e as Error).message.split('\n')[0]!;
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(first);
    // parseArgs reads "--users -5" as an option followed by another option.
    if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value; to pass one that starts with "-", write ${ambiguous[1]}=VALUE`);
    throw new UsageError(first.replace(/\. To specify a positional argument.*$/, '').replace(/^Unknown option/, 'unknown option'));
  }
}

/** A whole number of users from 1 to 10 billion, with optional thousands separators (10,000 or 10_000). */
export function parseUsers(text: string | undefined): number {
  if (text === undefined) throw new UsageError('--users is required (for example --users 10000)');
  const clean = text.replace(/[,_]/g, '');
  if (!/^\d+$/.test(clean)) throw new UsageError(`--users must be a whole number, got ${JSON.stringify(text)}`);
  const n = Number(clean);
  if (n < 1 || n > 10_000_000_000) throw new UsageError(`--users must be between 1 and 10,000,000,000, got ${text}`);
  return n;
}

export function parseRegion(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(text)) throw new UsageError(`--region must be an AWS region code such as us-east-1, got ${JSON.stringify(text)}`);
  return text;
}
