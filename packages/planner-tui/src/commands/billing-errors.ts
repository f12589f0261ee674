import { BillingError } from '@tier-planner/aws-billing';
import { UsageError } from '../cli/usage-error.js';

/** A path, month, format or column that cannot be read, or a month with no data, is bad input (exit 2); the rest are failures (exit 1). */
export async function asCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BillingError && (e.reason === 'bad_input' || e.reason === 'no_data')) throw new UsageError(e.message);
    throw e;
  }
}
