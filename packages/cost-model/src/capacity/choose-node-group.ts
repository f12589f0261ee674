// The cheapest node group over the whole EC2 catalog, by what it bills over the day: nodes at
// each level of the day's load × that level's hours. A lower bound per type (Σ requests over one
// node's room, plus the floors, at every level) orders the types; exact counts are computed only
// for types whose bound can still beat the winner or the runner-up, so a plan stays around 1 ms.
import { assembled, extended } from '../object-copy.js';
import { dec, type Decimal } from '../cost/money.js';
import type { InstanceType, PriceBook } from '../pricing/price-book.js';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import { PlanningError, type Allocatable, type LadderDecision, type LadderStep, type NodeChoice, type NodeGroupPlan } from './capacity-types.js';
import { CPU_CREDITS_KEY, cpuCreditUse, type SustainedCpuUse } from './cpu-credits.js';
import type { InstanceCatalog } from './instance-catalog.js';
import { catalogBase, LEFT_IN_LADDER, roomAt, type CatalogBase } from './catalog-base.js';
import { NumbersCache } from './numbers-cache.js';
import type { PurchasePrices } from './purchase-prices.js';
import { ec2Rate } from '../purchase/commitment-rate.js';
import { atPeakAllDay, commitsPeak, ON_DEMAND, purchaseLabel, type PurchaseChoice } from '../purchase/purchase-choice.js';
import { exclusionReason, type InstanceFilter } from './instance-filter.js';
import { noInstanceFitsError } from './no-instance-fits.js';
import { nodeCountsOverTheDay, nodeHoursPerMonth, type OffPeakLevel } from './daily-capacity.js';
import { formatUsd, nodeGroupBillUsd, toCents } from './node-group-cost.js';
import { BINDING_PHRASE, bindingResource, requestedOnNodes, type DaemonSetLoad } from './node-group-plan.js';
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
import { roundUpToMultiple } from './whole-count.js';
import { numberText } from '../number-text.js';

export interface NodeGroupRequest {
  readonly book: PriceBook;
  readonly constraints: NodeConstraints;
  /** Pods at the desired replica counts (services and add-on Deployments). */
  readonly groups: readonly PodGroup[];
  /**
   * HA over ≥ 2 AZs: what must keep running when one AZ is lost (each service's replicas outside
   * that AZ, every add-on). Absent: the same as `groups`.
   */
  readonly groupsAfterAzLoss?: readonly PodGroup[];
  /** The same pods at the services' maxReplicas: sizes the node group's max. */
  readonly groupsAtMax: readonly PodGroup[];
  readonly daemonSets: readonly SystemPod[];
  /** CPU the pods actually use over the day: what a burstable type's baseline is held against. */
  readonly cpuUse: SustainedCpuUse;
  readonly ha: boolean;
  readonly azs: number;
  readonly hoursPerMonth: number;
  /**
   * The day's levels after the peak, busiest first, each with its pods and hours a month; the peak
   * runs the month's other hours. Absent: the peak load all month.
   */
  readonly offPeak?: readonly OffPeakLevel[];
  readonly name?: string;
  /** In a ladder: keep the previous type within the margin, never return to a type left. */
  readonly ladder?: LadderStep;
  /** What the nodes are bought under: types rank by their effective price under it. Absent: on-demand. */
  readonly purchase?: PurchaseChoice;
  /**
   * A commitment on the floor only: the node-hours above the day's quietest level bill under this
   * (on-demand, or Spot), the floor's under `purchase`. Absent: every node-hour under `purchase`.
   */
  readonly burstPurchase?: PurchaseChoice;
  /** The counts and types alone (for shapes and totals): no why, no runner-up, no on-demand comparison. */
  readonly withoutReasons?: boolean;
}

export { LEFT_IN_LADDER };

/** Float costs equal within this relative margin count as a tie (then fewer nodes, then name). */
const COST_TIE = 1e-9;

interface Evaluated {
  readonly index: number;
  readonly packed: number;
  /** Nodes at the peak. */
  readonly count: number;
  /** Nodes at each level of the day, the peak first (nodeCountsOverTheDay). */
  readonly byLevel: readonly number[];
  readonly nodeHours: number;
  /** The month's bill over the day: node-hours × (hourly + root volume) plus, for a burstable type, its surplus CPU credits. */
  readonly monthly: number;
}

