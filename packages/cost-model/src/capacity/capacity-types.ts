import type { PurchaseChoice } from '../purchase/purchase-choice.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';

export interface CapacityInput {
  readonly demand: Demand;
  readonly profile: Profile;
  readonly book: PriceBook;
  /** HA on: replicas and nodes spread over `azs` AZs so that losing any one leaves enough; Multi-AZ datastores. */
  readonly ha: boolean;
  readonly azs: number;
  /** CPU utilisation the autoscaler targets (0..1], default 0.7. */
  readonly targetUtilization: number;
  readonly hoursPerMonth: number;
  /** In a ladder: the node type the previous tier ran, the types left, and the margin a change must beat. */
  readonly ladder?: LadderStep;
  /** What nodes are bought under: the chooser ranks types by their effective price under it. Absent: on-demand. */
  readonly purchase?: PurchaseChoice;
  /** A commitment on the floor only: what the node-hours above it are bought under (on-demand or Spot). */
  readonly burstPurchase?: PurchaseChoice;
  /** The counts and types alone, to compare shapes or sum a total: node groups come without their why and runner-up, and no AZ-headroom baseline (only resilience reads it). */
  readonly withoutReasons?: boolean;
}

/** Where a ladder stands before planning the next tier. */
export interface LadderContext {
  /** The node type the previous tier ran (absent before the first tier). */
  readonly nodeType?: string;
  /** Types the ladder ran and then left: never chosen again. */
  readonly leftTypes?: readonly string[];
}

export interface LadderStep {
  readonly context: LadderContext;
  /** Keep the current type unless another saves more than this share of the monthly cost. */
  readonly typeChangeMargin: number;
  /**
   * The plan's monthly cost outside the node group: the margin is then a share of the whole plan
   * (node group with the cheapest type + this). Absent: a share of the node group's cost alone.
   */
  readonly otherMonthlyUsd?: number;
}

/** How a ladder step chose its node type. */
export type LadderDecision = 'cheapest' | 'kept' | 'switched' | 'returned';

/** Requests of one pod, in the units the kubelet uses. */
export interface PodShape {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
}

export interface ServiceReplicas extends PodShape {
  readonly name: string;
  /** Replicas the peak load needs at the target utilisation (before the minimum). */
  readonly needed: number;
  /** What runs: max(needed, minReplicas). */
  readonly desired: number;
  readonly minReplicas: number;
  /** HPA maximum: the profile's, raised to `desired` if the load needs more (with a warning). */
  readonly maxReplicas: number;
  readonly rpsPerReplicaAtTarget: number;
  /** Replicas the peak request rate alone needs. */
  readonly neededByRps?: number;
  /** Connection-bound services: replicas the peak open connections alone need, the peak, and one replica's share at the target. */
  readonly neededByConnections?: number;
  readonly peakConnections?: number;
  readonly connectionsPerReplicaAtTarget?: number;
  /** Which bound sets the count: the request rate, the open connections, or the minimum (profile or HA floor). */
  readonly binding?: 'rps' | 'connections' | 'minimum';
  /** One sentence: which bound and the numbers behind it. */
  readonly why?: string;
}

/** What one node offers to pods, as EKS computes it. */
export interface Allocatable {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly pods: number;
}

/** A burstable node group's CPU against its baseline (unlimited mode: surplus credits are billed). */
export interface CpuCreditUse {
  /** 24-hour average CPU the pods use on one node, millicores. */
  readonly sustainedMillicoresPerNode: number;
  /** What one node sustains without surplus credits (vCPUs × AWS's baseline % per vCPU), millicores. */
  readonly baselineMillicoresPerNode: number;
  /** Surplus CPU credits a month over all the group's nodes, vCPU-hours (0 within the baseline). */
  readonly surplusVcpuHours: number;
}

export interface NodeChoice {
  readonly instanceType: string;
  readonly count: number;
  /**
   * The month's bill the type is ranked by, over the day: node-hours at each level of the load ×
   * (on-demand hourly + root volume) + surplus CPU credits, USD, rounded for display.
   */
  readonly monthlyUsd: string;
  /** Which resource ran out first: cpu, memory, pods, or a floor (minimum, AZ spread). */
  readonly binding: 'cpu' | 'memory' | 'pods' | 'minimum';
  /** Burstable types only: sustained CPU against the baseline, and the surplus credits that bills. */
  readonly cpuCredits?: CpuCreditUse;
}

export interface NodeGroupPlan extends NodeChoice {
  readonly name: string;
  readonly arch: 'x86_64' | 'arm64';
  readonly min: number;
  readonly desired: number;
  readonly max: number;
  readonly rootVolumeGb: number;
  readonly allocatable: Allocatable;
  /** Σ requests of everything scheduled (services, add-ons, DaemonSets on every node). */
  readonly requested: Allocatable;
  /** One sentence: why this type. */
  readonly why: string;
  readonly runnerUp?: NodeChoice & { readonly why: string };
  /** Instance types that could run every pod (absent for a fixed group). */
  readonly eligibleTypes?: number;
  /** Catalog types left out, counted by reason, so none vanish silently. */
  readonly excludedTypes?: Readonly<Record<string, number>>;
  /** One part of a node group split at the managed node group's node quota. */
  readonly split?: { readonly group: string; readonly part: number; readonly parts: number };
}

