// Live prices for tier-planner: refresh a region's snapshot from AWS (see docs/pricing-refresh.md).
export {
  refreshPriceSnapshot,
  DEFAULT_DEADLINE_MS,
  DEFAULT_BULK_DEADLINE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type RefreshOptions,
  type RefreshResult,
} from './refresh-price-snapshot.js';
export { createPricingClient } from './pricing-client.js';
export type { SetTimer } from './timers.js';
export { RefreshError, REQUIRED_IAM_ACTIONS, type RefreshErrorCode } from './refresh-error.js';
export type { RefreshProgress, RefreshReport } from './refresh-types.js';
export { priceListEndpointRegion } from './endpoint-region.js';
export { SavingsPlanCollector, type SavingsPlanRates } from './savings-plans/collector.js';
export type { SavingsPlanOfferSink } from './savings-plans/offer-sink.js';
export {
  SAVINGS_PLANS_SOURCE_ID,
  describeSpotPriceHistoryStep,
  type SavingsPlansRead,
  type SavingsPlansStep,
  type SpotStep,
} from './commitment-steps.js';
export type { SavingsPlansOutcome, SpotOutcome } from './commitments.js';
export { fetchSpotPrices, SPOT_SOURCE_ID, type SpotHistoryOptions } from './spot/spot-history.js';
export { DEFAULT_BULK_BASE_URL, OFFER_INDEX_PATH, DEFAULT_SAVINGS_PLAN_OFFERS, type OfferFormat } from './bulk/fetch-bulk.js';
export { chooseRefreshSource, type SourceChoice } from './bulk/choose-source.js';
