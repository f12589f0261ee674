// What loads the database, as named tier-planner assumptions: a profile overrides the first five
// (RdsSpec fields); every value used is reported in the plan's assumptions.
import type { RdsSpec } from '../profiles/profile-types.js';
import type { Assumption } from '../workload/assumptions.js';
import { MEMORY_FIT_TOLERANCE } from './rds-class-limits.js';

interface RdsDefault {
  readonly value: number;
  readonly unit: string;
  readonly why: string;
}

export const RDS_DEFAULTS = {
  queriesPerRequest: { value: 2, unit: 'queries', why: 'tier-planner assumption: database queries per API request that reach the database (after any application cache)' },
  readShare: { value: 0.8, unit: 'ratio', why: 'tier-planner assumption: four in five of those queries are reads' },
  cpuMsPerQuery: { value: 0.5, unit: 'ms', why: 'tier-planner assumption: database CPU time per query, a mix of indexed lookups and small writes (measure yours)' },
  targetCpuUtilization: { value: 0.6, unit: 'ratio', why: 'tier-planner assumption: the writer runs at most 60% CPU at the peak (a database cannot scale out in minutes like the HPA)' },
  connectionPoolPerReplica: { value: 10, unit: 'connections', why: 'tier-planner assumption: connections each application replica\'s pool keeps open' },
  iopsPerWrite: { value: 2, unit: 'IOPS', why: 'tier-planner assumption: storage operations per write query (log write plus page flush)' },
  readMissShare: { value: 0.05, unit: 'ratio', why: 'tier-planner assumption: share of reads that miss the buffer cache and read storage (one operation each), since memory holds the working set' },
  ioKiBPerOperation: { value: 16, unit: 'KiB', why: 'tier-planner assumption: bytes per storage operation, for throughput (a 16 KiB InnoDB page; PostgreSQL pages are 8 KiB)' },
  classMemoryAvailableShare: {
    value: 0.9,
    unit: 'ratio',
    why: 'tier-planner assumption: DBInstanceClassMemory as a share of the class memory (AWS does not publish it; a third-party report of an xlarge with 15,892,177,440 bytes is 0.925 of 16 GiB)',
  },
} as const satisfies Record<string, RdsDefault>;

export type RdsDefaultKey = keyof typeof RDS_DEFAULTS;
export type RdsLoadInputs = Readonly<Record<RdsDefaultKey, number>>;

const FROM_SPEC = ['queriesPerRequest', 'readShare', 'cpuMsPerQuery', 'targetCpuUtilization', 'connectionPoolPerReplica'] as const satisfies readonly (RdsDefaultKey & keyof RdsSpec)[];

const DEFAULT_VALUES = Object.fromEntries(Object.entries(RDS_DEFAULTS).map(([k, d]) => [k, d.value])) as RdsLoadInputs;

/** The profile's values, else the defaults. */
export function rdsLoadInputs(spec: RdsSpec): RdsLoadInputs {
  const out: Record<RdsDefaultKey, number> = { ...DEFAULT_VALUES };
  for (const k of FROM_SPEC) if (spec[k] !== undefined) out[k] = spec[k];
  return out;
}

/** Every input as an assumption, named "rds.<key>"; the profile's own why when it sets one. */
export function rdsAssumptions(spec: RdsSpec, why: Readonly<Record<string, string>> = {}): Assumption[] {
  const inputs = rdsLoadInputs(spec);
  return (Object.keys(RDS_DEFAULTS) as RdsDefaultKey[]).map((k) => {
    const set = (FROM_SPEC as readonly string[]).includes(k) && spec[k as (typeof FROM_SPEC)[number]] !== undefined;
    return { name: `rds.${k}`, value: inputs[k], unit: RDS_DEFAULTS[k].unit, why: set ? (why[`rds.${k}`] ?? 'set by the profile') : RDS_DEFAULTS[k].why, defaulted: !set };
  }).concat({
    name: 'rds.memoryFitTolerance',
    value: MEMORY_FIT_TOLERANCE,
    unit: 'ratio',
    why: 'tier-planner assumption: a working-set need at most 0.1% above a class\'s memory fits it (the need is an estimate far coarser than that)',
    defaulted: true,
  });
}
