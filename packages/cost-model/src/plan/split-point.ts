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
 * probes where halving costs one per halving. A wrong guess costs two probes and the next guess
 * goes on; with none left in the interval, the halving goes over the counts a whole number of the
 * spacings' common step after the run (stepSplit), else over every count. Shared with the
 * full-plan reference the tests compare against.
 */
export function splitPoint(a: number, b: number, changed: readonly string[], found: readonly FoundChange[]): number {
  const run = runOf(changed, found);
  if (run.length >= 2) {
    const guess = predictedChange(a, run);
    if (guess !== undefined) {
      if (guess - 1 > a && guess - 1 < b) return guess - 1;
      if (guess > a && guess < b) return guess;
    }
    const onStep = stepSplit(a, b, run[0]!, stepOf(changed.join('|'), found));
    if (onStep !== undefined) return onStep;
  }
  return Math.floor((a + b) / 2);
}

/** The latest breakpoints, newest first, while they changed the aspects `changed` names (at most RUN_KEPT). */
function runOf(changed: readonly string[], found: readonly FoundChange[]): number[] {
  const aspects = changed.join('|');
  const run: number[] = [];
  for (let i = found.length - 1; i >= 0 && run.length < RUN_KEPT; i--) {
    if (aspectsOf(found[i]!.changes) !== aspects) break;
    run.push(found[i]!.users);
  }
  return run;
}

/**
 * The first count after `a` that is a whole number of one of the run's spacings after its last
 * breakpoint; undefined when the walk has passed its last breakpoint's count.
 */
function predictedChange(a: number, run: readonly number[]): number | undefined {
  const last = run[0]!;
  if (last > a) return undefined;
  let next = Infinity;
  for (let i = 1; i < run.length; i++) {
    const spacing = run[i - 1]! - run[i]!;
    next = Math.min(next, last + spacing * (Math.floor((a - last) / spacing) + 1));
  }
  return next;
}

/**
 * The greatest common divisor of the spacings between consecutive breakpoints that both changed
 * `aspects`, over the whole search so far: spacings are often whole numbers of one step (the users
 * a replica more takes, which the packing turns into nodes now and then).
 */
function stepOf(aspects: string, found: readonly FoundChange[]): number {
  let step = 0;
  for (let i = 1; i < found.length; i++) {
    if (aspectsOf(found[i]!.changes) === aspects && aspectsOf(found[i - 1]!.changes) === aspects) step = gcd(step, found[i]!.users - found[i - 1]!.users);
  }
  return step;
}

/**
 * When the guesses missed: halves over the counts a whole number of steps after the run's last
 * breakpoint (splitting just below the middle one) instead of over every count; undefined when the
 * interval holds none or the step is too fine to gain on halving.
 */
function stepSplit(a: number, b: number, last: number, step: number): number | undefined {
  if (step < MIN_STEP || last > a) return undefined;
  const first = Math.floor((a - last) / step) + 1;
  const final = Math.floor((b - last) / step);
  if (first > final) return undefined;
  const middle = last + step * Math.floor((first + final) / 2);
  if (middle - 1 > a && middle - 1 < b) return middle - 1;
  if (middle > a && middle < b) return middle;
  return undefined;
}

/** A step below this many users gains little on halving. */
const MIN_STEP = 16;

function gcd(x: number, y: number): number {
  while (y) [x, y] = [y, x % y];
  return x;
}

/** "nodes workers|database" from changes as shapeChanges words them ("nodes workers: 2 → 3"). */
function aspectsOf(changes: readonly string[]): string {
  return changes.map((c) => c.slice(0, c.indexOf(': '))).join('|');
}