function rankBefore(a: Evaluated, b: Evaluated, c: InstanceCatalog): boolean {
  const scale = Math.max(a.monthly, b.monthly);
  if (Math.abs(a.monthly - b.monthly) > scale * COST_TIE) return a.monthly < b.monthly;
  if (a.count !== b.count) return a.count < b.count;
  return c.types[a.index]!.name < c.types[b.index]!.name;
}

interface Scan {
  /** What the scan was made from: the types allowed, their rooms and prices. */
  readonly base: CatalogBase;
  readonly catalog: InstanceCatalog;
  readonly filter: InstanceFilter;
  readonly ds: DaemonSetLoad;
  readonly totals: PodTotals;
  readonly totalsAfterAzLoss: PodTotals;
  /** Per off-peak level: its pod totals (and after losing an AZ), for the lower bounds. */
  readonly offPeakTotals: readonly { readonly totals: PodTotals; readonly afterAzLoss: PodTotals; readonly hoursPerMonth: number }[];
  /** The purchase option's hourly prices the scan ranks by (NaN: no rate). */
  readonly prices: PurchasePrices;
  /** The burst's prices when the commitment covers the floor only; else the same as `prices`. */
  readonly burstPrices: PurchasePrices;
  /** One burst node-hour: the burst's hourly price plus the root volume's share. */
  readonly perBurstNodeHour: Float64Array;
  /** One node-hour: the hourly price under the option plus its root volume's share of a GB-month. */
  readonly perNodeHour: Float64Array;
  /** Each open type's cost lower bound, by its position in the base's `open` (Infinity: not eligible). */
  readonly lowerBoundMonthly: Float64Array;
  readonly eligible: number[];
  readonly excluded: Record<string, number>;
  /** Each type's counts over the day, as dayCounts computed them for this scan's pods. */
  readonly counts: Map<number, DayCounts>;
  /** The same by room ("cpu,memory,pods"): types of one size in different families often have the same room. */
  readonly countsByRoom: Map<string, DayCounts>;
  /** A type's exact monthly bill ("1234.57") by index and surplus CPU credit hours (the rest is fixed by the scan). */
  readonly bills: Map<string, string>;
  /** Nodes at the HPA maximum by room and the pods at the maximum (a request's groupsAtMax). */
  readonly atMax: Map<string, number>;
}

/** Entries a scan keeps per memo: burstable types' credits move with every user count. */
const KEPT_PER_SCAN = 64;

function remembered<V>(memo: Map<string, V>, key: string, make: () => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    v = make();
    if (memo.size < KEPT_PER_SCAN) memo.set(key, v);
  }
  return v;
}

type DayCounts = Pick<Evaluated, 'packed' | 'count' | 'byLevel' | 'nodeHours'>;

/**
 * Scans already made, per book, by their catalog base (the constraints, DaemonSets, month, purchase
 * and types left) and what the scan and the day counts read of the pods: HA, the AZs and the pods
 * at every level. The CPU the pods use (which moves with every user count) is read only by
 * evaluate, so plans a few users apart, and uncertainty samples, share one scan and its packings.
 * The most recent SCANS_KEPT are kept.
 */
const scans = new WeakMap<PriceBook, NumbersCache<Scan>>();
const SCANS_KEPT = 512;

/** JSON once per object (a profile's constraints are shared by every plan of it). */
const jsonOnce = new WeakMap<object, string>();
function jsonKey(o: object | undefined): string {
  if (o === undefined) return '-';
  let k = jsonOnce.get(o);
  if (k === undefined) jsonOnce.set(o, (k = JSON.stringify(o)));
  return k;
}

/** The pods as numbers in order (the packing reads only these; names are labels); -1 when absent. */
function pushPods(into: number[], groups: readonly PodGroup[] | undefined): void {
  if (!groups) {
    into.push(-1);
    return;
  }
  into.push(groups.length);
  for (const g of groups) into.push(g.replicas, g.cpuMillicores, g.memoryMiB);
}

/** The scan's base, and what a scan reads of a request beyond it: HA, the AZs and the pods at every level of the day. */
function scanSignature(base: CatalogBase, req: NodeGroupRequest): number[] {
  const key = [base.id, req.ha ? 1 : 0, req.azs];
  pushPods(key, req.groups);
  pushPods(key, req.groupsAfterAzLoss);
  for (const l of req.offPeak ?? []) {
    key.push(l.hoursPerMonth);
    pushPods(key, l.groups);
    pushPods(key, l.groupsAfterAzLoss);
  }
  return key;
}

