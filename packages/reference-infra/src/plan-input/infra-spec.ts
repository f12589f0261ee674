import { Decimal, PLAN_TAG_KEY, TIER_TAG_KEY, defaultPlanName, tierLabel, type Plan } from '@tier-planner/cost-model';
import { InputError } from './input-error.js';
import { splitBudget, type BudgetSplit } from './tag-visibility.js';

/** One managed node group (or Auto Scaling group), exactly as the plan sized it. */
export interface NodeGroupSpec {
  readonly name: string;
  readonly instanceType: string;
  readonly arch: 'x86_64' | 'arm64';
  /** The plan's floor (nodes at the day's quietest level): the Cluster Autoscaler scales in to it, never below. */
  readonly min: number;
  /** The peak count. */
  readonly desired: number;
  readonly max: number;
  readonly rootVolumeGb: number;
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
}

export interface FargateServiceSpec {
  readonly service: string;
  /** ECS task size: CPU units (1 vCPU = 1024) and memory MiB. */
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  /** Tasks at the peak. */
  readonly count: number;
  /** Tasks at the day's quietest level: ECS Service Auto Scaling scales in to it, never below. */
  readonly floor: number;
  /** CPU utilisation the service scales to hold (the plan's HPA target). */
  readonly targetCpuPercent: number;
  readonly arch: 'x86_64' | 'arm64';
  readonly spot: boolean;
}

/**
 * Everything the infrastructure is built from: a plain, synth-free view of the plan. It reads only
 * fields a `tier-planner --json` plan file carries (never `capacity`), so a plan file and a plan
 * computed in-process give the same infrastructure.
 */
export interface InfraSpec {
  readonly planName: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly region: string;
  readonly platform: Plan['profile']['platform'];
  /** AZs the plan spreads nodes over (1 unless HA). */
  readonly azs: number;
  /** AZs the VPC has subnets in: at least two, as ALBs, EKS, DB subnet groups and MSK require. */
  readonly vpcAzs: number;
  readonly ha: boolean;
  readonly natGateways: number;
  readonly loadBalancer: boolean;
  readonly nodeGroups: readonly NodeGroupSpec[];
  readonly fargateServices: readonly FargateServiceSpec[];
  /** One ECR repository per service. */
  readonly services: readonly string[];
  readonly ecrRetainedImages: number;
  readonly s3Lifecycle: { readonly toStandardIaDays: number; readonly toGlacierIrDays: number };
  readonly logs: { readonly sink: 'cloudwatch' | 'in-cluster'; readonly retentionDays: number };
  readonly rds?: { readonly engine: 'postgres' | 'mysql'; readonly instanceClass: string; readonly multiAz: boolean; readonly readReplicas: number; readonly storageGb: number };
  /** `shards` > 1 means cluster mode (the plan's cache sharded by memory, commands or network). */
  readonly cache?: { readonly engine: 'redis' | 'valkey'; readonly nodeType: string; readonly nodes: number; readonly shards: number };
  readonly kafka?: { readonly brokerType: string; readonly brokers: number; readonly storageGbPerBroker: number };
  /** EKS: the Kubernetes version the plan priced, and its support tier on the plan's date. */
  readonly kubernetes?: { readonly version: string; readonly support: 'standard' | 'extended'; readonly planDate: string; readonly endOfStandardSupport: string };
  /** The Budget's amount: the line items whose cost carries the plan tag, rounded half-up to the cent. */
  readonly budgetUsd: string;
  /** The plan total split into what the tag can see (the Budget) and the rest, reported beside it. */
  readonly budget: BudgetSplit;
}

/** The Budget amount: exact monthly total, rounded half-up to whole cents (AWS Budgets take 2 decimals). */
export function budgetAmount(plan: Pick<Plan, 'monthly'>): string {
  return new Decimal(plan.monthly.total).toFixed(2, Decimal.ROUND_HALF_UP);
}

export function infraSpec(plan: Plan, planName = defaultPlanName(plan)): InfraSpec {
  const { lifecycle } = plan.storage.s3;
  const { retentionDays } = plan.storage.logs;
  // Plan files written before the plan carried these cannot say which lifecycle the costs assume.
  if (!lifecycle || !retentionDays) throw new InputError('the plan has no S3 lifecycle or log retention: write it again with tier-planner --json');
  const capacityType = plan.purchase === 'spot' ? 'SPOT' : 'ON_DEMAND'; // savings plans and RIs are billing, not capacity
  const nat = plan.bom.resources.find((r) => r.type === 'nat_gateway');
  const { rds, cache, kafka } = plan.datastores;
  const services = plan.replicas.map((r) => r.name);
  // The plan's tasks follow the load at the HPA target; the services' Auto Scaling holds the same one.
  const targetCpuPercent = Math.round((plan.assumptions.find((a) => a.name === 'hpaTargetUtilization')?.value ?? 0.7) * 100);
  const k8s = plan.kubernetes;
  // The cluster must run the version the plan priced; plan files written before it was recorded cannot say.
  if (plan.profile.platform === 'eks' && !k8s) throw new InputError('the plan has no Kubernetes version: write it again with tier-planner --json');
  const budget = splitBudget(plan);
  return {
    planName,
    tags: { [PLAN_TAG_KEY]: planName, [TIER_TAG_KEY]: tierLabel(plan.users) },
    region: plan.region,
    platform: plan.profile.platform,
    azs: plan.azs,
    vpcAzs: Math.max(2, plan.azs),
    ha: plan.ha,
    natGateways: nat && nat.type === 'nat_gateway' ? (nat.count ?? 1) : 0,
    loadBalancer: plan.bom.resources.some((r) => r.type === 'load_balancer'),
    nodeGroups: plan.nodes.map((g) => ({ name: g.name, instanceType: g.instanceType, arch: g.arch, min: g.floor, desired: g.desired, max: g.max, rootVolumeGb: g.rootVolumeGb, capacityType })),
    fargateServices: plan.fargate.map((t) => ({ service: t.service, cpuUnits: Math.round(t.vcpu * 1024), memoryMiB: Math.round(t.memoryGb * 1024), count: t.count, floor: t.floor, targetCpuPercent, arch: t.arch, spot: t.spot })),
    services,
    ecrRetainedImages: plan.storage.ecr.retainedImages,
    s3Lifecycle: { toStandardIaDays: lifecycle.toStandardIaDays, toGlacierIrDays: lifecycle.toGlacierIrDays },
    logs: { sink: plan.storage.logs.sink, retentionDays },
    ...(rds && plan.storage.database
      ? { rds: { engine: rds.engine === 'postgresql' ? 'postgres' : 'mysql', instanceClass: rds.instanceClass, multiAz: rds.deployment === 'multi-az', readReplicas: rds.readReplicas, storageGb: plan.storage.database.storageGb } as const }
      : {}),
    ...(cache ? { cache: { engine: cache.engine, nodeType: cache.nodeType, nodes: cache.nodes, shards: cache.shards ?? 1 } } : {}),
    ...(kafka ? { kafka: { brokerType: kafka.brokerType, brokers: kafka.brokers, storageGbPerBroker: kafka.storageGbPerBroker } } : {}),
    ...(k8s ? { kubernetes: { version: k8s.version, support: k8s.support, planDate: k8s.planDate, endOfStandardSupport: k8s.endOfStandardSupport } } : {}),
    budgetUsd: budget.taggedUsd,
    budget,
  };
}
