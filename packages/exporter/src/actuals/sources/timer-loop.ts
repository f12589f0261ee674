import type { Logger } from '../../log/logger.js';

/** A source's sleep between rounds never exceeds an hour, so a clock change or a new month is seen soon. */
const MAX_SLEEP_MS = 3_600_000;

export interface TimerLoopHooks {
  readonly stopped: () => boolean;
  readonly runDue: () => Promise<void>;
  readonly nextWakeAt: () => number;
  readonly now: () => number;
  readonly logger: Logger;
  /** The round in flight, for idle(). */
  readonly onRound: (round: Promise<void>) => void;
  /** The timer of the next round, for stop(). */
  readonly onTimer: (timer: NodeJS.Timeout) => void;
}

/** Runs a source's due refreshes on real timers until it stops: a round, then sleep until the next is due. */
export function runOnTimers(h: TimerLoopHooks): void {
  const tick = () => {
    if (h.stopped()) return;
    const round = h
      .runDue()
      .catch((e: unknown) => h.logger.error('refresh round failed unexpectedly', { error: (e as Error).message }))
      .finally(() => {
        if (!h.stopped()) h.onTimer(setTimeout(tick, Math.max(100, Math.min(MAX_SLEEP_MS, h.nextWakeAt() - h.now()))));
      });
    h.onRound(round);
  };
  h.onTimer(setTimeout(tick, 0));
}
