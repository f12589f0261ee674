import type { PriceBook } from '../pricing/price-book.js';
import { extended } from '../object-copy.js';
import type { PriceDimension } from '../pricing/snapshot-types.js';
import { ec2Rate, upfrontOf } from '../purchase/commitment-rate.js';
import { purchaseLabel, resolvePurchase, type PurchaseTerms } from '../purchase/purchase-choice.js';
import type { Ec2Purchase, LineItem, LineItemDraft, PriceProvenance, PricedTier } from './line-item.js';
import { Decimal, ZERO, dec } from './money.js';

/** Prices every draft from the book. Never throws for a missing price: the item comes back unpriced. */
export function priceLineItems(drafts: readonly LineItemDraft[], book: PriceBook): LineItem[] {
  return drafts.map((d) => priceLineItem(d, book));
}

export function priceLineItem(draft: LineItemDraft, book: PriceBook): LineItem {
  if (draft.unpricedReason !== undefined) {
    const { unpricedReason, ...rest } = draft;
    return { ...rest, unpriced: unpricedReason };
  }
  if (draft.price.kind === 'ec2') return priceEc2(draft, draft.price.instanceType, draft.price.purchase, book, draft.price.terms);
  const dim = book.price(draft.price.key);
  if (!dim) {
    const missing = missingReason(book, draft.price.key);
    return { ...draft, unpriced: `no price for ${draft.price.key} in the ${book.region} price book${missing ? `: ${missing}` : ''}` };
  }
  const provenance = dimensionProvenance(book, dim);
  if (dim.tiers) {
    const tiers = splitTiers(draft.quantity, dim);
    const monthly = tiers.reduce((t, x) => t.plus(x.cost), ZERO);
    const unitPrice = draft.quantity.isZero() ? dec(dim.tiers[0]!.usd) : monthly.div(draft.quantity);
    return atLeastMinimum(extended(draft, { unitPrice, monthly, tiers, provenance }), book);
  }
  const unitPrice = decimalOf(dim.usd!);
  return atLeastMinimum(extended(draft, { unitPrice, monthly: draft.quantity.times(unitPrice), provenance }), book);
}

/** Why the book lacks `key`: its own missing entry, else one whose "<…>" segments stand for any one segment. */
function missingReason(book: PriceBook, key: string): string | undefined {
  const exact = book.missing.find((m) => m.key === key);
  if (exact) return exact.reason;
  const parts = key.split('/');
  return book.missing.find((m) => {
    const want = m.key.split('/');
    return want.length === parts.length && want.every((w, i) => w === parts[i] || (w.startsWith('<') && w.endsWith('>')));
  })?.reason;
}

/** A line with a monthly minimum bills the larger of its priced amount and the minimum; an unknown minimum leaves it unpriced. */
function atLeastMinimum(item: LineItem, book: PriceBook): LineItem {
  if (!item.minimum || item.minimum.kind !== 'dimension' || item.monthly === undefined) return item;
  const min = book.price(item.minimum.key);
  if (!min?.usd) {
    const { unitPrice: _u, monthly: _m, tiers: _t, provenance: _p, ...draft } = item;
    return { ...draft, unpriced: `no monthly minimum ${item.minimum.key} in the ${book.region} price book` };
  }
  const floor = dec(min.usd);
  if (item.monthly.gte(floor)) return item;
  const unitPrice = item.quantity.isZero() ? item.unitPrice : floor.div(item.quantity);
  return extended(item, { monthly: floor, ...(unitPrice ? { unitPrice } : {}), note: `the monthly minimum of $${floor.toFixed()} applies (the share comes to $${item.monthly.toDecimalPlaces(2).toFixed(2)})` });
}

