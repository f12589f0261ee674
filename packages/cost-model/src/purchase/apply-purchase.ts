// The plan's purchase option on the lines priced at list: each managed-service compute line bills
// under the option when the service sells it (Fargate under a Compute Savings Plan or Spot, RDS and
// ElastiCache reserved nodes), and says so when it cannot ("on-demand: reserved not offered for
// MSK"). Under `commit: 'floor'` only the always-on floor is committed; the burst above it bills
// on-demand, or on Spot when the profile says its services tolerate interruption.
import type { LineItem, LineItemDraft } from '../cost/line-item.js';
import { extended } from '../object-copy.js';
import { priceLineItem, provenanceOf } from '../cost/price-line-items.js';
import type { PriceBook } from '../pricing/price-book.js';
import { dimensionRate, upfrontOf } from './commitment-rate.js';
import { purchaseLabel, type PurchaseChoice } from './purchase-choice.js';
import { commitmentUsage, fargateSpotKey } from './usage-classes.js';

export type CommitScope = 'all' | 'floor';

export interface PurchaseContext {
  readonly choice: PurchaseChoice;
  readonly commit: CommitScope;
  /** The profile's services tolerate interruption: burst capacity may run on Spot. */
  readonly burstOnSpot: boolean;
  readonly book: PriceBook;
}

/** `drafts[i]` priced is `lines[i]` (priceLineItems keeps the order). */
export function applyPurchase(drafts: readonly LineItemDraft[], lines: readonly LineItem[], ctx: PurchaseContext): LineItem[] {
  return lines.map((line, i) => applyToLine(drafts[i]!, line, ctx));
}

function applyToLine(draft: LineItemDraft, line: LineItem, ctx: PurchaseContext): LineItem {
  const { choice, book } = ctx;
  if (choice.kind === 'on-demand') return line;
  const burst = ctx.commit === 'floor' && line.load === 'burst' && choice.kind !== 'spot';
  // EC2 lines come priced under their resource's option (the BOM gives the burst its own).
  if (draft.price.kind === 'ec2') return burst ? extended(line, { purchase: `${draft.price.purchase}: burst above the committed floor` }) : line;
  const usage = commitmentUsage(draft.price.key);
  if (!usage) return line;
  if (burst) {
    if (ctx.burstOnSpot && usage.offers.has('spot')) return spotDimension(draft, line, ctx, 'spot: burst above the committed floor');
    return extended(line, { purchase: 'on-demand: burst above the committed floor' });
  }
  if (!usage.offers.has(choice.kind)) return extended(line, { purchase: `on-demand: ${choice.kind} not offered for ${usage.service}` });
  if (choice.kind === 'savings-plan' && usage.computeSavingsPlanOnly && choice.savingsPlan !== 'compute') {
    return extended(line, { purchase: `on-demand: EC2 Instance Savings Plans do not cover ${usage.service} (Compute Savings Plans do)` });
  }
  if (choice.kind === 'spot') return spotDimension(draft, line, ctx, 'spot');
  const dim = book.price(draft.price.key);
  if (!dim) return line; // already unpriced, with its reason
  const found = dimensionRate(dim, choice, book.region);
  if (!('rate' in found)) return withoutPrice(line, found.unpriced, purchaseLabel(choice));
  const { rate } = found;
  return extended(line, {
    unitPrice: rate.effective,
    monthly: draft.quantity.times(rate.effective),
    provenance: provenanceOf(book, `${dim.key}/${choice.kind}`, rate.source, false, rate.sku),
    note: rate.note,
    purchase: purchaseLabel(choice),
    ...upfrontOf(draft.quantity, rate.upfrontPerUnit, choice.term),
  });
}

/** Fargate Spot, as it exists in the book (its own dimensions); a line already on Spot stays. */
function spotDimension(draft: LineItemDraft, line: LineItem, ctx: PurchaseContext, label: string): LineItem {
  if (draft.price.kind !== 'dimension') return line;
  const key = fargateSpotKey(draft.price.key);
  if (!ctx.book.price(key)) return { ...line, purchase: `on-demand: no Fargate Spot price (${key}) in the ${ctx.book.region} price book` };
  return extended(priceLineItem(extended(draft, { price: { kind: 'dimension' as const, key } }), ctx.book), { purchase: label });
}

function withoutPrice(line: LineItem, reason: string, purchase: string): LineItem {
  const { unitPrice: _u, monthly: _m, tiers: _t, provenance: _p, ...rest } = line;
  return { ...rest, unpriced: reason, purchase };
}
