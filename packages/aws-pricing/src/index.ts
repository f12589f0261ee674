// Live prices for tier-planner: refresh a region's snapshot from AWS (see docs/pricing-refresh.md).
export {
  refreshPriceSnapshot,
  DEFAULT_DEADLINE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type RefreshOptions,
  type RefreshResult,
} from './refresh-price-snapshot.js';
export { createPricingClient } from './pricing-client.js';
export type { SetTimer } from './timers.js';
export { RefreshError, REQUIRED_IAM_ACTIONS, type RefreshErrorCode } from './refresh-error.js';
export type { RefreshProgress, RefreshReport } from './refresh-types.js';
export { priceListEndpointRegion } from './endpoint-region.js';
export { DEFAULT_BULK_BASE_URL, OFFER_INDEX_PATH, DEFAULT_SAVINGS_PLAN_OFFERS, type OfferFormat } from './bulk/fetch-bulk.js';
export type { SavingsPlanOfferSink } from './savings-plans/offer-sink.js';
export { chooseRefreshSource, type SourceChoice } from './bulk/choose-source.js';
