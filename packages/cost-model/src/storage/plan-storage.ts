import { assembled } from '../object-copy.js';
import { activeSeries } from '../capacity/add-on-sizing.js';
import type { CapacityPlan } from '../capacity/capacity-types.js';
import { burstHoursPerMonth } from '../capacity/daily-capacity.js';
import { PLAN_DEFAULTS } from '../plan/plan-assumptions.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';
import type { StoragePlan, VolumePlan } from './storage-types.js';
import { numberText } from '../number-text.js';

const SECONDS_PER_DAY = 86_400;
const BYTES_PER_GB = 1024 ** 3;
const PUT_OBJECT_MIB = 1;

export interface StorageInput {
  readonly demand: Demand;
  readonly capacity: CapacityPlan;
  readonly profile: Profile;
  readonly daysPerMonth: number;
  readonly hoursPerMonth: number;
  readonly ha: boolean;
  readonly objectMiBPerUser: number;
}

/** demand + capacity → volumes, database storage, S3 by lifecycle class, ECR and logs. */
export function planStorage(input: StorageInput): StoragePlan {
  const { demand, capacity, profile, daysPerMonth } = input;
  const nodes = capacity.nodeGroups.reduce((n, g) => n + g.count, 0);
  const floorNodes = capacity.nodeGroups.reduce((n, g) => n + g.floor, 0);
  const burstNodeHours = capacity.nodeGroups.reduce((h, g) => h + burstHoursPerMonth(g.floor, g.nodeHoursPerDay, input.hoursPerMonth), 0);
  const rootGb = profile.nodes?.rootVolumeGb ?? PLAN_DEFAULTS.rootVolumeGb.value;
  const persistentVolumes: VolumePlan[] = [];
  const features = new Set(profile.features ?? []);
  const prom = profile.storage.prometheus;
  if (features.has('monitoring-in-cluster') && prom) {
    // One source of truth: the series the capacity stage sized Prometheus for (else count them here).
    const pods = capacity.replicas.reduce((n, r) => n + r.desired, 0);
    const sized = capacity.addOns?.prometheus;
    const series = sized?.series ?? activeSeries(prom, nodes, pods);
    const shards = sized?.shards ?? 1;
    const bytes = (series / shards / prom.scrapeIntervalSeconds) * SECONDS_PER_DAY * prom.retentionDays * prom.bytesPerSample;
    const copies = sized?.replicas ?? 1;
    persistentVolumes.push({
      name: 'prometheus',
      sizeGb: Math.max(1, Math.ceil((bytes / BYTES_PER_GB) * PLAN_DEFAULTS.prometheusHeadroom.value)),
      count: copies,
      why: `${numberText(series)} series${shards > 1 ? ` over ${numberText(shards)} shards` : ''} scraped every ${prom.scrapeIntervalSeconds}s × ${prom.bytesPerSample} bytes/sample × ${prom.retentionDays} days, +20%${copies > 1 ? `; one volume per replica (${numberText(copies)})` : ''}`,
    });
  }
  const logsStoredGb = (demand.logGbPerMonth * profile.storage.logs.retentionDays) / daysPerMonth;
  const es = capacity.addOns?.elasticsearch;
  if (profile.storage.logs.sink === 'in-cluster' && es) {
    persistentVolumes.push({
      name: 'elasticsearch',
      sizeGb: es.volumeGbPerNode,
      count: es.dataNodes,
      why: `${numberText(es.indexGb, { maximumFractionDigits: 1 })} GB of index (${profile.storage.logs.retentionDays} days of logs × ${PLAN_DEFAULTS.elasticsearchOverhead.value} index overhead${es.replicaShards > 0 ? ', one replica shard (HA)' : ''}) over ${numberText(es.dataNodes)} data nodes, below the 85% disk watermark`,
    });
  } else if (profile.storage.logs.sink === 'in-cluster') {
    const copies = input.ha ? 2 : 1;
    persistentVolumes.push({
      name: 'elasticsearch',
      sizeGb: Math.max(1, Math.ceil(logsStoredGb * PLAN_DEFAULTS.elasticsearchOverhead.value)),
      count: copies,
      why: `${profile.storage.logs.retentionDays} days of logs × 1.5 index overhead${copies > 1 ? ', one replica shard (HA)' : ''}`,
    });
  }

  const rds = capacity.rds;
  const database = rds && profile.rds
    ? {
        storageGb: Math.max(rds.storageGb, profile.rds.minStorageGb, Math.ceil(demand.databaseGb * PLAN_DEFAULTS.databaseHeadroom.value)),
        instances: 1 + rds.readReplicas,
        why:
          `${numberText(demand.databaseGb, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB of data +25%, at least ${numberText(profile.rds.minStorageGb)} GB` +
          `${rds.storageGb > Math.max(profile.rds.minStorageGb, Math.ceil(demand.databaseGb * PLAN_DEFAULTS.databaseHeadroom.value)) ? `, raised to ${numberText(rds.storageGb)} GB for the gp3 IOPS the load needs` : ''}; each read replica holds a copy`,
      }
    : undefined;

  const span = PLAN_DEFAULTS.objectAgeSpanDays.value;
  const { toStandardIaDays, toGlacierIrDays } = profile.storage.s3Lifecycle;
  const stdShare = Math.min(1, toStandardIaDays / span);
  const iaShare = Math.max(0, Math.min(1, toGlacierIrDays / span) - stdShare);
  const total = demand.objectStorageGb;
  const requestsPerMonth = demand.requestsPerDay * daysPerMonth;
  const s3 = {
    standardGb: total * stdShare,
    standardIaGb: total * iaShare,
    glacierInstantGb: total * Math.max(0, 1 - stdShare - iaShare),
    putRequests: ((demand.users * input.objectMiBPerUser) / PUT_OBJECT_MIB) * (daysPerMonth / span),
    getRequests: requestsPerMonth * PLAN_DEFAULTS.s3GetsPerRequest.value,
    lifecycle: { toStandardIaDays, toGlacierIrDays },
    why: `objects written evenly over ${span} days: ${toStandardIaDays} days in Standard, then Standard-IA, Glacier Instant Retrieval after ${toGlacierIrDays} days`,
  };

  const imageGb = profile.services.map((s) => s.imageGb ?? PLAN_DEFAULTS.imageGb.value);
  const ecr = {
    repositories: profile.services.length,
    retainedImages: profile.storage.ecrRetainedImages,
    storageGb: imageGb.reduce((a, b) => a + b, 0) * profile.storage.ecrRetainedImages,
  };

  return assembled<StoragePlan>(
    nodes > 0
      ? { nodeRootVolumes: { name: 'node root volumes', sizeGb: rootGb, count: nodes, floor: floorNodes, burstHours: burstNodeHours, why: `${rootGb} GB gp3 per node, deleted with the node when it scales in` } }
      : {},
    { persistentVolumes },
    database ? { database } : {},
    { s3, ecr, logs: { sink: profile.storage.logs.sink, retentionDays: profile.storage.logs.retentionDays, ingestedGbPerMonth: demand.logGbPerMonth, storedGb: logsStoredGb } },
  );
}
