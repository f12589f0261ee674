// What one RDS instance class can carry: memory (with a fitting tolerance), default
// max_connections, gp3 storage baselines, and an assumed CPU baseline for burstable db.t* classes.
// Sources: docs/methodology.md, "RDS: sized by CPU, connections, IOPS and memory".
import { numberText } from '../number-text.js';

/**
 * A need within this relative margin above a class's memory still fits it. The working-set need is
 * an estimate (base + a per-user slope) far coarser than 0.1%: a need 4 MiB over a 4 GiB class is
 * the slope at a handful of users, not a reason to double the class. tier-planner assumption.
 */
export const MEMORY_FIT_TOLERANCE = 0.001;

export function fitsMemory(needGiB: number, classGiB: number): boolean {
  return needGiB <= classGiB * (1 + MEMORY_FIT_TOLERANCE);
}

/** A figure printed with up to 12 significant digits: "4.000006", never a rounding that hides an overshoot. */
export function exact(x: number): string {
  return numberText(x, { maximumSignificantDigits: 12 });
}

const BYTES_PER_GIB = 1024 ** 3;
/** RDS User Guide, "Maximum number of database connections": default max_connections divisors. */
const MYSQL_BYTES_PER_CONNECTION = 12_582_880;
const POSTGRESQL_BYTES_PER_CONNECTION = 9_531_392;
const POSTGRESQL_MAX_CONNECTIONS_CAP = 5000;

/**
 * Default max_connections: MySQL {DBInstanceClassMemory/12582880} (no cap modelled: AWS gives
 * none), PostgreSQL LEAST({DBInstanceClassMemory/9531392}, 5000). DBInstanceClassMemory is the
 * class memory less OS/RDS reservations: `availableShare` of it (an assumption).
 */
export function defaultMaxConnections(engine: 'postgresql' | 'mysql', memoryGiB: number, availableShare: number): number {
  const bytes = Math.floor(memoryGiB * BYTES_PER_GIB * availableShare);
  return engine === 'mysql'
    ? Math.floor(bytes / MYSQL_BYTES_PER_CONNECTION)
    : Math.min(Math.floor(bytes / POSTGRESQL_BYTES_PER_CONNECTION), POSTGRESQL_MAX_CONNECTIONS_CAP);
}

export interface Gp3Limits {
  readonly baselineIops: number;
  readonly baselineMiBps: number;
  /** Provisioning above the baseline is possible only from the striping threshold on. */
  readonly canProvision: boolean;
}

/** RDS gp3 (MySQL, MariaDB, PostgreSQL): the threshold where storage is striped over four volumes. */
export const GP3_STRIPING_THRESHOLD_GIB = 400;
export const GP3_MAX_IOPS = 64_000;
export const GP3_MAX_MIBPS = 4000;

/** RDS User Guide, "Amazon RDS DB instance storage", gp3 table. */
export function gp3Limits(allocatedGiB: number): Gp3Limits {
  return allocatedGiB >= GP3_STRIPING_THRESHOLD_GIB
    ? { baselineIops: 12_000, baselineMiBps: 500, canProvision: true }
    : { baselineIops: 3000, baselineMiBps: 125, canProvision: false };
}

/**
 * CPU baseline per vCPU (%) of the EC2 type of the same family and size (EC2 user guide credit
 * table). AWS publishes no baseline for db.t3/db.t4g: taking the EC2 figure is a tier-planner
 * assumption.
 */
const EC2_BURSTABLE_BASELINE_PCT: Readonly<Record<string, number>> = {
  micro: 10,
  small: 20,
  medium: 20,
  large: 30,
  xlarge: 40,
  '2xlarge': 40,
};

export function isBurstableClass(className: string): boolean {
  return /^db\.t\d/.test(className);
}

/** vCPUs a db.t* class may use on a 24-hour average without running down credits (assumed), or undefined. */
export function assumedBaselineVcpus(className: string, vcpu: number): number | undefined {
  const m = /^db\.(t3|t4g)\.([a-z0-9]+)$/.exec(className);
  const pct = m ? EC2_BURSTABLE_BASELINE_PCT[m[2]!] : undefined;
  return pct === undefined ? undefined : (vcpu * pct) / 100;
}

/** AWS: each source DB instance can have up to 15 read replicas (MySQL, MariaDB, PostgreSQL). */
export const MAX_READ_REPLICAS = 15;
