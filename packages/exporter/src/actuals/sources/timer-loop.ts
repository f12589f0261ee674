import type { Logger } from '../../log/logger.js';

/** A source's sleep between rounds never exceeds an hour, so a clock change or a new month is seen soon. */
const MAX_SLEEP_MS = 3_600_000;

export interface LoopRounds {
  readonly runDue: () => Promise<void>;
  readonly nextWakeAt: () => number;
  readonly now: () => number;
  readonly logger: Logger;
}

/**
 * A source's refresh rounds on real timers: a round, then sleep until the next is due. It holds
 * the state every source needs for stop() and idle(): whether it stopped, and the round in flight.
 */
export class TimerLoop {
  private timer: NodeJS.Timeout | undefined;
  private halted = false;
  /** The round in flight (or the last one): idle() waits for it. */
  running: Promise<void> = Promise.resolve();

  get stopped(): boolean {
    return this.halted;
  }

  start(r: LoopRounds): void {
    const tick = () => {
      if (this.halted) return;
      this.running = r
        .runDue()
        .catch((e: unknown) => r.logger.error('refresh round failed unexpectedly', { error: (e as Error).message }))
        .finally(() => {
          if (!this.halted) this.timer = setTimeout(tick, Math.max(100, Math.min(MAX_SLEEP_MS, r.nextWakeAt() - r.now())));
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** No round starts after this; one in flight finishes (await `running`). */
  stop(): void {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
