import { dec, type Plan } from '@tier-planner/cost-model';
import { PLAN_JSON_SCHEMA_VERSION } from '../render/plan-json.js';
import { UsageError } from './usage-error.js';

type Json = Record<string, any>;

/**
 * Reads back what `tier-planner --json` wrote, with money as exact decimals again: enough of a
 * Plan for diffPlans (totals, line items, and the shape: nodes, tasks, HA, datastores).
 */
export function planFromJson(value: unknown, origin: string): Plan {
  const p = value as Json;
  if (typeof p !== 'object' || p === null || p.kind !== 'tier-planner-plan') throw new UsageError(`${origin} is not a tier-planner plan (write one with tier-planner --users N --json)`);
  if (p.schemaVersion !== PLAN_JSON_SCHEMA_VERSION) throw new UsageError(`${origin} has plan schema version ${String(p.schemaVersion)}; this build reads ${PLAN_JSON_SCHEMA_VERSION}`);
  try {
    const byService = new Map(Object.entries(p.monthly.byService as Record<string, string>).map(([k, v]) => [k, dec(v)]));
    const lineItems = (p.lineItems as Json[]).map((i) => ({ ...i, quantity: dec(i.quantity), monthly: i.monthly === undefined ? undefined : dec(i.monthly), unitPrice: i.unitPrice === undefined ? undefined : dec(i.unitPrice) }));
    return { ...p, lineItems, monthly: { total: dec(p.monthly.total), byService, complete: p.monthly.complete, unpriced: lineItems.filter((i) => i.monthly === undefined) } } as unknown as Plan;
  } catch (e) {
    throw new UsageError(`${origin} is a damaged plan file: ${(e as Error).message.split('\n')[0]}`);
  }
}
