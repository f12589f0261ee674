/**
 * Relative tolerance for float noise. A handful of float operations (rps × share ÷ capacity) is off
 * by a few parts in 1e16; inputs written with a typo-level tail (3.0000000001) are off by ~1e-11.
 * 1e-9 absorbs both, yet is far below a whole unit at any scale we plan: at 1e6 replicas it is
 * a thousandth of a replica, so snapping never hides real demand.
 */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * ceil(x), except that x within the tolerance of an integer counts as that integer, so
 * 3.0000000000000004 (0.1 × 30 ÷ 1) asks for 3 replicas, not 4. 0 → 0; any real positive → ≥ 1.
 */
export function ceilWholeCount(x: number): number {
  const nearest = Math.round(x);
  if (nearest > 0 && Math.abs(x - nearest) <= x * RELATIVE_TOLERANCE) return nearest;
  return Math.ceil(x);
}

/** n rounded up to a multiple of `step` (step ≥ 1). */
export function roundUpToMultiple(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}
