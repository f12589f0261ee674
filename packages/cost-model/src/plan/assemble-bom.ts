import type { BomResource } from '../bom/bill-of-materials.js';
import type { CapacityPlan } from '../capacity/capacity-types.js';
import { burstHoursPerMonth } from '../capacity/daily-capacity.js';
import type { CiPlan } from '../ci/ci-types.js';
import type { Ec2Purchase } from '../cost/line-item.js';
import type { PurchaseTerms } from '../purchase/purchase-choice.js';

/** The purchase terms an EC2 resource carries (only the ones given). */
function termsOf(i: { readonly purchaseTerms?: PurchaseTerms }): PurchaseTerms {
  const t = i.purchaseTerms ?? {};
  return { ...(t.term && { term: t.term }), ...(t.payment && { payment: t.payment }), ...(t.offeringClass && { offeringClass: t.offeringClass }), ...(t.savingsPlan && { savingsPlan: t.savingsPlan }) };
}
import type { Profile } from '../profiles/profile-types.js';
import type { StoragePlan } from '../storage/storage-types.js';
import type { Demand } from '../workload/demand.js';
import type { EksSupport } from './kubernetes-version.js';
import { PLAN_DEFAULTS } from './plan-assumptions.js';

/** AWS's definition of one ALB LCU: 25 new connections/s or 1 GB processed an hour (EC2 targets). */
const ALB_NEW_CONNECTIONS_PER_LCU = 25;
const ALB_GB_PER_HOUR_PER_LCU = 1;

export interface AssembleInput {
  readonly profile: Profile;
  readonly demand: Demand;
  readonly capacity: CapacityPlan;
  readonly storage: StoragePlan;
  readonly ci: CiPlan;
  readonly ha: boolean;
  readonly azs: number;
  readonly purchase: Ec2Purchase;
  readonly purchaseTerms?: PurchaseTerms;
  /** Node groups' burst above the floor when a commitment covers only the floor. */
  readonly burstPurchase?: Ec2Purchase;
  readonly hoursPerMonth: number;
  readonly daysPerMonth: number;
  /** The support tier the EKS control plane bills in; default standard. */
  readonly eksSupport?: EksSupport;
}

