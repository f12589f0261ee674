// Public entry of @tier-planner/cost-model.
export { loadPriceBook, DEFAULT_REGION, type LoadPriceBookOptions } from './snapshot-io/load-price-book.js';
export { writeSnapshotAtomic, writeFileAtomic } from './snapshot-io/write-snapshot.js';
export { embeddedSnapshotDir, userSnapshotDir, snapshotPath, regionsIn } from './snapshot-io/snapshot-locations.js';
export { createPriceBook, type PriceBook, type PriceBookOrigin, type InstanceType } from './pricing/price-book.js';
export { PricingError, type PricingErrorCode } from './pricing/pricing-error.js';
export { validateSnapshotFile, findProblem } from './pricing/validate-snapshot.js';
export { serializeSnapshot } from './pricing/serialize-snapshot.js';
export { snapshotDigest } from './pricing/snapshot-digest.js';
export { isDecimalString } from './pricing/decimal-string.js';
export * from './pricing/snapshot-types.js';
