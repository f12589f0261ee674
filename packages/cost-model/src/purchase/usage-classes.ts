// Which billed usages a purchase option can apply to. EC2 instance hours take every option; the
// managed services' compute usage takes only what AWS sells for it; the rest of a bill (storage,
// requests, data transfer) is not compute and stays as priced.
import type { PurchaseKind } from './purchase-choice.js';

export interface CommitmentUsage {
  /** "Fargate", "RDS", "ElastiCache", "MSK". */
  readonly service: string;
  /** Reserved, savings-plan and spot: whether the service offers it for this usage. */
  readonly offers: ReadonlySet<PurchaseKind>;
  /** Savings Plans: only Compute Savings Plans cover it (Fargate). */
  readonly computeSavingsPlanOnly?: boolean;
}

const FARGATE: CommitmentUsage = { service: 'Fargate', offers: new Set(['savings-plan', 'spot']), computeSavingsPlanOnly: true };
const RDS: CommitmentUsage = { service: 'RDS', offers: new Set(['reserved']) };
const ELASTICACHE: CommitmentUsage = { service: 'ElastiCache', offers: new Set(['reserved']) };
const MSK: CommitmentUsage = { service: 'MSK', offers: new Set() };

/** The usage class of a dimension key, or undefined when no purchase option applies to it. */
export function commitmentUsage(key: string): CommitmentUsage | undefined {
  if (/^fargate\/linux-(x86|arm64)\/(vcpu|gb)-hours$/.test(key)) return FARGATE;
  if (/^rds\/[^/]+\/db\.[^/]+\/[^/]+$/.test(key)) return RDS;
  if (/^elasticache\/[^/]+\/cache\.[^/]+$/.test(key)) return ELASTICACHE;
  if (key.startsWith('msk/broker/')) return MSK;
  return undefined;
}

/** Fargate Spot's dimension for an on-demand Fargate dimension ("fargate/linux-x86/vcpu-hours" → "fargate-spot/…"). */
export function fargateSpotKey(key: string): string {
  return key.replace(/^fargate\//, 'fargate-spot/');
}
