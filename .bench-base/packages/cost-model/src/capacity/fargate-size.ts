// Fargate task sizes. Valid CPU/memory pairs from the Amazon ECS developer guide, "Task CPU and
// memory" (task size table for Linux on Fargate); memory in GB there means GiB (1024 MiB).
import type { PriceBook } from '../pricing/price-book.js';
import { PlanningError, type FargateTaskPlan, type PodShape, type ServiceReplicas } from './capacity-types.js';

export interface FargateSize {
  readonly vcpu: number;
  readonly memoryGb: number;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let gb = from; gb <= to; gb += step) out.push(gb);
  return out;
}

/** Every valid Linux Fargate size, smallest vCPU first, then smallest memory. */
export const FARGATE_SIZES: readonly FargateSize[] = [
  { vcpu: 0.25, memory: [0.5, 1, 2] },
  { vcpu: 0.5, memory: range(1, 4, 1) },
  { vcpu: 1, memory: range(2, 8, 1) },
  { vcpu: 2, memory: range(4, 16, 1) },
  { vcpu: 4, memory: range(8, 30, 1) },
  { vcpu: 8, memory: range(16, 60, 4) },
  { vcpu: 16, memory: range(32, 120, 8) },
].flatMap(({ vcpu, memory }) => memory.map((memoryGb) => ({ vcpu, memoryGb })));

export interface FargateRates {
  readonly vcpuHourUsd: number;
  readonly gbHourUsd: number;
}

/** On-demand Fargate rates for ranking sizes (the price of a size is linear in vCPU and GB). */
export function fargateRates(book: PriceBook, arch: 'x86_64' | 'arm64'): FargateRates | undefined {
  const platform = arch === 'arm64' ? 'linux-arm64' : 'linux-x86';
  const vcpu = book.price(`fargate/${platform}/vcpu-hours`)?.usd;
  const gb = book.price(`fargate/${platform}/gb-hours`)?.usd;
  if (vcpu === undefined || gb === undefined) return undefined;
  return { vcpuHourUsd: Number(vcpu), gbHourUsd: Number(gb) };
}

/**
 * The cheapest valid size holding the pod's requests (cpu ≤ vCPU × 1000 m, memory ≤ GB × 1024
 * MiB); ties go to fewer vCPUs. Without rates, the smallest fitting size (the table is ordered).
 */
export function fargateTaskSize(name: string, pod: PodShape, rates: FargateRates | undefined): FargateSize {
  let best: FargateSize | undefined;
  let bestCost = Infinity;
  for (const size of FARGATE_SIZES) {
    if (size.vcpu * 1000 < pod.cpuMillicores || size.memoryGb * 1024 < pod.memoryMiB) continue;
    if (!rates) return size;
    const cost = size.vcpu * rates.vcpuHourUsd + size.memoryGb * rates.gbHourUsd;
    if (cost < bestCost * (1 - 1e-12)) {
      best = size;
      bestCost = cost;
    }
  }
  if (!best) {
    throw new PlanningError(
      'NO_INSTANCE_FITS',
      `service ${name} requests ${pod.cpuMillicores}m CPU / ${pod.memoryMiB} MiB, more than the largest Fargate task (16 vCPU, 120 GB)`,
    );
  }
  return best;
}

/** One task per desired replica, each at the service's Fargate size. */
export function planFargateTasks(
  replicas: readonly ServiceReplicas[],
  book: PriceBook,
  fargate: { readonly arch?: 'x86_64' | 'arm64'; readonly spot?: boolean } | undefined,
): { readonly tasks: readonly FargateTaskPlan[]; readonly warnings: readonly string[] } {
  const arch = fargate?.arch ?? 'x86_64';
  const warnings: string[] = [];
  let spot = fargate?.spot ?? false;
  if (spot && arch === 'arm64') {
    // Fargate Spot runs Linux x86 only (ECS developer guide, "Fargate capacity providers").
    warnings.push('Fargate Spot does not run arm64 tasks; planning arm64 tasks on demand');
    spot = false;
  }
  const rates = fargateRates(book, arch);
  if (!rates) warnings.push(`the price book has no Fargate ${arch} rates; task sizes are the smallest that fit`);
  const tasks = replicas.map((r) => {
    const size = fargateTaskSize(r.name, r, rates);
    return { service: r.name, vcpu: size.vcpu, memoryGb: size.memoryGb, count: r.desired, arch, spot };
  });
  return { tasks, warnings };
}
