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
  systemPodCpuShare: { value: 0.5, unit: 'ratio', why: 'share of their CPU request cluster add-ons and DaemonSets use around the clock, held against a burstable node\'s CPU baseline (tier-planner assumption)' },
  privateSubnetPrefix: { value: 19, unit: 'prefix length', why: 'private subnet per AZ for nodes and pods: a /19 (8,192 addresses, 8,187 usable after the 5 AWS reserves), checked against one VPC address per pod and node (tier-planner assumption)' },
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
  cdnStaticKiBPerRequest: { value: 30, unit: 'KiB', why: 'tier-planner assumption: static assets (scripts, styles, images) CloudFront serves per API request, after browser caching' },
  cdnStaticRequestsPerRequest: { value: 1, unit: 'requests', why: 'tier-planner assumption: static-asset requests to CloudFront per API request, after browser caching' },
  wafRules: { value: 5, unit: 'rules', why: 'tier-planner assumption: rules and rule groups in the web ACL (a managed common rule set, known bad inputs, IP reputation, a rate limit, one custom rule)' },
  backupRetentionDays: { value: 7, unit: 'days', why: 'tier-planner assumption: days RDS keeps automated backups and daily EBS snapshots are kept' },
  backupDailyChangedShare: { value: 0.05, unit: 'ratio', why: 'tier-planner assumption: share of the data that changes a day (incremental snapshots and transaction logs keep it once per day retained)' },
  natShareToS3: { value: 0.5, unit: 'ratio', why: 'tier-planner assumption: share of the NAT bytes going to S3 (image layers, objects), which an S3 gateway endpoint carries for free' },
  natShareToAwsApis: { value: 0.3, unit: 'ratio', why: 'tier-planner assumption: share of the NAT bytes going to the AWS APIs the interface endpoints serve (ECR, CloudWatch Logs, STS, Secrets Manager)' },
  typeChangeMargin: { value: 0.05, unit: 'ratio', why: 'tier-planner assumption: along a ladder, a node type is kept unless another saves more than this share of the plan\'s monthly cost (fewer changes to roll out); a type left is never chosen again' },
  accountFreeDataTransferGb: { value: 100, unit: 'GB', why: 'the account\'s free data transfer out each month (applies once per account: turn off if shared)' },
} as const satisfies Record<string, PlanDefault>;

export type PlanDefaultKey = keyof typeof PLAN_DEFAULTS;

export function planAssumption(key: PlanDefaultKey, value: number = PLAN_DEFAULTS[key].value): Assumption {
  const d = PLAN_DEFAULTS[key];
  return { name: key, value, unit: d.unit, why: d.why, defaulted: value === d.value };
}
