// The EC2 catalog in the shape node choice scans: computed once per price book (WeakMap, so a
// book and its cache go away together), columns in typed arrays so a scan of ~1,100 types is a
// tight loop. Prices are parsed to numbers here once, for ranking only; reported money is exact.
import type { InstanceType, PriceBook } from '../pricing/price-book.js';
import { baselineMillicores, CPU_CREDITS_KEY } from './cpu-credits.js';
import { nodeAllocatable } from './node-allocatable.js';

export const GP3_STORAGE_KEY = 'ebs/gp3/storage';

export interface InstanceCatalog {
  /** Types EKS can run pods on: max pods known, no GPUs, not bare metal. */
  readonly types: readonly InstanceType[];
  readonly familyId: Int32Array;
  /** family name → id; every family in the book, including ones with no plannable type. */
  readonly familyIds: ReadonlyMap<string, number>;
  /** Each plannable type's index by name. */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly familyNames: readonly string[];
  readonly vcpu: Float64Array;
  readonly arm64: Uint8Array;
  readonly burstable: Uint8Array;
  /** Burstable types: the CPU one node sustains without surplus credits, millicores (vCPUs × baseline %). */
  readonly baselineMillicores: Float64Array;
  /** 1 when AWS calls the type's family previous generation. */
  readonly previousGeneration: Uint8Array;
  readonly cpuMillicores: Float64Array;
  readonly memoryMiB: Float64Array;
  /** Pods under the managed-node-group cap, and under the ENI limit alone. */
  readonly podsManaged: Float64Array;
  readonly podsEni: Float64Array;
  readonly hourlyUsd: Float64Array;
  /** Book types left out for every plan, by reason. */
  readonly unplannable: Readonly<Record<string, number>>;
  /** gp3 storage USD per GB-month (ranking only); undefined when the book lacks it. */
  readonly gp3GbMonthUsd: number | undefined;
  /** Unlimited-mode surplus CPU credits, USD per vCPU-hour (ranking only); undefined when the book lacks it. */
  readonly cpuCreditUsd: number | undefined;
}

const cache = new WeakMap<PriceBook, InstanceCatalog>();

export function instanceCatalog(book: PriceBook): InstanceCatalog {
  let catalog = cache.get(book);
  if (!catalog) {
    catalog = buildCatalog(book);
    cache.set(book, catalog);
  }
  return catalog;
}

function unplannableReason(t: InstanceType): string | undefined {
  if (t.gpus > 0) return 'has GPUs';
  if (t.bareMetal) return 'bare metal';
  if (t.maxPods === null) return 'max pods unknown (unusable on EKS)';
  // Without its baseline a T type's CPU credit bill cannot be priced.
  if (t.burstable && !t.burst) return 'burstable with no CPU baseline in the book';
  return undefined;
}

function buildCatalog(book: PriceBook): InstanceCatalog {
  const familyIds = new Map<string, number>();
  const familyNames: string[] = [];
  for (const t of book.instanceTypes) {
    if (!familyIds.has(t.family)) {
      familyIds.set(t.family, familyNames.length);
      familyNames.push(t.family);
    }
  }
  const unplannable: Record<string, number> = {};
  const types: InstanceType[] = [];
  for (const t of book.instanceTypes) {
    const reason = unplannableReason(t);
    if (reason) unplannable[reason] = (unplannable[reason] ?? 0) + 1;
    else types.push(t);
  }
  const n = types.length;
  const c = {
    familyId: new Int32Array(n),
    vcpu: new Float64Array(n),
    arm64: new Uint8Array(n),
    burstable: new Uint8Array(n),
    baselineMillicores: new Float64Array(n),
    previousGeneration: new Uint8Array(n),
    cpuMillicores: new Float64Array(n),
    memoryMiB: new Float64Array(n),
    podsManaged: new Float64Array(n),
    podsEni: new Float64Array(n),
    hourlyUsd: new Float64Array(n),
  };
  types.forEach((t, i) => {
    const managed = nodeAllocatable(t, 'managed-node-group')!;
    c.familyId[i] = familyIds.get(t.family)!;
    c.vcpu[i] = t.vcpu;
    c.arm64[i] = t.arch === 'arm64' ? 1 : 0;
    c.burstable[i] = t.burstable ? 1 : 0;
    c.baselineMillicores[i] = baselineMillicores(t) ?? 0;
    c.previousGeneration[i] = t.currentGeneration ? 0 : 1;
    c.cpuMillicores[i] = managed.cpuMillicores;
    c.memoryMiB[i] = managed.memoryMiB;
    c.podsManaged[i] = managed.pods;
    c.podsEni[i] = t.maxPods!;
    c.hourlyUsd[i] = Number(t.onDemandUsd);
  });
  const gp3 = book.price(GP3_STORAGE_KEY)?.usd;
  const credits = book.price(CPU_CREDITS_KEY)?.usd;
  return {
    types,
    familyIds,
    indexOf: new Map(types.map((t, i) => [t.name, i])),
    familyNames,
    unplannable,
    gp3GbMonthUsd: gp3 === undefined ? undefined : Number(gp3),
    cpuCreditUsd: credits === undefined ? undefined : Number(credits),
    ...c,
  };
}
