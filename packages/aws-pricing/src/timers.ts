/** Calls `onTime` after `ms` unless the returned function cancels it first. Tests pass a manual clock. */
export type SetTimer = (ms: number, onTime: () => void) => () => void;

// setTimeout fires at once for delays above 2^31 - 1 ms; anything longer waits that long instead.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const realTimer: SetTimer = (ms, onTime) => {
  const timer = setTimeout(onTime, Math.min(ms, MAX_TIMEOUT_MS));
  return () => clearTimeout(timer);
};

/** `promise`, or a rejection as soon as `signal` aborts, even if whatever produces `promise` ignores the signal. */
export function settleOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {}); // a late rejection after the abort must not go unhandled
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('request abandoned'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** setTimeout that an AbortSignal can cut short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.min(ms, MAX_TIMEOUT_MS));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** 250 → "250 ms", 30000 → "30 s", 600000 → "10 min". */
export function formatMs(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${ms / 1_000} s`;
  return `${ms / 60_000} min`;
}
