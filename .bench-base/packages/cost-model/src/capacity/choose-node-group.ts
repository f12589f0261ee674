// The cheapest node group over the whole EC2 catalog. A lower bound per type (Σ requests over
// one node's room, plus the floors) orders the types; exact counts are computed only for types
// whose bound can still beat the winner or the runner-up, so a full-catalog plan takes well under 1 ms.
import { dec } from '../cost/money.js';
import type { InstanceType, PriceBook } from '../pricing/price-book.js';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import type { Allocatable, NodeChoice, NodeGroupPlan } from './capacity-types.js';
import { instanceCatalog, type InstanceCatalog } from './instance-catalog.js';
import { exclusionReason, resolveInstanceFilter, type InstanceFilter } from './instance-filter.js';
import { noInstanceFitsError } from './no-instance-fits.js';
import { formatUsd, nodeGroupMonthlyUsd, toCents } from './node-group-cost.js';
import { BINDING_PHRASE, bindingResource, daemonSetLoad, requestedOnNodes, roomAfterDaemonSets, type DaemonSetLoad } from './node-group-plan.js';
import {
  everyPodFits,
  minimumNodeCount,
  nodeCountWithFloors,
  packedNodeCount,
  packedNodeLowerBound,
  podTotals,
  type PodGroup,
  type PodTotals,
} from './pod-packing.js';

export interface NodeGroupRequest {
  readonly book: PriceBook;
  readonly constraints: NodeConstraints;
  /** Pods at the desired replica counts (services and add-on Deployments). */
  readonly groups: readonly PodGroup[];
  /** The same pods at the services' maxReplicas: sizes the node group's max. */
  readonly groupsAtMax: readonly PodGroup[];
  readonly daemonSets: readonly SystemPod[];
  readonly ha: boolean;
  readonly azs: number;
  readonly hoursPerMonth: number;
  readonly name?: string;
}

/** Float costs equal within this relative margin count as a tie (then fewer nodes, then name). */
const COST_TIE = 1e-9;

interface Evaluated {
  readonly index: number;
  readonly packed: number;
  readonly count: number;
  readonly monthly: number;
}

function rankBefore(a: Evaluated, b: Evaluated, c: InstanceCatalog): boolean {
  const scale = Math.max(a.monthly, b.monthly);
  if (Math.abs(a.monthly - b.monthly) > scale * COST_TIE) return a.monthly < b.monthly;
  if (a.count !== b.count) return a.count < b.count;
  return c.types[a.index]!.name < c.types[b.index]!.name;
}

interface Scan {
  readonly catalog: InstanceCatalog;
  readonly filter: InstanceFilter;
  readonly ds: DaemonSetLoad;
  readonly totals: PodTotals;
  readonly perNodeMonthly: Float64Array;
  readonly lowerBoundMonthly: Float64Array;
  readonly eligible: number[];
  readonly excluded: Record<string, number>;
}

function allocatableOf(s: Pick<Scan, 'catalog' | 'filter'>, i: number): Allocatable {
  const c = s.catalog;
  const pods = s.filter.policy === 'eni' ? c.podsEni[i]! : c.podsManaged[i]!;
  return { cpuMillicores: c.cpuMillicores[i]!, memoryMiB: c.memoryMiB[i]!, pods };
}

function roomOf(s: Pick<Scan, 'catalog' | 'filter' | 'ds'>, i: number): Allocatable {
  return roomAfterDaemonSets(allocatableOf(s, i), s.ds);
}

/** One pass over the catalog: filters, fit of the largest pod, and each type's cost lower bound. */
function scanCatalog(req: NodeGroupRequest): Scan {
  const catalog = instanceCatalog(req.book);
  const filter = resolveInstanceFilter(req.constraints, catalog);
  const ds = daemonSetLoad(req.daemonSets);
  const totals = podTotals(req.groups);
  const n = catalog.types.length;
  const perNodeMonthly = new Float64Array(n);
  const lowerBoundMonthly = new Float64Array(n).fill(Infinity);
  const eligible: number[] = [];
  const excluded: Record<string, number> = { ...catalog.unplannable };
  const volumeMonthly = filter.rootVolumeGb * (catalog.gp3GbMonthUsd ?? 0);
  const scan: Scan = { catalog, filter, ds, totals, perNodeMonthly, lowerBoundMonthly, eligible, excluded };
  for (let i = 0; i < n; i++) {
    const reason = exclusionReason(filter, catalog, i);
    if (reason !== undefined) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    const room = roomOf(scan, i);
    if (!everyPodFits(totals, room)) {
      excluded['too small for the largest pod'] = (excluded['too small for the largest pod'] ?? 0) + 1;
      continue;
    }
    perNodeMonthly[i] = catalog.hourlyUsd[i]! * req.hoursPerMonth + volumeMonthly;
    lowerBoundMonthly[i] = nodeCountWithFloors(packedNodeLowerBound(totals, room), req.ha, req.azs) * perNodeMonthly[i]!;
    eligible.push(i);
  }
  return scan;
}

function evaluate(scan: Scan, req: NodeGroupRequest, i: number): Evaluated {
  const packed = packedNodeCount(req.groups, roomOf(scan, i));
  const count = nodeCountWithFloors(packed, req.ha, req.azs);
  return { index: i, packed, count, monthly: count * scan.perNodeMonthly[i]! };
}

/** The winner and runner-up (best of another family; second best if only one family fits). */
interface Ranking {
  readonly winner: Evaluated;
  readonly runnerUp: Evaluated | undefined;
}

