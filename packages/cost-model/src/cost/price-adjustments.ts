import type { PriceBook } from '../pricing/price-book.js';
import { PlanningError } from '../capacity/capacity-types.js';
import type { AdjustmentStep, Ec2Purchase, LineItem, PriceProvenance, PriceRef } from './line-item.js';
import { Decimal, ZERO, dec, sum } from './money.js';

/**
 * What the buyer pays instead of the list price: price overrides (a private rate per price key),
 * per-service discounts and an enterprise discount (EDP). An input to pricing, like the book.
 * Percentages and prices are decimal strings, so they stay exact.
 */
export interface PriceAdjustments {
  /** A share off every AWS line, applied last (after overrides and service discounts). */
  readonly edp?: PercentDiscount;
  /** A share off every line of one service, as the model names it ("EC2", "RDS", …). */
  readonly services?: readonly ServiceDiscount[];
  /** A unit price in USD that replaces the book's for one price key. */
  readonly overrides?: readonly PriceOverride[];
}

export interface PercentDiscount {
  /** "6" for 6 %; from 0 up to (not including) 100. */
  readonly percent: string;
  /** Where it came from, shown on every line it changes: "--discount edp=6%". */
  readonly from: string;
}

export interface ServiceDiscount extends PercentDiscount {
  readonly service: string;
}

export interface PriceOverride {
  /** A price key as line items carry it: a book dimension ("rds/postgres/db.m5.large/single-az/hours") or "ec2/<type>/<purchase>". */
  readonly key: string;
  /** USD per unit of the line (per hour for instances), a decimal string. */
  readonly usd: string;
  /** Why this price (e.g. "private pricing addendum 2026-07"); required. */
  readonly note: string;
  readonly from: string;
}

/** Services as line items name them: the ones a per-service discount may name. */
export const BILLED_SERVICES: readonly string[] = ['EC2', 'EKS', 'EBS', 'S3', 'ECR', 'VPC', 'ELB', 'RDS', 'ElastiCache', 'MSK', 'Fargate', 'CloudWatch', 'CloudFront', 'WAF', 'Route 53', 'Secrets Manager', 'KMS', 'Data Transfer', 'Support', 'GitHub Actions'];

/** Billed by someone other than AWS: an AWS enterprise discount does not reach them. */
const NOT_AWS = new Set(['GitHub Actions']);

const PURCHASES: readonly Ec2Purchase[] = ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'];
const HUNDRED = new Decimal(100);

/** The price key a line is priced by: the book dimension, or "ec2/<type>/<purchase>". */
export function priceKeyOf(ref: PriceRef): string {
  return ref.kind === 'dimension' ? ref.key : `ec2/${ref.instanceType}/${ref.purchase}`;
}

/** The service name as the model writes it, whatever the case the user typed; undefined when unknown. */
export function billedService(name: string): string | undefined {
  const lower = name.toLowerCase();
  return BILLED_SERVICES.find((s) => s.toLowerCase() === lower);
}

/** Checks adjustments against a book: bad percentages, unknown services and keys the book has never heard of are errors. */
export function checkPriceAdjustments(adjustments: PriceAdjustments, book: PriceBook): void {
  const problem = adjustmentProblem(adjustments, book);
  if (problem) throw new PlanningError('BAD_INPUT', problem);
}

function adjustmentProblem(a: PriceAdjustments, book: PriceBook): string | undefined {
  const discounts = [...(a.edp ? [a.edp] : []), ...(a.services ?? [])];
  for (const d of discounts) {
    if (!isPercent(d.percent)) return `${d.from}: a discount must be a percentage from 0 up to 100 (for example 6%), got "${d.percent}"`;
  }
  const seen = new Set<string>();
  for (const s of a.services ?? []) {
    if (!BILLED_SERVICES.includes(s.service)) return `${s.from}: unknown service "${s.service}" (known: ${BILLED_SERVICES.join(', ')})`;
    if (seen.has(s.service)) return `${s.from}: ${s.service} has two discounts; give one`;
    seen.add(s.service);
  }
  const keys = new Set<string>();
  for (const o of a.overrides ?? []) {
    if (!knownKey(o.key, book)) return `${o.from}: unknown price key "${o.key}" in the ${book.region} price book (see docs/pricing.md, "Discounts and price overrides")`;
    if (!/^\d{1,12}(\.\d{1,12})?$/.test(o.usd)) return `${o.from}: ${o.key}: the price must be USD as a decimal number such as 0.0832, got "${o.usd}"`;
    if (o.note.trim() === '') return `${o.from}: ${o.key}: a note saying where the price comes from is required`;
    if (keys.has(o.key)) return `${o.from}: ${o.key} is overridden twice`;
    keys.add(o.key);
  }
  return undefined;
}

function isPercent(text: string): boolean {
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(text)) return false;
  const p = dec(text);
  return p.gte(0) && p.lt(100);
}

