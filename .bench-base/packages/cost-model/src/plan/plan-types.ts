import type { BillOfMaterials } from '../bom/bill-of-materials.js';
import type { CapacityPlan, CachePlan, FargateTaskPlan, KafkaPlan, NodeGroupPlan, RdsPlan, ServiceReplicas } from '../capacity/capacity-types.js';
import type { CiPlan } from '../ci/ci-types.js';
import type { Ec2Purchase, LineItem } from '../cost/line-item.js';
import type { Decimal } from '../cost/money.js';
import type { MonthlyCost } from '../cost/roll-up.js';
import type { Profile } from '../profiles/profile-types.js';
import type { StoragePlan } from '../storage/storage-types.js';
import type { Assumption, WorkloadKey } from '../workload/assumptions.js';
import type { Demand } from '../workload/demand.js';
import type { KubernetesPlan } from './kubernetes-version.js';

export interface PlanRequest {
  readonly users: number;
  /** A built-in profile name or a Profile object. */
  readonly profile: Profile | string;
  /** Informational; the price book decides the region. */
  readonly region?: string;
}

export interface PlanOptions {
  /** Hours in the billing month; default 730 (the seeds use 720). */
  readonly hoursPerMonth?: number;
  /** EC2 purchase option for nodes and Jenkins hosts; default on-demand. */
  readonly purchase?: Ec2Purchase;
  /** Force HA on or off instead of the profile's threshold. */
  readonly ha?: boolean;
  /** Override the node families the profile allows. */
  readonly families?: readonly string[];
  /** Override workload assumptions by name. */
  readonly workload?: Partial<Record<WorkloadKey, number>>;
  /** Monte Carlo samples over the profile's assumption ranges: P10/P50/P90 of the monthly total. */
  readonly samples?: number;
  readonly seed?: number;
  /** The plan's date, YYYY-MM-DD: which EKS support tier applies. Default: the price book's date. */
  readonly planDate?: string;
  /** EKS Kubernetes version, e.g. "1.34"; overrides the profile's. Default: the newest released by the plan's date. */
  readonly kubernetesVersion?: string;
}

export interface Uncertainty {
  readonly samples: number;
  readonly seed: number;
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** Assumptions that were sampled, with their ranges. */
  readonly sampled: readonly string[];
}

/** A priced plan for one tier. Every quantity is explained; every cost is an exact sum of line items. */
export interface Plan {
  readonly users: number;
  readonly profile: { readonly name: string; readonly title: string; readonly platform: Profile['platform'] };
  readonly region: string;
  readonly hoursPerMonth: number;
  readonly purchase: Ec2Purchase;
  readonly ha: boolean;
  readonly azs: number;
  readonly demand: Demand;
  readonly replicas: readonly ServiceReplicas[];
  readonly nodes: readonly NodeGroupPlan[];
  readonly fargate: readonly FargateTaskPlan[];
  readonly datastores: { readonly rds?: RdsPlan; readonly cache?: CachePlan; readonly kafka?: KafkaPlan };
  /** EKS only: the Kubernetes version and the support tier the control plane is priced in. */
  readonly kubernetes?: KubernetesPlan;
  readonly storage: StoragePlan;
  readonly ci: CiPlan;
  readonly bom: BillOfMaterials;
  readonly lineItems: readonly LineItem[];
  readonly monthly: MonthlyCost;
  readonly assumptions: readonly Assumption[];
  readonly warnings: readonly string[];
  readonly priceBook: { readonly region: string; readonly generatedAt: string; readonly origin: string; readonly digest: string };
  readonly uncertainty?: Uncertainty;
  /** Capacity as computed, for tools that need more than the summary above. */
  readonly capacity: CapacityPlan;
}
