import { dec } from '../cost/money.js';
import type { Plan } from '../plan/plan-types.js';
import { PlanDocumentError } from './plan-document-error.js';
import { PLAN_JSON_KIND, PLAN_JSON_SCHEMA_VERSION } from './plan-to-json.js';

type Json = Record<string, any>;

/**
 * Reads back what planToJson (`tier-planner --json`) wrote, with money as exact decimals again.
 * The result has everything but `capacity`, which plan files leave out.
 */
export function planFromJson(value: unknown, origin: string): Plan {
  const p = value as Json;
  if (typeof p !== 'object' || p === null || p.kind !== PLAN_JSON_KIND) throw new PlanDocumentError(`${origin} is not a tier-planner plan (write one with tier-planner --users N --json)`);
  if (p.schemaVersion !== PLAN_JSON_SCHEMA_VERSION) throw new PlanDocumentError(`${origin} has plan schema version ${String(p.schemaVersion)}; this build reads ${PLAN_JSON_SCHEMA_VERSION}`);
  try {
    const byService = new Map(Object.entries(p.monthly.byService as Record<string, string>).map(([k, v]) => [k, dec(v)]));
    const lineItems = (p.lineItems as Json[]).map((i) => ({ ...i, quantity: dec(i.quantity), monthly: i.monthly === undefined ? undefined : dec(i.monthly), unitPrice: i.unitPrice === undefined ? undefined : dec(i.unitPrice) }));
    return { ...p, lineItems, monthly: { total: dec(p.monthly.total), byService, complete: p.monthly.complete, unpriced: lineItems.filter((i) => i.monthly === undefined) } } as unknown as Plan;
  } catch (e) {
    throw new PlanDocumentError(`${origin} is a damaged plan file: ${(e as Error).message.split('\n')[0]}`);
  }
}
