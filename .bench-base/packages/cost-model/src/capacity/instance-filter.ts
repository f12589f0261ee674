import type { NodeConstraints } from '../profiles/profile-types.js';
import { PlanningError } from './capacity-types.js';
import type { InstanceCatalog } from './instance-catalog.js';
import type { MaxPodsPolicy } from './node-allocatable.js';

/** NodeConstraints resolved against a catalog, checked per type in the scan. */
export interface InstanceFilter {
  /** Per family id: 1 allowed; null when every family is. */
  readonly allowedFamilies: Uint8Array | null;
  readonly allowX86: boolean;
  readonly allowArm64: boolean;
  readonly allowBurstable: boolean;
  readonly maxVcpu: number;
  readonly policy: MaxPodsPolicy;
  readonly rootVolumeGb: number;
}

/** EKS managed node groups' default disk size (CreateNodegroup diskSize), GiB. */
export const DEFAULT_ROOT_VOLUME_GB = 20;

const BURSTABLE_FAMILY = /^t\d/;

/**
 * Families match exactly ("t3" is t3.*, not t3a.*). A family the book has never heard of is an
 * error, not an empty match: it is almost always a typo. Burstable types are allowed when the
 * profile says so, or when it lists a burstable family by name; otherwise left out, because a T
 * instance held at the target utilisation runs out of CPU credits (and then bills for them).
 */
export function resolveInstanceFilter(constraints: NodeConstraints, catalog: InstanceCatalog): InstanceFilter {
  let allowedFamilies: Uint8Array | null = null;
  const families = constraints.families ?? [];
  if (families.length > 0) {
    allowedFamilies = new Uint8Array(catalog.familyNames.length);
    for (const family of families) {
      const id = catalog.familyIds.get(family);
      if (id === undefined) {
        throw new PlanningError('UNKNOWN_FAMILY', `unknown instance family "${family}" in the profile's nodes.families (not in the price book's EC2 catalog)`);
      }
      allowedFamilies[id] = 1;
    }
  }
  const architectures = constraints.architectures ?? ['x86_64', 'arm64'];
  return {
    allowedFamilies,
    allowX86: architectures.includes('x86_64'),
    allowArm64: architectures.includes('arm64'),
    allowBurstable: constraints.allowBurstable ?? families.some((f) => BURSTABLE_FAMILY.test(f)),
    maxVcpu: constraints.maxVcpu ?? Infinity,
    policy: constraints.maxPodsPolicy ?? 'managed-node-group',
    rootVolumeGb: constraints.rootVolumeGb ?? DEFAULT_ROOT_VOLUME_GB,
  };
}

/** Why catalog type i is not allowed, or undefined when it is. */
export function exclusionReason(f: InstanceFilter, c: InstanceCatalog, i: number): string | undefined {
  if (f.allowedFamilies !== null && f.allowedFamilies[c.familyId[i]!] !== 1) return 'family not allowed';
  if (c.arm64[i] === 1 ? !f.allowArm64 : !f.allowX86) return 'architecture not allowed';
  if (!f.allowBurstable && c.burstable[i] === 1) return 'burstable not allowed';
  if (c.vcpu[i]! > f.maxVcpu) return 'above maxVcpu';
  return undefined;
}
