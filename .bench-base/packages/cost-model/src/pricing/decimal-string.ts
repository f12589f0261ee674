/** A non-negative plain decimal such as "12.5": no exponent, no sign, no thousands separators. */
export const DECIMAL_STRING = /^(0|[1-9]\d*)(\.\d+)?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}
