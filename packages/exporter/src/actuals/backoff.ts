/**
 * Delay before retry number `failures` (1 = first failure): exponential, capped, with "equal
 * jitter" (half fixed, half random) so several exporters do not retry in step.
 */
export function backoffDelay(failures: number, initialMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(failures - 1, 40)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
