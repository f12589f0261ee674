// Numbers as en-US text ("1,234.5"), the way Intl.NumberFormat('en-US') writes them, without Intl:
// a process's first use of Intl sets up ICU's number formatting, which costs more than a printed
// plan's whole model run (~10–30 ms), and the CLI's start-up is what the user waits for.

export interface NumberTextOptions {
  /** As Intl's: fewest decimals shown (zeros added); default 0. */
  readonly minimumFractionDigits?: number;
  /** As Intl's: most decimals shown (rounded half away from zero); default max(minimum, 3). */
  readonly maximumFractionDigits?: number;
  /** As Intl's, up to 14: most significant digits shown; when given, the fraction digits are not used. */
  readonly maximumSignificantDigits?: number;
}

/**
 * `x` in en-US with thousands separators, rounded as Intl rounds: on the shortest decimal that
 * reads back as `x` (so 1.005 → "1.01" at 2 decimals), half away from zero.
 */
export function numberText(x: number, options: NumberTextOptions = {}): string {
  const min = options.minimumFractionDigits ?? 0;
  const max = options.maximumFractionDigits ?? Math.max(min, 3);
  if (min > max) throw new RangeError(`maximumFractionDigits ${max} is below minimumFractionDigits ${min}`);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return `${sign}∞`;
  const abs = Math.abs(x);
  const significant = options.maximumSignificantDigits;
  // Most figures are whole counts: their shortest digits are String(abs) (below 1e21).
  if (significant === undefined && Number.isInteger(abs) && abs < 1e21) return `${sign}${group(String(abs))}${min > 0 ? `.${'0'.repeat(min)}` : ''}`;
  let digits: string;
  let point: number; // digits before the decimal point
  const plain = String(abs); // the shortest digits that read back as abs, in plain notation from 1e-7 to 1e21
  if (significant === undefined && !plain.includes('e')) {
    const dot = plain.indexOf('.');
    digits = dot < 0 ? plain : plain.slice(0, dot) + plain.slice(dot + 1);
    point = dot < 0 ? plain.length : dot;
  } else {
    const [mantissa, exp] = abs.toExponential().split('e') as [string, string];
    digits = mantissa.replace('.', '');
    point = Number(exp) + 1;
  }
  const zeros = Math.max(0, -point); // zeros after the point before the first significant digit
  if (zeros > 0) digits = '0'.repeat(zeros) + digits;
  point += zeros;
  const keep = significant === undefined ? point + max : digits.length - digits.replace(/^0+/, '').length + significant;
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (up) {
      const carried = increment(digits);
      if (carried.length > digits.length) point += 1;
      digits = carried;
    }
  }
  if (digits.length < point) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  let fraction = digits.slice(point).replace(/0+$/, '');
  if (significant === undefined && fraction.length < min) fraction += '0'.repeat(min - fraction.length);
  return `${sign}${group(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** A whole number of things in en-US: numberText with no decimals. */
export const countText = (x: number): string => numberText(x, { maximumFractionDigits: 0 });

/** "999" + 1 → "1000", on a string of decimal digits ("" + 1 → "1"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i -= 1;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

/** "1234567" → "1,234,567". */
function group(whole: string): string {
  if (whole.length <= 3) return whole;
  let out = whole.slice(0, whole.length % 3 || 3);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