/** What a catalog base reads of a request besides its constraints: DaemonSets, month, purchase and the types left. */
function baseKey(req: NodeGroupRequest, left: ReadonlySet<string>, choice: PurchaseChoice): string {
  let ds = '';
  for (const d of req.daemonSets) ds += `${d.cpuMillicores},${d.memoryMiB};`;
  return `${ds}|${req.hoursPerMonth}|${jsonKey(req.purchase)}|${jsonKey(req.burstPurchase)}|${jsonKey(choice)}|${[...left].sort().join(',')}`;
}

function scanCatalog(req: NodeGroupRequest, left: ReadonlySet<string>, choice: PurchaseChoice): Scan {
  const base = catalogBase(req, left, choice, jsonKey(req.constraints), baseKey(req, left, choice));
  let byPods = scans.get(req.book);
  if (!byPods) scans.set(req.book, (byPods = new NumbersCache(SCANS_KEPT)));
  const signature = scanSignature(base, req);
  const hit = byPods.get(signature);
  if (hit) return hit;
  const scan = scanCatalogAnew(req, base);
  byPods.set(signature, scan);
  return scan;
}

function allocatableOf(s: Pick<Scan, 'catalog' | 'filter'>, i: number): Allocatable {
  const c = s.catalog;
  const pods = s.filter.policy === 'eni' ? c.podsEni[i]! : c.podsManaged[i]!;
  return { cpuMillicores: c.cpuMillicores[i]!, memoryMiB: c.memoryMiB[i]!, pods };
}

/** The catalog base's open types against these pods: fit of the largest pod, and each type's cost lower bound. */
function scanCatalogAnew(req: NodeGroupRequest, base: CatalogBase): Scan {
  const { catalog, filter, ds, prices, burstPrices, perNodeHour, perBurstNodeHour } = base;
  const totals = podTotals(req.groups);
  const totalsAfterAzLoss = req.groupsAfterAzLoss ? podTotals(req.groupsAfterAzLoss) : totals;
  const offPeakTotals = (req.offPeak ?? []).map((l) => {
    const levelTotals = podTotals(l.groups);
    return { totals: levelTotals, afterAzLoss: l.groupsAfterAzLoss ? podTotals(l.groupsAfterAzLoss) : levelTotals, hoursPerMonth: l.hoursPerMonth };
  });
  // Sized by the open types: a profile's filters leave a few dozen of the catalog's thousand.
  const lowerBoundMonthly = new Float64Array(base.open.length).fill(Infinity);
  const eligible: number[] = [];
  const excluded: Record<string, number> = { ...base.excluded };
  const scan: Scan = { base, catalog, filter, ds, totals, totalsAfterAzLoss, offPeakTotals, prices, burstPrices, perNodeHour, perBurstNodeHour, lowerBoundMonthly, eligible, excluded, counts: new Map(), countsByRoom: new Map(), bills: new Map(), atMax: new Map() };
  for (let at = 0; at < base.open.length; at++) {
    const i = base.open[at]!;
    const room = roomAt(base, i);
    if (!everyPodFits(totals, room)) {
      excluded['too small for the largest pod'] = (excluded['too small for the largest pod'] ?? 0) + 1;
      continue;
    }
    const missing = base.missing.get(i);
    if (missing !== undefined) {
      excluded[missing] = (excluded[missing] ?? 0) + 1;
      continue;
    }
    // Either rate may be the lower: the bound holds at the lower of the two.
    lowerBoundMonthly[at] = nodeHoursLowerBound(scan, req, room) * Math.min(perNodeHour[i]!, perBurstNodeHour[i]!);
    eligible.push(i);
  }
  return scan;
}

/**
 * Node-hours a type needs at least: at each level the floors over the requests' lower bound, capped
 * by the peak's bound and never below a quieter level's, as nodeCountsOverTheDay makes the counts.
 * Packing never needs fewer nodes than the bound and the floors only rise with it, so the real
 * counts are at least these, level by level.
 */
function nodeHoursLowerBound(scan: Pick<Scan, 'totals' | 'totalsAfterAzLoss' | 'offPeakTotals'>, req: NodeGroupRequest, room: Allocatable): number {
  const atLeast = (t: PodTotals, afterLoss: PodTotals) => nodeCountWithFloors(packedNodeLowerBound(t, room), req.ha, req.azs, packedNodeLowerBound(afterLoss, room));
  const peak = atLeast(scan.totals, scan.totalsAfterAzLoss);
  let hours = peak * req.hoursPerMonth;
  let quieter = 0;
  for (let l = scan.offPeakTotals.length - 1; l >= 0; l--) {
    const level = scan.offPeakTotals[l]!;
    quieter = Math.max(quieter, Math.min(peak, atLeast(level.totals, level.afterAzLoss)));
    hours -= (peak - quieter) * level.hoursPerMonth;
  }
  return hours;
}