export interface FargateTaskPlan {
  readonly service: string;
  /** A valid Fargate size: vCPU and memory GB pairs from the Fargate table. */
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly count: number;
  readonly arch: 'x86_64' | 'arm64';
  readonly spot: boolean;
}

/** The driver closest to (or past) the writer class's limit. */
export type RdsBinding = 'memory' | 'cpu' | 'connections' | 'storage-throughput';

/** What loads the writer, against what its class offers (peak unless said otherwise). */
export interface RdsDrivers {
  readonly peakQueriesPerSecond: number;
  readonly readShare: number;
  readonly targetCpuUtilization: number;
  /** vCPU the writer needs at the target utilisation: writes, plus reads while it has no replicas. */
  readonly vcpuNeeded: number;
  readonly vcpu: number;
  /** 24-hour average CPU use of the busiest instance (writer or one replica), vCPU: what burstable credits see. */
  readonly sustainedVcpu: number;
  /** db.t* only: the baseline assumed from the EC2 type of the same size, vCPU. */
  readonly baselineVcpu?: number;
  /** Σ max replicas of the connecting services × pool size. */
  readonly connectionsNeeded: number;
  /** The engine's default max_connections for the class. */
  readonly maxConnections: number;
  readonly iopsNeeded: number;
  readonly baselineIops: number;
  readonly throughputMiBpsNeeded: number;
  readonly baselineThroughputMiBps: number;
  /** The class's max EBS bandwidth in MiB/s ("Up to" figures are burst maxima), when the book has it. */
  readonly maxEbsThroughputMiBps?: number;
  readonly memoryGiBNeeded: number;
  readonly memoryGiB: number;
}

export interface RdsPlan {
  readonly engine: 'postgresql' | 'mysql';
  readonly instanceClass: string;
  readonly deployment: 'single-az' | 'multi-az';
  readonly readReplicas: number;
  readonly memoryGiBNeeded: number;
  readonly drivers: RdsDrivers;
  readonly binding: RdsBinding;
  /** gp3 storage allocated: the data +25%, raised to 400 GiB when the load needs more than the 3,000 IOPS baseline. */
  readonly storageGb: number;
  /** gp3 IOPS provisioned above the baseline (priced per IOPS-month). */
  readonly extraIops: number;
  /** True when even the largest allowed writer cannot carry the load (the plan keeps it as a floor). */
  readonly scaleOut: boolean;
  readonly warnings: readonly string[];
  readonly why: string;
}

/** What sized the cache: hot data, commands per second, bytes per second, or one node of the cheapest type. */
export type CacheDriver = 'memory' | 'operations' | 'network' | 'minimum';

export interface CachePlan {
  readonly engine: 'redis' | 'valkey';
  readonly nodeType: string;
  /** Primaries plus replicas (one replica per shard when HA). */
  readonly nodes: number;
  readonly memoryGiBNeeded: number;
  /** Shards (one primary each); more than one means cluster mode. */
  readonly shards: number;
  readonly replicasPerShard: number;
  /** Cache commands per second at peak, and the bytes they move (Gbit/s). */
  readonly opsPerSecond: number;
  readonly networkGbps: number;
  /** What one primary of the node type is taken to carry. */
  readonly opsPerSecondPerShard: number;
  readonly networkGbpsPerShard: number;
  readonly binding: CacheDriver;
  /** The named assumptions behind the per-node figures. */
  readonly assumptions: readonly string[];
  readonly why: string;
}

/** What sized the brokers: the smallest valid cluster, MB/s in, MB/s out, partitions, or storage. */
export type KafkaDriver = 'minimum' | 'ingress' | 'egress' | 'partitions' | 'storage';

export interface KafkaPlan {
  readonly brokerType: string;
  readonly brokers: number;
  readonly storageGbPerBroker: number;
  /** AZs the brokers are spread over evenly (MSK: 2 or 3). */
  readonly azs: number;
  /** MB/s produced and consumed (all consumer groups) at peak. */
  readonly produceMBps: number;
  readonly consumeMBps: number;
  /** MB/s into and out of all brokers, replication included. */
  readonly clusterInMBps: number;
  readonly clusterOutMBps: number;
  /** Partitions over all topics (leaders) and partition replicas per broker. */
  readonly partitions: number;
  readonly partitionReplicasPerBroker: number;
  /** GB kept for the retention period, all replicas. */
  readonly retainedGb: number;
  readonly binding: KafkaDriver;
  /** MB/s one broker of the chosen class is taken to carry, and where that figure comes from. */
  readonly brokerInMBps: number;
  readonly brokerOutMBps: number;
  readonly throughputAssumption: string;
  readonly why: string;
}

