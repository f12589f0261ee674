// Live price refresh from the AWS Price List API (see docs/pricing-refresh.md).
export { refreshPriceSnapshot, type RefreshOptions, type RefreshResult } from './refresh-price-snapshot.js';
export { RefreshError, REQUIRED_IAM_ACTIONS, type RefreshErrorCode } from './refresh-error.js';
export type { RefreshProgress, RefreshReport } from './refresh-types.js';
export { priceListEndpointRegion } from './endpoint-region.js';
