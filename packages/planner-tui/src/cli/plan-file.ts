import { readFileSync } from 'node:fs';
import { PLAN_JSON_KIND, PLAN_JSON_SCHEMA_VERSION, planFromJson, type Plan } from '@tier-planner/cost-model';
import { printable } from '../render/printable.js';
import { JsonSchemaChecker, type Schema } from './check-json-schema.js';
import { readJsonFile } from './plan-inputs.js';
import { UsageError } from './usage-error.js';

/** At most this many problems are listed for one file; the count says how many more there are. */
const LISTED_PROBLEMS = 20;

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
  if (problems.length) {
    const more = problems.length > LISTED_PROBLEMS ? [`${name}: … and ${problems.length - LISTED_PROBLEMS} more`] : [];
    throw new UsageError(`${name} is not a valid plan file (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, [...problems.slice(0, LISTED_PROBLEMS).map((p) => `${name}: ${p}`), ...more]);
  }
  return planFromJson(value, name);
}
