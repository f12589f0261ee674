import { RefreshError } from './refresh-error.js';
import { formatMs, type SetTimer } from './timers.js';

/** What ends a refresh early: the caller's AbortSignal, or its overall deadline. */
export interface RefreshStop {
  /** Aborts when the caller's signal aborts or the deadline passes; in-flight requests listen to it. */
  readonly signal: AbortSignal;
  /** Throws ABORTED, or NETWORK for the deadline, once stopped. */
  throwIfStopped(requestsMade: number): void;
  dispose(): void;
}

const CANCELLED = 'cancelled';
const PAST_DEADLINE = 'past deadline';
const TAIL = 'nothing was written, the previous snapshot is unchanged';

export function stopOnSignalOrDeadline(signal: AbortSignal | undefined, deadlineMs: number, setTimer: SetTimer): RefreshStop {
  const controller = new AbortController();
  const cancel = () => controller.abort(CANCELLED);
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  const cancelDeadline = setTimer(deadlineMs, () => controller.abort(PAST_DEADLINE));
  return {
    signal: controller.signal,
    throwIfStopped(requestsMade) {
      if (!controller.signal.aborted) return;
      if (controller.signal.reason === PAST_DEADLINE) {
        throw new RefreshError(
          'NETWORK',
          `the AWS Price List API did not deliver every price within the ${formatMs(deadlineMs)} deadline of the refresh (${requestsMade} requests made); try again later or allow a longer deadline (${TAIL})`,
        );
      }
      throw new RefreshError('ABORTED', `price refresh cancelled; ${TAIL}`);
    },
    dispose() {
      cancelDeadline();
      signal?.removeEventListener('abort', cancel);
    },
  };
}
