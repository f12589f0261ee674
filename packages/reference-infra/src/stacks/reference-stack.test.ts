import { Decimal, PLAN_TAG_KEY, TIER_TAG_KEY } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { Testing, TerraformResource } from '../cdk/aws.js';
import { InputError } from '../plan-input/input-error.js';
import { allResources, asPlanFile, only, plan, resources, specOf, synthPlan, tasksOnceImagePushed, withoutMetadata } from '../testing/plans.js';
import { gatedTaskCount } from '../constructs/first-deploy.js';
import { buildStack, synthesize } from './build-app.js';

const smallest = plan(1, 'eks-web-app');
const tenKHa = plan(10_000, 'microservices-mysql');
const fargate = plan(10_000, 'trading-fargate');
const twoServices = plan(10_000, 'fintech-fargate-jenkins');
const selfManaged = plan(10_000, 'trading-k8s-self-managed');

/** Resource types the AWS provider gives no tags argument (checked against the constructs below). */
const UNTAGGABLE = new Set([
  'aws_route',
  'aws_route_table_association',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_versioning',
  'aws_secretsmanager_secret_version',
  'aws_ecr_lifecycle_policy',
  'aws_ecs_cluster_capacity_providers',
  'aws_appautoscaling_policy',
  'aws_autoscaling_attachment',
  'aws_autoscaling_group', // tagged with `tag` blocks, propagated to instances: asserted apart
]);

const subnetRefs = (tf: Record<string, any>, kind: 'public' | 'private') =>
  Object.entries(tf.resource.aws_subnet as Record<string, any>)
    .filter(([, s]) => String(s.tags.Name).includes(` ${kind} `))
    .map(([name]) => `\${aws_subnet.${name}.id}`);

describe('node groups are exactly the plan', () => {
  for (const [label, p] of [['smallest tier', smallest], ['10k users, HA', tenKHa]] as const) {
    it(`${label}: one managed node group per plan group, same type, min/desired/max and root volume`, () => {
      const tf = synthPlan(p);
      const groups = resources(tf, 'aws_eks_node_group');
      expect(groups.map((g) => [g.node_group_name, g.instance_types, g.scaling_config, g.capacity_type])).toEqual(
        p.nodes.map((n) => [n.name, [n.instanceType], { min_size: n.floor, desired_size: n.desired, max_size: n.max }, 'ON_DEMAND']),
      );
      const templates = resources(tf, 'aws_launch_template');
      expect(templates.map((t) => t.block_device_mappings[0].ebs.volume_size)).toEqual(p.nodes.map((n) => n.rootVolumeGb));
    });
  }

  it('spot purchase gives SPOT capacity; other purchases are billing, so ON_DEMAND', () => {
    const spot = synthPlan(plan(10_000, 'eks-web-app', { purchase: 'spot' }));
    expect(resources(spot, 'aws_eks_node_group').map((g) => g.capacity_type)).toEqual(['SPOT']);
    const sp = synthPlan(plan(10_000, 'eks-web-app', { purchase: 'savings-plan' }));
    expect(resources(sp, 'aws_eks_node_group').map((g) => g.capacity_type)).toEqual(['ON_DEMAND']);
  });

  it('self-managed Kubernetes: Auto Scaling groups of the plan size on IMDSv2 templates, no EKS', () => {
    const tf = synthPlan(selfManaged);
    expect(resources(tf, 'aws_eks_cluster')).toEqual([]);
    const groups = resources(tf, 'aws_autoscaling_group');
    expect(groups.map((g) => [g.min_size, g.desired_capacity, g.max_size])).toEqual(selfManaged.nodes.map((n) => [n.floor, n.desired, n.max]));
    expect(groups[0]!.tag).toEqual(expect.arrayContaining([{ key: PLAN_TAG_KEY, value: 'trading-k8s-self-managed-10000-users', propagate_at_launch: true }]));
    const template = only(tf, 'aws_launch_template');
    expect(template.instance_type).toBe(selfManaged.nodes[0]!.instanceType);
    expect(template.metadata_options.http_tokens).toBe('required');
    // The profile prices one NAT gateway: every private subnet routes out through it (images, SSM).
    const nat = Object.keys(tf.resource.aws_nat_gateway);
    expect(nat).toHaveLength(1);
    const defaults = resources(tf, 'aws_route').filter((r) => r.destination_cidr_block === '0.0.0.0/0' && r.nat_gateway_id);
    expect(defaults.map((r) => r.nat_gateway_id)).toEqual(Array(3).fill(`\${aws_nat_gateway.${nat[0]}.id}`));
  });
});

