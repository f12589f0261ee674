import { fargateService } from '../services/fargate.js';

/**
 * Fargate usage type (without region prefix) → the snapshot key that prices it, read from the
 * Fargate service definition so Savings Plans rates land on the same dimensions as on-demand.
 */
export function fargateSavingsPlanUsage(): ReadonlyMap<string, string> {
  const usage = new Map<string, string>();
  for (const key of fargateService.keysOffered([])) {
    const usagetype = fargateService.ruleFor(key)?.match.usagetype;
    if (usagetype) usage.set(usagetype, key);
  }
  return usage;
}
