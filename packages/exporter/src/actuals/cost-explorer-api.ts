import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
  type GetCostForecastCommandInput,
  type GetCostForecastCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type { CostExplorerConfig } from '../config/config-types.js';

/** The two Cost Explorer calls the exporter makes (ce:GetCostAndUsage, ce:GetCostForecast); tests may fake it. */
export interface CostExplorerApi {
  getCostAndUsage(input: GetCostAndUsageCommandInput): Promise<GetCostAndUsageCommandOutput>;
  getCostForecast(input: GetCostForecastCommandInput): Promise<GetCostForecastCommandOutput>;
  destroy(): void;
}

/** The real SDK client. Its own retries are off: every attempt must pass the request budget. */
export function sdkCostExplorer(config: CostExplorerConfig): CostExplorerApi {
  const client = new CostExplorerClient({
    region: config.region,
    maxAttempts: 1,
    ...(config.profile ? { profile: config.profile } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    requestHandler: { requestTimeout: config.requestTimeoutMs, connectionTimeout: Math.min(config.requestTimeoutMs, 10_000) },
  });
  const timeout = () => ({ abortSignal: AbortSignal.timeout(config.requestTimeoutMs) });
  return {
    getCostAndUsage: (input) => client.send(new GetCostAndUsageCommand(input), timeout()),
    getCostForecast: (input) => client.send(new GetCostForecastCommand(input), timeout()),
    destroy: () => client.destroy(),
  };
}
