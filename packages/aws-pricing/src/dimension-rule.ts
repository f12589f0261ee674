import type { PriceDimension, PriceTier } from '@tier-planner/cost-model';
import { addDecimals, compareDecimals, isZeroDecimal, shiftDecimal } from './decimal.js';
import { baseUsageType, onDemandDimensions, type PriceListItem } from './price-list-item.js';

/** Which Price List products carry a dimension. Equality on every field given. */
export interface ItemMatch {
  readonly serviceCode: string;
  readonly productFamily?: string;
  /** Usage type without its region prefix, e.g. "NatGateway-Hours". */
  readonly usagetype?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  /** Extra test when equality is not enough (e.g. "any destination region but this one"). */
  readonly where?: (item: PriceListItem, region: string) => boolean;
  /** Attributes a product passing `where` carries; only test fixtures read it. */
  readonly example?: Readonly<Record<string, string>>;
}

/** How one snapshot dimension is read from the Price List. */
export interface DimensionRule {
  readonly key: string;
  readonly service: string;
  readonly description: string;
  readonly unit: string;
  readonly match: ItemMatch;
  /** flat: one rate; tiered: graduated tiers; first-tier: the first paid tier only (noted). */
  readonly shape: 'flat' | 'tiered' | 'first-tier';
  /** The model's unit is 10^unitPower of the API's (S3 requests are priced per request, the model per 1k: 3). */
  readonly unitPower?: number;
  /** Leading free tiers are dropped: the model counts free allowances separately. */
  readonly skipFreeTier?: boolean;
  /** several products match on purpose (one per destination region): take the most common rate. */
  readonly pick?: 'only' | 'most-common';
  /** The figure is this product's rate plus the flat rate of `plusKey` (an add-on priced as a total). */
  readonly plusKey?: string;
  /** Read vcpu and memory from the product attributes into `spec`. */
  readonly spec?: boolean;
  /** Also read the product's standard Reserved terms into `reserved` (RDS DB instances, ElastiCache nodes). */
  readonly reserved?: boolean;
  readonly note?: string;
}

export type RuleOutcome =
  | { readonly ok: true; readonly dimension: Omit<PriceDimension, 'source'>; readonly item: PriceListItem }
  | { readonly ok: false; readonly reason: string };

export function matchesItem(match: ItemMatch, item: PriceListItem, region: string): boolean {
  if (item.serviceCode !== match.serviceCode) return false;
  if (match.productFamily !== undefined && item.productFamily !== match.productFamily) return false;
  if (match.usagetype !== undefined && baseUsageType(item.attributes.usagetype) !== match.usagetype) return false;
  for (const [k, v] of Object.entries(match.attributes ?? {})) if (item.attributes[k] !== v) return false;
  return match.where ? match.where(item, region) : true;
}

/** Applies a rule to the fetched products. Never invents a figure: anything doubtful is a reason. */
export function applyRule(
  rule: DimensionRule,
  items: readonly PriceListItem[],
  region: string,
  built: ReadonlyMap<string, Omit<PriceDimension, 'source'>>,
): RuleOutcome {
  const candidates = items.filter((item) => matchesItem(rule.match, item, region)).sort((a, b) => (a.sku < b.sku ? -1 : 1));
  if (candidates.length === 0) return { ok: false, reason: `no ${describeMatch(rule.match)} product in the Price List for ${region}` };
  const priced: { item: PriceListItem; price: Price }[] = [];
  const problems: string[] = [];
  for (const item of candidates) {
    const price = priceOf(rule, item);
    if (typeof price === 'string') problems.push(`SKU ${item.sku} ${price}`);
    else priced.push({ item, price });
  }
  if (priced.length === 0) return { ok: false, reason: problems[0]! };
  const chosen = choose(rule, priced);
  if (typeof chosen === 'string') return { ok: false, reason: chosen };
  let { price } = chosen;
  let note = [rule.note, price.note, chosen.note].filter(Boolean).join('; ');
  if (rule.plusKey) {
    const base = built.get(rule.plusKey);
    if (!base?.usd || !price.usd) return { ok: false, reason: `needs the flat rate of ${rule.plusKey}, which is missing` };
    price = { usd: addDecimals(base.usd, price.usd) };
    note = [note, `${rule.plusKey} (${base.usd}) plus this add-on's Price List rate`].filter(Boolean).join('; ');
  }
  const spec = rule.spec ? specOf(chosen.item) : undefined;
  return {
    ok: true,
    item: chosen.item,
    dimension: {
      key: rule.key,
      service: rule.service,
      description: rule.description,
      unit: rule.unit,
      ...(price.tiers ? { tiers: price.tiers } : { usd: price.usd! }),
      purchaseOption: 'on-demand',
      sku: chosen.item.sku,
      ...(spec ? { spec } : {}),
      ...(note ? { note } : {}),
    },
  };
}

