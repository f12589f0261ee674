import type { LineItemDraft } from '../cost/line-item.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { FieldSpecs } from './field-spec.js';

export interface BomContext {
  readonly hoursPerMonth: number;
  /** The day priced (YYYY-MM-DD): support calendars (RDS Extended Support) depend on it. */
  readonly date?: string;
  /** The book being priced with, for facts a line's quantity depends on (an RDS class's vCPUs, a type's generation). */
  readonly book?: PriceBook;
}

/** One kind of billable resource in a bill of materials: its fields and how it turns into line items. */
export interface ResourceType<R> {
  readonly type: string;
  readonly description: string;
  readonly fields: FieldSpecs;
  toDrafts(resource: R & { readonly name: string }, ctx: BomContext): LineItemDraft[];
  /** Problems across fields (the field specs check each one alone), as "field: message". */
  problems?(resource: R): string[];
  /** Fills in what the book knows and the resource left out (free allowances, plan minutes); an explicit field always wins. */
  withBook?(resource: R & { readonly name: string }, book: PriceBook): R & { readonly name: string };
}
