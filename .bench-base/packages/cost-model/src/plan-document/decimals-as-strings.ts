/** JSON.stringify replacer: exact decimals (decimal.js values) become plain decimal strings, maps objects. */
export function decimalsAsStrings(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toFixed?: unknown }).toFixed === 'function' && typeof (value as { plus?: unknown }).plus === 'function') {
    return (value as { toFixed(): string }).toFixed();
  }
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