/** Splits a monthly quantity over graduated tiers, lowest first. */
export function splitTiers(quantity: Decimal, dim: PriceDimension): PricedTier[] {
  const out: PricedTier[] = [];
  let floor = ZERO;
  for (const tier of dim.tiers!) {
    if (quantity.lte(floor) && out.length > 0) break;
    const ceiling = tier.upTo === null ? quantity : Decimal.min(quantity, decimalOf(tier.upTo));
    const inTier = Decimal.max(ZERO, ceiling.minus(floor));
    const unitPrice = decimalOf(tier.usd);
    out.push({ quantity: inTier, unitPrice, cost: inTier.times(unitPrice) });
    if (tier.upTo !== null) floor = decimalOf(tier.upTo);
  }
  return out;
}

function priceEc2(draft: LineItemDraft, name: string, purchase: Ec2Purchase, book: PriceBook, terms?: PurchaseTerms): LineItem {
  const type = book.instanceType(name);
  if (!type) return { ...draft, unpriced: `instance type ${name} is not in the ${book.region} price book` };
  if (purchase === 'on-demand') {
    const unitPrice = decimalOf(type.onDemandUsd);
    return extended(draft, { unitPrice, monthly: draft.quantity.times(unitPrice), provenance: onDemandProvenance(book, name) });
  }
  const choice = resolvePurchase(purchase, terms);
  const found = ec2Rate(type, choice, book.region);
  if (!('rate' in found)) return { ...draft, unpriced: found.unpriced, purchase: purchaseLabel(choice) };
  const { rate } = found;
  const key = `ec2/${name}/${choice.kind === 'reserved' ? `reserved-${choice.term}` : choice.kind}`;
  return extended(draft, {
    unitPrice: rate.effective,
    monthly: draft.quantity.times(rate.effective),
    provenance: provenanceOf(book, key, rate.source, choice.kind === 'spot', rate.sku),
    note: rate.note,
    purchase: purchaseLabel(choice),
    ...upfrontOf(draft.quantity, rate.upfrontPerUnit, choice.term),
  });
}

// A book's prices and their provenance do not change: each is parsed and described once per book
// (uncertainty samples and breakpoint searches price the same few hundred keys thousands of times).
const decimals = new Map<string, Decimal>();
const DECIMALS_KEPT = 4096;

/** The price string as a Decimal (Decimals are immutable, so one instance serves every line). */
function decimalOf(usd: string): Decimal {
  let d = decimals.get(usd);
  if (!d) {
    if (decimals.size >= DECIMALS_KEPT) decimals.clear();
    decimals.set(usd, (d = dec(usd)));
  }
  return d;
}

const provenances = new WeakMap<PriceBook, Map<string, PriceProvenance>>();

function provenanceOnce(book: PriceBook, key: string, make: () => PriceProvenance): PriceProvenance {
  let byKey = provenances.get(book);
  if (!byKey) provenances.set(book, (byKey = new Map()));
  let p = byKey.get(key);
  if (!p) byKey.set(key, (p = make()));
  return p;
}

function dimensionProvenance(book: PriceBook, dim: PriceDimension): PriceProvenance {
  return provenanceOnce(book, `dim ${dim.key}`, () => provenanceOf(book, dim.key, dim.source, dim.approximate ?? false, dim.sku, dim.asOf));
}

function onDemandProvenance(book: PriceBook, name: string): PriceProvenance {
  return provenanceOnce(book, `ec2 ${name}`, () => provenanceOf(book, `ec2/${name}/on-demand`, book.ec2Sources.price, false));
}

export function provenanceOf(book: PriceBook, key: string, sourceId: string, approximate: boolean, sku?: string, asOf?: string): PriceProvenance {
  const src = book.source(sourceId);
  return {
    key,
    sourceId,
    title: src?.title ?? sourceId,
    asOf: asOf ?? src?.asOf ?? 'unknown',
    confidence: src?.confidence ?? 'unknown',
    approximate,
    ...(sku ? { sku } : {}),
    snapshot: `${book.origin.kind} ${book.region} ${book.origin.digest.slice(0, 19)}`,
  };
}
