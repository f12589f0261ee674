import { BomError } from './bom/price-resources.js';
import { PlanningError } from './capacity/capacity-types.js';
import { PlanDocumentError } from './plan-document/plan-document-error.js';
import { PricingError } from './pricing/pricing-error.js';
import { ProfileError } from './profiles/parse-profile.js';

export type ModelInputError = PricingError | PlanningError | BomError | ProfileError | PlanDocumentError;

/**
 * The core's errors that mean the caller's input was wrong (a snapshot, a profile, a bill of
 * materials, a plan file, users the model cannot plan), not a bug: the tools print them as one
 * line and exit 2.
 */
export function isModelInputError(e: unknown): e is ModelInputError {
  return e instanceof PricingError || e instanceof PlanningError || e instanceof BomError || e instanceof ProfileError || e instanceof PlanDocumentError;
}
