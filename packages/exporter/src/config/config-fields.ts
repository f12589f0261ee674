import { ConfigError } from './config-error.js';

export type Obj = Record<string, unknown>;

export function object(value: unknown, where: string, file: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, `${where} must be a mapping (key: value), got ${describe(value)}`);
  return value as Obj;
}

export function optionalString(value: unknown, where: string, file: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(file, `${where} must be a non-empty string, got ${describe(value)}`);
  return (value as string).trim();
}

/** Unknown keys are typos more often than not; name them. */
export function known(obj: Obj, keys: readonly string[], prefix: string, file: string): void {
  const extra = Object.keys(obj).find((k) => !keys.includes(k));
  if (extra !== undefined) fail(file, `unknown setting ${prefix}${extra} (known: ${keys.join(', ')})`);
}

export const describe = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'nothing' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v));

export function fail(file: string, message: string): never {
  throw new ConfigError(`${file}: ${message}`);
}

export function withFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`${file}: ${e.message}`);
    throw e;
  }
}
