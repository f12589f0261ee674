import type { GetCostAndUsageCommandOutput, GetCostForecastCommandOutput } from '@aws-sdk/client-cost-explorer';
import { isoDay } from '../actuals/calendar.js';
import type { CostExplorerApi, SendHooks } from '../actuals/cost-explorer-api.js';
import { answerCostAndUsage, answerForecast, type FakeSpendLine } from './fake-cost-explorer.js';
import { validateCostAndUsage, validateForecast, type CeRequest } from './fake-request-validation.js';

export interface InMemoryCall {
  readonly operation: 'GetCostAndUsage' | 'GetCostForecast';
  readonly at: number;
  readonly input: unknown;
}

/**
 * The fake Cost Explorer's answers without HTTP, for scheduler tests on a fake clock (thousands of
 * simulated requests). `fail` may throw an SDK-shaped error for a call.
 */
export function inMemoryCostExplorer(options: { spend: readonly FakeSpendLine[]; now: () => number; pageSize?: number; fail?: (call: InMemoryCall) => Error | undefined }): CostExplorerApi & { calls: InMemoryCall[] } {
  const calls: InMemoryCall[] = [];
  const meta = { $metadata: { httpStatusCode: 200 } };
  // Every call reaches the (simulated) server, so it counts as sent, failed or not.
  const call = (operation: InMemoryCall['operation'], input: unknown, hooks: SendHooks | undefined) => {
    const c = { operation, at: options.now(), input };
    calls.push(c);
    hooks?.onSent?.();
    const error = options.fail?.(c);
    if (error) throw error;
  };
  return {
    calls,
    async getCostAndUsage(input, hooks) {
      call('GetCostAndUsage', input, hooks);
      const problem = validateCostAndUsage(input as CeRequest);
      if (problem) throw sdkError('ValidationException');
      return { ...(answerCostAndUsage(input as CeRequest, options.spend, '111111111111', options.pageSize ?? 1000, isoDay(options.now())) as object), ...meta } as GetCostAndUsageCommandOutput;
    },
    async getCostForecast(input, hooks) {
      call('GetCostForecast', input, hooks);
      const problem = validateForecast(input as CeRequest, isoDay(options.now()));
      if (problem) throw Object.assign(sdkError('ValidationException'), { message: problem });
      return { ...(answerForecast(input as CeRequest, options.spend, '111111111111') as object), ...meta } as GetCostForecastCommandOutput;
    },
    destroy() {},
  };
}

/** An error shaped like the SDK's service exceptions. */
export function sdkError(name: string, status = 400): Error {
  return Object.assign(new Error(`${name} (simulated)`), { name, $metadata: { httpStatusCode: status } });
}
