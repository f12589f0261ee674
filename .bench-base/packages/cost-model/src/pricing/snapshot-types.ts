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
  readonly spec?: { readonly vcpu: number; readonly memoryGiB: number };
}

export interface ReservedRate {
  readonly term: '1yr' | '3yr';
  readonly offeringClass: 'standard' | 'convertible';
  readonly paymentOption: 'No Upfront' | 'Partial Upfront' | 'All Upfront';
  /** Recurring USD per hour. */
  readonly hourlyUsd: string;
  /** One-off USD per instance for the term. */
  readonly upfrontUsd: string;
  readonly source: string;
  readonly sku?: string;
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
