// Add-ons grow with the cluster (series per node, CoreDNS per 16 nodes) and the cluster grows with
// the add-ons' requests. The loop is bounded: size the add-ons for the nodes of the previous pass,
// pack, and stop once a pass needs no more nodes or vCPUs than it was sized for. The sized-for
// counts only grow, so the final plan's add-ons always cover its own final cluster; if the cap on
// passes is reached first, the plan says so.
import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { AddOnDrivers } from './add-on-sizing.js';
import type { AddOnPlan, NodeGroupPlan } from './capacity-types.js';
import { sizeAddOns } from './cluster-add-ons.js';
import type { PodGroup } from './pod-packing.js';

/** Passes before the loop gives up; add-ons are a small share of a node, so two usually suffice. */
export const MAX_SIZING_PASSES = 4;

export interface PackResult {
  readonly group: NodeGroupPlan;
  readonly warnings: readonly string[];
}

export interface SizedCluster extends PackResult {
  readonly addOns: AddOnPlan;
}

type LoadDrivers = Omit<AddOnDrivers, 'nodes' | 'vcpus'>;

/** Packs the services plus the add-ons sized for the cluster, re-sizing until the cluster holds still. */
export function sizeCluster(profile: Profile, book: PriceBook, load: LoadDrivers, pack: (addOns: readonly PodGroup[]) => PackResult): SizedCluster {
  let drivers: AddOnDrivers = { ...load, nodes: 0, vcpus: 0 };
  for (let pass = 1; ; pass++) {
    const sized = sizeAddOns(profile, drivers);
    const packed = pack(sized.pods);
    const nodes = packed.group.count;
    const vcpus = nodes * (book.instanceType(packed.group.instanceType)?.vcpu ?? 0);
    const holds = nodes <= drivers.nodes && vcpus <= drivers.vcpus;
    if (holds || pass >= MAX_SIZING_PASSES) {
      const warnings = holds
        ? packed.warnings
        : [...packed.warnings, `cluster add-ons were sized for ${drivers.nodes.toLocaleString('en-US')} nodes after ${pass} passes, but the plan has ${nodes.toLocaleString('en-US')}: their requests may be low`];
      const addOns: AddOnPlan = {
        sizedForNodes: drivers.nodes,
        sizedForVcpus: drivers.vcpus,
        passes: pass,
        pods: sized.pods,
        ...(sized.prometheus ? { prometheus: { series: sized.prometheus.series, shards: sized.prometheus.shards, replicas: sized.prometheus.replicas } } : {}),
        ...(sized.elasticsearch
          ? { elasticsearch: { dataNodes: sized.elasticsearch.replicas, replicaShards: sized.elasticsearch.replicaShards, indexGb: sized.elasticsearch.indexGb, volumeGbPerNode: sized.elasticsearch.volumeGbPerNode } }
          : {}),
      };
      return { group: packed.group, warnings, addOns };
    }
    // Never shrink what the add-ons are sized for: the counts rise monotonically, so the loop cannot cycle.
    drivers = { ...drivers, nodes: Math.max(drivers.nodes, nodes), vcpus: Math.max(drivers.vcpus, vcpus) };
  }
}
