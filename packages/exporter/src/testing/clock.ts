/** A clock that reads `startIso` now and then advances with real elapsed (monotonic) time. */
export function clockFrom(startIso: string): () => number {
  const start = Date.parse(startIso);
  if (!Number.isFinite(start)) throw new Error(`not an instant: ${startIso}`);
  const t0 = performance.now();
  return () => start + Math.floor(performance.now() - t0);
}