function rankCandidates(scan: Scan, req: NodeGroupRequest): Ranking {
  const { catalog, lowerBoundMonthly: bound, eligible } = scan;
  // Seed with the lowest bound overall and the lowest bound of another family: their exact costs
  // cap what the winner and runner-up can cost, so only types bounded below that cap are sorted.
  let first = eligible[0]!;
  for (const i of eligible) if (bound[i]! < bound[first]!) first = i;
  let other = -1;
  for (const i of eligible) {
    if (catalog.familyId[i] !== catalog.familyId[first] && (other < 0 || bound[i]! < bound[other]!)) other = i;
  }
  const cap = other < 0 ? Infinity : Math.max(evaluate(scan, req, first).monthly, evaluate(scan, req, other).monthly);
  const candidates = eligible.filter((i) => bound[i]! <= cap * (1 + COST_TIE));
  candidates.sort((a, b) => bound[a]! - bound[b]! || a - b);

  // Best per family; stop once a type's bound exceeds the second family's best.
  const bestOfFamily = new Map<number, Evaluated>();
  const evaluated: Evaluated[] = [];
  for (const i of candidates) {
    if (bestOfFamily.size >= 2 && bound[i]! > secondFamilyCost(bestOfFamily) * (1 + COST_TIE)) break;
    const e = evaluate(scan, req, i);
    evaluated.push(e);
    const family = catalog.familyId[i]!;
    const best = bestOfFamily.get(family);
    if (!best || rankBefore(e, best, catalog)) bestOfFamily.set(family, e);
  }
  evaluated.sort((a, b) => (rankBefore(a, b, catalog) ? -1 : rankBefore(b, a, catalog) ? 1 : 0));
  const winner = evaluated[0]!;
  const runnerUp = evaluated.find((e) => catalog.familyId[e.index] !== catalog.familyId[winner.index]) ?? evaluated[1];
  return { winner, runnerUp };
}

/** The second lowest of the families' best costs. */
function secondFamilyCost(bestOfFamily: ReadonlyMap<number, Evaluated>): number {
  let lowest = Infinity;
  let second = Infinity;
  for (const { monthly } of bestOfFamily.values()) {
    if (monthly < lowest) [lowest, second] = [monthly, lowest];
    else if (monthly < second) second = monthly;
  }
  return second;
}

/** The node group for the request: cheapest type, its counts, and why it won. */
export function chooseNodeGroup(req: NodeGroupRequest): NodeGroupPlan {
  const scan = scanCatalog(req);
  if (scan.eligible.length === 0) throw noInstanceFitsError(req, scan.catalog, scan.filter, scan.ds);
  const { winner, runnerUp } = rankCandidates(scan, req);
  return describeNodeGroup(req, scan, winner, runnerUp);
}

function describeNodeGroup(req: NodeGroupRequest, scan: Scan, winner: Evaluated, runnerUp: Evaluated | undefined): NodeGroupPlan {
  const { catalog, filter, totals, ds } = scan;
  const type = catalog.types[winner.index]!;
  const room = roomOf(scan, winner.index);
  const minimum = minimumNodeCount(req.ha, req.azs);
  const atMax = nodeCountWithFloors(packedNodeCount(req.groupsAtMax, room), req.ha, req.azs);
  const choice = nodeChoice(req, scan, winner);
  const runnerUpChoice = runnerUp && nodeChoice(req, scan, runnerUp);
  return {
    name: req.name ?? 'workers',
    ...choice,
    arch: type.arch,
    min: minimum,
    desired: winner.count,
    max: Math.max(atMax, winner.count),
    rootVolumeGb: filter.rootVolumeGb,
    allocatable: allocatableOf(scan, winner.index),
    requested: requestedOnNodes(totals, ds, winner.count),
    why:
      `${type.name} × ${winner.count.toLocaleString('en-US')} is the cheapest of ${scan.eligible.length} eligible instance types for ` +
      `${totals.pods.toLocaleString('en-US')} pods (${usd(choice)}/month); ${BINDING_PHRASE[choice.binding]}.`,
    ...(runnerUpChoice && { runnerUp: { ...runnerUpChoice, why: runnerUpWhy(runnerUpChoice, choice, runnerUp!, winner) } }),
    eligibleTypes: scan.eligible.length,
    excludedTypes: scan.excluded,
  };
}

function nodeChoice(req: NodeGroupRequest, scan: Scan, e: Evaluated): NodeChoice {
  const type: InstanceType = scan.catalog.types[e.index]!;
  const minimum = minimumNodeCount(req.ha, req.azs);
  return {
    instanceType: type.name,
    count: e.count,
    monthlyUsd: toCents(nodeGroupMonthlyUsd(req.book, type, e.count, scan.filter.rootVolumeGb, req.hoursPerMonth)),
    binding: bindingResource(scan.totals, roomOf(scan, e.index), e.packed, e.count, minimum),
  };
}

function usd(choice: NodeChoice): string {
  return formatUsd(dec(choice.monthlyUsd));
}

/** "t3.large × 3 at $X/month vs m5.large × 4 at $Y (+Z%)", naming the tie-break on equal cost. */
function runnerUpWhy(r: NodeChoice, w: NodeChoice, re: Evaluated, we: Evaluated): string {
  const more = Number(r.monthlyUsd) / Number(w.monthlyUsd) - 1;
  const diff = Number.isFinite(more) ? ` (+${(more * 100).toFixed(1)}%)` : '';
  const tie = Math.abs(re.monthly - we.monthly) <= Math.max(re.monthly, we.monthly) * COST_TIE;
  const tail = tie ? `; same cost, ${re.count === we.count ? 'name order' : 'fewer nodes'} breaks the tie` : '';
  return `${r.instanceType} × ${r.count.toLocaleString('en-US')} at ${usd(r)}/month vs ${w.instanceType} × ${w.count.toLocaleString('en-US')} at ${usd(w)}${diff}${tail}`;
}
