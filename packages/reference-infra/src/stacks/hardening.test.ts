// Hardening and the first deploy, asserted on the synthesized Terraform JSON. Each switch is a
// Terraform bool that defaults to on; docs/infra.md ("Hardening") lists the opt-outs.
import { describe, expect, it } from 'vitest';
import { CLOUDWATCH_RETENTION_DAYS, retentionAtLeast } from '../constructs/log-retention.js';
import { only, plan, resources, specOf, synthPlan, type TfJson } from '../testing/plans.js';
import { synthesize } from './build-app.js';

const eks = synthPlan(plan(10_000, 'eks-web-app'));
const eksWithStores = synthPlan(plan(10_000, 'microservices-mysql'));
const fargate = synthPlan(plan(10_000, 'trading-fargate'));
const selfManaged = synthPlan(plan(10_000, 'trading-k8s-self-managed'));
// The self-managed profile plans no data store: give it the Fargate plan's database and cache.
const withStores = specOf(plan(10_000, 'trading-fargate'));
const selfManagedWithStores = synthesize({ ...specOf(plan(10_000, 'trading-k8s-self-managed')), rds: withStores.rds!, cache: withStores.cache! });
const everyPlatform = [eks, eksWithStores, fargate, selfManaged];

/** The Terraform address (`type.name`) of the only resource of a type. */
const addressOf = (tf: TfJson, type: string): string => {
  const names = Object.keys(tf.resource?.[type] ?? {});
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
};
const countOf = (switchName: string) => `\${var.${switchName} ? 1 : 0}`;
/** A resource's attribute through `one(…[*].…)`: the reference that is null while its switch is off. */
const oneOf = (address: string, attribute: string) => `one(${address}[*].${attribute})`;

function expectSwitchOnByDefault(tf: TfJson, name: string): void {
  expect(tf.variable[name], name).toEqual(expect.objectContaining({ type: 'bool', default: true, nullable: false }));
  expect(String(tf.variable[name].description).length, name).toBeGreaterThan(20);
}

describe('EKS', () => {
  const cluster = only(eks, 'aws_eks_cluster');
  const key = addressOf(eks, 'aws_kms_key');

  it('encrypts Kubernetes secrets with its own rotating KMS key, which the cluster role may use', () => {
    expectSwitchOnByDefault(eks, 'eks_secrets_encryption');
    expect(only(eks, 'aws_kms_key')).toEqual(expect.objectContaining({ count: countOf('eks_secrets_encryption'), enable_key_rotation: true, deletion_window_in_days: 30 }));
    expect(cluster.dynamic.encryption_config).toEqual({
      for_each: '${var.eks_secrets_encryption ? ["secrets"] : []}',
      content: { resources: ['secrets'], provider: { key_arn: `\${${oneOf(key, 'arn')}}` } },
    });
    const keyUse = resources(eks, 'aws_iam_role_policy').find((p) => p.name === 'secrets-key')!;
    expect(keyUse.count).toBe(countOf('eks_secrets_encryption'));
    expect(keyUse.role).toBe(cluster.role_arn.replace('.arn}', '.id}'));
    expect(keyUse.policy).toContain(`"Resource" = ${oneOf(key, 'arn')}`);
    expect(cluster.depends_on).toContain(`aws_iam_role_policy.${Object.entries(eks.resource.aws_iam_role_policy).find(([, p]: [string, any]) => p.name === 'secrets-key')![0]}`);
  });

  it('sends every control-plane log type to a log group it made first, with a retention', () => {
    expectSwitchOnByDefault(eks, 'eks_control_plane_logs');
    expect(cluster.enabled_cluster_log_types).toBe('${var.eks_control_plane_logs ? ["api", "audit", "authenticator", "controllerManager", "scheduler"] : []}');
    const groups = Object.entries(eks.resource.aws_cloudwatch_log_group as Record<string, any>).filter(([, g]) => g.name === `/aws/eks/${cluster.name}/cluster`);
    expect(groups).toHaveLength(1);
    expect(groups[0]![1].retention_in_days).toBe('${var.infrastructure_log_retention_days}');
    expect(cluster.depends_on).toContain(`aws_cloudwatch_log_group.${groups[0]![0]}`);
  });

  it('opens the public endpoint to api_allowed_cidrs only, and can close it (private endpoint only)', () => {
    expectSwitchOnByDefault(eks, 'eks_public_endpoint');
    expect(cluster.vpc_config).toEqual(
      expect.objectContaining({ endpoint_private_access: true, endpoint_public_access: '${var.eks_public_endpoint}', public_access_cidrs: '${var.eks_public_endpoint ? var.api_allowed_cidrs : null}' }),
    );
    // The CIDR list stays required while the endpoint is public; 0.0.0.0/0 is refused either way.
    expect(eks.variable.api_allowed_cidrs.validation[0].condition).toBe('${(length(var.api_allowed_cidrs) > 0 || !var.eks_public_endpoint) && !contains(var.api_allowed_cidrs, "0.0.0.0/0")}');
  });

  it('declares the EKS switches for EKS plans only', () => {
    for (const tf of [fargate, selfManaged]) for (const name of ['eks_secrets_encryption', 'eks_control_plane_logs', 'eks_public_endpoint']) expect(tf.variable[name], name).toBeUndefined();
  });
});

