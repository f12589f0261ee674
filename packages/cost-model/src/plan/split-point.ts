// Where the breakpoint search splits an interval whose two ends differ in shape.

/** A breakpoint as the split reads it: where it is and what changed there. */
export interface FoundChange {
  readonly users: number;
  /** As shapeChanges words them ("nodes workers: 2 → 3"). */
  readonly changes: readonly string[];
}

/**
 * Where to split an interval whose ends differ: its middle, unless the interval looks like one more
 * step of a run (its ends differ in the same aspects as the last two breakpoints, say the node
 * count). Node counts grow about linearly with users, so such a run is near evenly spaced: the
 * count one spacing after the last breakpoint is probed, and its neighbour below, so a right guess
 * costs two probes where halving costs one per halving. A wrong guess costs two probes and the
 * halving goes on without it. Shared with the full-plan reference the tests compare against.
 */
export function splitPoint(a: number, b: number, changed: readonly string[], found: readonly FoundChange[]): number {
  const guess = predictedChange(a, changed, found);
  if (guess !== undefined) {
    if (guess - 1 > a && guess - 1 < b) return guess - 1;
    if (guess > a && guess < b) return guess;
  }
  return Math.floor((a + b) / 2);
}

/** The first count after `a` a whole number of spacings after the last breakpoint, when the run's aspects are the ones `changed`. */
function predictedChange(a: number, changed: readonly string[], found: readonly FoundChange[]): number | undefined {
  if (found.length < 2) return undefined;
  const last = found[found.length - 1]!;
  const before = found[found.length - 2]!;
  const aspects = aspectsOf(last.changes);
  if (aspects !== aspectsOf(before.changes) || aspects !== changed.join('|')) return undefined;
  const spacing = last.users - before.users;
  if (last.users > a) return undefined;
  return last.users + spacing * (Math.floor((a - last.users) / spacing) + 1);
}

/** "nodes workers|database" from changes as shapeChanges words them ("nodes workers: 2 → 3"). */
function aspectsOf(changes: readonly string[]): string {
  return changes.map((c) => c.slice(0, c.indexOf(': '))).join('|');
}
