import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';

export interface CapacityInput {
  readonly demand: Demand;
  readonly profile: Profile;
  readonly book: PriceBook;
  /** HA on: ≥ 2 replicas, nodes over `azs` AZs with N+1 headroom, Multi-AZ datastores. */
  readonly ha: boolean;
  readonly azs: number;
  /** CPU utilisation the autoscaler targets (0..1], default 0.7. */
  readonly targetUtilization: number;
  readonly hoursPerMonth: number;
}

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
}

/** What one node offers to pods, as EKS computes it. */
export interface Allocatable {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly pods: number;
}

export interface NodeChoice {
  readonly instanceType: string;
  readonly count: number;
  /** Monthly cost used to rank (instance hours + root volume), USD, rounded for display. */
  readonly monthlyUsd: string;
  /** Which resource ran out first: cpu, memory, pods, or a floor (minimum, AZ spread). */
  readonly binding: 'cpu' | 'memory' | 'pods' | 'minimum';
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

export interface RdsPlan {
  readonly engine: 'postgresql' | 'mysql';
  readonly instanceClass: string;
  readonly deployment: 'single-az' | 'multi-az';
  readonly readReplicas: number;
  readonly memoryGiBNeeded: number;
  readonly why: string;
}

export interface CachePlan {
  readonly engine: 'redis' | 'valkey';
  readonly nodeType: string;
  /** Primary plus replicas (one replica per primary when HA). */
  readonly nodes: number;
  readonly memoryGiBNeeded: number;
  readonly why: string;
}

export interface KafkaPlan {
  readonly brokerType: string;
  readonly brokers: number;
  readonly storageGbPerBroker: number;
  readonly why: string;
}

export interface CapacityPlan {
  readonly replicas: readonly ServiceReplicas[];
  readonly nodeGroups: readonly NodeGroupPlan[];
  readonly fargateTasks: readonly FargateTaskPlan[];
  readonly rds?: RdsPlan;
  readonly cache?: CachePlan;
  readonly kafka?: KafkaPlan;
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
