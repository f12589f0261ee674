// The plan schema and the checker `tier-planner diff` runs on plan files agree: Ajv (the reference
// JSON Schema implementation, a dev dependency only) and our checker accept the same plans and
// report the same JSON paths for damaged ones.
import { readFileSync } from 'node:fs';
import { listProfiles, loadPriceBook, planTier, planToJson } from '@tier-planner/cost-model';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSchemaChecker } from '../../packages/planner-tui/src/cli/check-json-schema.js';
import { planFileProblems } from '../../packages/planner-tui/src/cli/plan-file.js';

const schema = JSON.parse(readFileSync(new URL('../../packages/planner-tui/schema/plan.v1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const book = loadPriceBook({ embeddedOnly: true });
const plans: Json[] = [];
for (const { name } of listProfiles()) {
  for (const users of [1, 10_000, 1_000_000]) plans.push(planToJson(planTier({ users, profile: name }, book)) as Json);
}
plans.push(planToJson(planTier({ users: 10_000, profile: 'eks-web-app' }, book, { purchase: 'reserved-1yr' })) as Json);
plans.push(planToJson(planTier({ users: 100_000, profile: 'eks-web-app' }, book, { purchase: 'reserved-1yr', commit: 'floor' })) as Json);
plans.push(planToJson(planTier({ users: 100_000, profile: 'fintech-fargate-jenkins' }, book, { purchase: 'savings-plan', commit: 'floor' })) as Json);
plans.push(planToJson(planTier({ users: 10_000, profile: 'fintech-fargate-jenkins' }, book, { purchase: 'spot', hoursPerMonth: 720, samples: 5, seed: 7 })) as Json);

// Discounts and a price override (one on an unpriced Spot line): adjusted lines and the summary.
// Kept apart from `plans` so the seeded damage run over those plans stays as it was.
const adjusted = planToJson(
  planTier({ users: 100_000, profile: 'eks-web-app' }, book, {
    purchase: 'spot',
    priceAdjustments: {
      edp: { percent: '6', from: '--discount edp=6%' },
      services: [{ service: 'EBS', percent: '3', from: '--discount EBS=3%' }],
      overrides: [{ key: `ec2/${planTier({ users: 100_000, profile: 'eks-web-app' }, book).nodes[0]!.instanceType}/spot`, usd: '0.01', note: 'test rate', from: '--prices p.json' }],
    },
  }),
) as Json;

const ident = (key: string) => /^[A-Za-z_$][\w$]*$/.test(key);
const step = (key: string | number) => (typeof key === 'number' ? `[${key}]` : ident(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** Ajv's JSON Pointer as the checker's "$.a[0]["b c"]" path; a missing property names the property. */
function pathOf(e: ErrorObject, doc: unknown): string {
  const parts = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  // A pointer segment is an index only inside an array: an object may have a key "0".
  const keys: (string | number)[] = [];
  let node: unknown = doc;
  for (const p of parts) {
    const key = Array.isArray(node) && /^\d+$/.test(p) ? Number(p) : p;
    keys.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  if (e.keyword === 'required') keys.push((e.params as { missingProperty: string }).missingProperty);
  // An unknown property: the checker names it, as it names a missing one.
  if (e.keyword === 'additionalProperties') keys.push((e.params as { additionalProperty: string }).additionalProperty);
  return '$' + keys.map(step).join('');
}

function ajvPaths(value: unknown): Set<string> {
  if (ajv(value)) return new Set();
  // Errors inside a oneOf branch explain the oneOf error; the checker reports the oneOf alone.
  return new Set(ajv.errors!.filter((e) => !e.schemaPath.includes('/oneOf/')).map((e) => pathOf(e, value)));
}

const ourPaths = (value: unknown) => new Set(planFileProblems(value).map((p) => p.slice(0, p.indexOf(': '))));

/** Every path in a JSON value, as key lists. */
function allPaths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => allPaths(x, [...at, i]))];
  if (v !== null && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => allPaths(x, [...at, k]))];
  return here;
}

const REMOVE = Symbol('remove');
const evil: fc.Arbitrary<Json | typeof REMOVE> = fc.oneof(
  fc.constantFrom<Json | typeof REMOVE>(REMOVE, -5, 0, 1.5, 1e400, -1e400, 10_000_000_001, '1e400', '-5', '', ' 12', '12.', '0012', '1'.repeat(30), 'x'.repeat(300), 'x'.repeat(20_000), '\u001b]0;t\u0007', null, true, {}, [], 'eks', 'us-east-1', 'not-a-region', 'memory'),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** The plan with each damage applied in turn: a value replaced or removed (skipped when an earlier damage removed its parent). */
function damaged(plan: Json, damages: readonly (readonly [(string | number)[], Json | typeof REMOVE])[]): Json {
  const copy = structuredClone(plan);
  for (const [path, value] of damages) {
    let parent: any = copy;
    for (const k of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? parent[k] : undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const last = path[path.length - 1]!;
    if (value !== REMOVE) parent[last] = value;
    else if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  }
  return copy;
}

describe('plan schema and plan-file checker agree', () => {
  it.each(plans.map((p, i) => [i, p] as const))('plan %i is valid for both', (_i, plan) => {
    expect(ajv(plan), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(planFileProblems(plan)).toEqual([]);
  });

  // Plans with a floor commitment and upfront fees (made-up reserved rates would need a synthetic book;
  // the embedded one prices t3.medium reserved, and a Fargate plan whose Savings Plans rates are missing).
  const committed = [
    planToJson(planTier({ users: 100_000, profile: 'eks-web-app' }, book, { purchase: 'reserved-1yr', commit: 'floor' })),
    planToJson(planTier({ users: 100_000, profile: 'fintech-fargate-jenkins' }, book, { purchase: 'savings-plan', commit: 'floor' })),
  ] as Json[];
  it.each(committed.map((p, i) => [i, p] as const))('committed plan %i is valid for both, and both refuse a damaged commitment', (_i, plan) => {
    expect((plan as { commitment?: unknown }).commitment).toBeDefined();
    expect(ajv(plan), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(planFileProblems(plan)).toEqual([]);
    for (const [path, value] of [[['commitment', 'coverage'], 1.5], [['commitment', 'hourlyUsd'], '-1'], [['commitment', 'termMonths'], 24], [['commitment', 'breakEvenMonth'], 0]] as const) {
      const doc = damaged(plan, [[[...path], value]]);
      expect([...ourPaths(doc)].sort()).toEqual([...ajvPaths(doc)].sort());
      expect(ourPaths(doc).size).toBeGreaterThan(0);
    }
  });

  it('a damaged plan: both refuse it, at the same JSON paths', () => {
    const cases = fc.constantFrom(...plans).chain((plan) => fc.tuple(fc.constant(plan), fc.array(fc.tuple(fc.constantFrom(...allPaths(plan)), evil), { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(cases, ([plan, damages]) => {
        const doc = damaged(plan, damages);
        const what = damages.map(([path, value]) => `${path.join('.')} ← ${String(JSON.stringify(value)).slice(0, 60)}`).join('; ');
        // Ajv sees the document as a plan file holds it: JSON has no Infinity (1e400 reads back as null).
        expect([...ourPaths(doc)].sort(), what).toEqual([...ajvPaths(JSON.parse(JSON.stringify(doc)))].sort());
      }),
      { numRuns: 3_000, seed: 20261201 },
    );
  }, 120_000);

  it('a plan with discounts and overrides is valid for both; damaged in its adjustments, both refuse it at the same paths', () => {
    expect(ajv(adjusted), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(planFileProblems(adjusted)).toEqual([]);
    const paths = allPaths(adjusted).filter((p) => p[0] === 'priceAdjustments' || p.includes('adjustment'));
    expect(paths.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), evil), { minLength: 1, maxLength: 3 }), (damages) => {
        const doc = damaged(adjusted, damages);
        expect([...ourPaths(doc)].sort()).toEqual([...ajvPaths(doc)].sort());
      }),
      { numRuns: 1_000, seed: 20261201 },
    );
  }, 60_000);

  it('refuses a schema keyword it does not enforce, so the schema cannot promise more than diff checks', () => {
    expect(() => new JsonSchemaChecker({ type: 'object', properties: { a: { type: 'string', format: 'date' } as never } })).toThrow(/keyword format at #\/properties\/a is not supported/);
    expect(() => new JsonSchemaChecker({ $ref: '#/$defs/nope' })).toThrow(/does not name an entry/);
  });

  it('names the problems of the damaged files diff used to accept', () => {
    const plan = structuredClone(plans[1]) as any;
    plan.users = -5;
    plan.monthly.total = '1e400';
    plan.lineItems[0].quantity = 1e400;
    expect(planFileProblems(plan)).toEqual([
      '$.users: must be at least 1, got -5',
      '$.lineItems[0].quantity: must be a string, got a number too large for JSON',
      expect.stringMatching(/^\$\.monthly\.total: must be US dollars as a plain decimal string .*, got "1e400"$/),
    ]);
  });
});
