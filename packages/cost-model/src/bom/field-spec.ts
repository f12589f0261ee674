import { isDecimalString } from '../pricing/decimal-string.js';

/** A declarative check for one field of a bill-of-materials resource; `hint` says why a required field has no default. */
export type FieldSpec = FieldKind & { readonly hint?: string };

type FieldKind =
  | { readonly kind: 'string'; readonly required?: boolean }
  | { readonly kind: 'count'; readonly required?: boolean; readonly min?: number }
  | { readonly kind: 'number'; readonly required?: boolean; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean'; readonly required?: boolean }
  /** An exact non-negative decimal as a string ("1234.56"), for money carried into a resource. */
  | { readonly kind: 'decimal'; readonly required?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly required?: boolean }
  | { readonly kind: 'record'; readonly keys: readonly string[]; readonly required?: boolean };

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

const MAX_QUANTITY = 1e15;

/** Every problem with `value` against `specs`, as "path: message" lines. */
export function checkFields(value: Record<string, unknown>, specs: FieldSpecs, path: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!(key in specs) && key !== 'type' && key !== 'name') problems.push(`${path}.${key}: unknown field (known: ${Object.keys(specs).join(', ')})`);
  }
  for (const [key, spec] of Object.entries(specs)) {
    const v = value[key];
    const at = `${path}.${key}`;
    if (v === undefined) {
      if (spec.required) problems.push(`${at}: required${spec.hint ? ` (${spec.hint})` : ''}`);
      continue;
    }
    const problem = checkOne(v, spec);
    if (problem) problems.push(`${at}: ${problem}`);
  }
  return problems;
}

function checkOne(v: unknown, spec: FieldSpec): string | undefined {
  switch (spec.kind) {
    case 'string':
      return typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'decimal':
      return isDecimalString(v) ? undefined : `must be a plain decimal string such as "1234.5", got ${JSON.stringify(v)}`;
    case 'enum':
      return spec.values.includes(v as string) ? undefined : `must be one of ${spec.values.join(', ')}, got ${JSON.stringify(v)}`;
    case 'count':
      return Number.isSafeInteger(v) && (v as number) >= (spec.min ?? 0) ? undefined : `must be a whole number >= ${spec.min ?? 0}, got ${JSON.stringify(v)}`;
    case 'number': {
      const min = spec.min ?? 0;
      const max = spec.max ?? MAX_QUANTITY;
      return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? undefined : `must be a number from ${min} to ${max}, got ${JSON.stringify(v)}`;
    }
    case 'record': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object';
      for (const [k, x] of Object.entries(v)) {
        if (!spec.keys.includes(k)) return `unknown key ${JSON.stringify(k)} (known: ${spec.keys.join(', ')})`;
        if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > MAX_QUANTITY) return `${k} must be a number >= 0`;
      }
      return undefined;
    }
  }
}
