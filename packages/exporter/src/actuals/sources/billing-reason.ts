import { BillingError } from '@tier-planner/aws-billing';
import { classifyError, RefreshError, type RefreshErrorReason } from '../refresh-error.js';

const REASONS: Readonly<Record<BillingError['reason'], RefreshErrorReason>> = {
  bad_input: 'bad_input',
  no_data: 'no_data',
  query_failed: 'query_failed',
  timeout: 'timeout',
  network: 'network',
  credentials: 'no_credentials',
};

/** A failed read of an export as a refresh error (the reason label of tier_planner_refresh_errors_total). */
export function exportRefreshError(e: unknown, what: string): RefreshError {
  if (e instanceof BillingError) return new RefreshError(REASONS[e.reason], `${what} failed (${REASONS[e.reason]}): ${e.message}`, { cause: e });
  // An SDK error from Athena's client, or a socket: sorted as Cost Explorer's are.
  return classifyError(e, what);
}
