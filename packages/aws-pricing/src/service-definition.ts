import type { DimensionRule } from './dimension-rule.js';
import type { PriceListItem } from './price-list-item.js';

/** One GetProducts call: a service code and TERM_MATCH filters (field → value). */
export interface ProductQuery {
  readonly serviceCode: string;
  readonly filters: Readonly<Record<string, string>>;
}

/** What the refresh asks the Price List for one AWS service, and how it reads the answer. */
export interface ServiceDefinition {
  /** Short name for progress lines ("EBS"). */
  readonly name: string;
  queries(region: string): readonly ProductQuery[];
  /** The rule for a snapshot key this service prices, if any. */
  ruleFor(key: string): DimensionRule | undefined;
  /** Keys the fetched products offer: the fixed ones plus any found (every RDS instance class, …). */
  keysOffered(items: readonly PriceListItem[]): readonly string[];
  /** Region attributes every product of this service carries (test fixtures copy them). */
  regionAttributes(region: string): Readonly<Record<string, string>>;
}

/** A service whose dimensions are a fixed list of rules. */
export function fixedRulesService(spec: {
  name: string;
  queries: (region: string) => readonly ProductQuery[];
  rules: readonly DimensionRule[];
  regionAttributes?: (region: string) => Readonly<Record<string, string>>;
}): ServiceDefinition {
  const byKey = new Map(spec.rules.map((r) => [r.key, r]));
  return {
    name: spec.name,
    queries: spec.queries,
    ruleFor: (key) => byKey.get(key),
    keysOffered: () => [...byKey.keys()],
    regionAttributes: spec.regionAttributes ?? ((region) => ({ regionCode: region })),
  };
}

/** GetProducts filters for one region, plus more fields. */
export const inRegion = (serviceCode: string, region: string, filters: Record<string, string> = {}): ProductQuery => ({
  serviceCode,
  filters: { regionCode: region, ...filters },
});
