// Replicas spread over AZs (topology spread, maxSkew 1) so that losing any one AZ leaves enough.
import { ceilWholeCount } from './whole-count.js';

/**
 * Replicas with HA over `azs` AZs: the same number in every AZ, at least one each (no AZ holds all
 * of a service), and enough that the AZs left after losing one still run `needed`:
 * per AZ = ceil(needed / (azs − 1)); the profile's minimum is met in whole replicas per AZ.
 * Over one AZ only the 2-replica floor applies (a node can be lost, the AZ cannot).
 */
export function replicasSurvivingOneAz(needed: number, minReplicas: number, azs: number): number {
  if (azs < 2) return Math.max(needed, minReplicas, 2);
  const perAz = Math.max(ceilWholeCount(needed / (azs - 1)), Math.ceil(minReplicas / azs), 1);
  return perAz * azs;
}
