// Add-ons grow with the cluster (series per node, CoreDNS per 16 nodes) and the cluster grows with
// the add-ons' requests. The loop is bounded: size the add-ons for the nodes of the previous pass,
// pack, and stop once a pass needs no more nodes or vCPUs than it was sized for. The sized-for
// counts only grow, so the final plan's add-ons always cover its own final cluster; if the cap on
// passes is reached first, the plan says so. An early pass on another type can leave the add-ons
// sized for more than the final cluster: one more pass sized for the final cluster itself is kept
// when it still holds, so the plan does not depend on the path the passes took.
import type { PriceBook } from '../pricing/price-book.js';
import type { Profile } from '../profiles/profile-types.js';
import type { AddOnDrivers } from './add-on-sizing.js';
import type { AddOnPlan, NodeGroupPlan } from './capacity-types.js';
import { sizeAddOns } from './cluster-add-ons.js';
import type { PodGroup } from './pod-packing.js';
import { numberText } from '../number-text.js';

/** Passes before the loop gives up; add-ons are a small share of a node, so two usually suffice. */
export const MAX_SIZING_PASSES = 4;

export interface PackResult {
  readonly instanceType: string;
  /** Nodes at the peak. */
  readonly count: number;
  readonly warnings: readonly string[];
  /** The node group plan, made only for the pass that is kept. */
  describe(): NodeGroupPlan;
}

export interface SizedCluster<R extends PackResult = PackResult> {
  /** The kept pass's packing, as `pack` returned it. */
  readonly packed: R;
  readonly group: NodeGroupPlan;
  readonly warnings: readonly string[];
  readonly addOns: AddOnPlan;
}

type LoadDrivers = Omit<AddOnDrivers, 'nodes' | 'vcpus'>;

/**
 * Packs the services plus the add-ons sized for the cluster, re-sizing until the cluster holds
 * still. The add-ons' why is written for the kept pass alone, and not at all when `explain` is false.
 */
export function sizeCluster<R extends PackResult>(profile: Profile, book: PriceBook, load: LoadDrivers, pack: (addOns: readonly PodGroup[]) => R, explain = true): SizedCluster<R> {
  const size = (of: R) => {
    const nodes = of.count;
    return { nodes, vcpus: nodes * (book.instanceType(of.instanceType)?.vcpu ?? 0) };
  };
  // Field by field, not a spread: Node 20 builds a spread with fields after it on a slow path.
  const sizedFor = (nodes: number, vcpus: number): AddOnDrivers => ({ nodes, vcpus, servicePods: load.servicePods, ha: load.ha, logGbPerDay: load.logGbPerDay, logPeakToAverage: load.logPeakToAverage });
  let drivers = sizedFor(0, 0);
  for (let pass = 1; ; pass++) {
    let sized = sizeAddOns(profile, drivers, false);
    let packed = pack(sized.pods);
    let { nodes, vcpus } = size(packed);
    const holds = nodes <= drivers.nodes && vcpus <= drivers.vcpus;
    if (holds && (nodes < drivers.nodes || vcpus < drivers.vcpus)) {
      const tight = sizeAddOns(profile, sizedFor(nodes, vcpus), false);
      const repacked = pack(tight.pods);
      const again = size(repacked);
      if (again.nodes <= nodes && again.vcpus <= vcpus) {
        drivers = sizedFor(nodes, vcpus);
        [sized, packed] = [tight, repacked];
        ({ nodes, vcpus } = again);
      }
    }
    if (holds || pass >= MAX_SIZING_PASSES) {
      // `sized` is what the final drivers size: written again with its why.
      if (explain) sized = sizeAddOns(profile, drivers);
      const warnings = holds
        ? packed.warnings
        : [...packed.warnings, `cluster add-ons were sized for ${numberText(drivers.nodes)} nodes after ${pass} passes, but the plan has ${numberText(nodes)}: their requests may be low`];
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
      return { packed, group: packed.describe(), warnings, addOns };
    }
    // Never shrink what the add-ons are sized for: the counts rise monotonically, so the loop cannot cycle.
    drivers = sizedFor(Math.max(drivers.nodes, nodes), Math.max(drivers.vcpus, vcpus));
  }
}
