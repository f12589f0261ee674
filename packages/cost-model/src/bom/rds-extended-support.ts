// Whether an RDS engine version bills Extended Support on a date, and in which year of it.
// AWS: charges start the day after the RDS end of standard support date (PostgreSQL 11: from
// 2024-04-01) and apply to Multi-AZ standbys; Extended Support lasts up to 3 years.
import type { PriceBook } from '../pricing/price-book.js';
import type { RdsEngineVersionRecord } from '../pricing/snapshot-types.js';

export type ExtendedSupportOn =
  | { readonly status: 'standard' }
  | { readonly status: 'not-yet-billed'; readonly version: RdsEngineVersionRecord }
  | { readonly status: 'extended'; readonly year: 1 | 2 | 3; readonly version: RdsEngineVersionRecord }
  | { readonly status: 'ended'; readonly version: RdsEngineVersionRecord }
  | { readonly status: 'unknown'; readonly major: string };

/** The major version of "12.22" (PostgreSQL 10+: the first number) or "5.7.44" (MySQL: the first two). */
export function rdsMajorVersion(engine: 'postgresql' | 'mysql', version: string): string {
  const parts = version.split('.');
  return engine === 'mysql' || Number(parts[0]) < 10 ? parts.slice(0, 2).join('.') : parts[0]!;
}

/** The support status of `engine` `version` on `date` (YYYY-MM-DD, UTC days) from the book's calendar. */
export function extendedSupportOn(book: PriceBook, engine: 'postgresql' | 'mysql', version: string, date: string): ExtendedSupportOn {
  const major = rdsMajorVersion(engine, version);
  const v = book.rdsEngineVersion(engine, major);
  if (!v) return { status: 'unknown', major };
  if (date <= v.endOfStandardSupport) return { status: 'standard' };
  if (date > v.endOfExtendedSupport) return { status: 'ended', version: v };
  if (date < v.chargesFrom) return { status: 'not-yet-billed', version: v };
  // Year k starts k−1 years after the day after the end of standard support.
  const start = nextDay(v.endOfStandardSupport);
  const year = date < addYears(start, 1) ? 1 : date < addYears(start, 2) ? 2 : 3;
  return { status: 'extended', year, version: v };
}

/** Instances that bill Extended Support for one database of a deployment: standbys and readable standbys count. */
export const INSTANCES_PER_DEPLOYMENT = { 'single-az': 1, 'multi-az': 2, 'multi-az-cluster': 3 } as const;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
