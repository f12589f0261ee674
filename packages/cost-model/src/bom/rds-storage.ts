import { numberText } from '../number-text.js';
// RDS storage performance the user gets for the size and type chosen (Amazon RDS User Guide,
// "Amazon RDS DB instance storage": https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html,
// read in its public source github.com/awsdocs/amazon-rds-user-guide doc_source/CHAP_Storage.md
// @ e02572e8 and, for gp3, the shared fact file rds-connection-limits.tsv).

export type RdsStorageType = 'gp3' | 'gp2' | 'io1' | 'io2';

/** gp2: 3 IOPS per GiB, at least 100 and at most 16,000 (reached at 5,334 GiB). */
export const GP2_IOPS_PER_GB = 3;
export const GP2_MIN_IOPS = 100;
export const GP2_MAX_IOPS = 16_000;
/** gp2 volumes below 1,000 GiB can burst to 3,000 IOPS on their I/O credit balance. */
export const GP2_BURST_IOPS = 3000;
export const GP2_BURST_BELOW_GB = 1000;
/** gp3 on MySQL, MariaDB and PostgreSQL: 3,000 IOPS below 400 GiB, 12,000 from 400 GiB (striped over four volumes). */
export const GP3_THRESHOLD_GB = 400;
export const GP3_BASELINE_IOPS = { below: 3000, atOrAbove: 12_000 } as const;
/** Provisioned IOPS SSD: the ratio of IOPS to allocated GiB must be at least 0.5. */
export const PIOPS_MIN_IOPS_PER_GB = 0.5;

export interface RdsStoragePerformance {
  /** IOPS the storage sustains: the included baseline (gp2, gp3) or what is provisioned (io1, io2). */
  readonly baselineIops: number;
  /** gp2 below 1,000 GiB: the IOPS it can burst to while I/O credits last. */
  readonly burstIops?: number;
  /** How the figure follows from the size, for the line's note. */
  readonly why: string;
}

const n = (x: number) => numberText(x);

/** The IOPS an RDS volume of `sizeGb` delivers; `provisionedIops` for io1/io2 (and gp3 above its baseline). */
export function rdsStoragePerformance(type: RdsStorageType, sizeGb: number, provisionedIops = 0): RdsStoragePerformance {
  switch (type) {
    case 'gp2': {
      const baselineIops = Math.min(GP2_MAX_IOPS, Math.max(GP2_MIN_IOPS, Math.round(sizeGb * GP2_IOPS_PER_GB)));
      const burst = sizeGb < GP2_BURST_BELOW_GB && baselineIops < GP2_BURST_IOPS;
      return {
        baselineIops,
        ...(burst ? { burstIops: GP2_BURST_IOPS } : {}),
        why: `gp2 baseline ${n(baselineIops)} IOPS (3 per GiB, at least 100, at most 16,000)${burst ? `, bursts to ${n(GP2_BURST_IOPS)} while I/O credits last (below 1,000 GiB)` : ''}`,
      };
    }
    case 'gp3': {
      const included = sizeGb >= GP3_THRESHOLD_GB ? GP3_BASELINE_IOPS.atOrAbove : GP3_BASELINE_IOPS.below;
      return { baselineIops: included + provisionedIops, why: `gp3 includes ${n(included)} IOPS at ${n(sizeGb)} GiB (${sizeGb >= GP3_THRESHOLD_GB ? 'from' : 'below'} 400 GiB)` };
    }
    case 'io1':
    case 'io2':
      return { baselineIops: provisionedIops, why: `${type} delivers the ${n(provisionedIops)} IOPS provisioned` };
  }
}

/** What is wrong with a storage request, as messages (empty when it is valid). */
export function rdsStorageProblems(type: RdsStorageType, sizeGb: number | undefined, iops: number | undefined, extraIops: number | undefined): string[] {
  const out: string[] = [];
  if ((type === 'io1' || type === 'io2') && !sizeGb) out.push(`storageGb: required with ${type} storage`);
  if (type === 'io1' || type === 'io2') {
    if (iops === undefined || iops === 0) out.push(`iops: required with ${type} storage (the IOPS provisioned)`);
    else if (sizeGb && iops < sizeGb * PIOPS_MIN_IOPS_PER_GB) out.push(`iops: ${n(iops)} is below the minimum of 0.5 IOPS per GiB (${n(Math.ceil(sizeGb * PIOPS_MIN_IOPS_PER_GB))} for ${n(sizeGb)} GiB)`);
    if (extraIops) out.push(`extraIops: only with gp3 storage; ${type} takes iops`);
  } else if (iops !== undefined) {
    out.push(`iops: only with io1 or io2 storage (${type === 'gp3' ? 'gp3 takes extraIops above its baseline' : 'gp2 IOPS follow from the size'})`);
  }
  if (type === 'gp2' && extraIops) out.push('extraIops: only with gp3 storage (gp2 IOPS follow from the size)');
  return out;
}