/** The plan's stages → one bill of materials, priced like any other by priceResources. */
export function assembleBom(i: AssembleInput): BomResource[] {
  const { profile, demand, capacity, storage, ci } = i;
  const out: BomResource[] = [];
  if (profile.platform === 'eks') out.push({ type: 'eks_cluster', name: 'cluster', support: i.eksSupport ?? 'standard' });
  // Nodes, tasks and root volumes: the peak count, the floor kept all month, and the burst's hours above it.
  for (const g of capacity.nodeGroups) {
    const credits = g.cpuCredits?.surplusVcpuHours ?? 0;
    const burstHours = burstHoursPerMonth(g.floor, g.nodeHoursPerDay, i.hoursPerMonth);
    out.push({ type: 'ec2_instance', name: `node group ${g.name}`, instanceType: g.instanceType, count: g.count, floor: g.floor, burstHours, purchase: i.purchase, ...termsOf(i), ...(i.burstPurchase && { burstPurchase: i.burstPurchase }), ...(credits > 0 && { cpuCreditVcpuHours: credits }) });
  }
  for (const t of capacity.fargateTasks) {
    const burstHours = burstHoursPerMonth(t.floor, t.taskHoursPerDay, i.hoursPerMonth);
    out.push({ type: 'fargate_task', name: `service ${t.service}`, vcpu: t.vcpu, memoryGb: t.memoryGb, count: t.count, floor: t.floor, burstHours, arch: t.arch, spot: t.spot });
  }
  const root = storage.nodeRootVolumes;
  if (root) out.push({ type: 'ebs_volume', name: root.name, volumeType: 'gp3', sizeGb: root.sizeGb, count: root.count, floor: root.floor, burstHours: root.burstHours });
  for (const v of storage.persistentVolumes) out.push({ type: 'ebs_volume', name: `${v.name} volume`, volumeType: 'gp3', sizeGb: v.sizeGb, count: v.count });

  const rds = capacity.rds;
  if (rds && storage.database) {
    out.push({ type: 'rds_instance', name: 'database', engine: rds.engine, instanceClass: rds.instanceClass, deployment: rds.deployment, storageGb: storage.database.storageGb, ...(rds.extraIops > 0 && { extraIops: rds.extraIops }) });
    if (rds.readReplicas > 0) {
      // Replicas apply every write and serve their share of reads: the writer's storage traffic.
      out.push({ type: 'rds_instance', name: 'database read replicas', engine: rds.engine, instanceClass: rds.instanceClass, deployment: 'single-az', count: rds.readReplicas, storageGb: storage.database.storageGb, ...(rds.extraIops > 0 && { extraIops: rds.extraIops }) });
    }
  }
  if (capacity.cache) out.push({ type: 'elasticache_cluster', name: 'cache', engine: capacity.cache.engine, nodeType: capacity.cache.nodeType, nodes: capacity.cache.nodes });
  if (capacity.kafka) out.push({ type: 'msk_cluster', name: 'kafka', brokerType: capacity.kafka.brokerType, brokers: capacity.kafka.brokers, storageGbPerBroker: capacity.kafka.storageGbPerBroker });

  out.push({ type: 's3_bucket', name: 'objects', storageGb: { standard: storage.s3.standardGb, standardIa: storage.s3.standardIaGb, glacierInstant: storage.s3.glacierInstantGb }, putRequests: storage.s3.putRequests, getRequests: storage.s3.getRequests });
  out.push({ type: 'ecr_repository', name: 'images', storageGb: storage.ecr.storageGb });
  if (storage.logs.sink === 'cloudwatch') out.push({ type: 'cloudwatch_logs', name: 'application logs', ingestedGb: storage.logs.ingestedGbPerMonth, storedGb: storage.logs.storedGb });

  // Network
  // The profile's NAT gateways, or more when one gateway's bandwidth cannot carry the peak (capacity/quotas.ts).
  const natCount = capacity.natGateways.count;
  if (natCount > 0) out.push({ type: 'nat_gateway', name: 'nat', count: natCount, dataProcessedGb: demand.egressGbPerMonth * PLAN_DEFAULTS.natShareOfEgress.value });
  let publicIps = natCount;
  if (profile.network.loadBalancer === 'alb') {
    const newConnPerSec = demand.averageRps / PLAN_DEFAULTS.requestsPerConnection.value;
    const gbPerHour = demand.egressGbPerMonth / i.hoursPerMonth;
    const lcu = Math.max(newConnPerSec / ALB_NEW_CONNECTIONS_PER_LCU, gbPerHour / ALB_GB_PER_HOUR_PER_LCU);
    out.push({ type: 'load_balancer', name: 'alb', kind: 'alb', count: 1, capacityUnits: lcu });
    publicIps += Math.max(2, i.azs); // an internet-facing ALB keeps a public address in each of at least two AZs
  }
  if (publicIps > 0) out.push({ type: 'public_ipv4', name: 'public addresses', count: publicIps });
  out.push({
    type: 'data_transfer',
    name: 'traffic',
    internetOutGb: demand.egressGbPerMonth,
    ...(i.ha ? { interAzGb: demand.egressGbPerMonth * PLAN_DEFAULTS.interAzShareOfEgress.value * ((i.azs - 1) / i.azs) } : {}),
    applyFreeAllowanceGb: PLAN_DEFAULTS.accountFreeDataTransferGb.value,
  });
  out.push({ type: 'route53_zone', name: 'dns', zones: 1, queriesMillions: (demand.dailyActiveUsers * PLAN_DEFAULTS.dnsQueriesPerActiveUserPerDay.value * i.daysPerMonth) / 1e6 });
  if (profile.secrets) out.push({ type: 'secrets_manager', name: 'secrets', secrets: profile.secrets });

  // CI
  if (ci.provider === 'github-actions') {
    for (const [runner, minutes] of Object.entries(ci.minutesByRunner)) {
      out.push({ type: 'github_actions', name: `ci ${runner}`, minutes, runner, ...(profile.ci.plan ? { plan: profile.ci.plan } : {}), repository: profile.ci.repository ?? 'private' });
    }
  } else if (ci.jenkins) {
    out.push({ type: 'ec2_instance', name: 'jenkins controller', instanceType: ci.jenkins.controllerType, count: 1, purchase: i.purchase, ...termsOf(i) });
    // Agents start for builds and stop when idle: their busy hours, spread over as few instances as fit in the month.
    const agents = Math.max(1, Math.ceil(ci.jenkins.agentHours / i.hoursPerMonth));
    out.push({ type: 'ec2_instance', name: 'jenkins agents', instanceType: ci.jenkins.agentType, count: agents, hours: ci.jenkins.agentHours / agents, purchase: i.purchase, ...termsOf(i) });
    out.push({ type: 'ebs_volume', name: 'jenkins home', volumeType: 'gp3', sizeGb: PLAN_DEFAULTS.jenkinsHomeGb.value });
  }
  return out;
}