/** Nodes for the request on type i, with the HA floors (AZ loss packs a second, smaller set). */
export function nodeCountOn(req: NodeGroupRequest, room: Allocatable): { readonly packed: number; readonly count: number } {
  const packed = packedNodeCount(req.groups, room);
  const afterLoss = req.ha && req.azs >= 2 && req.groupsAfterAzLoss ? packedNodeCount(req.groupsAfterAzLoss, room) : packed;
  return { packed, count: nodeCountWithFloors(packed, req.ha, req.azs, afterLoss) };
}

/**
 * Nodes at each level of the day on a type with this room: each level's pods packed with the same
 * floors. A level with the peak's pods, or whose lower bound already reaches the peak's count,
 * needs no packing.
 */
export function nodeCountsOn(req: NodeGroupRequest, room: Allocatable, peakCount: number, offPeakTotals?: Scan['offPeakTotals']): readonly number[] {
  return nodeCountsOverTheDay(peakCount, req.offPeak ?? [], (level, k) => {
    if (samePods(level.groups, req.groups)) return peakCount;
    const t = offPeakTotals?.[k];
    if (t && nodeCountWithFloors(packedNodeLowerBound(t.totals, room), req.ha, req.azs, packedNodeLowerBound(t.afterAzLoss, room)) >= peakCount) return peakCount;
    const packed = packedNodeCount(level.groups, room);
    const afterLoss = req.ha && req.azs >= 2 && level.groupsAfterAzLoss ? packedNodeCount(level.groupsAfterAzLoss, room) : packed;
    return nodeCountWithFloors(packed, req.ha, req.azs, afterLoss);
  });
}

/** Counts at the peak and over the day on type i, and the node-hours they bill. */
function dayCounts(scan: Scan, req: NodeGroupRequest, i: number): DayCounts {
  let counts = scan.counts.get(i);
  if (!counts) {
    // The counts read the type only through its room.
    const room = roomAt(scan.base, i);
    const key = `${room.cpuMillicores},${room.memoryMiB},${room.pods}`;
    counts = scan.countsByRoom.get(key);
    if (!counts) scan.countsByRoom.set(key, (counts = dayCountsAnew(req, room, scan.offPeakTotals)));
    scan.counts.set(i, counts);
  }
  return counts;
}

function dayCountsAnew(req: NodeGroupRequest, room: Allocatable, offPeakTotals: Scan['offPeakTotals']): DayCounts {
  const { packed, count } = nodeCountOn(req, room);
  const byLevel = commitsPeak(req) ? atPeakAllDay(nodeCountsOn(req, room, count, offPeakTotals), count) : nodeCountsOn(req, room, count, offPeakTotals);
  return { packed, count, byLevel, nodeHours: nodeHoursPerMonth(byLevel, req.offPeak ?? [], req.hoursPerMonth) };
}

/** The same replicas of the same groups (a level the HPA does not scale in at). */
function samePods(a: readonly PodGroup[], b: readonly PodGroup[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.replicas !== b[i]!.replicas || a[i]!.cpuMillicores !== b[i]!.cpuMillicores || a[i]!.memoryMiB !== b[i]!.memoryMiB) return false;
  return true;
}

// Credits are never negative, so node-hours × per-node-hour cost stays a lower bound for burstable types too.
function evaluate(scan: Scan, req: NodeGroupRequest, i: number): Evaluated {
  const { catalog } = scan;
  const counts = dayCounts(scan, req, i);
  // Credits as at the peak all month: the pods' day-average use spread over the peak's nodes.
  const surplus = catalog.burstable[i] === 1 ? cpuCreditUse(req.cpuUse, counts.count, catalog.baselineMillicores[i]!, req.hoursPerMonth).surplusVcpuHours : 0;
  // Without a credit price in the book, a type that would bill surplus credits cannot win.
  const credits = surplus > 0 ? surplus * (catalog.cpuCreditUsd ?? Infinity) : 0;
  const floorHours = floorNodeHours(counts.byLevel, req.hoursPerMonth);
  return { index: i, ...counts, monthly: floorHours * scan.perNodeHour[i]! + (counts.nodeHours - floorHours) * scan.perBurstNodeHour[i]! + credits };
}

/** Node-hours of the always-on floor (the day's quietest level, every hour of the month). */
function floorNodeHours(byLevel: readonly number[], hoursPerMonth: number): number {
  return byLevel[byLevel.length - 1]! * hoursPerMonth;
}

