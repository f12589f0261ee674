import type { BomResource } from '../bom/bill-of-materials.js';
import type { LineItem } from '../cost/line-item.js';

/** Resources of one name kept: enough for the few capacity plans a run of samples lands on. */
const KEPT_PER_RESOURCE = 64;

/**
 * A run of priced plans with one book, month, purchase option and set of price adjustments (one
 * plan's uncertainty samples), pricing its bills of materials one resource at a time. Every step
 * of pricing is per line (drafts, list prices, the purchase option, overrides and discounts), so a
 * bill's line items are its resources' line items in order, and a resource equal field for field
 * to one already priced has the same line items: those are taken again, not priced again.
 */
export interface LineItemMemo {
  /** The line items of `resources`; `price` gives the line items of the resources it is handed, with the run's fixed context. */
  lineItems(resources: readonly BomResource[], price: (resources: readonly BomResource[]) => readonly LineItem[]): LineItem[];
}

interface Kept {
  readonly byFields: Map<string, readonly LineItem[]>;
  hits: number;
}

export function lineItemMemo(): LineItemMemo {
  // By type, then name (a bill's names are unique within a type): two lookups of constant strings.
  const byType = new Map<string, Map<string, Kept>>();
  return {
    lineItems(resources, price) {
      const out: LineItem[] = [];
      for (const r of resources) {
        let byName = byType.get(r.type);
        if (!byName) byType.set(r.type, (byName = new Map()));
        let kept = byName.get(r.name);
        if (!kept) byName.set(r.name, (kept = { byFields: new Map(), hits: 0 }));
        // A resource sized by the demand (bytes, requests) is never equal twice: stop looking it up.
        if (kept.hits === 0 && kept.byFields.size >= KEPT_PER_RESOURCE) {
          for (const line of price([r])) out.push(line);
          continue;
        }
        // Plain JSON data, so equal text is equal fields; NaN and ±Infinity would all read "null".
        const fields = JSON.stringify(r);
        const comparable = !fields.includes('null');
        let lines = comparable ? kept.byFields.get(fields) : undefined;
        if (lines) kept.hits++;
        else {
          lines = price([r]);
          if (comparable && kept.byFields.size < KEPT_PER_RESOURCE) kept.byFields.set(fields, lines);
        }
        for (const line of lines) out.push(line);
      }
      return out;
    },
  };
}
