import type { BillOfMaterials } from '../bom/bill-of-materials.js';
import type { CapacityPlan, CachePlan, LadderContext, KafkaPlan, RdsPlan, ScaledFargateTasks, ScaledNodeGroup, ScaledReplicas } from '../capacity/capacity-types.js';
import type { CiPlan } from '../ci/ci-types.js';
import type { Ec2Purchase, LineItem } from '../cost/line-item.js';
import type { CommitScope } from '../purchase/apply-purchase.js';
import type { CommitmentSummary } from '../purchase/commitment-summary.js';
import type { PurchaseTerms } from '../purchase/purchase-choice.js';
import type { Decimal } from '../cost/money.js';
import type { MonthlyCost } from '../cost/roll-up.js';
import type { AdjustmentSummary, PriceAdjustments } from '../cost/price-adjustments.js';
import type { ArchitectureChoice } from './architecture.js';
import type { Profile } from '../profiles/profile-types.js';
import type { ScenarioPlan } from '../scenarios/scenario-types.js';
import type { StoragePlan } from '../storage/storage-types.js';
import type { Assumption, WorkloadKey } from '../workload/assumptions.js';
import type { Demand } from '../workload/demand.js';
import type { Headline } from './headline.js';
import type { KubernetesPlan } from './kubernetes-version.js';
import type { PartsOverride, PartsPlan } from './optional-parts.js';
import type { Resilience } from './resilience.js';

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
  /** EC2 purchase option for nodes and Jenkins hosts; default on-demand. Fargate, RDS and ElastiCache take it where AWS sells it. */
  readonly purchase?: Ec2Purchase;
  /** Term, payment, offering class and Savings Plan type of the purchase option (defaults: 1yr, No Upfront, standard, compute). */
  readonly purchaseTerms?: PurchaseTerms;
  /** What the commitment covers: every hour of the compute usage ('all', default) or the always-on floor, the rest on-demand ('floor'). */
  readonly commit?: CommitScope;
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
  /**
   * Plan this tier as the next step of a ladder: keep `nodeType` unless another type saves more
   * than `typeChangeMargin`, never return to `leftTypes`. planLadder and findBreakpoints pass it.
   */
  readonly ladderContext?: LadderContext;
  /** The saving a node type change must beat in a ladder, 0..1; default 0.05 (a tier-planner assumption). */
  readonly typeChangeMargin?: number;
  /** Optional parts (CDN, WAF, backups, environments, VPC endpoints, Support); each key replaces the profile's, false turns it off. */
  readonly parts?: PartsOverride;
  /** Price overrides and discounts (EDP, per service) applied to the line items; the node chooser still ranks by list prices. */
  readonly priceAdjustments?: PriceAdjustments;
  /** Restrict node types, Fargate tasks and managed classes to one architecture; overrides the profile's nodes.architectures. */
  readonly architecture?: ArchitectureChoice;
}

/** Another environment (staging, QA) priced as its own smaller plan. */
export interface EnvironmentPlan {
  readonly name: string;
  readonly users: number;
  readonly ha: boolean;
  readonly azs: number;
  readonly lineItems: readonly LineItem[];
  readonly monthly: MonthlyCost;
  readonly costPerUser: Decimal;
  readonly why: string;
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

export interface LoadFloor {
  readonly nodes: number;
  readonly tasks: number;
  /** Their instance or task hours and the floor nodes' root volumes, for the whole month. */
  readonly monthlyUsd: Decimal;
}

export interface LoadBurst {
  readonly nodeHours: number;
  readonly taskHours: number;
  /** Instance or task hours above the floor and the burst nodes' root volume-hours. */
  readonly monthlyUsd: Decimal;
}

/** A priced plan for one tier. Every quantity is explained; every cost is an exact sum of line items. */
export interface Plan {
  readonly users: number;
  readonly profile: { readonly name: string; readonly title: string; readonly platform: Profile['platform'] };
  readonly region: string;
  readonly hoursPerMonth: number;
  readonly purchase: Ec2Purchase;
  /** The purchase option in full: "reserved 1yr standard No Upfront", "Compute Savings Plan 3yr All Upfront", "on-demand". */
  readonly purchaseOption: string;
  /** Under `commit: 'floor'` with a reserved or Savings Plans option: the commitment, its coverage, utilisation and break-even. */
  readonly commitment?: CommitmentSummary;
  readonly ha: boolean;
  readonly azs: number;
  readonly demand: Demand;
  readonly replicas: readonly ScaledReplicas[];
  readonly nodes: readonly ScaledNodeGroup[];
  readonly fargate: readonly ScaledFargateTasks[];
  /** What runs all day (nodes and Fargate tasks at the day's quietest level) and its monthly cost: what a commitment could cover. */
  readonly floor: LoadFloor;
  /** Node-hours and task-hours above the floor a month, as capacity follows the day's load, and their cost. */
  readonly burst: LoadBurst;
  readonly datastores: { readonly rds?: RdsPlan; readonly cache?: CachePlan; readonly kafka?: KafkaPlan };
  /** Which failure the plan survives and what that headroom costs a month. */
  readonly resilience: Resilience;
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
  /** Present when price overrides or discounts were given: what they changed, in total. */
  readonly priceAdjustments?: AdjustmentSummary;
  /** The monthly total divided by the users: exact; displays round it to a few significant digits. */
  readonly costPerUser: Decimal;
  /** What the optional parts added and what drives each; absent when the plan has none. */
  readonly parts?: PartsPlan;
  /** Other environments, each its own plan; their cost is not in `monthly` (see `withEnvironments`). */
  readonly environments?: readonly EnvironmentPlan[];
  /** This plan and its other environments together. */
  readonly withEnvironments?: { readonly total: Decimal; readonly complete: boolean; readonly costPerUser: Decimal };
  /** The number the plan leads with: the point-value total, or with samples the P50 and its P10–P90 band. */
  readonly headline: Headline;
  /** Planned from a scenario: its targets, the users each needs, and which target binds. */
  readonly scenario?: ScenarioPlan;
  /** Capacity as computed, for tools that need more than the summary above. */
  readonly capacity: CapacityPlan;
}
