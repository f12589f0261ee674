import type { LineItemDraft } from '../cost/line-item.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { FieldSpecs } from './field-spec.js';

export interface BomContext {
  readonly hoursPerMonth: number;
}

/** One kind of billable resource in a bill of materials: its fields and how it turns into line items. */
export interface ResourceType<R> {
  readonly type: string;
  readonly description: string;
  readonly fields: FieldSpecs;
  toDrafts(resource: R & { readonly name: string }, ctx: BomContext): LineItemDraft[];
  /** Fills in what the book knows and the resource left out (free allowances, plan minutes); an explicit field always wins. */
  withBook?(resource: R & { readonly name: string }, book: PriceBook): R & { readonly name: string };
}