/** A dimension the book prices or lists as missing, or an EC2 type of the book under any purchase option. */
function knownKey(key: string, book: PriceBook): boolean {
  if (book.price(key) || book.missing.some((m) => m.key === key)) return true;
  const m = /^ec2\/([^/]+)\/([^/]+)$/.exec(key);
  return m !== null && book.instanceType(m[1]!) !== undefined && PURCHASES.includes(m[2] as Ec2Purchase);
}

export const hasAdjustments = (a: PriceAdjustments | undefined): a is PriceAdjustments =>
  a !== undefined && (a.edp !== undefined || (a.services?.length ?? 0) > 0 || (a.overrides?.length ?? 0) > 0);

/**
 * Applies adjustments to priced line items, in the order the bill does: an override replaces the
 * unit price (a flat rate for the whole quantity, tiers and monthly minimum dropped; it also prices
 * a line the book cannot), then the service's discount, then the EDP. Each line that changes keeps
 * its list price and every step, with where it came from. Pure; call checkPriceAdjustments first.
 */
export function applyPriceAdjustments(items: readonly LineItem[], a: PriceAdjustments): LineItem[] {
  const overrides = new Map((a.overrides ?? []).map((o) => [o.key, o]));
  const services = new Map((a.services ?? []).map((s) => [s.service, s]));
  return items.map((item) => adjustLine(item, overrides.get(priceKeyOf(item.price)), services.get(item.service), NOT_AWS.has(item.service) ? undefined : a.edp));
}

function adjustLine(item: LineItem, override: PriceOverride | undefined, service: ServiceDiscount | undefined, edp: PercentDiscount | undefined): LineItem {
  if (item.adjustment) return item;
  let unitPrice = item.unitPrice;
  let monthly = item.monthly;
  const steps: AdjustmentStep[] = [];
  if (override) {
    const before = monthly;
    unitPrice = dec(override.usd);
    monthly = item.quantity.times(unitPrice);
    steps.push({ kind: 'override', unitPrice, ...(before ? { changeUsd: monthly.minus(before) } : {}), from: override.from, note: override.note });
  }
  for (const d of [service, edp]) {
    if (!d || monthly === undefined) continue;
    const share = dec(d.percent).div(HUNDRED);
    const off = monthly.times(share);
    monthly = monthly.minus(off);
    if (unitPrice) unitPrice = unitPrice.minus(unitPrice.times(share));
    steps.push({ kind: d === edp ? 'edp' : 'service-discount', percent: dec(d.percent), changeUsd: off.negated(), from: d.from });
  }
  if (!steps.length) return item;
  const { tiers: _tiers, unpriced: _unpriced, ...rest } = item;
  // A line the book cannot price takes its provenance from the override.
  const provenance = item.provenance ?? (override ? overrideProvenance(priceKeyOf(item.price), override) : undefined);
  const listed = { ...(item.unitPrice ? { listUnitPrice: item.unitPrice } : {}), ...(item.monthly ? { listMonthly: item.monthly } : {}) };
  // An override on a tiered line bills a flat rate: the tiers no longer describe it.
  const tiers = override ? {} : item.tiers ? { tiers: item.tiers } : {};
  return { ...rest, ...tiers, ...(unitPrice ? { unitPrice } : {}), ...(monthly ? { monthly } : {}), ...(provenance ? { provenance } : {}), adjustment: { ...listed, steps } };
}

function overrideProvenance(key: string, o: PriceOverride): PriceProvenance {
  return { key, sourceId: 'price-override', title: `price override from ${o.from}: ${o.note}`, asOf: 'override', confidence: 'user', approximate: false, snapshot: 'none (price override)' };
}

/** The plan's adjustments in one place: the list total of the lines they changed, and what they changed it by. */
export interface AdjustmentSummary {
  readonly lines: number;
  /** Σ list monthly of the adjusted lines the book prices. */
  readonly listUsd: Decimal;
  /** Σ change (negative for a saving) over every adjusted line. */
  readonly changeUsd: Decimal;
  /** Override keys that matched no line item: they changed nothing. */
  readonly unusedOverrides: readonly string[];
  readonly edp?: PercentDiscount;
  readonly services: readonly ServiceDiscount[];
  readonly overrides: readonly PriceOverride[];
}

export function summarizeAdjustments(items: readonly LineItem[], a: PriceAdjustments): AdjustmentSummary {
  const adjusted = items.filter((i) => i.adjustment);
  const used = new Set(items.map((i) => priceKeyOf(i.price)));
  return {
    lines: adjusted.length,
    listUsd: sum(adjusted.map((i) => i.adjustment!.listMonthly ?? ZERO)),
    changeUsd: sum(adjusted.flatMap((i) => i.adjustment!.steps.map((s) => s.changeUsd ?? ZERO))),
    unusedOverrides: (a.overrides ?? []).filter((o) => !used.has(o.key)).map((o) => o.key),
    ...(a.edp ? { edp: a.edp } : {}),
    services: a.services ?? [],
    overrides: a.overrides ?? [],
  };
}