/** Cluster add-on Deployments as sized for the plan's own cluster (capacity/add-on-sizing.ts). */
export interface AddOnPlan {
  /** Nodes and vCPUs the add-ons were sized for: at least the plan's own node count and vCPUs. */
  readonly sizedForNodes: number;
  readonly sizedForVcpus: number;
  /** Packing passes it took until the nodes stopped growing (size, pack, re-size, re-pack …). */
  readonly passes: number;
  readonly pods: readonly {
    readonly name: string;
    readonly cpuMillicores: number;
    readonly memoryMiB: number;
    readonly replicas: number;
    readonly why?: string;
  }[];
  /**
   * In-cluster Prometheus with the series rule: the active series, the shards they are split over
   * (1 until one Prometheus would hold too many) and the pods (shards × replicas per shard).
   */
  readonly prometheus?: { readonly series: number; readonly shards: number; readonly replicas: number };
  /** In-cluster logging: data nodes, replica shards, index and the volume per data node. */
  readonly elasticsearch?: { readonly dataNodes: number; readonly replicaShards: number; readonly indexGb: number; readonly volumeGbPerNode: number };
}

/** One AWS quota held against what the plan needs. */
export interface QuotaCheck {
  readonly quota: string;
  readonly defaultValue: number;
  readonly needed: number;
  /** within: fits the default; planned-around: the plan adds parts (node groups, NAT gateways) to fit; exceeds: needs an increase or another cluster. */
  readonly outcome: 'within' | 'planned-around' | 'exceeds';
  readonly source: string;
  readonly note: string;
}

export interface NatGatewayPlan {
  readonly count: number;
  /** Peak traffic through NAT, Gbps (the day's peak-to-average ratio over the monthly average). */
  readonly peakGbps: number;
  readonly why: string;
}

/**
 * How a count follows the day's load (demand.dailyLevels): the HPA scales replicas, the Cluster
 * Autoscaler nodes and ECS Service Auto Scaling tasks, each level at once (see daily-capacity.ts).
 */
export interface OverTheDay {
  /** What runs at the quietest level, all day: the always-on floor. */
  readonly floor: number;
  /** The count at each level of demand.dailyLevels, busiest (the peak count) first. */
  readonly byLevel: readonly number[];
}

export type ScaledReplicas = ServiceReplicas & OverTheDay;

export interface ScaledNodeGroup extends NodeGroupPlan, OverTheDay {
  /** Σ nodes × hours over the day's levels; × days in the month = node-hours billed. */
  readonly nodeHoursPerDay: number;
}

export interface ScaledFargateTasks extends FargateTaskPlan, OverTheDay {
  /** Σ tasks × hours over the day's levels. */
  readonly taskHoursPerDay: number;
}

export interface CapacityPlan {
  /** `desired`, `count`: at the peak; `floor` and `byLevel`: over the day. */
  readonly replicas: readonly ScaledReplicas[];
  readonly nodeGroups: readonly ScaledNodeGroup[];
  /** Absent on ECS Fargate (no cluster add-ons). */
  readonly addOns?: AddOnPlan;
  readonly fargateTasks: readonly ScaledFargateTasks[];
  readonly rds?: RdsPlan;
  readonly cache?: CachePlan;
  readonly kafka?: KafkaPlan;
  /** AWS quotas that bind the plan, and how the plan meets each. */
  readonly quotas: readonly QuotaCheck[];
  readonly natGateways: NatGatewayPlan;
  /** In a ladder: how the node type was chosen (absent for a fixed group, Fargate, or one tier alone). */
  readonly ladderDecision?: LadderDecision;
  /**
   * In a ladder: an add-on sizing pass switched the type (whatever the last pass decided). Weighed
   * against the whole plan's cost, such a pass may keep the type instead and the passes after it
   * then differ; without one, a kept type stays kept and the capacity is the same.
   */
  readonly ladderSwitchedInAPass?: true;
  /** HA only: replicas and nodes the same plan would run without AZ headroom (N+1, 2 replicas). */
  readonly withoutAzHeadroom?: {
    readonly replicas: Readonly<Record<string, number>>;
    readonly nodes: Readonly<Record<string, number>>;
  };
  readonly warnings: readonly string[];
}

/** Input the model cannot plan for (e.g. a pod larger than any allowed instance). */
export class PlanningError extends Error {
  override readonly name = 'PlanningError';
  constructor(
    readonly code: 'NO_INSTANCE_FITS' | 'UNKNOWN_FAMILY' | 'NO_CLASS_FITS' | 'BAD_INPUT' | 'UNKNOWN_PROFILE',
    message: string,
  ) {
    super(message);
  }
}
