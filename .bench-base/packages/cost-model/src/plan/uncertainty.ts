import { Decimal } from '../cost/money.js';
import type { Profile } from '../profiles/profile-types.js';
import { resolveWorkload, type ResolvedWorkload, type WorkloadKey } from '../workload/assumptions.js';
import type { Plan, PlanOptions, Uncertainty } from './plan-types.js';

export const DEFAULT_SEED = 1;

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same samples everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from the triangular distribution (min, mode, max). */
export function triangular(u: number, min: number, mode: number, max: number): number {
  if (max <= min) return mode;
  const c = (mode - min) / (max - min);
  return u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * P10/P50/P90 of the monthly total over `samples` draws of every workload assumption that has a
 * range (triangular: min, value, max). Assumptions given as a plain number stay fixed.
 */
export function estimateUncertainty(profile: Profile, options: PlanOptions, base: Plan, totalFor: (w: ResolvedWorkload) => Decimal): Uncertainty {
  const samples = Math.max(1, Math.floor(options.samples ?? 0));
  const seed = options.seed ?? DEFAULT_SEED;
  const { values } = resolveWorkload(profile.workload, options.workload);
  const ranged = base.assumptions.filter((a) => a.range && a.name in values && options.workload?.[a.name as WorkloadKey] === undefined);
  const rand = mulberry32(seed);
  const totals: Decimal[] = [];
  for (let i = 0; i < samples; i++) {
    const w: Record<string, number> = { ...values };
    for (const a of ranged) w[a.name] = triangular(rand(), a.range!.min, a.value, a.range!.max);
    totals.push(totalFor(w as ResolvedWorkload));
  }
  totals.sort((x, y) => x.comparedTo(y));
  const pick = (p: number) => totals[Math.min(totals.length - 1, Math.max(0, Math.ceil(p * totals.length) - 1))]!;
  return { samples, seed, p10: pick(0.1), p50: pick(0.5), p90: pick(0.9), sampled: ranged.map((a) => a.name) };
}
