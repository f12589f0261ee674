import { dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface CloudWatchLogsResource {
  readonly ingestedGb: number;
  readonly storedGb?: number;
}

export const cloudWatchLogs: ResourceType<CloudWatchLogsResource> = {
  type: 'cloudwatch_logs',
  description: 'CloudWatch Logs ingestion and archival storage',
  fields: { ingestedGb: { kind: 'number', required: true }, storedGb: { kind: 'number' } },
  toDrafts: (r) => [
    { service: 'CloudWatch', resource: r.name, component: 'Log data ingested', quantity: dec(r.ingestedGb), unit: 'GB', price: { kind: 'dimension', key: 'cloudwatch/logs/ingested' } },
    ...(r.storedGb ? [{ service: 'CloudWatch', resource: r.name, component: 'Log archival storage', quantity: dec(r.storedGb), unit: 'GB-months', price: { kind: 'dimension' as const, key: 'cloudwatch/logs/storage' } }] : []),
  ],
};
