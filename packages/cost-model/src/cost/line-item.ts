import type { Decimal } from './money.js';
import type { PurchaseTerms } from '../purchase/purchase-choice.js';

/** How a line item finds its price in the book. */
export type PriceRef =
  | { readonly kind: 'dimension'; readonly key: string }
  | { readonly kind: 'ec2'; readonly instanceType: string; readonly purchase: Ec2Purchase; readonly terms?: PurchaseTerms };

export type Ec2Purchase = 'on-demand' | 'spot' | 'reserved-1yr' | 'reserved-3yr' | 'savings-plan';

/** A quantity of something billable, before pricing. */
export interface LineItemDraft {
  /** Model service: "EC2", "EKS", "EBS", "S3", … */
  readonly service: string;
  /** The resource it belongs to, e.g. "node group app". */
  readonly resource: string;
  /** What is billed, infracost-style: capitalised, varying parts in one bracket pair. */
  readonly component: string;
  /** Billed quantity per month, in `unit`; allowances already subtracted. */
  readonly quantity: Decimal;
  readonly unit: string;
  readonly price: PriceRef;
  /** Why the quantity is what it is (allowance used, rounding), for the reader. */
  readonly note?: string;
  /** A monthly minimum charge (flat, per month): the line bills at least this much. */
  readonly minimum?: PriceRef;
  /** Capacity that follows the day's load: the always-on floor, or the burst above it. */
  readonly load?: 'floor' | 'burst';
  /** Known before pricing: the line cannot be priced, and why (e.g. a version the calendar does not list). */
  readonly unpricedReason?: string;
}

export interface PricedTier {
  readonly quantity: Decimal;
  readonly unitPrice: Decimal;
  readonly cost: Decimal;
}

export interface PriceProvenance {
  readonly key: string;
  readonly sourceId: string;
  readonly title: string;
  readonly asOf: string;
  readonly confidence: string;
  readonly approximate: boolean;
  readonly sku?: string;
  /** "embedded" or "user" snapshot, and its digest. */
  readonly snapshot: string;
}

/** A priced line item. `monthly` is undefined when the book has no price: it is then left out of totals. */
export interface LineItem extends LineItemDraft {
  /** Flat unit price, or the blended price of a tiered one (monthly / quantity). */
  readonly unitPrice?: Decimal;
  readonly monthly?: Decimal;
  readonly tiers?: readonly PricedTier[];
  readonly provenance?: PriceProvenance;
  /** Why it could not be priced. */
  readonly unpriced?: string;
  /** Present when a price override or a discount changed the line: its list price and each step. */
  readonly adjustment?: LineAdjustment;
  /**
   * The purchase option the line bills under ("reserved 1yr standard No Upfront"), or why it stays
   * on-demand under the plan's option ("on-demand: reserved not offered for MSK"). Absent: on-demand.
   */
  readonly purchase?: string;
  /** An upfront fee in the line's rate: the one-off payment for the term, and the share of it `monthly` carries. */
  readonly upfront?: LineUpfront;
}

/** The book's price of a line before overrides and discounts, and what each changed. */
export interface LineAdjustment {
  /** Absent when the book has no price for the line (an override priced it). */
  readonly listUnitPrice?: Decimal;
  readonly listMonthly?: Decimal;
  /** In the order applied: override, service discount, EDP. */
  readonly steps: readonly AdjustmentStep[];
}

export interface AdjustmentStep {
  readonly kind: 'override' | 'service-discount' | 'edp';
  /** Discounts: the percentage off. */
  readonly percent?: Decimal;
  /** Overrides: the unit price that replaced the book's. */
  readonly unitPrice?: Decimal;
  /** What the step changed the monthly cost by (negative for a saving); absent when there was no price before it. */
  readonly changeUsd?: Decimal;
  /** Where it came from: the flag ("--discount EC2=10%") or the file. */
  readonly from: string;
  readonly note?: string;
}

export interface LineUpfront {
  readonly oneOffUsd: Decimal;
  readonly monthlyUsd: Decimal;
  readonly termMonths: number;
}
