import type { DimensionRule } from '../dimension-rule.js';
import { fixedRulesService, inRegion } from '../service-definition.js';

const CW = 'AmazonCloudWatch';

const rule = (key: string, description: string, unit: string, productFamily: string, usagetype: string, extra: Partial<DimensionRule> = {}): DimensionRule => ({
  key: `cloudwatch/${key}`,
  service: 'CloudWatch',
  description,
  unit,
  match: { serviceCode: CW, productFamily, usagetype },
  shape: 'flat',
  ...extra,
});

export const cloudwatchService = fixedRulesService({
  name: 'CloudWatch',
  queries: (region) => [
    ...['Data Payload', 'Storage Snapshot', 'Metric', 'Alarm'].map((productFamily) => inRegion(CW, region, { productFamily })),
    // Dashboards are priced once for all regions (no regionCode on the product).
    { serviceCode: CW, filters: { productFamily: 'Dashboard' } },
  ],
  rules: [
    rule('logs/ingested', 'Log data ingested', 'GB', 'Data Payload', 'DataProcessing-Bytes', { shape: 'first-tier' }),
    rule('logs/storage', 'Log archival storage', 'GB-months', 'Storage Snapshot', 'TimedStorage-ByteHrs'),
    rule('logs/insights-scanned', 'Logs Insights data scanned', 'GB', 'Data Payload', 'DataScanned-Bytes'),
    rule('metrics', 'Custom metrics (first 10k)', 'metric-months', 'Metric', 'CW:MetricMonitorUsage', { shape: 'first-tier' }),
    {
      ...rule('alarm/standard', 'Alarm metrics (standard resolution)', 'alarm-metric-months', 'Alarm', 'CW:AlarmMonitorUsage'),
      match: { serviceCode: CW, productFamily: 'Alarm', usagetype: 'CW:AlarmMonitorUsage', attributes: { alarmType: 'Standard' } },
    },
    rule('dashboard', 'Dashboards', 'dashboard-months', 'Dashboard', 'DashboardsUsageHour', { skipFreeTier: true }),
  ],
  regionAttributes: (region) => ({ regionCode: region }),
});