describe('network follows the plan', () => {
  it('smallest tier: one AZ for nodes, one NAT; the VPC still spans the two AZs AWS requires', () => {
    const tf = synthPlan(smallest);
    expect(smallest.azs).toBe(1);
    expect(resources(tf, 'aws_subnet')).toHaveLength(4);
    expect(resources(tf, 'aws_nat_gateway')).toHaveLength(1);
    expect(only(tf, 'aws_eks_node_group').subnet_ids).toHaveLength(1);
  });

  it('10k users HA: three AZs, one NAT per AZ, each private subnet routed to its own NAT', () => {
    const tf = synthPlan(tenKHa);
    expect([tenKHa.ha, tenKHa.azs]).toEqual([true, 3]);
    expect(resources(tf, 'aws_subnet')).toHaveLength(6);
    const nats = Object.keys(tf.resource.aws_nat_gateway);
    expect(nats).toHaveLength(3);
    const natRoutes = resources(tf, 'aws_route').filter((r) => r.nat_gateway_id).map((r) => r.nat_gateway_id);
    expect(new Set(natRoutes).size).toBe(3);
    expect(only(tf, 'aws_eks_node_group').subnet_ids).toEqual(subnetRefs(tf, 'private'));
  });

  it('a plan file and the plan computed in-process synthesize the same infrastructure', () => {
    for (const p of [smallest, tenKHa, fargate]) expect(withoutMetadata(synthPlan(asPlanFile(p)))).toEqual(withoutMetadata(synthPlan(p)));
  });
});

