import { printable } from '../render/printable.js';

/**
 * The part of JSON Schema (draft 2020-12) that the plan schema uses, checked without a runtime
 * dependency. A keyword outside this set is refused when the schema is compiled, so the schema
 * cannot say more than this checker enforces (a test runs Ajv beside it over valid and damaged plans).
 */
export interface Schema {
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | false;
  readonly items?: Schema;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly oneOf?: readonly Schema[];
  readonly $ref?: string;
  readonly description?: string;
}

const KEYWORDS = new Set(['type', 'const', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength', 'pattern', 'oneOf', '$ref', '$defs', '$schema', '$id', 'title', 'description']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Checks values against a schema; `check` returns one "path: problem" line per problem, [] when valid. */
export class JsonSchemaChecker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Schema & { readonly $defs?: Readonly<Record<string, Schema>> }) {
    this.compile(root, '#');
  }

  check(value: unknown): string[] {
    const problems: string[] = [];
    this.visit(value as Json, this.root, '$', problems);
    return problems;
  }

  private compile(schema: Schema, at: string): void {
    for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) throw new Error(`schema keyword ${key} at ${at} is not supported`);
    if (schema.pattern !== undefined) this.patterns.set(schema.pattern, new RegExp(schema.pattern, 'u'));
    if (schema.$ref !== undefined) this.resolve(schema.$ref);
    for (const [k, s] of Object.entries(schema.properties ?? {})) this.compile(s, `${at}/properties/${k}`);
    for (const [k, s] of Object.entries((schema as { $defs?: Record<string, Schema> }).$defs ?? {})) this.compile(s, `${at}/$defs/${k}`);
    if (schema.items) this.compile(schema.items, `${at}/items`);
    if (schema.additionalProperties) this.compile(schema.additionalProperties, `${at}/additionalProperties`);
    schema.oneOf?.forEach((s, i) => this.compile(s, `${at}/oneOf/${i}`));
  }

  private resolve(ref: string): Schema {
    const name = /^#\/\$defs\/([\w-]+)$/.exec(ref)?.[1];
    const target = name === undefined ? undefined : this.root.$defs?.[name];
    if (!target) throw new Error(`schema $ref ${ref} does not name an entry of $defs`);
    return target;
  }

  private visit(v: Json, schema: Schema, path: string, problems: string[]): void {
    if (schema.$ref !== undefined) return this.visit(v, this.resolve(schema.$ref), path, problems);
    const say = (problem: string) => void problems.push(`${path}: ${problem}`);
    if (schema.type !== undefined && !hasType(v, schema.type)) return say(`must be ${TYPE_NAMES[schema.type]}, got ${describe(v)}`);
    if ('const' in schema && !sameJson(v, schema.const)) say(`must be ${JSON.stringify(schema.const)}, got ${describe(v)}`);
    if (schema.enum && !schema.enum.some((e) => sameJson(v, e))) say(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${describe(v)}`);
    if (typeof v === 'number') {
      if (schema.minimum !== undefined && v < schema.minimum) say(`must be at least ${schema.minimum}, got ${v}`);
      if (schema.exclusiveMinimum !== undefined && v <= schema.exclusiveMinimum) say(`must be more than ${schema.exclusiveMinimum}, got ${v}`);
      if (schema.maximum !== undefined && v > schema.maximum) say(`must be at most ${schema.maximum}, got ${v}`);
    }
    if (typeof v === 'string') {
      const length = [...v].length;
      if (schema.minLength !== undefined && length < schema.minLength) say(schema.minLength === 1 ? 'must not be empty' : `must have at least ${schema.minLength} characters`);
      if (schema.maxLength !== undefined && length > schema.maxLength) say(`must have at most ${schema.maxLength} characters, has ${length}`);
      if (schema.pattern !== undefined && !this.patterns.get(schema.pattern)!.test(v)) say(`must be ${schema.description ?? `a string matching ${schema.pattern}`}, got ${describe(v)}`);
    }
    if (Array.isArray(v) && schema.items) v.forEach((item, i) => this.visit(item, schema.items!, `${path}[${i}]`, problems));
    if (isObject(v)) {
      for (const key of schema.required ?? []) if (!Object.hasOwn(v, key)) problems.push(`${childPath(path, key)}: required`);
      for (const [key, item] of Object.entries(v)) {
        const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
        if (property) this.visit(item, property, childPath(path, key), problems);
        else if (schema.additionalProperties === false) problems.push(`${childPath(path, key)}: unknown field`);
        else if (schema.additionalProperties) this.visit(item, schema.additionalProperties, childPath(path, key), problems);
      }
    }
    if (schema.oneOf) {
      const matching = schema.oneOf.filter((s) => this.matches(v, s)).length;
      if (matching !== 1) say(`must have exactly one of: ${schema.oneOf.map(describeSchema).join(', ')}; has ${matching === 0 ? 'none' : 'more than one'}`);
    }
  }

  private matches(v: Json, schema: Schema): boolean {
    const problems: string[] = [];
    this.visit(v, schema, '$', problems);
    return problems.length === 0;
  }
}

const TYPE_NAMES = { object: 'an object', array: 'an array', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' } as const;

function hasType(v: Json, type: NonNullable<Schema['type']>): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return typeof v === type;
  }
}

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `$.a.b`, or `$.a["Data Transfer"]` for a key that is not a plain name. */
function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(printable(key, 60))}]`;
}

/** A value named in a problem: short, printable, its JSON type clear. */
function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${printable(v, 40)}"`;
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large for JSON';
  return printable(JSON.stringify(v), 40);
}

function describeSchema(s: Schema): string {
  return s.required && Object.keys(s).length === 1 ? `(${s.required.join(' and ')})` : '(a sub-schema)';
}
