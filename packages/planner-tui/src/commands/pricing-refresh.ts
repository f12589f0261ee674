import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usage-error.js';

/** `tier-planner pricing refresh --region R`: wired to the live refresh once it lands. */
export function pricingRefresh(_argv: readonly string[], _io: CliIo): number {
  throw new UsageError('pricing refresh is not available in this build yet');
}
