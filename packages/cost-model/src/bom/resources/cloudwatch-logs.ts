import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface CloudWatchLogsResource {
  readonly ingestedGb: number;
  readonly storedGb?: number;
  /** GB Logs Insights queries scan a month. */
  readonly insightsScannedGb?: number;
}

export const cloudWatchLogs: ResourceType<CloudWatchLogsResource> = {
  type: 'cloudwatch_logs',
  description: 'CloudWatch Logs ingestion, archival storage and Logs Insights queries',
  fields: { ingestedGb: { kind: 'number', required: true }, storedGb: { kind: 'number' }, insightsScannedGb: { kind: 'number' } },
  toDrafts: (r) => [
    { service: 'CloudWatch', resource: r.name, component: 'Log data ingested', quantity: dec(r.ingestedGb), unit: 'GB', price: { kind: 'dimension', key: 'cloudwatch/logs/ingested' } },
    ...(r.storedGb ? [{ service: 'CloudWatch', resource: r.name, component: 'Log archival storage', quantity: dec(r.storedGb), unit: 'GB-months', price: { kind: 'dimension' as const, key: 'cloudwatch/logs/storage' } }] : []),
    ...(r.insightsScannedGb ? [{ service: 'CloudWatch', resource: r.name, component: 'Logs Insights data scanned', quantity: dec(r.insightsScannedGb), unit: 'GB', price: { kind: 'dimension' as const, key: 'cloudwatch/logs/insights-scanned' } }] : []),
  ],
};
