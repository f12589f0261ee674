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

// The model
export { planTier, resolveProfile, MAX_USERS } from './plan/plan-tier.js';
export { planLadder, DEFAULT_LADDER } from './plan/plan-ladder.js';
export { findBreakpoints, type Breakpoint, type BreakpointSearch } from './plan/find-breakpoints.js';
export { diffPlans, type PlanDiff, type CostDelta } from './plan/diff-plans.js';
export { planShape, shapeChanges, type PlanShape } from './plan/plan-shape.js';
export type { Plan, PlanOptions, PlanRequest, Uncertainty } from './plan/plan-types.js';
export { PLAN_DEFAULTS } from './plan/plan-assumptions.js';
export { planKubernetes, supportOn, checkPlanDate, SUPPORT_WARNING_DAYS, type KubernetesPlan, type EksSupport } from './plan/kubernetes-version.js';
export { priceResources, validateBom, bomToDrafts, BomError, type PricedBom } from './bom/price-resources.js';
export type { BillOfMaterials, BomResource } from './bom/bill-of-materials.js';
export { RESOURCE_TYPES } from './bom/registry.js';
export { priceLineItems, splitTiers } from './cost/price-line-items.js';
export { rollUp, type MonthlyCost } from './cost/roll-up.js';
export type { LineItem, LineItemDraft, PriceRef, Ec2Purchase, PriceProvenance } from './cost/line-item.js';
export { Decimal, ZERO, dec, sum, formatUsd } from './cost/money.js';
export { DEFAULT_HOURS_PER_MONTH } from './cost/calendar.js';
export { WORKLOAD_DEFAULTS, resolveWorkload, type Assumption, type WorkloadKey } from './workload/assumptions.js';
export { deriveDemand } from './workload/derive-demand.js';
export type { Demand } from './workload/demand.js';
export { PlanningError } from './capacity/capacity-types.js';
export type * from './capacity/capacity-types.js';
export type * from './profiles/profile-types.js';
export type { StoragePlan } from './storage/storage-types.js';
export type { CiPlan } from './ci/ci-types.js';
export { planCapacity } from './capacity/plan-capacity.js';
export { nodeAllocatable } from './capacity/node-allocatable.js';
export { profiles, listProfiles, getProfile, parseProfile, ProfileError } from './profiles/index.js';
export { auditSeedLadder, seedLadderAtTodaysPrices, compareSeedUnitPrices, seedLadderReport, seedLadderBesideModel } from './seed/index.js';

// Plan files (`tier-planner --json`): write and read back, no I/O.
export { planToJson, PLAN_JSON_SCHEMA_VERSION, PLAN_JSON_KIND } from './plan-document/plan-to-json.js';
export { planFromJson } from './plan-document/plan-from-json.js';
export { PlanDocumentError } from './plan-document/plan-document-error.js';
export { decimalsAsStrings } from './plan-document/decimals-as-strings.js';
export { PLAN_TAG_KEY, TIER_TAG_KEY, defaultPlanName, tierLabel } from './plan-document/plan-tags.js';
export { isModelInputError, type ModelInputError } from './input-errors.js';
