// Billing months are UTC calendar months (Cost Explorer's dates are UTC days).

const DAY_MS = 86_400_000;

export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function monthStart(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function nextMonthStart(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** "2026-11": which month a result belongs to. */
export const monthKey = (t: number): string => isoDay(t).slice(0, 7);

/** Fraction of the month gone at `t`, in [0, 1). */
export function monthElapsed(t: number): { elapsedMs: number; monthMs: number } {
  const start = monthStart(t);
  return { elapsedMs: t - start, monthMs: nextMonthStart(t) - start };
}

/** Month to date for GetCostAndUsage: the 1st through today (End is exclusive, so tomorrow). */
export function monthToDate(t: number): { Start: string; End: string } {
  return { Start: isoDay(monthStart(t)), End: isoDay(Math.floor(t / DAY_MS) * DAY_MS + DAY_MS) };
}

/** The rest of the month for GetCostForecast: today through the last day. */
export function restOfMonth(t: number): { Start: string; End: string } {
  return { Start: isoDay(t), End: isoDay(nextMonthStart(t)) };
}

export const HOUR_MS = 3_600_000;
