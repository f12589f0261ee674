// Exact decimal strings for money. Prices are never parsed as floats: "0.0960000000" becomes
// "0.096" by string manipulation, and unit changes shift the decimal point.

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

export function isPlainDecimal(value: unknown): value is string {
  return typeof value === 'string' && PLAIN_DECIMAL.test(value);
}

/** "0.0960000000" → "0.096", "007" → "7", "0.000" → "0". Throws on anything but a plain decimal. */
export function normalizeDecimal(value: string): string {
  if (!isPlainDecimal(value)) throw new Error(`"${value}" is not a plain decimal`);
  const [rawInt, rawFrac = ''] = value.split('.');
  const int = rawInt!.replace(/^0+(?=\d)/, '');
  const frac = rawFrac.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** Multiplies by 10^places (negative places divide), exactly. */
export function shiftDecimal(value: string, places: number): string {
  const { digits, scale } = toScaled(value);
  return fromScaled(digits, scale - places);
}

export function addDecimals(a: string, b: string): string {
  const [x, y, scale] = aligned(a, b);
  return fromScaled(x + y, scale);
}

/** a − b; throws when the result would be negative (prices never are). */
export function subtractDecimals(a: string, b: string): string {
  const [x, y, scale] = aligned(a, b);
  if (y > x) throw new Error(`${a} − ${b} is negative`);
  return fromScaled(x - y, scale);
}

export function compareDecimals(a: string, b: string): number {
  const [x, y] = aligned(a, b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export const isZeroDecimal = (value: string): boolean => normalizeDecimal(value) === '0';

/** value = digits × 10^-scale */
function toScaled(value: string): { digits: bigint; scale: number } {
  const n = normalizeDecimal(value);
  const [int, frac = ''] = n.split('.');
  return { digits: BigInt(int! + frac), scale: frac.length };
}

function fromScaled(digits: bigint, scale: number): string {
  if (scale <= 0) return normalizeDecimal((digits * 10n ** BigInt(-scale)).toString());
  const text = digits.toString().padStart(scale + 1, '0');
  return normalizeDecimal(`${text.slice(0, -scale)}.${text.slice(-scale)}`);
}

function aligned(a: string, b: string): [bigint, bigint, number] {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.digits * 10n ** BigInt(scale - x.scale), y.digits * 10n ** BigInt(scale - y.scale), scale];
}
