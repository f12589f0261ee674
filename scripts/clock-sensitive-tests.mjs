// Which tests read dates (billing months, refresh schedules, snapshot dates), and the instants at
// which `npm test` runs them again under libfaketime, so the suite is shown to pass on any date.
import { existsSync } from 'node:fs';

/** vitest path filters: every test of the exporter, the price refresh, the bill readers, plan files and plan dates. */
export const CLOCK_SENSITIVE_TESTS = [
  'packages/exporter/src/',
  'test/exporter/',
  'packages/aws-pricing/src/',
  'packages/aws-billing/src/',
  'test/cli/export-focus-bin.test.ts',
  'test/cli/pricing-refresh-bin.test.ts',
  'packages/cost-model/src/plan-document/',
  'test/cli/plan-json-schema.test.ts',
  'test/cli/bin-basics.test.ts',
  'packages/planner-tui/src/cli/plan-date.test.ts',
  'test/dates/',
];

/** The first seconds of a month, a leap day, the last seconds of a year (all UTC). */
export const FAKE_INSTANTS = ['2026-12-01T00:00:30Z', '2028-02-29T12:00:00Z', '2026-12-31T23:59:30Z'];

const CANDIDATES = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'];

/** Debian's libfaketime, or undefined when the `faketime` package is not installed. */
export function findLibfaketime() {
  const fromEnv = process.env.TIER_PLANNER_LIBFAKETIME;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}