describe('VPC flow logs', () => {
  it('every platform: all traffic to a CloudWatch log group with a retention, through a role that writes only there', () => {
    for (const tf of everyPlatform) {
      expectSwitchOnByDefault(tf, 'vpc_flow_logs');
      const group = Object.entries(tf.resource.aws_cloudwatch_log_group as Record<string, any>).find(([, g]) => String(g.name).endsWith('/vpc-flow-logs'))!;
      const groupAddress = `aws_cloudwatch_log_group.${group[0]}`;
      expect(group[1]).toEqual(expect.objectContaining({ count: countOf('vpc_flow_logs'), retention_in_days: '${var.infrastructure_log_retention_days}' }));
      const role = Object.entries(tf.resource.aws_iam_role as Record<string, any>).find(([, r]) => String(r.assume_role_policy).includes('"Service":"vpc-flow-logs.amazonaws.com"'))!;
      const roleAddress = `aws_iam_role.${role[0]}`;
      expect(role[1].count).toBe(countOf('vpc_flow_logs'));
      expect(only(tf, 'aws_flow_log')).toEqual(
        expect.objectContaining({
          count: countOf('vpc_flow_logs'),
          vpc_id: `\${${addressOf(tf, 'aws_vpc')}.id}`,
          traffic_type: 'ALL',
          log_destination_type: 'cloud-watch-logs',
          log_destination: `\${${oneOf(groupAddress, 'arn')}}`,
          iam_role_arn: `\${${oneOf(roleAddress, 'arn')}}`,
        }),
      );
      const write = resources(tf, 'aws_iam_role_policy').find((p) => p.name === 'write-flow-logs')!;
      expect([write.count, write.role]).toEqual([countOf('vpc_flow_logs'), `\${${oneOf(roleAddress, 'id')}}`]);
      expect(write.policy).toContain(`"Action" = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], "Resource" = [${oneOf(groupAddress, 'arn')}, "\${${oneOf(groupAddress, 'arn')}}:*"]`);
    }
  });
});

describe('data stores are reachable from the workloads only', () => {
  /** Ingress rules of the data stores' security groups (the `data_` construct's). */
  const dataStoreRules = (tf: TfJson) => Object.entries(tf.resource.aws_vpc_security_group_ingress_rule as Record<string, any>).filter(([name]) => name.startsWith('data_'));

  for (const [label, tf, source] of [
    ['EKS: the cluster security group its nodes and pods use', eksWithStores, () => `\${${addressOf(eksWithStores, 'aws_eks_cluster')}.vpc_config[0].cluster_security_group_id}`],
    ['Fargate: the tasks security group', fargate, () => `\${aws_security_group.${Object.keys(fargate.resource.aws_security_group).find((n) => n.startsWith('fargate_tasks-sg'))!}.id}`],
    ['self-managed Kubernetes: the nodes security group', selfManagedWithStores, () => `\${aws_security_group.${Object.keys(selfManagedWithStores.resource.aws_security_group).find((n) => n.startsWith('nodes_nodes-sg'))!}.id}`],
  ] as const) {
    it(`${label}, and the CIDRs named in data_store_allowed_cidrs; never the VPC range`, () => {
      const rules = dataStoreRules(tf);
      const stores = new Set(rules.map(([, r]) => r.security_group_id));
      expect(stores.size).toBeGreaterThan(0);
      for (const [name, rule] of rules) {
        expect(rule.cidr_ipv4, name).not.toBe('${var.vpc_cidr}');
        if (rule.for_each) expect([rule.for_each, rule.cidr_ipv4], name).toEqual(['${toset(var.data_store_allowed_cidrs)}', '${each.value}']);
        else expect(rule.referenced_security_group_id, name).toBe(source());
      }
      // Each store: one rule from the workloads and one for the extra CIDRs (none by default).
      for (const store of stores) expect(rules.filter(([, r]) => r.security_group_id === store)).toHaveLength(2);
      expect(tf.variable.data_store_allowed_cidrs).toEqual(expect.objectContaining({ type: 'list(string)', default: [] }));
      expect(tf.variable.data_store_allowed_cidrs.validation[0].condition).toContain('c != "0.0.0.0/0"');
    });
  }

  it('plans without a data store declare no data-store switch', () => {
    expect(resources(eks, 'aws_db_instance')).toEqual([]);
    for (const name of ['data_store_allowed_cidrs', 'cache_auth_and_tls', 'kafka_iam_auth']) expect(eks.variable[name], name).toBeUndefined();
  });
});