interface Price {
  readonly usd?: string;
  readonly tiers?: readonly PriceTier[];
  readonly note?: string;
}

function priceOf(rule: DimensionRule, item: PriceListItem): Price | string {
  const power = rule.unitPower ?? 0;
  let tiers: PriceTier[] = onDemandDimensions(item).map((d) => ({
    upTo: d.endRange === undefined || d.endRange === 'Inf' ? null : shiftDecimal(d.endRange, -power),
    usd: shiftDecimal(d.usd, power),
  }));
  if (tiers.length === 0) return 'has no on-demand price';
  let skipped = '';
  if (rule.skipFreeTier) {
    while (tiers.length > 1 && isZeroDecimal(tiers[0]!.usd)) {
      skipped = `first ${tiers[0]!.upTo} ${rule.unit} free in the Price List (not counted here)`;
      tiers = tiers.slice(1);
    }
  }
  if (tiers.every((t) => isZeroDecimal(t.usd))) return 'is listed at 0 USD';
  if (tiers[tiers.length - 1]!.upTo !== null) return 'has tiers with no open-ended last tier';
  const withSkip = (p: Price): Price => (skipped ? { ...p, note: [p.note, skipped].filter(Boolean).join('; ') } : p);
  if (tiers.length === 1) return withSkip({ usd: tiers[0]!.usd });
  switch (rule.shape) {
    case 'tiered':
      return withSkip({ tiers });
    case 'first-tier':
      return withSkip({ usd: tiers[0]!.usd, note: `first tier only (up to ${tiers[0]!.upTo} ${rule.unit}); later tiers are cheaper` });
    case 'flat':
      return `is tiered in the Price List (${tiers.length} tiers) where one rate was expected`;
  }
}

const priceKey = (p: Price): string => JSON.stringify(p.tiers ?? p.usd);

function choose(rule: DimensionRule, priced: { item: PriceListItem; price: Price }[]): { item: PriceListItem; price: Price; note?: string } | string {
  const groups = new Map<string, { item: PriceListItem; price: Price }[]>();
  for (const p of priced) groups.set(priceKey(p.price), [...(groups.get(priceKey(p.price)) ?? []), p]);
  if (groups.size === 1) return priced[0]!;
  if (rule.pick !== 'most-common') {
    return `${groups.size} matching products have different prices (SKUs ${priced.map((p) => p.item.sku).join(', ')}); refusing to guess`;
  }
  // Most common rate; on a tie the higher one, so a plan never looks cheaper than it is.
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length || compareDecimals(firstRate(b[0]!.price), firstRate(a[0]!.price)));
  const winner = ranked[0]!;
  return { ...winner[0]!, note: `most common rate over ${priced.length} products (${winner.length} at this rate)` };
}

const firstRate = (p: Price): string => p.usd ?? p.tiers![0]!.usd;

function specOf(item: PriceListItem): { vcpu: number; memoryGiB: number } | undefined {
  const vcpu = Number(item.attributes.vcpu);
  const memoryText = item.attributes.memory ?? item.attributes.memoryGib ?? '';
  const memoryGiB = Number(memoryText.replace(/,/g, '').replace(/\s*GiB$/i, ''));
  return Number.isInteger(vcpu) && vcpu > 0 && memoryGiB > 0 ? { vcpu, memoryGiB } : undefined;
}

export function describeMatch(m: ItemMatch): string {
  const parts = [
    m.serviceCode,
    ...(m.productFamily ? [`productFamily="${m.productFamily}"`] : []),
    ...(m.usagetype ? [`usagetype=*${m.usagetype}`] : []),
    ...Object.entries(m.attributes ?? {}).map(([k, v]) => `${k}="${v}"`),
  ];
  return parts.join(' ');
}