/** Type i's cost lower bound in the scan; Infinity when the type is not eligible. */
function boundOf(scan: Scan, i: number): number {
  const at = scan.base.openAt[i]!;
  return at < 0 ? Infinity : scan.lowerBoundMonthly[at]!;
}

/** The winner and runner-up (best of another family; second best if only one family fits). */
interface Ranking {
  readonly winner: Evaluated;
  readonly runnerUp: Evaluated | undefined;
}

function rankCandidates(scan: Scan, req: NodeGroupRequest): Ranking {
  const { catalog, eligible } = scan;
  const bound = (i: number) => boundOf(scan, i);
  // Seed with the lowest bound overall and the lowest bound of another family: their exact costs
  // cap what the winner and runner-up can cost, so only types bounded below that cap are sorted.
  let first = eligible[0]!;
  for (const i of eligible) if (bound(i) < bound(first)) first = i;
  let other = -1;
  for (const i of eligible) {
    if (catalog.familyId[i] !== catalog.familyId[first] && (other < 0 || bound(i) < bound(other))) other = i;
  }
  const cap = other < 0 ? Infinity : Math.max(evaluate(scan, req, first).monthly, evaluate(scan, req, other).monthly);
  const candidates = eligible.filter((i) => bound(i) <= cap * (1 + COST_TIE));
  candidates.sort((a, b) => bound(a) - bound(b) || a - b);

  // Best per family; stop once a type's bound exceeds the second family's best.
  const bestOfFamily = new Map<number, Evaluated>();
  const evaluated: Evaluated[] = [];
  for (const i of candidates) {
    if (bestOfFamily.size >= 2 && bound(i) > secondFamilyCost(bestOfFamily) * (1 + COST_TIE)) break;
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

/** The node group for the request: cheapest type (or, in a ladder, the kept one), its counts, and why. */
export function chooseNodeGroup(req: NodeGroupRequest): NodeGroupPlan {
  return chooseNodeGroupLazily(req).describe();
}

/** The node group the chooser settled on, described (why, runner-up, exact bill) only when asked. */
export interface NodeGroupChoice {
  readonly instanceType: string;
  /** Nodes at the peak. */
  readonly count: number;
  readonly decision: LadderDecision;
  /** The chosen type's nodes at each level of the day, the peak first. */
  readonly byLevel: readonly number[];
  /** The purchase option's effect on the choice (unpriced, or a type other than on-demand's cheapest), for the warnings. */
  readonly purchaseNote?: string;
  /** The whole node group plan; add-on sizing passes that are not kept never need it. */
  describe(): NodeGroupPlan;
}

/** The chooser's decision (cheapest type, or in a ladder the kept one) at once, its description deferred. */
export function chooseNodeGroupLazily(req: NodeGroupRequest): NodeGroupChoice {
  const left = new Set(req.ladder?.context.leftTypes ?? []);
  const choice = req.purchase ?? ON_DEMAND;
  const scanFor = (c: PurchaseChoice) => {
    const first = scanCatalog(req, left, c);
    // Every fitting type was left earlier: returning beats planning nothing.
    if (first.eligible.length > 0 || left.size === 0) return { scan: first, returned: false };
    const again = scanCatalog(req, new Set(), c);
    return { scan: again, returned: again.eligible.length > 0 };
  };
  let { scan, returned } = scanFor(choice);
  let purchaseNote: string | undefined;
  const lacking = scan.excluded[scan.prices.missingReason] ?? 0;
  if (scan.eligible.length === 0 && lacking > 0) {
    // No type that fits has a rate under the option: rank by on-demand and say so; the EC2 lines stay unpriced.
    ({ scan, returned } = scanFor(ON_DEMAND));
    purchaseNote =
      `${purchaseLabel(choice)} is unpriced: none of the ${numberText(lacking)} instance types that fit has its rate in the ${req.book.region} price book ` +
      `(run tier-planner pricing refresh); types are ranked by on-demand price and their EC2 lines stay unpriced`;
  }
  if (scan.eligible.length === 0) throw noInstanceFitsError(req, scan.catalog, scan.filter, scan.ds);
  const { winner, runnerUp: ranked } = rankCandidates(scan, req);
  if (!Number.isFinite(winner.monthly)) {
    throw new PlanningError('BAD_INPUT', `only burstable types fit and they run above their CPU baseline, but the price book has no CPU credit price (${CPU_CREDITS_KEY})`);
  }
  const runnerUp = Number.isFinite(ranked?.monthly ?? 0) ? ranked : undefined;
  const current = currentType(req, scan);
  const leftCheaper = left.size > 0 && !returned && !req.withoutReasons ? cheapestLeftType(req, scan, left) : undefined;
  const kept = current && current.index !== winner.index && withinMargin(current, winner, req.ladder!) ? current : undefined;
  const chosen = kept ?? winner;
  if (!req.withoutReasons) purchaseNote ??= onDemandDiffers(req, scan, chosen, left);
  const withNote = (g: NodeGroupPlan): NodeGroupPlan => (purchaseNote ? extended(g, { why: `${g.why} ${purchaseNote}.` }) : g);
  const note: LadderNote | undefined =
    kept ? { kind: 'kept', cheapest: winner }
    : current && current.index !== winner.index ? { kind: 'switched', from: current }
    : returned ? { kind: 'returned' }
    : undefined;
  const second = kept ? winner : runnerUp;
  return {
    instanceType: scan.catalog.types[chosen.index]!.name,
    count: chosen.count,
    decision: note?.kind ?? 'cheapest',
    byLevel: chosen.byLevel,
    ...(purchaseNote ? { purchaseNote } : {}),
    describe: () => withNote(describeNodeGroup(req, scan, chosen, second, note, leftCheaper)),
  };
}

/**
 * Under a commitment or Spot: when the cheapest type at on-demand prices is another one, both
 * prices, so the reader sees what the option changed. Undefined at on-demand or when they agree.
 */
function onDemandDiffers(req: NodeGroupRequest, scan: Scan, chosen: Evaluated, left: ReadonlySet<string>): string | undefined {
  if (scan.prices.choice.kind === 'on-demand') return undefined;
  let od = scanCatalog(req, left, ON_DEMAND);
  if (od.eligible.length === 0) od = scanCatalog(req, new Set(), ON_DEMAND);
  if (od.eligible.length === 0) return undefined;
  const best = rankCandidates(od, req).winner;
  const type = scan.catalog.types[chosen.index]!;
  const other = od.catalog.types[best.index]!;
  if (other.name === type.name || !Number.isFinite(best.monthly)) return undefined;
  const bill = (t: InstanceType, nodeHours: number, hourly: string) => usdText(nodeGroupBillUsd(req.book, t, nodeHours, scan.filter.rootVolumeGb, req.hoursPerMonth, undefined, hourly));
  return (
    `At on-demand prices the cheapest is ${other.name} × ${numberText(best.count)} at ${bill(other, best.nodeHours, other.onDemandUsd)}/month; ` +
    `${type.name} × ${numberText(chosen.count)} costs ${usdText(billUnder(req, scan, type, chosen))} under ${purchaseLabel(scan.prices.choice)} (${bill(type, chosen.nodeHours, type.onDemandUsd)} on-demand)`
  );
}

/** The type's hourly price under an option, as an exact decimal string (the type has a rate: the scan kept it). */
function hourlyOf(choice: PurchaseChoice, type: InstanceType): string {
  const found = ec2Rate(type, choice, '');
  return 'rate' in found ? found.rate.effective.toString() : type.onDemandUsd;
}

/** The month's exact bill of type's nodes over the day: the floor's hours under the option, the burst's under the burst's (with the credits). */
function billUnder(req: NodeGroupRequest, scan: Scan, type: InstanceType, e: Evaluated, surplusVcpuHours?: number): Decimal {
  const bill = (hours: number, choice: PurchaseChoice, surplus?: number) => nodeGroupBillUsd(req.book, type, hours, scan.filter.rootVolumeGb, req.hoursPerMonth, surplus, hourlyOf(choice, type));
  if (scan.burstPrices === scan.prices) return bill(e.nodeHours, scan.prices.choice, surplusVcpuHours);
  const floor = floorNodeHours(e.byLevel, req.hoursPerMonth);
  return bill(floor, scan.prices.choice).plus(bill(e.nodeHours - floor, scan.burstPrices.choice, surplusVcpuHours));
}

function usdText(x: Decimal): string {
  return formatUsd(dec(x.toFixed(2)));
}

/** How the ladder shaped the choice, for the why. */
type LadderNote = { readonly kind: 'kept'; readonly cheapest: Evaluated } | { readonly kind: 'switched'; readonly from: Evaluated } | { readonly kind: 'returned' };

/** The previous tier's type, evaluated for this request, if it is still eligible. */
function currentType(req: NodeGroupRequest, scan: Scan): Evaluated | undefined {
  const name = req.ladder?.context.nodeType;
  if (name === undefined) return undefined;
  const i = scan.catalog.indexOf.get(name) ?? -1;
  if (i < 0 || !Number.isFinite(boundOf(scan, i))) return undefined;
  return evaluate(scan, req, i);
}

/** The cheapest of the types the ladder left, had they been allowed (for the why only). */
function cheapestLeftType(req: NodeGroupRequest, scan: Scan, left: ReadonlySet<string>): { readonly name: string; readonly count: number; readonly monthly: number } | undefined {
  const { catalog, filter } = scan;
  const volumePerHour = (filter.rootVolumeGb * (catalog.gp3GbMonthUsd ?? 0)) / req.hoursPerMonth;
  let best: { name: string; count: number; monthly: number } | undefined;
  for (const name of left) {
    const i = catalog.indexOf.get(name) ?? -1;
    if (i < 0 || exclusionReason(filter, catalog, i) !== undefined || Number.isNaN(scan.prices.hourlyUsd[i]!) || Number.isNaN(scan.burstPrices.hourlyUsd[i]!)) continue;
    if (!everyPodFits(scan.totals, roomAt(scan.base, i))) continue;
    const { count, nodeHours, byLevel } = dayCounts(scan, req, i);
    const floorHours = floorNodeHours(byLevel, req.hoursPerMonth);
    const monthly = floorHours * (scan.prices.hourlyUsd[i]! + volumePerHour) + (nodeHours - floorHours) * (scan.burstPrices.hourlyUsd[i]! + volumePerHour);
    if (!best || monthly < best.monthly) best = { name, count, monthly };
  }
  return best;
}

/** What the margin is a share of: the plan's monthly cost with the cheapest type, or the node group's alone. */
function marginBase(cheapest: Evaluated, step: LadderStep): number {
  return cheapest.monthly + (step.otherMonthlyUsd ?? 0);
}

/** Keeping costs at most margin × the base more than the cheapest allowed type. */
function withinMargin(kept: Evaluated, cheapest: Evaluated, step: LadderStep): boolean {
  return kept.monthly - cheapest.monthly <= step.typeChangeMargin * marginBase(cheapest, step) * (1 + COST_TIE);
}

type LeftCheaper = ReturnType<typeof cheapestLeftType>;

function describeNodeGroup(req: NodeGroupRequest, scan: Scan, winner: Evaluated, runnerUp: Evaluated | undefined, ladder?: LadderNote, leftCheaper?: LeftCheaper): NodeGroupPlan {
  const { catalog, filter, totals, ds } = scan;
  const type = catalog.types[winner.index]!;
  const room = roomAt(scan.base, winner.index);
  const minimum = minimumNodeCount(req.ha, req.azs);
  // At the HPA maximum the autoscaler needs room for the pods, spread evenly when HA.
  let atMaxKey = `${room.cpuMillicores},${room.memoryMiB},${room.pods}|`;
  for (const g of req.groupsAtMax) atMaxKey += `${g.replicas},${g.cpuMillicores},${g.memoryMiB};`;
  const packedAtMax = remembered(scan.atMax, atMaxKey, () => packedNodeCount(req.groupsAtMax, room));
  const atMax = req.ha ? roundUpToMultiple(Math.max(packedAtMax, 1), req.azs) : packedAtMax;
  const choice = nodeChoice(req, scan, winner);
  const runnerUpChoice = runnerUp && !req.withoutReasons ? nodeChoice(req, scan, runnerUp) : undefined;
  return assembled<NodeGroupPlan>(
    { name: req.name ?? 'workers' },
    choice,
    {
      arch: type.arch,
      min: minimum,
      desired: winner.count,
      max: Math.max(atMax, winner.count),
      rootVolumeGb: filter.rootVolumeGb,
      allocatable: allocatableOf(scan, winner.index),
      requested: requestedOnNodes(totals, ds, winner.count),
      why: req.withoutReasons ? '' : nodeGroupWhy(req, scan, winner, choice, ladder, leftCheaper),
    },
    runnerUpChoice ? { runnerUp: extended(runnerUpChoice, { why: runnerUpWhy(runnerUpChoice, choice, runnerUp!, winner) }) } : {},
    { eligibleTypes: scan.eligible.length, excludedTypes: scan.excluded },
  );
}

function nodeGroupWhy(req: NodeGroupRequest, scan: Scan, chosen: Evaluated, choice: NodeChoice, ladder: LadderNote | undefined, leftCheaper: LeftCheaper): string {
  const name = scan.catalog.types[chosen.index]!.name;
  const pods = numberText(scan.totals.pods);
  const head = `${name} × ${numberText(chosen.count)}`;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const notReturned =
    leftCheaper && leftCheaper.monthly < chosen.monthly * (1 - COST_TIE)
      ? `; ${leftCheaper.name} × ${numberText(leftCheaper.count)} would save ${pct(1 - leftCheaper.monthly / chosen.monthly)} of the node group's cost, but the ladder left it and does not return to a type`
      : '';
  const tail = `${notReturned}${dayNote(chosen)}; ${BINDING_PHRASE[choice.binding]}.`;
  const step = req.ladder;
  const margin = `the ${pct(step?.typeChangeMargin ?? 0)} type-change margin`;
  const of = step?.otherMonthlyUsd !== undefined ? "of the plan's monthly cost" : "of the node group's cost";
  const dollars = (x: number) => formatUsd(dec(x.toFixed(2)));
  if (ladder?.kind === 'kept') {
    const c = nodeChoice(req, scan, ladder.cheapest);
    const saving = chosen.monthly - ladder.cheapest.monthly;
    return (
      `${head} (${usd(choice)}/month) is kept from the previous tier for ${pods} pods: the cheapest, ${c.instanceType} × ${numberText(c.count)} at ${usd(c)}, ` +
      `would save ${dollars(saving)}/month, ${pct(saving / marginBase(ladder.cheapest, step!))} ${of}, within ${margin}${tail}`
    );
  }
  const base = `${head} is the cheapest of ${scan.eligible.length} eligible instance types for ${pods} pods (${usd(choice)}/month)`;
  if (ladder?.kind === 'switched') {
    const f = nodeChoice(req, scan, ladder.from);
    const more = ladder.from.monthly - chosen.monthly;
    return `${base}; it replaces the previous tier's ${f.instanceType} (× ${numberText(f.count)} at ${usd(f)}, ${dollars(more)}/month more, ${pct(more / marginBase(chosen, step!))} ${of}, beyond ${margin})${tail}`;
  }
  if (ladder?.kind === 'returned') return `${base}; every type that fits was left earlier in the ladder, so it returns to the cheapest${tail}`;
  return base + tail;
}

/** What the month's bill covers when the nodes follow the day's load. */
function dayNote(e: Evaluated): string {
  const floor = e.byLevel[e.byLevel.length - 1]!;
  return floor < e.count ? `; the month's bill over the day, as the nodes follow the load from ${numberText(e.count)} at the peak down to ${numberText(floor)}` : '';
}

function nodeChoice(req: NodeGroupRequest, scan: Scan, e: Evaluated): NodeChoice {
  const type: InstanceType = scan.catalog.types[e.index]!;
  const minimum = minimumNodeCount(req.ha, req.azs);
  const credits = type.burstable ? cpuCreditUse(req.cpuUse, e.count, scan.catalog.baselineMillicores[e.index]!, req.hoursPerMonth) : undefined;
  return {
    instanceType: type.name,
    count: e.count,
    monthlyUsd: remembered(scan.bills, `${e.index}|${credits?.surplusVcpuHours ?? '-'}`, () => toCents(billUnder(req, scan, type, e, credits?.surplusVcpuHours))),
    binding: bindingResource(scan.totals, roomAt(scan.base, e.index), e.packed, e.count, minimum),
    ...(credits && { cpuCredits: credits }),
  };
}

function usd(choice: NodeChoice): string {
  return formatUsd(dec(choice.monthlyUsd));
}

/** "t3.large × 3 at $X/month vs m5.large × 4 at $Y (+Z%)" (peak counts, the month's bills over the day), naming the tie-break on equal cost. */
function runnerUpWhy(r: NodeChoice, w: NodeChoice, re: Evaluated, we: Evaluated): string {
  const more = Number(r.monthlyUsd) / Number(w.monthlyUsd) - 1;
  const diff = Number.isFinite(more) ? ` (${more >= 0 ? '+' : ''}${(more * 100).toFixed(1)}%)` : '';
  const tie = Math.abs(re.monthly - we.monthly) <= Math.max(re.monthly, we.monthly) * COST_TIE;
  const tail = tie ? `; same cost, ${re.count === we.count ? 'name order' : 'fewer nodes'} breaks the tie` : '';
  return `${r.instanceType} × ${numberText(r.count)} at ${usd(r)}/month vs ${w.instanceType} × ${numberText(w.count)} at ${usd(w)}${diff}${tail}`;
}