describe('ElastiCache', () => {
  it('requires TLS and an AUTH token that Secrets Manager generates and keeps', () => {
    expectSwitchOnByDefault(fargate, 'cache_auth_and_tls');
    const cache = only(fargate, 'aws_elasticache_replication_group');
    const version = addressOf(fargate, 'aws_secretsmanager_secret_version');
    expect([cache.transit_encryption_enabled, cache.auth_token]).toEqual(['${var.cache_auth_and_tls}', `\${${oneOf(version, 'secret_string')}}`]);
    const generators = Object.entries(fargate.data.aws_secretsmanager_random_password as Record<string, any>);
    expect(generators).toHaveLength(1);
    const [generatorName, generator] = generators[0]!;
    // ElastiCache: 16 to 128 characters, few symbols allowed, so letters and digits only.
    expect(generator).toEqual(expect.objectContaining({ count: countOf('cache_auth_and_tls'), password_length: 64, exclude_punctuation: true }));
    expect(only(fargate, 'aws_secretsmanager_secret_version')).toEqual(
      expect.objectContaining({
        count: countOf('cache_auth_and_tls'),
        secret_id: `\${${oneOf(addressOf(fargate, 'aws_secretsmanager_secret'), 'id')}}`,
        secret_string: `\${${oneOf(`data.aws_secretsmanager_random_password.${generatorName}`, 'random_password')}}`,
        // The generator answers anew on each plan: the stored token must not follow it.
        lifecycle: { ignore_changes: ['secret_string'] },
      }),
    );
    expect(fargate.output.cache_auth_secret_arn.value).toBe(`\${${oneOf(addressOf(fargate, 'aws_secretsmanager_secret'), 'arn')}}`);
  });
});

