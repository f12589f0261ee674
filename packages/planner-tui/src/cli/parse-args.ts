import { quoted } from '../render/printable.js';
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

/** "eu-west-1", "ap-southeast-2", "us-gov-west-1": the shape of an AWS region code. */
export const isRegionCode = (text: string): boolean => text.length <= 30 && /^[a-z]{2}(-[a-z]+)+-\d$/.test(text);

export function parseRegion(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isRegionCode(text)) throw new UsageError(`--region must be an AWS region code such as us-east-1, got ${quoted(text)}`);
  return text;
}
