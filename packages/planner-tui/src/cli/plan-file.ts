import { readFileSync } from 'node:fs';
import { PLAN_JSON_KIND, PLAN_JSON_SCHEMA_VERSION, planFromJson, type Plan } from '@tier-planner/cost-model';
import { printable } from '../render/printable.js';
import { JsonSchemaChecker, type Schema } from './check-json-schema.js';
import { readJsonFile } from './plan-inputs.js';
import { fileProblems, UsageError } from './usage-error.js';

let checker: JsonSchemaChecker | undefined;

/** schema/plan.v1.schema.json, two folders up from both src/cli and dist/cli. */
function planChecker(): JsonSchemaChecker {
  checker ??= new JsonSchemaChecker(JSON.parse(readFileSync(new URL('../../schema/plan.v1.schema.json', import.meta.url), 'utf8')) as Schema);
  return checker;
}

/** Every problem of a plan document against the plan schema, as "$.path: problem" lines; [] when valid. */
export function planFileProblems(value: unknown): string[] {
  return planChecker().check(value);
}

/** A plan file written by `tier-planner --json`, checked against the plan schema before it is read. */
export function readPlanFile(path: string): Plan {
  const value = readJsonFile(path, 'plan file');
  const doc = value as { kind?: unknown; schemaVersion?: unknown } | null;
  const name = printable(path);
  // Another kind or version is one clear sentence, not a list of every field that differs.
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || doc.kind !== PLAN_JSON_KIND) throw new UsageError(`${name} is not a tier-planner plan (write one with tier-planner --users N --json)`);
  if (doc.schemaVersion !== PLAN_JSON_SCHEMA_VERSION) throw new UsageError(`${name} has plan schema version ${printable(JSON.stringify(doc.schemaVersion) ?? 'none', 40)}; this build reads ${PLAN_JSON_SCHEMA_VERSION}`);
  const problems = planFileProblems(value);
  if (problems.length) throw fileProblems(name, 'plan file', problems);
  return planFromJson(value, name);
}
