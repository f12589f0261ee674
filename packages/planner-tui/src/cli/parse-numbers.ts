import { MAX_USERS, numberText } from '@tier-planner/cost-model';
import { quoted } from '../render/printable.js';
import { UsageError } from './usage-error.js';

// Decimal digits only: JavaScript's Number() would also take 0x10, 1e3, 0o7, Infinity and " 5".
const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
// Thousands written out exactly: 1 to 3 digits, then groups of three, one separator throughout.
const THOUSANDS = /^\d{1,3}(?:(,)\d{3}(?:,\d{3})*|(_)\d{3}(?:_\d{3})*)$/;

/** A number flag in plain decimal (12 or 12.5; whole numbers only when `integer`), from `min` to `max`. */
export function parseNumber(flag: string, text: string, min: number, max: number, integer = false): number {
  const n = (integer ? WHOLE : DECIMAL).test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a decimal number'} from ${numberText(min)} to ${numberText(max)}, got ${quoted(text)}`);
  }
  return n;
}

/** Digits, or digits with thousands separators in their exact form (10,000 or 10_000); undefined otherwise. */
function wholeWithSeparators(text: string, separators: 'comma or underscore' | 'underscore'): number | undefined {
  if (WHOLE.test(text)) return Number(text);
  const m = THOUSANDS.exec(text);
  if (!m || (separators === 'underscore' && m[1] !== undefined)) return undefined;
  return Number(text.replace(/[,_]/g, ''));
}

/** A whole number of users from 1 to 10 billion: 10000, 10,000 or 10_000. */
export function parseUsers(text: string | undefined): number {
  if (text === undefined) throw new UsageError('--users is required (for example --users 10000)');
  const n = wholeWithSeparators(text, 'comma or underscore');
  if (n === undefined) {
    const list = /^\d+(,\d+)+$/.test(text) ? '; for several user counts use tier-planner ladder --users 1,10,100' : '';
    throw new UsageError(`--users must be a whole number such as 10000, 10,000 or 10_000, got ${quoted(text)}${list}`);
  }
  if (n < 1 || n > MAX_USERS) throw new UsageError(`--users must be between 1 and ${numberText(MAX_USERS)}, got ${quoted(text)}`);
  return n;
}

/** `ladder --users 1,10,1_000`: 1 to 40 user counts, commas between them, _ for thousands. Sorted, duplicates dropped. */
export function parseUserList(text: string): number[] {
  const parts = text.split(',');
  if (parts.length > 40) throw new UsageError('--users takes 1 to 40 comma-separated user counts');
  const users = parts.map((p) => {
    if (p === '') throw new UsageError(`--users: empty entry in ${quoted(text)}; write counts like 1,10,1_000 (no empty entries)`);
    const n = wholeWithSeparators(p, 'underscore');
    if (n === undefined) throw new UsageError(`--users: ${quoted(p)} is not a whole number (write 10000 or 10_000; commas separate the list)`);
    if (n < 1 || n > MAX_USERS) throw new UsageError(`--users: ${quoted(p)} is outside 1 to ${numberText(MAX_USERS)}`);
    return n;
  });
  return [...new Set(users)].sort((a, b) => a - b);
}
