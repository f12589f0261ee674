import { DEFAULT_HOURS_PER_MONTH } from '../cost/calendar.js';
import type { LineItem, LineItemDraft } from '../cost/line-item.js';
import { priceLineItems } from '../cost/price-line-items.js';
import { rollUp, type MonthlyCost } from '../cost/roll-up.js';
import { applyPriceAdjustments, checkPriceAdjustments, hasAdjustments, summarizeAdjustments, type AdjustmentSummary, type PriceAdjustments } from '../cost/price-adjustments.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { BillOfMaterials, BomResource } from './bill-of-materials.js';
import { planDateOf } from '../plan/kubernetes-version.js';
import { checkFields } from './field-spec.js';
import { RESOURCE_TYPES } from './registry.js';

/** A bill of materials that does not validate; `problems` lists every one, path first. */
export class BomError extends Error {
  override readonly name = 'BomError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid bill of materials: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);
  }
}

export interface PricedBom {
  readonly hoursPerMonth: number;
  readonly lineItems: readonly LineItem[];
  readonly monthly: MonthlyCost;
  /** Present when price overrides or discounts were given. */
  readonly priceAdjustments?: AdjustmentSummary;
}

/** Checks an untrusted value against the bill-of-materials schema; throws BomError listing every problem. */
export function validateBom(value: unknown): BillOfMaterials {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BomError(['$: must be an object with a "resources" array']);
  const bom = value as Record<string, unknown>;
  for (const key of Object.keys(bom)) if (key !== 'resources' && key !== 'hoursPerMonth' && key !== '$schema') problems.push(`$.${key}: unknown field (known: resources, hoursPerMonth)`);
  const hours = bom.hoursPerMonth;
  if (hours !== undefined && !(typeof hours === 'number' && hours > 0 && hours <= 744)) problems.push('$.hoursPerMonth: must be a number of hours from 1 to 744');
  if (!Array.isArray(bom.resources)) throw new BomError([...problems, '$.resources: must be an array']);
  const names = new Set<string>();
  bom.resources.forEach((r: unknown, i: number) => {
    const at = `$.resources[${i}]`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return void problems.push(`${at}: must be an object`);
    const res = r as Record<string, unknown>;
    const type = RESOURCE_TYPES.get(res.type as string);
    if (!type) return void problems.push(`${at}.type: unknown resource type ${JSON.stringify(res.type)} (known: ${[...RESOURCE_TYPES.keys()].join(', ')})`);
    if (typeof res.name !== 'string' || res.name === '') problems.push(`${at}.name: required`);
    else if (names.has(`${res.type}/${res.name}`)) problems.push(`${at}.name: duplicate ${res.type} name ${JSON.stringify(res.name)}`);
    else names.add(`${res.type}/${res.name}`);
    const fieldProblems = checkFields(res, type.fields, at);
    problems.push(...fieldProblems);
    if (!fieldProblems.length && type.problems) problems.push(...type.problems(res).map((p) => `${at}.${p}`));
    problems.push(...floorProblems(res, at, typeof hours === 'number' ? hours : DEFAULT_HOURS_PER_MONTH));
  });
  if (problems.length) throw new BomError(problems);
  return value as BillOfMaterials;
}

/** A floor is part of the count, and the burst fits in the hours of the instances above it. */
function floorProblems(r: Record<string, unknown>, at: string, hoursPerMonth: number): string[] {
  const { floor, burstHours } = r;
  if (typeof floor !== 'number' || !Number.isFinite(floor)) return burstHours === undefined ? [] : [`${at}.burstHours: only with a floor (the instances that run all month)`];
  const count = typeof r.count === 'number' ? r.count : 1;
  if (floor > count) return [`${at}.floor: ${floor} is above the count ${count}`];
  const most = (count - floor) * hoursPerMonth;
  if (typeof burstHours === 'number' && burstHours > most * (1 + 1e-9)) return [`${at}.burstHours: ${burstHours} is more than the ${count - floor} above the floor can run in ${hoursPerMonth} h (${most})`];
  return [];
}

/** The line items a validated resource list turns into, before pricing. */
export function bomToDrafts(resources: readonly BomResource[], hoursPerMonth: number, book?: PriceBook, date?: string): LineItemDraft[] {
  const ctx = { hoursPerMonth, ...(date !== undefined ? { date } : {}), ...(book ? { book } : {}) };
  // A loop, not flatMap: samples turn a few resources into drafts thousands of times.
  const drafts: LineItemDraft[] = [];
  for (const r of resources) {
    const type = RESOURCE_TYPES.get(r.type)!;
    for (const draft of type.toDrafts(book && type.withBook ? type.withBook(r, book) : r, ctx)) drafts.push(draft);
  }
  return drafts;
}

export interface PriceResourcesOptions {
  /** The day priced, YYYY-MM-DD (RDS Extended Support depends on it). */
  readonly date?: string;
  /** Discounts and price overrides, applied after list pricing. */
  readonly adjustments?: PriceAdjustments;
}

/**
 * Prices an explicit bill of materials, so other tools can price what they already know, on
 * `options.date` (YYYY-MM-DD; default: the day the book was written).
 * Validates first (BomError lists every unknown field or value); a resource the book cannot
 * price comes back as an unpriced line item, and the total says it is incomplete.
 */
export function priceResources(bom: unknown, book: PriceBook, options: PriceResourcesOptions = {}): PricedBom {
  const valid = validateBom(bom);
  const hoursPerMonth = valid.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
  // The day priced: the caller's (the CLI passes today or --date), else the day the book was written.
  const date = planDateOf(book, options.date);
  const listed = priceLineItems(bomToDrafts(valid.resources, hoursPerMonth, book, date), book);
  const adjustments = options.adjustments;
  if (!hasAdjustments(adjustments)) return { hoursPerMonth, lineItems: listed, monthly: rollUp(listed) };
  checkPriceAdjustments(adjustments, book);
  const lineItems = applyPriceAdjustments(listed, adjustments);
  return { hoursPerMonth, lineItems, monthly: rollUp(lineItems), priceAdjustments: summarizeAdjustments(lineItems, adjustments) };
}
