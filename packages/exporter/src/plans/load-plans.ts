import { readFileSync } from 'node:fs';
import { defaultPlanName, isModelInputError, loadPriceBook, PLAN_TAG_KEY, PlanDocumentError, planFromJson, planTier, type Plan, type PriceBook } from '@tier-planner/cost-model';
import { ConfigError } from '../config/config-error.js';
import type { ExporterConfig, PlanConfig } from '../config/config-types.js';
import type { LoadedPlan } from './loaded-plan.js';

/** Loads or computes every configured plan once, at start; any problem is a one-line ConfigError. */
export function loadPlans(config: ExporterConfig): LoadedPlan[] {
  const books = new Map<string, PriceBook>();
  const plans = config.plans.map((p, i) => loadOne(p, `plans[${i}]`, config.file, books));
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.name)) throw new ConfigError(`${config.file}: two plans are named ${JSON.stringify(p.name)}; give one a name`);
    seen.add(p.name);
  }
  return plans;
}

function loadOne(entry: PlanConfig, where: string, file: string, books: Map<string, PriceBook>): LoadedPlan {
  const plan = entry.source.kind === 'file' ? readPlanFile(entry.source.path, where, file) : computePlan(entry.source, where, file, books);
  const name = entry.name ?? defaultPlanName(plan);
  const match = entry.match ?? { kind: 'tag', key: PLAN_TAG_KEY, value: name };
  return {
    name,
    plan,
    match: match.kind === 'tag' && match.value === '' ? { ...match, value: name } : match,
    budgetUsd: entry.budgetUsd ?? plan.monthly.total,
  };
}

function readPlanFile(path: string, where: string, file: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: ${where}.planFile ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: ${where}.planFile ${path} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  try {
    return planFromJson(json, path);
  } catch (e) {
    if (e instanceof PlanDocumentError) throw new ConfigError(`${file}: ${where}.planFile: ${e.message}`);
    throw e;
  }
}

function computePlan(source: { profile: string; users: number; region: string }, where: string, file: string, books: Map<string, PriceBook>): Plan {
  try {
    let book = books.get(source.region);
    if (!book) books.set(source.region, (book = loadPriceBook({ region: source.region })));
    return planTier({ users: source.users, profile: source.profile }, book);
  } catch (e) {
    if (isModelInputError(e)) throw new ConfigError(`${file}: ${where}: ${e.message}`);
    throw e;
  }
}
