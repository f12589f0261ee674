// Where the breakpoint search splits an interval whose two ends differ in shape.

/** A breakpoint as the split reads it: where it is and what changed there. */
export interface FoundChange {
  readonly users: number;
  /** As shapeChanges words them ("nodes workers: 2 → 3"). */
  readonly changes: readonly string[];
}

/** How many of the latest breakpoints of a run its spacings are read from. */
const RUN_KEPT = 6;

/**
 * Where to split an interval whose ends differ: its middle, unless the interval looks like one more
 * step of a run (its ends differ in the same aspects as the latest breakpoints, say the node
 * count). Node counts grow about linearly with users, so a run is near evenly spaced (a few
 * spacings alternate as the pods pack): the next change is guessed a spacing after the last
 * breakpoint, and the counts just below and at the guess are probed, so a right guess costs two
 * probes where halving costs one per halving. A wrong guess costs two probes and the next guess,
 * or the halving, goes on. Shared with the full-plan reference the tests compare against.
 */
export function splitPoint(a: number, b: number, changed: readonly string[], found: readonly FoundChange[]): number {
  const guess = predictedChange(a, changed, found);
  if (guess !== undefined) {
    if (guess - 1 > a && guess - 1 < b) return guess - 1;
    if (guess > a && guess < b) return guess;
  }
  return Math.floor((a + b) / 2);
}

/**
 * The first count after `a` that is a whole number of one of the run's spacings after its last
 * breakpoint, when the run's aspects are the ones `changed`; undefined without a run of two.
 */
function predictedChange(a: number, changed: readonly string[], found: readonly FoundChange[]): number | undefined {
  const aspects = changed.join('|');
  const run: number[] = [];
  for (let i = found.length - 1; i >= 0 && run.length < RUN_KEPT; i--) {
    if (aspectsOf(found[i]!.changes) !== aspects) break;
    run.push(found[i]!.users);
  }
  if (run.length < 2) return undefined;
  const last = run[0]!;
  if (last > a) return undefined;
  let next = Infinity;
  for (let i = 1; i < run.length; i++) {
    const spacing = run[i - 1]! - run[i]!;
    next = Math.min(next, last + spacing * (Math.floor((a - last) / spacing) + 1));
  }
  return next;
}
/** "nodes workers|database" from changes as shapeChanges words them ("nodes workers: 2 → 3"). */
function aspectsOf(changes: readonly string[]): string {
  return changes.map((c) => c.slice(0, c.indexOf(': '))).join('|');
}
