/** Progress of a refresh, for a status line. */
export type RefreshProgress =
  | { readonly kind: 'page'; readonly service: string; readonly serviceCode: string; readonly page: number; readonly itemsSoFar: number }
  | {
      readonly kind: 'retry';
      readonly service: string;
      readonly serviceCode: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | {
      /** Bulk source: a price list file streaming in (bytes so far, its size when the server said, rows read, time left). */
      readonly kind: 'download';
      readonly service: string;
      readonly file: string;
      readonly bytes: number;
      readonly totalBytes?: number;
      readonly rows: number;
      readonly etaMs?: number;
    }
  | { readonly kind: 'service-done'; readonly service: string; readonly items: number }
  | { readonly kind: 'writing'; readonly path: string };

/** What a successful refresh did, for the summary printed after it. */
export interface RefreshReport {
  readonly region: string;
  /** Where the prices came from: GetProducts ('api') or the public offer files ('bulk'). */
  readonly source: 'api' | 'bulk';
  /** Bulk source: each file read, its size and rows. */
  readonly files?: readonly { readonly serviceCode: string; readonly url: string; readonly bytes: number; readonly rows: number }[];
  readonly endpointRegion: string;
  readonly fetchedAt: string;
  readonly requests: number;
  readonly retries: number;
  /** Products received, by Price List service code. */
  readonly itemsByServiceCode: Readonly<Record<string, number>>;
  readonly prices: number;
  readonly instanceTypes: number;
  readonly reservedInstanceTypes: number;
  /** Types with Savings Plans rates (0 when no offer files were read). */
  readonly savingsPlanInstanceTypes: number;
  /** Types with Spot price history (0 when Spot was not read). */
  readonly spotInstanceTypes: number;
  readonly dropped: Readonly<Record<string, number>>;
  readonly missing: readonly { readonly key: string; readonly reason: string }[];
  /** Keys copied unchanged from the embedded snapshot because they are not AWS prices. */
  readonly copiedKeys: readonly string[];
}
