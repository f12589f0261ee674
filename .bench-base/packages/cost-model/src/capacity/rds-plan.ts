import type { RdsSpec } from '../profiles/profile-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import { PlanningError, type RdsPlan } from './capacity-types.js';
import { cheaperClass, inClassFamilies, managedClasses } from './managed-classes.js';

/** Read replicas from the largest tier whose fromUsers ≤ users (0 below the first tier). */
export function readReplicasFor(spec: RdsSpec, users: number): number {
  let best: { fromUsers: number; replicas: number } | undefined;
  for (const tier of spec.readReplicas ?? []) {
    if (tier.fromUsers <= users && (!best || tier.fromUsers >= best.fromUsers)) best = tier;
  }
  return best?.replicas ?? 0;
}

/**
 * The database sized by memory (the working set should stay in the buffer cache): need = base +
 * per-million-users × users / 1e6 GiB; the cheapest allowed class with at least that much, priced
 * Multi-AZ (one standby) when HA.
 */
export function planRds(spec: RdsSpec, book: PriceBook, users: number, ha: boolean): RdsPlan {
  const memoryGiBNeeded = spec.memoryGiBBase + (spec.memoryGiBPerMillionUsers * users) / 1e6;
  const deployment = ha ? 'multi-az' : 'single-az';
  const allowed = managedClasses(book).filter(
    (c) => c.parts[0] === spec.engine && c.parts[2] === deployment && c.parts[1] === c.className && inClassFamilies(c.className, spec.classFamilies),
  );
  const fitting = allowed.filter((c) => c.memoryGiB >= memoryGiBNeeded).sort(cheaperClass);
  const chosen = fitting[0];
  if (!chosen) {
    const largest = allowed.reduce<(typeof allowed)[number] | undefined>((a, b) => (!a || b.memoryGiB > a.memoryGiB ? b : a), undefined);
    throw new PlanningError(
      'NO_CLASS_FITS',
      `no RDS ${spec.engine} ${deployment} class in ${spec.classFamilies.join(', ')} has ${memoryGiBNeeded.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GiB of memory` +
        (largest ? `; the largest is ${largest.className} with ${largest.memoryGiB} GiB` : '; the price book has none of these classes'),
    );
  }
  const readReplicas = readReplicasFor(spec, users);
  return {
    engine: spec.engine,
    instanceClass: chosen.className,
    deployment,
    readReplicas,
    memoryGiBNeeded,
    why:
      `${chosen.className} (${chosen.memoryGiB} GiB) is the cheapest ${deployment} ${spec.engine} class in ${spec.classFamilies.join(', ')} ` +
      `with the ${memoryGiBNeeded.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GiB the data set needs` +
      (readReplicas > 0 ? `; ${readReplicas} read replica${readReplicas > 1 ? 's' : ''} from the read-replica tiers.` : '.'),
  };
}