describe('MSK', () => {
  it('TLS between clients and brokers, IAM client authentication, and the IAM port open to the workloads', () => {
    expectSwitchOnByDefault(fargate, 'kafka_iam_auth');
    const kafka = only(fargate, 'aws_msk_cluster');
    expect(kafka.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    expect(kafka.client_authentication).toEqual({ sasl: { iam: '${var.kafka_iam_auth}' }, unauthenticated: '${!var.kafka_iam_auth}' });
    const kafkaSg = kafka.broker_node_group_info.security_groups[0];
    const ports = resources(fargate, 'aws_vpc_security_group_ingress_rule').filter((r) => r.security_group_id === kafkaSg).map((r) => [r.from_port, r.to_port]);
    expect(ports).toEqual([
      ['${var.kafka_iam_auth ? 9098 : 9094}', '${var.kafka_iam_auth ? 9098 : 9094}'],
      ['${var.kafka_iam_auth ? 9098 : 9094}', '${var.kafka_iam_auth ? 9098 : 9094}'],
    ]);
  });
});

describe('ECR and S3', () => {
  it('every repository: immutable tags and a scan on push', () => {
    for (const tf of everyPlatform) {
      expectSwitchOnByDefault(tf, 'ecr_immutable_tags');
      expectSwitchOnByDefault(tf, 'ecr_scan_on_push');
      const repos = resources(tf, 'aws_ecr_repository');
      expect(repos.length).toBeGreaterThan(0);
      for (const repo of repos) expect([repo.image_tag_mutability, repo.image_scanning_configuration]).toEqual(['${var.ecr_immutable_tags ? "IMMUTABLE" : "MUTABLE"}', { scan_on_push: '${var.ecr_scan_on_push}' }]);
    }
  });

  it('the objects bucket is versioned, and old versions expire so their storage stays bounded', () => {
    for (const tf of everyPlatform) {
      expectSwitchOnByDefault(tf, 's3_versioning');
      const bucket = addressOf(tf, 'aws_s3_bucket');
      const versioning = only(tf, 'aws_s3_bucket_versioning');
      expect(versioning).toEqual({ bucket: `\${${bucket}.id}`, versioning_configuration: { status: '${var.s3_versioning ? "Enabled" : "Suspended"}' } });
      const lifecycle = only(tf, 'aws_s3_bucket_lifecycle_configuration');
      expect(lifecycle.depends_on).toEqual([addressOf(tf, 'aws_s3_bucket_versioning')]);
      const expiry = lifecycle.rule.find((r: any) => r.id === 'expire-old-versions');
      expect(expiry).toEqual(expect.objectContaining({ status: 'Enabled', filter: [{ prefix: '' }], noncurrent_version_expiration: [{ noncurrent_days: '${var.s3_noncurrent_version_days}' }] }));
      expect(tf.variable.s3_noncurrent_version_days).toEqual(expect.objectContaining({ type: 'number', default: 30 }));
    }
  });
});

describe('log retention', () => {
  it('every log group of every platform has one CloudWatch accepts', () => {
    for (const tf of everyPlatform) {
      const groups = resources(tf, 'aws_cloudwatch_log_group');
      expect(groups.length).toBeGreaterThanOrEqual(2);
      for (const g of groups) {
        if (typeof g.retention_in_days === 'number') expect(CLOUDWATCH_RETENTION_DAYS, g.name).toContain(g.retention_in_days);
        else expect(g.retention_in_days, g.name).toBe('${var.infrastructure_log_retention_days}');
      }
      const days = tf.variable.infrastructure_log_retention_days;
      expect(CLOUDWATCH_RETENTION_DAYS).toContain(days.default);
      expect(days.validation[0].condition).toBe(`\${contains([${CLOUDWATCH_RETENTION_DAYS.join(', ')}], var.infrastructure_log_retention_days)}`);
    }
  });

  it('a plan retention CloudWatch does not offer is rounded up to one it does, never down', () => {
    expect([retentionAtLeast(30), retentionAtLeast(45), retentionAtLeast(366), retentionAtLeast(10_000)]).toEqual([30, 60, 400, 3653]);
    const spec = specOf(plan(10_000, 'trading-fargate'));
    const tf = synthesize({ ...spec, logs: { ...spec.logs, retentionDays: 45 } });
    expect(resources(tf, 'aws_cloudwatch_log_group').find((g) => String(g.name).endsWith('/application'))!.retention_in_days).toBe(60);
    expect(tf.variable.infrastructure_log_retention_days.default).toBe(60);
  });
});

describe('first deploy of a Fargate stack', () => {
  const services = resources(fargate, 'aws_ecs_service');
  const tasks = resources(fargate, 'aws_ecs_task_definition');

  it('runs no task until image_tag names a pushed image, then the plan count', () => {
    expect(fargate.variable.image_tag).toEqual(expect.objectContaining({ type: 'string', default: '' }));
    const planned = plan(10_000, 'trading-fargate').fargate;
    expect(services.map((s) => s.desired_count)).toEqual(planned.map((t) => `\${(length(var.image_tag) >= 1) ? ${t.count} : 0}`));
    // The task definition is valid before the first push: a placeholder tag no task ever pulls.
    for (const t of tasks) expect(t.container_definitions).toContain('.repository_url}:${(length(var.image_tag) >= 1) ? var.image_tag : "none-pushed-yet"}"');
  });

  it('a deploy with an image waits for the tasks, and fails when ECS rolls back to the previous tasks', () => {
    for (const s of services) {
      expect([s.wait_for_steady_state, s.deployment_circuit_breaker]).toEqual([true, { enable: true, rollback: true }]);
      const [condition] = s.lifecycle.postcondition;
      expect(condition.condition).toBe(`\${self.task_definition == ${s.task_definition.slice(2, -1)}}`);
      expect(condition.error_message).toMatch(/rolled back/);
    }
  });

  it('image_tag accepts a Docker tag or nothing', () => {
    expect(fargate.variable.image_tag.validation[0].condition).toBe('${var.image_tag == "" || can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))}');
  });
});
