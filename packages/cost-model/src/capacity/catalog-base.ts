// The part of the node chooser's catalog scan that no pod reads: the filters, the types the ladder
// left, each type's room after the DaemonSets and its price per node-hour. Plans of one profile
// share it across every user count, so a scan for new pods only checks fits and lower bounds.
import type { PriceBook } from '../pricing/price-book.js';
import type { NodeConstraints, SystemPod } from '../profiles/profile-types.js';
import type { PurchaseChoice } from '../purchase/purchase-choice.js';
import type { Allocatable } from './capacity-types.js';
import { instanceCatalog, type InstanceCatalog } from './instance-catalog.js';
import { exclusionReason, resolveInstanceFilter, type InstanceFilter } from './instance-filter.js';
import { daemonSetLoad, roomAfterDaemonSets, type DaemonSetLoad } from './node-group-plan.js';
import { purchasePrices, type PurchasePrices } from './purchase-prices.js';

export const LEFT_IN_LADDER = 'left earlier in the ladder';

export interface CatalogBase {
  /** Unique in the process: a scan cache keys on it. */
  readonly id: number;
  readonly catalog: InstanceCatalog;
  readonly filter: InstanceFilter;
  readonly ds: DaemonSetLoad;
  /** The purchase option's hourly prices the scan ranks by (NaN: no rate). */
  readonly prices: PurchasePrices;
  /** The burst's prices when the commitment covers the floor only; else the same as `prices`. */
  readonly burstPrices: PurchasePrices;
  /** One node-hour: the hourly price under the option plus its root volume's share of a GB-month. */
  readonly perNodeHour: Float64Array;
  /** One burst node-hour: the burst's hourly price plus the root volume's share. */
  readonly perBurstNodeHour: Float64Array;
  /** Each type's room for pods after DaemonSets (CPU scaled by the family's throughput factor), allowed or not. */
  readonly roomCpu: Float64Array;
  readonly roomMemory: Float64Array;
  readonly roomPods: Float64Array;
  /** Types the filters and the ladder allow, in catalog order. */
  readonly open: readonly number[];
  /** Each type's position in `open`, or -1: a scan keeps its per-type figures for the open types alone. */
  readonly openAt: Int32Array;
  /** Per open type: why it cannot be bought under the option (no rate), else undefined. */
  readonly missing: ReadonlyMap<number, string>;
  /** Types left out before any pod is looked at, by reason. */
  readonly excluded: Readonly<Record<string, number>>;
}

export interface CatalogBaseRequest {
  readonly book: PriceBook;
  readonly constraints: NodeConstraints;
  readonly daemonSets: readonly SystemPod[];
  readonly hoursPerMonth: number;
  readonly burstPurchase?: PurchaseChoice;
}

/** Per book, by the constraints' JSON (one string per profile), then by the rest of the key. */
const bases = new WeakMap<PriceBook, Map<string, Map<string, CatalogBase>>>();
/** Bases differ by purchase and the types a ladder left: the most recent are kept per constraints. */
const BASES_KEPT = 64;

/** The base for a request, the types left and the option, made once per book and key (`constraintsKey` and `restKey` name all of them). */
export function catalogBase(req: CatalogBaseRequest, left: ReadonlySet<string>, choice: PurchaseChoice, constraintsKey: string, restKey: string): CatalogBase {
  let byConstraints = bases.get(req.book);
  if (!byConstraints) bases.set(req.book, (byConstraints = new Map()));
  let byKey = byConstraints.get(constraintsKey);
  if (!byKey) byConstraints.set(constraintsKey, (byKey = new Map()));
  let base = byKey.get(restKey);
  if (!base) {
    if (byKey.size >= BASES_KEPT) byKey.delete(byKey.keys().next().value!);
    byKey.set(restKey, (base = catalogBaseAnew(req, left, choice)));
  }
  return base;
}

/** A type's room as an Allocatable. */
export function roomAt(base: CatalogBase, i: number): Allocatable {
  return { cpuMillicores: base.roomCpu[i]!, memoryMiB: base.roomMemory[i]!, pods: base.roomPods[i]! };
}

let nextId = 0;

function catalogBaseAnew(req: CatalogBaseRequest, left: ReadonlySet<string>, choice: PurchaseChoice): CatalogBase {
  const catalog = instanceCatalog(req.book);
  const prices = purchasePrices(req.book, catalog, choice);
  // Only a committed option splits the day; at on-demand (the fallback) every hour is on-demand.
  const split = req.burstPurchase !== undefined && choice.kind !== 'on-demand' && choice !== req.burstPurchase;
  const burstPrices = split ? purchasePrices(req.book, catalog, req.burstPurchase!) : prices;
  const filter = resolveInstanceFilter(req.constraints, catalog);
  const ds = daemonSetLoad(req.daemonSets);
  const n = catalog.types.length;
  const perNodeHour = new Float64Array(n);
  const perBurstNodeHour = burstPrices === prices ? perNodeHour : new Float64Array(n);
  const roomCpu = new Float64Array(n);
  const roomMemory = new Float64Array(n);
  const roomPods = new Float64Array(n);
  const open: number[] = [];
  const openAt = new Int32Array(n).fill(-1);
  const missing = new Map<number, string>();
  const excluded: Record<string, number> = { ...catalog.unplannable };
  const volumePerHour = (filter.rootVolumeGb * (catalog.gp3GbMonthUsd ?? 0)) / req.hoursPerMonth;
  for (let i = 0; i < n; i++) {
    const pods = filter.policy === 'eni' ? catalog.podsEni[i]! : catalog.podsManaged[i]!;
    const factor = filter.throughputFactors?.[catalog.familyId[i]!] ?? 1;
    const room = roomAfterDaemonSets({ cpuMillicores: catalog.cpuMillicores[i]! * factor, memoryMiB: catalog.memoryMiB[i]!, pods }, ds);
    roomCpu[i] = room.cpuMillicores;
    roomMemory[i] = room.memoryMiB;
    roomPods[i] = room.pods;
    const reason = exclusionReason(filter, catalog, i);
    if (reason !== undefined) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    if (left.has(catalog.types[i]!.name)) {
      excluded[LEFT_IN_LADDER] = (excluded[LEFT_IN_LADDER] ?? 0) + 1;
      continue;
    }
    // A type with no rate under the option cannot be bought that way: ranking it at on-demand (or $0) would hide it.
    const lacking = Number.isNaN(prices.hourlyUsd[i]!) ? prices.missingReason : Number.isNaN(burstPrices.hourlyUsd[i]!) ? burstPrices.missingReason : undefined;
    if (lacking !== undefined) missing.set(i, lacking);
    perNodeHour[i] = prices.hourlyUsd[i]! + volumePerHour;
    perBurstNodeHour[i] = burstPrices.hourlyUsd[i]! + volumePerHour;
    openAt[i] = open.length;
    open.push(i);
  }
  return { id: nextId++, catalog, filter, ds, prices, burstPrices, perNodeHour, perBurstNodeHour, roomCpu, roomMemory, roomPods, open, openAt, missing, excluded };
}