describe('EKS cluster', () => {
  it('has its role, IRSA provider, the core add-ons, and the version as a variable', () => {
    const tf = synthPlan(tenKHa);
    const cluster = only(tf, 'aws_eks_cluster');
    expect(cluster.version).toBe('${var.kubernetes_version}');
    expect(cluster.role_arn).toMatch(/^\$\{aws_iam_role\./);
    expect(resources(tf, 'aws_iam_openid_connect_provider')).toHaveLength(1);
    expect(resources(tf, 'aws_eks_addon').map((a) => a.addon_name).sort()).toEqual(['aws-ebs-csi-driver', 'coredns', 'kube-proxy', 'vpc-cni']);
    expect(Object.keys(tf.output)).toEqual(expect.arrayContaining(['cluster_name', 'cluster_endpoint', 'ecr_repository_urls']));
  });
});

describe('Fargate profile', () => {
  it('runs each plan task as an ECS service of the plan size and count behind an ALB', () => {
    const tf = synthPlan(fargate);
    expect(resources(tf, 'aws_eks_cluster')).toEqual([]);
    expect(resources(tf, 'aws_eks_node_group')).toEqual([]);
    const services = resources(tf, 'aws_ecs_service').sort((a, b) => a.name.localeCompare(b.name));
    const planned = [...fargate.fargate].sort((a, b) => a.service.localeCompare(b.service));
    expect(services.map((s) => [s.name, tasksOnceImagePushed(s), s.capacity_provider_strategy[0].capacity_provider])).toEqual(
      planned.map((t) => [t.service, t.count, t.spot ? 'FARGATE_SPOT' : 'FARGATE']),
    );
    const tasks = resources(tf, 'aws_ecs_task_definition').sort((a, b) => a.family.localeCompare(b.family));
    expect(tasks.map((t) => [t.cpu, t.memory])).toEqual(planned.map((t) => [String(t.vcpu * 1024), String(t.memoryGb * 1024)]));
    expect(services.every((s) => s.network_configuration.assign_public_ip === false)).toBe(true);
    expect(only(tf, 'aws_lb').internal).toBe(false);
  });

  it('scales each service between the plan floor and its peak at the plan CPU target, and a flat one not at all', () => {
    const busy = plan(1_000_000, 'trading-fargate');
    const t = busy.fargate[0]!;
    expect(t.floor).toBeLessThan(t.count);
    const tf = synthPlan(busy);
    const target = only(tf, 'aws_appautoscaling_target');
    expect([gatedTaskCount(target.min_capacity), gatedTaskCount(target.max_capacity)]).toEqual([t.floor, t.count]);
    expect([target.service_namespace, target.scalable_dimension]).toEqual(['ecs', 'ecs:service:DesiredCount']);
    const policy = only(tf, 'aws_appautoscaling_policy').target_tracking_scaling_policy_configuration;
    const cpuTarget = busy.assumptions.find((a) => a.name === 'hpaTargetUtilization')!.value * 100;
    expect([policy.target_value, policy.predefined_metric_specification.predefined_metric_type]).toEqual([cpuTarget, 'ECSServiceAverageCPUUtilization']);
    expect(fargate.fargate.every((f) => f.floor === f.count)).toBe(true);
    expect(resources(synthPlan(fargate), 'aws_appautoscaling_target')).toEqual([]);
  });

  it('routes the first service by default and the others by path', () => {
    const tf = synthPlan(twoServices);
    expect(resources(tf, 'aws_ecs_service').map(tasksOnceImagePushed).sort()).toEqual(twoServices.fargate.map((t) => t.count).sort());
    expect(resources(tf, 'aws_lb_target_group')).toHaveLength(2);
    expect(only(tf, 'aws_lb_listener_rule').condition[0].path_pattern.values).toEqual(['/api/*']);
  });

  it('sizes RDS, ElastiCache and MSK from the plan', () => {
    const tf = synthPlan(fargate);
    const { rds, cache, kafka } = fargate.datastores;
    const db = only(tf, 'aws_db_instance');
    expect([db.instance_class, db.multi_az, db.allocated_storage, db.engine]).toEqual([rds!.instanceClass, true, fargate.storage.database!.storageGb, 'postgres']);
    const rg = only(tf, 'aws_elasticache_replication_group');
    expect([rg.node_type, rg.num_cache_clusters, rg.engine]).toEqual([cache!.nodeType, cache!.nodes, cache!.engine]);
    const msk = only(tf, 'aws_msk_cluster');
    expect([msk.broker_node_group_info.instance_type, msk.number_of_broker_nodes, msk.broker_node_group_info.storage_info.ebs_storage_info.volume_size]).toEqual([
      kafka!.brokerType,
      kafka!.brokers,
      kafka!.storageGbPerBroker,
    ]);
  });

  it('read replicas from the plan, and none when the plan has no database', () => {
    const big = plan(10_000_000, 'microservices-mysql');
    expect(resources(synthPlan(big), 'aws_db_instance')).toHaveLength(1 + big.datastores.rds!.readReplicas);
    expect(resources(synthPlan(smallest), 'aws_db_instance')).toHaveLength(0);
  });
});

describe('registry and storage', () => {
  it('one ECR repository per service, keeping the plan number of images', () => {
    const tf = synthPlan(tenKHa);
    expect(resources(tf, 'aws_ecr_repository')).toHaveLength(tenKHa.storage.ecr.repositories);
    for (const policy of resources(tf, 'aws_ecr_lifecycle_policy')) {
      expect(JSON.parse(policy.policy).rules[0].selection.countNumber).toBe(tenKHa.storage.ecr.retainedImages);
    }
  });

  it('S3 lifecycle transitions on the profile days', () => {
    const tf = synthPlan(plan(10_000, 'fintech-fargate-jenkins'));
    expect(only(tf, 'aws_s3_bucket_lifecycle_configuration').rule[0].transition).toEqual([
      { days: 30, storage_class: 'STANDARD_IA' },
      { days: 180, storage_class: 'GLACIER_IR' },
    ]);
  });
});

describe('cost guardrails', () => {
  // Fargate at 1M users scales its service over the day (Application Auto Scaling resources).
  for (const p of [smallest, tenKHa, fargate, plan(1_000_000, 'trading-fargate'), selfManaged]) {
    it(`${p.profile.name} at ${p.users} users: every resource carries the plan tags, and the Budget is the tagged forecast`, () => {
      const name = `${p.profile.name}-${p.users}-users`;
      const stack = buildStack(specOf(p), {}, Testing.app({ stackTraces: false }));
      const tf = JSON.parse(Testing.synth(stack));
      const tags = { [PLAN_TAG_KEY]: name, [TIER_TAG_KEY]: specOf(p).tags[TIER_TAG_KEY] };
      expect(tf.provider.aws[0].default_tags[0].tags).toEqual(tags);
      const all = allResources(tf);
      expect(all.filter(([type]) => !UNTAGGABLE.has(type)).length).toBeGreaterThan(20);
      for (const [type, body] of all) {
        if (UNTAGGABLE.has(type)) expect(body.tags, type).toBeUndefined();
        else expect(body.tags, type).toEqual(expect.objectContaining(tags));
      }
      // The exception list is honest: those constructs have no tags argument at all.
      for (const node of stack.node.findAll()) {
        if (node instanceof TerraformResource && UNTAGGABLE.has(node.terraformResourceType)) expect('tagsInput' in node, node.terraformResourceType).toBe(false);
      }
      const budget = only(tf, 'aws_budgets_budget');
      // What the tag can see (constructs/cost-guardrails.test.ts checks the split to the cent).
      expect(budget.limit_amount).toBe(specOf(p).budget.taggedUsd);
      expect(new Decimal(budget.limit_amount).lt(new Decimal(p.monthly.total).toFixed(2, Decimal.ROUND_HALF_UP))).toBe(true);
      expect([budget.limit_unit, budget.time_unit]).toEqual(['USD', 'MONTHLY']);
      expect(budget.notification.map((n: any) => n.notification_type).sort()).toEqual(['ACTUAL', 'FORECASTED']);
      expect(budget.cost_filter).toEqual([{ name: 'TagKeyValue', values: [`user:${PLAN_TAG_KEY}$${name}`] }]);
    });
  }

  it('the tier tag labels the tier; PLAN_NAME replaces the plan tag', () => {
    expect(specOf(tenKHa).tags).toEqual({ [PLAN_TAG_KEY]: 'microservices-mysql-10000-users', [TIER_TAG_KEY]: '10k' });
    const tf = synthesize(specOf(smallest, 'shop-prod'));
    expect(tf.provider.aws[0].default_tags[0].tags[PLAN_TAG_KEY]).toBe('shop-prod');
  });
});

describe('security by default', () => {
  const plans = [smallest, tenKHa, fargate, selfManaged];
  it('nodes, tasks and data stores sit in private subnets; nothing gets a public IP', () => {
    for (const p of plans) {
      const tf = synthPlan(p);
      const priv = subnetRefs(tf, 'private');
      for (const s of resources(tf, 'aws_subnet')) expect(s.map_public_ip_on_launch).toBe(false);
      for (const g of resources(tf, 'aws_eks_node_group')) for (const s of g.subnet_ids) expect(priv).toContain(s);
      for (const g of resources(tf, 'aws_autoscaling_group')) for (const s of g.vpc_zone_identifier) expect(priv).toContain(s);
      for (const svc of resources(tf, 'aws_ecs_service')) for (const s of svc.network_configuration.subnets) expect(priv).toContain(s);
      for (const g of [...resources(tf, 'aws_db_subnet_group'), ...resources(tf, 'aws_elasticache_subnet_group')]) expect(g.subnet_ids).toEqual(priv);
      for (const m of resources(tf, 'aws_msk_cluster')) for (const s of m.broker_node_group_info.client_subnets) expect(priv).toContain(s);
      for (const db of resources(tf, 'aws_db_instance')) expect(db.publicly_accessible).toBe(false);
    }
  });

  it('closes the VPC default security group', () => {
    const sg = only(synthPlan(smallest), 'aws_default_security_group');
    expect([sg.ingress ?? [], sg.egress ?? []]).toEqual([[], []]);
  });

  it('refuses, as bad input, data stores larger than AWS allows', () => {
    const spec = specOf(fargate);
    expect(() => synthesize({ ...spec, rds: { ...spec.rds!, storageGb: 70_000 } })).toThrow(InputError);
    expect(() => synthesize({ ...spec, kafka: { ...spec.kafka!, storageGbPerBroker: 20_000 } })).toThrow(/MSK allows at most 16384 GB/);
    expect(() => synthesize({ ...spec, kafka: { ...spec.kafka!, brokers: 3 } })).toThrow(/multiple of 2 or 3/);
  });

  it('refuses a sharded cache rather than building its nodes as replicas of one shard', () => {
    const spec = specOf(fargate);
    expect(spec.cache!.shards).toBe(1);
    expect(() => synthesize({ ...spec, cache: { ...spec.cache!, shards: 2, nodes: 4 } })).toThrow(/needs 2 shards \(cluster mode\)/);
  });

  it('encrypts EBS, S3, RDS, ElastiCache and MSK, and blocks S3 public access', () => {
    for (const p of plans) {
      const tf = synthPlan(p);
      for (const t of resources(tf, 'aws_launch_template')) expect(t.block_device_mappings[0].ebs).toEqual(expect.objectContaining({ encrypted: 'true', volume_type: 'gp3' }));
      expect(only(tf, 'aws_s3_bucket_server_side_encryption_configuration').rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
      expect(only(tf, 'aws_s3_bucket_public_access_block')).toEqual(expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }));
      for (const db of resources(tf, 'aws_db_instance')) expect(db.storage_encrypted).toBe(true);
      for (const rg of resources(tf, 'aws_elasticache_replication_group')) expect([rg.at_rest_encryption_enabled, rg.transit_encryption_enabled, tf.variable.cache_auth_and_tls.default]).toEqual(['true', '${var.cache_auth_and_tls}', true]);
      for (const m of resources(tf, 'aws_msk_cluster')) expect(m.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    }
  });

  it('requires IMDSv2 on every node launch template, and every node group uses one', () => {
    for (const p of [smallest, tenKHa, selfManaged]) {
      const tf = synthPlan(p);
      const templates = resources(tf, 'aws_launch_template');
      expect(templates.length).toBe(p.nodes.length);
      for (const t of templates) expect(t.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
      for (const g of resources(tf, 'aws_eks_node_group')) expect(g.launch_template.id).toMatch(/^\$\{aws_launch_template\./);
    }
  });

  it('restricts the EKS API endpoint to the CIDR variable, which refuses 0.0.0.0/0', () => {
    const tf = synthPlan(tenKHa);
    const vpc = only(tf, 'aws_eks_cluster').vpc_config;
    expect([vpc.public_access_cidrs, vpc.endpoint_private_access]).toEqual(['${var.eks_public_endpoint ? var.api_allowed_cidrs : null}', true]);
    expect(tf.variable.api_allowed_cidrs.default).toBeUndefined();
    expect(tf.variable.api_allowed_cidrs.validation[0].condition).toContain('0.0.0.0/0');
  });

  it('gives the exporter a role that can read Cost Explorer and nothing else; no policy grants "*" actions', () => {
    for (const p of plans) {
      const tf = synthPlan(p);
      const policies = resources(tf, 'aws_iam_role_policy');
      const exporter = policies.filter((r) => r.role.startsWith('${aws_iam_role.exporter_'));
      expect(exporter.map((r) => JSON.parse(r.policy))).toEqual([{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ce:GetCostAndUsage', 'ce:GetCostForecast'], Resource: '*' }] }]);
      // The others (flow logs, EKS secrets key) are jsonencode() expressions: no action may be a wildcard.
      for (const policy of policies) {
        const actions = [...String(policy.policy).matchAll(/"([a-z0-9-]+:[A-Za-z*]+)"/g)].map((m) => m[1]!);
        expect(actions.length, policy.name).toBeGreaterThan(0);
        expect(actions.filter((a) => a.includes('*')), policy.name).toEqual([]);
        expect(String(policy.policy)).not.toMatch(/"Action"\s*[:=]\s*"\*"/);
      }
      const attached = resources(tf, 'aws_iam_role_policy_attachment').map((a) => a.policy_arn);
      expect(attached.filter((a) => /AdministratorAccess|PowerUser|FullAccess/.test(a))).toEqual([]);
    }
  });

  it('keeps state in S3 with locking when STATE_BUCKET is set', () => {
    const tf = synthesize(specOf(smallest), { STATE_BUCKET: 'my-state' });
    expect(tf.terraform.backend.s3).toEqual({ bucket: 'my-state', key: 'tier-planner/eks-web-app-1-users.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true });
    const locked = synthesize(specOf(smallest), { STATE_BUCKET: 'b', STATE_KEY: 'k', STATE_REGION: 'eu-west-1', STATE_LOCK_TABLE: 'locks' });
    expect(locked.terraform.backend.s3).toEqual({ bucket: 'b', key: 'k', region: 'eu-west-1', encrypt: true, dynamodb_table: 'locks' });
  });
});
