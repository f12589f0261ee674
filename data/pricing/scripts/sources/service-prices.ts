import type { PriceDimension } from '@tier-planner/cost-model';
import { flat, tiered, type FactRows } from './fact-rows.js';

const GB_PER_TB = 1024;

/**
 * Every non-EC2 AWS dimension of the embedded snapshot, with the fact row it comes from.
 * Keys are `<service>/<resource>/<dimension>`; the model prices by key only.
 */
export function buildServicePrices(f: FactRows): PriceDimension[] {
  const g = f.golden1.bind(f);
  const m = f.managed1.bind(f);
  const out: PriceDimension[] = [
    // EKS control plane. Extended support is $0.60/h in total, not on top of standard support.
    flat('eks/cluster/standard-support', 'EKS', 'EKS cluster, standard support', 'hours', g('EKS', /^Cluster, standard support/)),
    flat('eks/cluster/extended-support', 'EKS', 'EKS cluster, extended support (total, replaces standard)', 'hours', g('EKS', /^"?Cluster, extended support/)),

    // EBS
    flat('ebs/gp3/storage', 'EBS', 'Storage (general purpose SSD, gp3)', 'GB-months', g('EBS', /^gp3 storage/)),
    flat('ebs/gp3/iops', 'EBS', 'Provisioned IOPS (gp3, above 3,000 included)', 'IOPS-months', g('EBS', /^gp3 provisioned IOPS/)),
    flat('ebs/gp3/throughput', 'EBS', 'Provisioned throughput (gp3, above 125 MB/s included)', 'MBps-months', g('EBS', /gp3 provisioned throughput/)),
    flat('ebs/gp2/storage', 'EBS', 'Storage (general purpose SSD, gp2)', 'GB-months', g('EBS', /^gp2 storage/)),
    flat('ebs/io1/storage', 'EBS', 'Storage (provisioned IOPS SSD, io1)', 'GB-months', g('EBS', /^io1 storage/)),
    flat('ebs/io1/iops', 'EBS', 'Provisioned IOPS (io1)', 'IOPS-months', g('EBS', /^io1 provisioned IOPS/)),
    flat('ebs/io2/storage', 'EBS', 'Storage (provisioned IOPS SSD, io2)', 'GB-months', g('EBS', /^io2 storage/)),
    flat('ebs/io2/iops', 'EBS', 'Provisioned IOPS (io2, first 32,000)', 'IOPS-months', g('EBS', /^io2 provisioned IOPS/), {
      note: 'only the first io2 IOPS tier is in the sources; higher tiers are cheaper',
    }),
    flat('ebs/st1/storage', 'EBS', 'Storage (throughput optimized HDD, st1)', 'GB-months', g('EBS', /^st1 storage/)),
    flat('ebs/sc1/storage', 'EBS', 'Storage (cold HDD, sc1)', 'GB-months', g('EBS', /^sc1 storage/)),
    flat('ebs/snapshot/storage', 'EBS', 'EBS snapshot storage', 'GB-months', g('EBS', /^snapshot storage/)),

    // S3
    tiered('s3/standard/storage', 'S3', 'Storage (S3 Standard)', 'GB-months', [
      { upTo: String(50 * GB_PER_TB), picked: m({ service: 'S3', class_or_dimension: 'Standard storage, first 50 TB' }) },
      { upTo: String(500 * GB_PER_TB), picked: m({ service: 'S3', class_or_dimension: 'Standard storage, next 450 TB' }) },
      { upTo: null, picked: m({ service: 'S3', class_or_dimension: 'Standard storage, over 500 TB' }) },
    ]),
    flat('s3/standard/put-requests', 'S3', 'PUT, COPY, POST, LIST requests (S3 Standard)', '1k requests', g('S3', /^Standard PUT/)),
    flat('s3/standard/get-requests', 'S3', 'GET, SELECT and other requests (S3 Standard)', '1k requests', g('S3', /^Standard GET/)),
    flat('s3/standard-ia/storage', 'S3', 'Storage (S3 Standard-IA)', 'GB-months', g('S3', /^Standard-IA storage/)),
    flat('s3/standard-ia/put-requests', 'S3', 'PUT, COPY, POST, LIST requests (S3 Standard-IA)', '1k requests', g('S3', /^Standard-IA PUT/)),
    flat('s3/standard-ia/get-requests', 'S3', 'GET, SELECT and other requests (S3 Standard-IA)', '1k requests', g('S3', /^Standard-IA GET/)),
    flat('s3/standard-ia/retrieval', 'S3', 'Data retrieval (S3 Standard-IA)', 'GB', g('S3', /^Standard-IA retrievals/)),
    flat('s3/one-zone-ia/storage', 'S3', 'Storage (S3 One Zone-IA)', 'GB-months', g('S3', /^One Zone-IA storage/)),
    flat('s3/glacier-instant/storage', 'S3', 'Storage (S3 Glacier Instant Retrieval)', 'GB-months', m({ service: 'S3', class_or_dimension: 'Glacier Instant Retrieval storage' })),
    flat('s3/glacier-instant/retrieval', 'S3', 'Data retrieval (S3 Glacier Instant Retrieval)', 'GB', m({ service: 'S3', class_or_dimension: 'Glacier Instant Retrieval data retrieval' })),
    flat('s3/glacier-flexible/storage', 'S3', 'Storage (S3 Glacier Flexible Retrieval)', 'GB-months', g('S3', /^Glacier Flexible Retrieval storage/)),
    flat('s3/deep-archive/storage', 'S3', 'Storage (S3 Glacier Deep Archive)', 'GB-months', g('S3', /^Glacier Deep Archive storage/)),
    flat('s3/deep-archive/put-requests', 'S3', 'PUT, COPY, POST, LIST requests (S3 Glacier Deep Archive)', '1k requests', g('S3', /^Glacier Deep Archive PUT/)),
    flat('s3/intelligent-tiering/frequent-storage', 'S3', 'Storage (S3 Intelligent-Tiering, frequent access)', 'GB-months', g('S3', /^Intelligent-Tiering frequent/)),
    flat('s3/intelligent-tiering/monitoring', 'S3', 'Monitoring and automation (S3 Intelligent-Tiering)', '1k objects', g('S3', /^Intelligent-Tiering monitoring/)),

    // ECR
    flat('ecr/storage', 'ECR', 'Storage (ECR images)', 'GB-months', g('ECR', /^Storage/)),

    // VPC
    flat('vpc/nat-gateway/hours', 'VPC', 'NAT gateway', 'hours', g('VPC', /^NAT gateway \[/)),
    flat('vpc/nat-gateway/data-processed', 'VPC', 'Data processed (NAT gateway)', 'GB', g('VPC', /^NAT gateway data processed/)),
    flat('vpc/public-ipv4/hours', 'VPC', 'Public IPv4 address (in use)', 'hours', m({ service: 'VPC', class_or_dimension: /^public IPv4 address, in use/ })),

    // Elastic Load Balancing
    flat('elb/alb/hours', 'ELB', 'Application load balancer', 'hours', g('ELB', /^Application load balancer/)),
    flat('elb/alb/lcu-hours', 'ELB', 'Load balancer capacity units (ALB)', 'LCU-hours', g('ELB', /^ALB capacity units/)),
    flat('elb/nlb/hours', 'ELB', 'Network load balancer', 'hours', g('ELB', /^Network load balancer/)),
    flat('elb/nlb/nlcu-hours', 'ELB', 'Load balancer capacity units (NLB)', 'NLCU-hours', g('ELB', /^NLB capacity units/)),

    // Data transfer. The first 100 GB a month out to the internet are free per account: an allowance.
    tiered('data-transfer/internet-out', 'Data Transfer', 'Data transfer out to the internet', 'GB', [
      { upTo: String(10 * GB_PER_TB), picked: g('Data Transfer', /^Outbound to Internet \(first 10TB\)/) },
      { upTo: String(50 * GB_PER_TB), picked: g('Data Transfer', /^Outbound to Internet \(next 40TB\)/) },
      { upTo: String(150 * GB_PER_TB), picked: g('Data Transfer', /^Outbound to Internet \(next 100TB\)/) },
      { upTo: null, picked: g('Data Transfer', /^Outbound to Internet \(over 150TB\)/) },
    ], 'the over-150 TB figure is read from a us-east-2 line; third-party tables give the same rate for us-east-1'),
    flat('data-transfer/inter-az', 'Data Transfer', 'Data transfer between availability zones (per direction)', 'GB', g('Data Transfer', /^Intra-region/)),
    flat('data-transfer/to-us-east-regions', 'Data Transfer', 'Data transfer to US East regions', 'GB', g('Data Transfer', /^Outbound to US East regions/)),
    flat('data-transfer/inter-region', 'Data Transfer', 'Data transfer to other regions', 'GB', g('Data Transfer', /^Outbound to other regions/)),

    // Fargate (ECS and EKS share the rates).
    flat('fargate/linux-x86/vcpu-hours', 'Fargate', 'Fargate vCPU (Linux, x86)', 'vCPU-hours', m({ service: 'Fargate', engine: 'Linux/x86', deployment: 'on-demand', class_or_dimension: /^vCPU/ }), { sku: 'USE1-Fargate-vCPU-Hours:perCPU' }),
    flat('fargate/linux-x86/gb-hours', 'Fargate', 'Fargate memory (Linux, x86)', 'GB-hours', m({ service: 'Fargate', engine: 'Linux/x86', deployment: 'on-demand', class_or_dimension: /^memory/ }), { sku: 'USE1-Fargate-GB-Hours' }),
    flat('fargate/linux-arm64/vcpu-hours', 'Fargate', 'Fargate vCPU (Linux, Arm)', 'vCPU-hours', m({ service: 'Fargate', engine: 'Linux/ARM64', class_or_dimension: /^vCPU/ }), { sku: 'USE1-Fargate-ARM-vCPU-Hours:perCPU' }),
    flat('fargate/linux-arm64/gb-hours', 'Fargate', 'Fargate memory (Linux, Arm)', 'GB-hours', m({ service: 'Fargate', engine: 'Linux/ARM64', class_or_dimension: /^memory/ }), { sku: 'USE1-Fargate-ARM-GB-Hours' }),
    flat('fargate/ephemeral-storage/gb-hours', 'Fargate', 'Fargate ephemeral storage above 20 GB', 'GB-hours', m({ service: 'Fargate', class_or_dimension: /^ephemeral storage/ }), { sku: 'USE1-Fargate-EphemeralStorage-GB-Hours' }),
    flat('fargate-spot/linux-x86/vcpu-hours', 'Fargate', 'Fargate Spot vCPU (Linux, x86)', 'vCPU-hours', m({ service: 'Fargate', deployment: 'spot', class_or_dimension: /vCPU/ }), { purchaseOption: 'spot', approximate: true, note: 'Fargate Spot prices float; this is an approximate 2026 figure' }),
    flat('fargate-spot/linux-x86/gb-hours', 'Fargate', 'Fargate Spot memory (Linux, x86)', 'GB-hours', m({ service: 'Fargate', deployment: 'spot', class_or_dimension: /memory/ }), { purchaseOption: 'spot', approximate: true, note: 'Fargate Spot prices float; this is an approximate 2026 figure' }),

    // CloudWatch
    flat('cloudwatch/logs/ingested', 'CloudWatch', 'Log data ingested', 'GB', g('CloudWatch', /^Logs data ingested/)),
    flat('cloudwatch/logs/storage', 'CloudWatch', 'Log archival storage', 'GB-months', g('CloudWatch', /^Logs archival storage/)),
    flat('cloudwatch/logs/insights-scanned', 'CloudWatch', 'Logs Insights data scanned', 'GB', g('CloudWatch', /^Logs Insights/)),
    flat('cloudwatch/metrics', 'CloudWatch', 'Custom metrics (first 10k)', 'metric-months', g('CloudWatch', /^Metrics, first tier/)),
    flat('cloudwatch/dashboard', 'CloudWatch', 'Dashboards', 'dashboard-months', g('CloudWatch', /^Dashboard/)),
    flat('cloudwatch/alarm/standard', 'CloudWatch', 'Alarm metrics (standard resolution)', 'alarm-metric-months', g('CloudWatch', /^Alarm, standard resolution/)),

    // Secrets Manager, Route 53, KMS
    flat('secretsmanager/secrets', 'Secrets Manager', 'Secrets', 'secret-months', g('Secrets Manager', /^Secret \[/)),
    flat('secretsmanager/api-requests', 'Secrets Manager', 'API requests', '10k requests', g('Secrets Manager', /^API requests/)),
    flat('route53/hosted-zone', 'Route 53', 'Hosted zone', 'zone-months', g('Route 53', /^Hosted zone/)),
    tiered('route53/standard-queries', 'Route 53', 'Standard queries', '1M queries', [
      { upTo: '1000', picked: g('Route 53', /^Standard queries \(first 1B\)/) },
      { upTo: null, picked: g('Route 53', /^Standard queries \(over 1B\)/) },
    ]),
    flat('kms/customer-managed-key', 'KMS', 'Customer managed key', 'key-months', g('KMS', /^Customer managed key/)),
    flat('kms/requests', 'KMS', 'Requests (symmetric)', '10k requests', g('KMS', /^Requests \(symmetric\)/)),

    // EC2 extras priced outside the instance catalog
    flat('ec2/cpu-credits/t3', 'EC2', 'CPU credits (t3/t3a/t4g unlimited)', 'vCPU-hours', g('EC2', /^CPU credits, t3 unlimited/)),
    flat('ec2/elastic-ip/idle', 'EC2', 'Elastic IP address (unattached)', 'hours', g('EC2', /^Elastic IP address/)),

    // MSK storage and serverless
    flat('msk/storage', 'MSK', 'Broker storage (EBS)', 'GB-months', m({ service: 'MSK', class_or_dimension: /^broker storage/ }), { sku: 'USE1-Kafka.Storage.GP2' }),
    flat('msk/provisioned-throughput', 'MSK', 'Provisioned storage throughput', 'MBps-months', m({ service: 'MSK', class_or_dimension: /^provisioned storage throughput/ }), { sku: 'USE1-Kafka.Throughput' }),
    flat('msk/serverless/cluster-hours', 'MSK', 'MSK Serverless cluster', 'cluster-hours', m({ service: 'MSK', class_or_dimension: /^Serverless cluster/ })),
    flat('msk/serverless/partition-hours', 'MSK', 'MSK Serverless partitions', 'partition-hours', m({ service: 'MSK', class_or_dimension: /^Serverless partition/ })),
    flat('msk/serverless/storage', 'MSK', 'MSK Serverless storage', 'GiB-months', m({ service: 'MSK', class_or_dimension: /^Serverless storage/ })),
    flat('msk/serverless/data-in', 'MSK', 'MSK Serverless data in', 'GiB', m({ service: 'MSK', class_or_dimension: /^Serverless data in/ })),
    flat('msk/serverless/data-out', 'MSK', 'MSK Serverless data out', 'GiB', m({ service: 'MSK', class_or_dimension: /^Serverless data out/ })),

    // ElastiCache extras
    flat('elasticache/backup-storage', 'ElastiCache', 'Backup storage', 'GB-months', g('ElastiCache', /^Backup storage/)),

    // RDS storage (per deployment; Multi-AZ storage is listed at its own price)
    flat('rds/gp2/storage/single-az', 'RDS', 'Storage (general purpose SSD, gp2, Single-AZ)', 'GB-months', g('RDS', /^gp2 storage Single-AZ/)),
    flat('rds/gp2/storage/multi-az', 'RDS', 'Storage (general purpose SSD, gp2, Multi-AZ)', 'GB-months', g('RDS', /^gp2 storage Multi-AZ/)),
    flat('rds/backup-storage', 'RDS', 'Backup storage beyond the free allocation', 'GB-months', g('RDS', /^additional backup storage/)),
  ];

  out.push(...rdsDimensions(f), ...elastiCacheDimensions(f), ...mskBrokerDimensions(f));
  return out;
}

const DEPLOYMENT_KEY: Record<string, string> = {
  'Single-AZ': 'single-az',
  'Multi-AZ': 'multi-az',
  'Multi-AZ DB cluster (2 readable standbys)': 'multi-az-cluster',
};

function rdsDimensions(f: FactRows): PriceDimension[] {
  const out: PriceDimension[] = [];
  for (const row of f.managedRows('RDS')) {
    const engine = row.engine!.toLowerCase();
    const deployment = DEPLOYMENT_KEY[row.deployment!];
    if (!deployment) throw new Error(`RDS row with unknown deployment ${row.deployment}`);
    const picked = f.fromManaged(row);
    const dim = row.class_or_dimension!;
    if (dim.startsWith('db.')) {
      const cluster = deployment === 'multi-az-cluster';
      out.push(
        flat(`rds/${engine}/${dim}/${deployment}`, 'RDS', `${row.engine} ${dim} (${row.deployment})`, cluster ? 'cluster-hours' : 'hours', picked, {
          spec: specOf(row),
          ...(cluster ? { note: 'listed price for the deployment option "Multi-AZ readable standbys"; the source does not say whether it covers all 3 instances' } : {}),
        }),
      );
    } else if (dim === 'storage gp3') {
      out.push(flat(`rds/${engine}/gp3/storage/${deployment}`, 'RDS', `Storage (gp3, ${row.engine}, ${row.deployment})`, 'GB-months', picked));
    } else if (dim === 'gp3 provisioned IOPS') {
      out.push(flat(`rds/${engine}/gp3/iops/${deployment}`, 'RDS', `Provisioned IOPS above baseline (gp3, ${row.engine}, ${row.deployment})`, 'IOPS-months', picked));
    } else {
      throw new Error(`RDS row not mapped: ${dim}`);
    }
  }
  return out;
}

function elastiCacheDimensions(f: FactRows): PriceDimension[] {
  const out: PriceDimension[] = [];
  for (const row of f.managedRows('ElastiCache')) {
    const engine = row.engine === 'Redis OSS' ? 'redis' : row.engine === 'Valkey' ? 'valkey' : undefined;
    if (!engine) throw new Error(`ElastiCache engine not mapped: ${row.engine}`);
    const dim = row.class_or_dimension!;
    const picked = f.fromManaged(row);
    if (dim.startsWith('cache.')) {
      out.push(flat(`elasticache/${engine}/${dim}`, 'ElastiCache', `${row.engine} ${dim} node`, 'node-hours', picked, { spec: specOf(row) }));
    } else if (dim === 'Serverless data stored') {
      out.push(flat(`elasticache/${engine}/serverless/data-stored`, 'ElastiCache', `${row.engine} Serverless data stored`, 'GB-hours', picked));
    } else if (dim === 'Serverless ECPU') {
      out.push(flat(`elasticache/${engine}/serverless/ecpu`, 'ElastiCache', `${row.engine} Serverless ElastiCache Processing Units`, 'ECPUs', picked));
    } else {
      throw new Error(`ElastiCache row not mapped: ${dim}`);
    }
  }
  return out;
}

function mskBrokerDimensions(f: FactRows): PriceDimension[] {
  return f
    .managedRows('MSK')
    .filter((r) => r.class_or_dimension!.startsWith('kafka.'))
    .map((row) => flat(`msk/broker/${row.class_or_dimension}`, 'MSK', `Broker ${row.class_or_dimension}`, 'broker-hours', f.fromManaged(row), { spec: specOf(row) }));
}

function specOf(row: Readonly<Record<string, string>>): { vcpu: number; memoryGiB: number } {
  const vcpu = Number(row.vcpu);
  const memoryGiB = Number(row.memory_gib);
  if (!(vcpu > 0) || !(memoryGiB > 0)) throw new Error(`no vCPU/memory in row ${row.class_or_dimension}`);
  return { vcpu, memoryGiB };
}
