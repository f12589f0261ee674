/**
 * A hard cap on Cost Explorer requests in any rolling 24 hours (so also in any calendar day).
 * Every request, page and retry takes a slot before it is sent; the scheduler never exceeds it.
 */
export class RequestBudget {
  private readonly sent: { at: number; kind: string }[] = [];
  static readonly WINDOW_MS = 86_400_000;

  constructor(readonly perDay: number) {}

  /** Remembers the slots `previous` gave out, before any of this budget's own (a reload is no fresh day). */
  takeOver(previous: RequestBudget): void {
    this.sent.unshift(...previous.sent);
  }

  /** Slots left now. */
  remaining(now: number): number {
    this.forget(now);
    return this.perDay - this.sent.length;
  }

  /** Takes one slot; false (and nothing taken) when the budget is spent. `kind` is for used(). */
  tryTake(now: number, kind = 'request'): boolean {
    if (this.remaining(now) <= 0) return false;
    this.sent.push({ at: now, kind });
    return true;
  }

  /** Returns the latest slot of `kind`: its request never left the process. */
  giveBack(kind = 'request'): void {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      if (this.sent[i]!.kind === kind) {
        this.sent.splice(i, 1);
        return;
      }
    }
  }

  /** Slots of one kind taken in the last 24 hours. */
  used(now: number, kind: string): number {
    this.forget(now);
    return this.sent.filter((s) => s.kind === kind).length;
  }

  /** When `n` slots will be free again (now if they already are). */
  freeAt(now: number, n = 1): number {
    this.forget(now);
    const over = this.sent.length + n - this.perDay;
    if (over <= 0) return now;
    // More than the whole budget: never, in practice; say a day from now.
    if (over > this.sent.length) return now + RequestBudget.WINDOW_MS;
    return this.sent[over - 1]!.at + RequestBudget.WINDOW_MS;
  }

  private forget(now: number): void {
    while (this.sent.length && this.sent[0]!.at <= now - RequestBudget.WINDOW_MS) this.sent.shift();
  }
}
