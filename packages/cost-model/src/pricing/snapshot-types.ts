// The on-disk price snapshot (schema version 1). One file per region in data/pricing/snapshots/.
// Money is always a decimal string: parsing it as a float would lose cents.
// data/pricing/schema/price-snapshot.v1.schema.json describes the same shape for other tools.

export const SNAPSHOT_FORMAT = 'tier-planner-price-snapshot';
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** How sure the price book is of a figure, weakest last. */
export type Confidence = 'vendor-api' | 'vendor-data' | 'two-sources-agree' | 'derived-golden' | 'third-party-page';

export type PurchaseOption = 'on-demand' | 'spot' | 'reserved' | 'savings-plan';

export type Architecture = 'x86_64' | 'arm64';

export interface SourceRef {
  /** What the source is, in a few words. */
  readonly title: string;
  /** Where it can be read (repository path at commit, AWS API call, URL). */
  readonly ref: string;
  /** The date its figures are from (YYYY-MM-DD or YYYY-MM). */
  readonly asOf: string;
  readonly confidence: Confidence;
}

export interface PriceTier {
  /** Upper bound of this tier in the dimension's unit per month; null means no upper bound. */
  readonly upTo: string | null;
  readonly usd: string;
}

export interface PriceDimension {
  /** Stable identifier the model prices by, e.g. "ebs/gp3/storage". */
  readonly key: string;
  /** Model service name ("EKS", "EBS", "S3", …). */
  readonly service: string;
  readonly description: string;
  /** Billing unit, plural and without the price: "hours", "GB-months", "1k requests". */
  readonly unit: string;
  /** Flat price per unit; absent when `tiers` is given. */
  readonly usd?: string;
  /** Graduated tiers, lowest first; the last has upTo null. */
  readonly tiers?: readonly PriceTier[];
  readonly purchaseOption: PurchaseOption;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
  /** Date of this figure when it differs from the source's own. */
  readonly asOf?: string;
  readonly sku?: string;
  /** Marks a figure known to float or to be approximate (e.g. Fargate Spot). */
  readonly approximate?: boolean;
  readonly note?: string;
  /** Size of a managed-service instance class (RDS, ElastiCache, MSK), from the same source row. */
  readonly spec?: ManagedClassSpec;
  /** Reserved rates for this dimension's usage (RDS and ElastiCache node classes), per unit. */
  readonly reserved?: readonly ReservedRate[];
  /** Savings Plans rates for this dimension's usage (Fargate under a Compute Savings Plan), per unit. */
  readonly savingsPlans?: readonly SavingsPlanRate[];
}

/** vCPU and memory from the price row; RDS classes add the RDS hardware table's EBS bandwidth. */
export interface ManagedClassSpec {
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** Maximum EBS bandwidth, megabits per second (RDS classes the hardware table lists). */
  readonly maxEbsBandwidthMbps?: number;
  /** The bandwidth is an "Up to" figure: a burst maximum, the sustained baseline is lower and unpublished. */
  readonly ebsBandwidthUpTo?: boolean;
  /** Id into the snapshot's `sources` for the EBS figures (the price row's source gives vCPU and memory). */
  readonly ebsSource?: string;
  /** MSK brokers: partition limits and per-broker throughput guidance. */
  readonly broker?: BrokerSpec;
  /** ElastiCache nodes: network bandwidth and engine threading. */
  readonly cacheNode?: CacheNodeSpec;
}

/** An MSK broker class's sizing facts (shared fact file msk-broker-throughput.tsv). */
export interface BrokerSpec {
  readonly brokerType: 'standard' | 'express';
  readonly networkGbps: number;
  /** Partitions per broker (leaders + followers): AWS's recommendation and the maximum it enforces. */
  readonly recommendedPartitions: number;
  readonly maxPartitions: number;
  /** Sustained MB/s per broker into and out of it. */
  readonly ingressMBps: number;
  readonly egressMBps: number;
  /** documented: AWS's quota page (Express); aws-tool: the AWS MSK MCP server's figures, no AWS documentation (Standard). */
  readonly throughputBasis: 'documented' | 'aws-tool';
  readonly source: string;
}

/** An ElastiCache node type's sizing facts (shared fact file elasticache-node-specs.tsv). */
export interface CacheNodeSpec {
  /** As AWS writes it: "Up to 10 Gigabit" (burstable) or "25 Gigabit". */
  readonly networkPerformance: string;
  /** Baseline network bandwidth from AWS's node table; absent when no source gives it. */
  readonly baselineGbps?: number;
  /** Redis OSS Enhanced I/O (network I/O on extra threads); absent when no source says. */
  readonly enhancedIo?: boolean;
  readonly source: string;
}

export type CommitmentTerm = '1yr' | '3yr';
export type PaymentOption = 'No Upfront' | 'Partial Upfront' | 'All Upfront';

/** A Reserved Instance (EC2) or reserved node (RDS, ElastiCache) rate; RDS and ElastiCache are always standard. */
export interface ReservedRate {
  readonly term: CommitmentTerm;
  readonly offeringClass: 'standard' | 'convertible';
  readonly paymentOption: PaymentOption;
  /** Recurring USD per hour. */
  readonly hourlyUsd: string;
  /** One-off USD per instance for the term. */
  readonly upfrontUsd: string;
  readonly source: string;
  readonly sku?: string;
}

/**
 * A Savings Plan's rate for one usage: an EC2 type's Linux/UNIX shared-tenancy hours, or a Fargate
 * dimension's unit (vCPU-hours, GB-hours). Compute Savings Plans cover EC2 and Fargate; EC2 Instance
 * Savings Plans cover one family in one region.
 */
