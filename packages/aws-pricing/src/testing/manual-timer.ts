import type { SetTimer } from '../timers.js';

/** A clock that moves only when a test says so: timers set on it fire in `advance`. */
export interface ManualTimer {
  readonly setTimer: SetTimer;
  /** Moves the clock on by `ms` and fires every timer that is due, earliest first. */
  advance(ms: number): void;
  /** Timers set and not yet fired or cancelled. */
  pending(): number;
}

export function manualTimer(): ManualTimer {
  let now = 0;
  const timers = new Set<{ at: number; onTime: () => void }>();
  return {
    setTimer(ms, onTime) {
      const timer = { at: now + ms, onTime };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      now += ms;
      for (const timer of [...timers].filter((t) => t.at <= now).sort((a, b) => a.at - b.at)) {
        if (timers.delete(timer)) timer.onTime();
      }
    },
    pending: () => timers.size,
  };
}
