import type { Assumption } from '../workload/assumptions.js';

interface PlanDefault {
  readonly value: number;
  readonly unit: string;
  readonly why: string;
}

/**
 * Model constants beyond the workload: how storage, network and CI quantities follow from demand.
 * Each is reported in the plan's assumptions; docs/methodology.md gives the reasoning.
 */
export const PLAN_DEFAULTS = {
  hpaTargetUtilization: { value: 0.7, unit: 'ratio', why: 'HPA target CPU utilisation: replicas run at 70% of their CPU request at the peak' },
  rootVolumeGb: { value: 20, unit: 'GB', why: 'gp3 root volume per node (EKS AMI default size)' },
  imageGb: { value: 0.5, unit: 'GB', why: 'compressed container image size per service, when the profile does not give one' },
  databaseHeadroom: { value: 1.25, unit: 'ratio', why: 'database storage provisioned 25% above the data it holds' },
  objectAgeSpanDays: { value: 365, unit: 'days', why: 'stored objects were written at a steady rate over the last year (drives the S3 lifecycle split)' },
  s3GetsPerRequest: { value: 0.05, unit: 'ratio', why: 'S3 GET requests per API request (most reads are served from the database or a CDN)' },
  natShareOfEgress: { value: 0.1, unit: 'ratio', why: 'traffic leaving private subnets through NAT (image pulls, third-party APIs) as a share of internet egress' },
  interAzShareOfEgress: { value: 0.5, unit: 'ratio', why: 'service-to-service and database traffic crossing AZs once HA spreads pods, as a share of internet egress' },
  requestsPerConnection: { value: 10, unit: 'requests', why: 'HTTP keep-alive requests per new load balancer connection (for LCUs)' },
  dnsQueriesPerActiveUserPerDay: { value: 10, unit: 'queries', why: 'Route 53 queries per active user a day after resolver caching' },
  prometheusHeadroom: { value: 1.2, unit: 'ratio', why: 'Prometheus volume sized 20% above its retained samples (WAL, compaction)' },
  elasticsearchOverhead: { value: 1.5, unit: 'ratio', why: 'Elasticsearch index size against raw log bytes (inverted index, doc values)' },
  jenkinsHomeGb: { value: 50, unit: 'GB', why: 'gp3 volume for the Jenkins controller home (jobs, build history, plugins)' },
  accountFreeDataTransferGb: { value: 100, unit: 'GB', why: 'the account\'s free data transfer out each month (applies once per account: turn off if shared)' },
} as const satisfies Record<string, PlanDefault>;

export type PlanDefaultKey = keyof typeof PLAN_DEFAULTS;

export function planAssumption(key: PlanDefaultKey, value: number = PLAN_DEFAULTS[key].value): Assumption {
  const d = PLAN_DEFAULTS[key];
  return { name: key, value, unit: d.unit, why: d.why, defaulted: value === d.value };
}