export interface SavingsPlanRate {
  readonly plan: 'compute' | 'ec2-instance';
  readonly term: CommitmentTerm;
  readonly paymentOption: PaymentOption;
  /** USD per unit of the covered usage (per hour for an instance type), as the plan's rate card gives it. */
  readonly usd: string;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
  readonly sku?: string;
}

/** Spot price statistics per availability zone and over them, from DescribeSpotPriceHistory. */
export interface SpotPriceStats {
  /** Median and 90th percentile USD per hour over the window. */
  readonly medianUsd: string;
  readonly p90Usd: string;
}

export interface SpotPrice extends SpotPriceStats {
  /** Per availability zone ("us-east-1a"). */
  readonly byAz: Readonly<Record<string, SpotPriceStats>>;
  /** RFC 3339 window the history covers. */
  readonly from: string;
  readonly to: string;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
}

/** A burstable (T) type's CPU baseline, from AWS's credit table. */
export interface BurstBaseline {
  /** Baseline utilisation per vCPU, percent: what the type sustains without spending surplus credits. */
  readonly baselinePerVcpuPct: number;
  /** CPU credits earned per hour (one credit = one vCPU at 100% for a minute). */
  readonly creditsPerHour: number;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
}

/** Why a type's family counts as previous generation: on AWS's list, or from another AWS statement. */
export interface PreviousGeneration {
  readonly status: 'listed' | 'indirect';
  /** Id into the snapshot's `sources`. */
  readonly source: string;
  readonly note?: string;
}

export interface InstanceTypeRecord {
  readonly vcpu: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  readonly arch: Architecture;
  /** EKS default max pods (VPC CNI, default network card); null when no source has it. */
  readonly maxPods: number | null;
  /** ENIs on the default network card and IPv4 addresses per ENI, as used for max pods. */
  readonly enis: number | null;
  readonly ipv4PerEni: number | null;
  readonly bareMetal: boolean;
  /** On-demand Linux/UNIX shared tenancy, USD per hour. */
  readonly onDemandUsd: string;
  readonly reserved?: readonly ReservedRate[];
  /** Savings Plans rates for the type's Linux/UNIX shared-tenancy hours. */
  readonly savingsPlans?: readonly SavingsPlanRate[];
  /** Linux/UNIX Spot price history; absent: Spot is unpriced (no credentials at refresh, or never fetched). */
  readonly spot?: SpotPrice;
  /** T types only: baseline and credits (absent for other types, and for T types AWS's table lacks). */
  readonly burst?: BurstBaseline;
  /** Present when AWS calls the type's family previous generation; absent: current generation. */
  readonly previousGeneration?: PreviousGeneration;
}

export interface Allowance {
  readonly key: string;
  readonly description: string;
  readonly quantity: number;
  readonly unit: string;
  readonly source: string;
}

/** One Kubernetes minor version on EKS: when it was released and when each support tier ends (UTC dates). */
export interface KubernetesVersionRecord {
  /** "1.34". */
  readonly version: string;
  /** YYYY-MM-DD the version became available on EKS. */
  readonly eksRelease: string;
  /** YYYY-MM-DD: from the start of this day (UTC) the cluster bills extended support. */
  readonly endOfStandardSupport: string;
  /** YYYY-MM-DD: from this day EKS creates no cluster on the version and upgrades existing ones. */
  readonly endOfExtendedSupport: string;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
  readonly note?: string;
}

/** One RDS major engine version past (or nearing) the end of RDS standard support, with its Extended Support dates (UTC days). */
export interface RdsEngineVersionRecord {
  readonly engine: 'postgresql' | 'mysql';
  /** Major version as RDS names it: "12", "5.7". */
  readonly version: string;
  /** YYYY-MM-DD: AWS's "RDS end of standard support date", the last day of standard support; Extended Support year 1 starts the day after. */
  readonly endOfStandardSupport: string;
  /** YYYY-MM-DD: the first day Extended Support is billed (the day after the end of standard support unless AWS deferred it). */
  readonly chargesFrom: string;
  /** YYYY-MM-DD: the last day of Extended Support (AWS: up to 3 years past the end of standard support). */
  readonly endOfExtendedSupport: string;
  /** Id into the snapshot's `sources`. */
  readonly source: string;
  readonly note?: string;
}

export interface SnapshotContent {
  readonly region: string;
  readonly currency: 'USD';
  /** RFC 3339 time the snapshot was written. */
  readonly generatedAt: string;
  /** What wrote it: "pricing:build (shared facts)" or "pricing refresh (AWS Price List API)". */
  readonly generator: string;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly ec2: {
    readonly priceSource: string;
    readonly specSource: string;
    readonly podsSource: string;
    readonly instances: Readonly<Record<string, InstanceTypeRecord>>;
    /** Instance types left out, counted by reason, so nothing vanishes silently. */
    readonly dropped: Readonly<Record<string, number>>;
  };
  readonly prices: readonly PriceDimension[];
  readonly allowances: readonly Allowance[];
  /** EKS's Kubernetes version calendar, oldest first (absent in snapshots written before it was kept). */
  readonly kubernetesVersions?: readonly KubernetesVersionRecord[];
  /** RDS Extended Support calendar by engine and major version (absent in snapshots written before it was kept). */
  readonly rdsEngineVersions?: readonly RdsEngineVersionRecord[];
  /** Dimensions the generator looked for and did not find. */
  readonly missing: readonly { readonly key: string; readonly reason: string }[];
}

export interface SnapshotFile {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** "sha256:<hex>" of JSON.stringify(snapshot): detects truncated or hand-edited files. */
  readonly digest: string;
  readonly snapshot: SnapshotContent;
}
