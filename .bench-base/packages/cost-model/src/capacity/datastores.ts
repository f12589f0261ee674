import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';
import type { CachePlan, KafkaPlan, RdsPlan } from './capacity-types.js';
import { planCache } from './cache-plan.js';
import { planKafka } from './kafka-plan.js';
import { planRds } from './rds-plan.js';

export interface DatastorePlans {
  readonly rds?: RdsPlan;
  readonly cache?: CachePlan;
  readonly kafka?: KafkaPlan;
}

/** The profile's managed datastores; the cache and Kafka only from their fromUsers on. */
export function planDatastores(profile: Profile, book: PriceBook, demand: Demand, ha: boolean, azs: number): DatastorePlans {
  const { rds, cache, kafka } = profile;
  return {
    ...(rds && { rds: planRds(rds, book, demand.users, ha) }),
    ...(cache && demand.users >= cache.fromUsers && { cache: planCache(cache, book, demand.dailyActiveUsers, ha) }),
    ...(kafka && demand.users >= kafka.fromUsers && { kafka: planKafka(kafka, book, demand.peakRps, ha, azs) }),
  };
}
