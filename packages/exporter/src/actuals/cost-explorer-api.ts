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

export interface SendHooks {
  /** Called once the request has left the process (so Cost Explorer may bill it). */
  readonly onSent?: () => void;
}

/** The two Cost Explorer calls the exporter makes (ce:GetCostAndUsage, ce:GetCostForecast); tests may fake it. */
export interface CostExplorerApi {
  getCostAndUsage(input: GetCostAndUsageCommandInput, hooks?: SendHooks): Promise<GetCostAndUsageCommandOutput>;
  getCostForecast(input: GetCostForecastCommandInput, hooks?: SendHooks): Promise<GetCostForecastCommandOutput>;
  destroy(): void;
}

// Errors that mean no connection was ever made: nothing reached AWS, so nothing was billed.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

interface Stackable {
  middlewareStack: { addRelativeTo(mw: unknown, options: { relation: 'after'; toMiddleware: string; name: string }): void };
}

/**
 * Reports a command as sent once it is signed and handed to the HTTP layer and a connection was
 * made. Credential and signing failures happen before this point and are never reported.
 */
function reportSent<C extends Stackable>(command: C, hooks: SendHooks | undefined): C {
  const onSent = hooks?.onSent;
  if (!onSent) return command;
  const middleware = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
    try {
      const out = await next(args);
      onSent();
      return out;
    } catch (e) {
      if (!NEVER_CONNECTED.has((e as { code?: string }).code ?? '')) onSent();
      throw e;
    }
  };
  command.middlewareStack.addRelativeTo(middleware, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'tierPlannerReportSent' });
  return command;
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
    getCostAndUsage: (input, hooks) => client.send(reportSent(new GetCostAndUsageCommand(input), hooks), timeout()),
    getCostForecast: (input, hooks) => client.send(reportSent(new GetCostForecastCommand(input), hooks), timeout()),
    destroy: () => client.destroy(),
  };
}
