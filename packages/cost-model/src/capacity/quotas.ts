// AWS quotas a large plan runs into: node groups are split at the managed node group's node limit
// (planned around), and the quotas a plan cannot plan around (node groups per cluster, clusters per
// Region, subnet addresses) are reported with their default and source, as warnings.
import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { Demand } from '../workload/demand.js';
import {
  CLUSTERS_PER_REGION,
  LARGEST_SUBNET_PREFIX,
  MANAGED_NODE_GROUPS_PER_CLUSTER,
  NAT_GATEWAY_MAX_GBPS,
  NODES_PER_MANAGED_NODE_GROUP,
  SUBNET_RESERVED_ADDRESSES,
  type AwsQuota,
} from './aws-quotas.js';
import type { NatGatewayPlan, NodeGroupPlan, QuotaCheck } from './capacity-types.js';
import { nodeGroupMonthlyUsd, toCents } from './node-group-cost.js';
import { numberText } from '../number-text.js';

const int = (n: number) => numberText(n);

function check(quota: AwsQuota, needed: number, outcome: QuotaCheck['outcome'], note: string): QuotaCheck {
  return { quota: quota.name, defaultValue: quota.defaultValue, needed, outcome, source: quota.source, note };
}

/** Splits `total` into `parts` whole shares that differ by at most one, larger first. */
function shares(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * One node group as managed node groups of at most the quota's nodes each. With HA every group
 * spans the AZs with the same nodes in each, so groups are split in whole "rows" of one node per AZ.
 */
export function splitNodeGroup(book: PriceBook, group: NodeGroupPlan, azs: number, hoursPerMonth: number): NodeGroupPlan[] {
  const perGroup = NODES_PER_MANAGED_NODE_GROUP.defaultValue;
  if (group.desired <= perGroup && group.max <= perGroup) return [group];
  const row = group.desired % azs === 0 && group.max % azs === 0 && group.min % azs === 0 ? azs : 1;
  const rowsPerGroup = Math.floor(perGroup / row);
  const parts = Math.ceil(group.desired / row / rowsPerGroup);
  const desired = shares(group.desired / row, parts).map((r) => r * row);
  const max = shares(group.max / row, parts).map((r, i) => Math.min(Math.max(r * row, desired[i]!), rowsPerGroup * row));
  const min = shares(group.min / row, parts).map((r) => r * row);
  const type = book.instanceType(group.instanceType)!;
  const surplusPerNode = group.cpuCredits ? group.cpuCredits.surplusVcpuHours / group.count : 0;
  const reach = max.reduce((a, b) => a + b, 0);
  const capped = reach < group.max ? ` Autoscaling stops at ${int(reach)} nodes, short of the ${int(group.max)} the services' maxReplicas need, unless more groups are added.` : '';
  // The load fits one group; only the autoscaling maximum is cut to the quota.
  if (parts === 1) return [{ ...group, max: max[0]!, why: `${group.why} Max capped at ${int(perGroup)} nodes (EKS quota "${NODES_PER_MANAGED_NODE_GROUP.name}", default ${int(perGroup)}).${capped}` }];
  const note = ` Split into ${int(parts)} managed node groups of at most ${int(perGroup)} nodes (EKS quota "${NODES_PER_MANAGED_NODE_GROUP.name}", default ${int(perGroup)}).${capped}`;
  return desired.map((count, i) => {
    const share = count / group.count;
    const { runnerUp: _r, ...rest } = group;
    const credits = group.cpuCredits && { ...group.cpuCredits, surplusVcpuHours: surplusPerNode * count };
    return {
      ...(i === 0 ? group : rest),
      name: `${group.name}-${i + 1}`,
      count,
      desired: count,
      min: min[i]!,
      max: max[i]!,
      monthlyUsd: toCents(nodeGroupMonthlyUsd(book, type, count, group.rootVolumeGb, hoursPerMonth, credits?.surplusVcpuHours)),
      requested: {
        cpuMillicores: group.requested.cpuMillicores * share,
        memoryMiB: group.requested.memoryMiB * share,
        pods: group.requested.pods * share,
      },
      ...(credits && { cpuCredits: credits }),
      why: i === 0 ? group.why + note : `part ${i + 1} of ${int(parts)} of node group ${group.name}: same type and choice as ${group.name}-1.`,
      split: { group: group.name, part: i + 1, parts },
    };
  });
}

export interface QuotaInput {
  readonly profile: Profile;
  readonly demand: Demand;
  readonly nodeGroups: readonly NodeGroupPlan[];
  readonly ha: boolean;
  readonly azs: number;
  readonly hoursPerMonth: number;
  /** Traffic leaving through NAT as a share of internet egress. */
  readonly natShareOfEgress: number;
  /** Private subnet per AZ, prefix length (e.g. 19 for a /19). */
  readonly subnetPrefix: number;
}

export interface QuotaReport {
  readonly checks: readonly QuotaCheck[];
  readonly natGateways: NatGatewayPlan;
  readonly warnings: readonly string[];
}

/** The NAT gateways the profile asks for, and more when the peak NAT traffic exceeds one gateway's bandwidth. */
function natGateways(i: QuotaInput): { plan: NatGatewayPlan; check: QuotaCheck | undefined } {
  const { profile, demand } = i;
  const asked = profile.network.nat === 'none' ? 0 : profile.network.nat === 'per-az-when-ha' && i.ha ? i.azs : 1;
  const peakToAverage = demand.averageRps > 0 ? demand.peakRps / demand.averageRps : 1;
  const averageGbps = (demand.egressGbPerMonth * i.natShareOfEgress * 8) / (i.hoursPerMonth * 3600);
  const peakGbps = averageGbps * peakToAverage;
  const needed = Math.ceil(peakGbps / NAT_GATEWAY_MAX_GBPS.defaultValue);
  if (asked === 0 || needed <= asked) {
    return { plan: { count: asked, peakGbps, why: asked === 0 ? 'the profile runs no NAT gateway' : `the profile's ${asked === 1 ? 'one NAT gateway' : `${asked} NAT gateways (one per AZ)`}; peak NAT traffic ${peakGbps.toFixed(2)} Gbps` }, check: undefined };
  }
  const note = `peak NAT traffic ${peakGbps.toFixed(1)} Gbps needs ${int(needed)} NAT gateways at ${NAT_GATEWAY_MAX_GBPS.defaultValue} Gbps each; planned ${int(needed)} (AWS: split the private subnets and create a NAT gateway in each)`;
  return {
    plan: { count: needed, peakGbps, why: note },
    check: check(NAT_GATEWAY_MAX_GBPS, needed, 'planned-around', note),
  };
}

export function checkQuotas(i: QuotaInput): QuotaReport {
  const checks: QuotaCheck[] = [];
  const warnings: string[] = [];
  const nodes = i.nodeGroups.reduce((n, g) => n + g.count, 0);
  const biggest = i.nodeGroups.reduce((n, g) => Math.max(n, g.max), 0);
  if (i.nodeGroups.length > 0) {
    checks.push(check(NODES_PER_MANAGED_NODE_GROUP, biggest, i.nodeGroups.length > 1 ? 'planned-around' : 'within', `${int(nodes)} nodes in ${int(i.nodeGroups.length)} node group(s), at most ${int(biggest)} per group`));
  }
  if (i.profile.platform === 'eks' && i.nodeGroups.length > 0) {
    const groups = i.nodeGroups.length;
    const perCluster = MANAGED_NODE_GROUPS_PER_CLUSTER.defaultValue;
    const clusters = Math.ceil(groups / perCluster);
    if (groups > perCluster) {
      const note = `${int(groups)} managed node groups: more than the default ${int(perCluster)} per cluster; request a quota increase or run ${int(clusters)} clusters (the plan prices one cluster)`;
      checks.push(check(MANAGED_NODE_GROUPS_PER_CLUSTER, groups, 'exceeds', note));
      warnings.push(`quota: ${note} (EKS quota "${MANAGED_NODE_GROUPS_PER_CLUSTER.name}", default ${int(perCluster)}, ${MANAGED_NODE_GROUPS_PER_CLUSTER.source})`);
    } else checks.push(check(MANAGED_NODE_GROUPS_PER_CLUSTER, groups, 'within', `${int(groups)} managed node group(s)`));
    if (clusters > CLUSTERS_PER_REGION.defaultValue) {
      const note = `${int(clusters)} clusters at the default node-group quota: more than the default ${int(CLUSTERS_PER_REGION.defaultValue)} per account and Region`;
      checks.push(check(CLUSTERS_PER_REGION, clusters, 'exceeds', note));
      warnings.push(`quota: ${note} (EKS quota "${CLUSTERS_PER_REGION.name}", default ${int(CLUSTERS_PER_REGION.defaultValue)}, ${CLUSTERS_PER_REGION.source})`);
    }
    // VPC CNI: every pod takes a VPC address, as does every node's primary interface (warm pools not counted).
    const addresses = i.nodeGroups.reduce((n, g) => n + g.requested.pods + g.count, 0);
    const perAz = Math.ceil(addresses / i.azs);
    const subnet = 2 ** (32 - i.subnetPrefix) - SUBNET_RESERVED_ADDRESSES.defaultValue;
    if (perAz > subnet) {
      const largest = 2 ** (32 - LARGEST_SUBNET_PREFIX) - SUBNET_RESERVED_ADDRESSES.defaultValue;
      const note = `${int(perAz)} IPv4 addresses per AZ (one per pod and node with the VPC CNI) exceed the assumed /${i.subnetPrefix} private subnet's ${int(subnet)} usable; plan ${int(Math.ceil(perAz / subnet))} such subnets per AZ (the largest subnet, a /${LARGEST_SUBNET_PREFIX}, holds ${int(largest)}), secondary VPC CIDRs, or IPv6`;
      checks.push(check(SUBNET_RESERVED_ADDRESSES, perAz, 'exceeds', note));
      warnings.push(`quota: ${note} (AWS reserves ${SUBNET_RESERVED_ADDRESSES.defaultValue} addresses per subnet: ${SUBNET_RESERVED_ADDRESSES.source})`);
    }
  }
  const nat = natGateways(i);
  if (nat.check) {
    checks.push(nat.check);
    warnings.push(`quota: ${nat.check.note} (${NAT_GATEWAY_MAX_GBPS.source})`);
  }
  return { checks, natGateways: nat.plan, warnings };
}
