// Priced = built: every bill-of-materials resource the plan prices is matched to the Terraform
// resources that incur it, or listed with the reason this stack does not create it. Pure: a plan
// and synthesized Terraform JSON in, the ledger out.
import { Decimal, ZERO, type BomResource, type Plan } from '@tier-planner/cost-model';
import { gatedTaskCount } from '../constructs/first-deploy.js';

/** What the ledger reads of a plan: only fields a `tier-planner --json` plan file carries. */
export type LedgerPlan = Pick<Plan, 'profile' | 'bom' | 'lineItems' | 'replicas' | 'storage'>;

/** One priced BOM resource, with its line items' monthly cost. */
export interface LedgerItem {
  readonly service: string;
  readonly resource: string;
  readonly type: string;
  readonly monthly: Decimal;
}

export interface BuiltItem {
  readonly item: LedgerItem;
  /** The Terraform resources that incur its cost, e.g. "aws_nat_gateway × 2". */
  readonly terraform: string;
  /** Set when the stack does not match the plan (type, size or count). */
  readonly problem?: string;
}

export interface NotProvisionedItem {
  readonly item: LedgerItem;
  readonly reason: string;
}

export interface Ledger {
  readonly built: readonly BuiltItem[];
  readonly notProvisioned: readonly NotProvisionedItem[];
  /** Priced resources no rule accounts for (a new BOM type or resource name). */
  readonly surprises: readonly { readonly item: LedgerItem; readonly problem: string }[];
  /** What the plan prices that this stack does not create, a month. */
  readonly notProvisionedMonthly: Decimal;
  /** Billed resources the stack creates for its own hardening that the plan does not price. */
  readonly builtNotPriced: readonly { readonly terraform: string; readonly reason: string }[];
}

/**
 * Billed resource types the stack adds beyond the plan (hardening), each with why the plan has no
 * figure for it. No amount is given: the plan has no price for them, and guessing one would be a
 * silent number.
 */
export const BUILT_NOT_PRICED: Readonly<Record<string, string>> = {
  aws_kms_key: 'a customer-managed KMS key: a monthly key fee and per-request charges (AWS KMS pricing); the plan has no KMS line',
  aws_flow_log: 'VPC flow logs: billed as vended-log ingestion and storage per GB; the plan does not model flow volume',
};

/** The stack's own infrastructure log groups (EKS control plane, flow logs): ingestion and storage the plan does not model. */
const INFRASTRUCTURE_LOGS = 'CloudWatch Logs ingestion and storage of infrastructure logs (EKS control plane, flow logs); the plan models only application logs';

type TfJson = Record<string, any>;
type Outcome = { readonly terraform: string; readonly problem?: string } | { readonly reason: string } | { readonly surprise: string };

/** Why each not-provisioned kind of cost is left to you (docs/infra.md, "Priced = built"). */
export const NOT_PROVISIONED = {
  dataTransfer: 'usage, not a resource: billed for the bytes your traffic sends out and across AZs',
  route53: 'bring your own hosted zone and records (the stack creates no DNS)',
  kms: 'bring your own customer managed keys (the stack creates none)',
  secrets: "your application's secrets are yours to create (RDS keeps its own master password there itself)",
  githubActions: 'billed by GitHub, not AWS: CI runs outside this stack',
  jenkins: 'Jenkins is CI outside this stack: run its controller, agents and home volume yourself',
  persistentVolume: 'created by Kubernetes from a PersistentVolumeClaim (the EBS CSI driver), not by Terraform',
  snapshots: 'taken by your backup schedule; the stack schedules none',
  optionalParts: 'an optional part of the plan (CDN, WAF, backups beyond the free allocation, VPC endpoints, Support) the reference stack does not create',
  support: 'an AWS Support plan is a subscription of the account, not a resource a stack creates',
} as const;

const NODE_GROUP = /^node group (.+)$/;

/** Every priced BOM resource → built (with the Terraform that matches it), not provisioned (with a reason), or a surprise. */
export function pricedVsBuilt(plan: LedgerPlan, tf: TfJson): Ledger {
  const stack = new StackIndex(tf);
  const built: BuiltItem[] = [];
  const notProvisioned: NotProvisionedItem[] = [];
  const surprises: { item: LedgerItem; problem: string }[] = [];
  for (const resource of plan.bom.resources) {
    const item = ledgerItem(plan, resource);
    const outcome = account(resource, plan, stack);
    if ('terraform' in outcome) built.push({ item, ...outcome });
    else if ('reason' in outcome) notProvisioned.push({ item, reason: outcome.reason });
    else surprises.push({ item, problem: outcome.surprise });
  }
  const notProvisionedMonthly = notProvisioned.reduce((total, n) => total.plus(n.item.monthly), ZERO);
  return { built, notProvisioned, surprises, notProvisionedMonthly, builtNotPriced: stack.builtNotPriced() };
}

/** Every way the stack and the plan disagree: built items that do not match, and surprises. */
export function ledgerProblems(ledger: Ledger): string[] {
  return [
    ...ledger.built.filter((b) => b.problem).map((b) => `${b.item.service} / ${b.item.resource}: ${b.problem}`),
    ...ledger.surprises.map((s) => `${s.item.service} / ${s.item.resource}: ${s.problem}`),
  ];
}

function ledgerItem(plan: LedgerPlan, r: BomResource): LedgerItem {
  const items = plan.lineItems.filter((li) => li.resource === r.name);
  const monthly = items.reduce((total, li) => (li.monthly ? total.plus(li.monthly) : total), ZERO);
  return { service: items[0]?.service ?? r.type, resource: r.name, type: r.type, monthly };
}

/** The rule for each BOM type. A Record, so a new BOM type does not compile until it has one. */
const RULES: { readonly [T in BomResource['type']]: (r: Extract<BomResource, { type: T }>, plan: LedgerPlan, stack: StackIndex) => Outcome } = {
  eks_cluster: (r, _plan, stack) => stack.expectCount('aws_eks_cluster', r.count ?? 1),
  ec2_instance: (r, plan, stack) => {
    const group = NODE_GROUP.exec(r.name)?.[1];
    if (group !== undefined) return stack.nodeGroup(plan, group, r.instanceType, r.count ?? 1);
    if (r.name.startsWith('jenkins ')) return { reason: NOT_PROVISIONED.jenkins };
    return { surprise: `no rule for EC2 instances named "${r.name}"` };
  },
  ebs_volume: (r, plan, stack) => {
    if (r.name === plan.storage.nodeRootVolumes?.name) return stack.rootVolumes(r.sizeGb, r.count ?? 1);
    if (plan.storage.persistentVolumes.some((v) => `${v.name} volume` === r.name)) return { reason: NOT_PROVISIONED.persistentVolume };
    if (r.name.startsWith('jenkins ')) return { reason: NOT_PROVISIONED.jenkins };
    return { surprise: `no rule for EBS volumes named "${r.name}"` };
  },
  ebs_snapshot: () => ({ reason: NOT_PROVISIONED.snapshots }),
  s3_bucket: (r, _plan, stack) => stack.expectCount('aws_s3_bucket', 1, `one bucket for "${r.name}"`),
  ecr_repository: (_r, plan, stack) => stack.expectCount('aws_ecr_repository', plan.replicas.length, 'one repository per service'),
  nat_gateway: (r, _plan, stack) => stack.expectCount('aws_nat_gateway', r.count ?? 1),
  load_balancer: (r, _plan, stack) => stack.loadBalancers(r.kind ?? 'alb', r.count ?? 1),
  public_ipv4: (r, _plan, stack) => stack.publicAddresses(r.count ?? 1),
  rds_instance: (r, _plan, stack) => stack.database(r.name, r.instanceClass, r.deployment ?? 'single-az', r.count ?? 1),
  elasticache_cluster: (r, _plan, stack) => stack.matching('aws_elasticache_replication_group', 1, (g) => g.node_type === r.nodeType && g.num_cache_clusters === (r.nodes ?? 1), `${r.nodes ?? 1} × ${r.nodeType}`),
  msk_cluster: (r, _plan, stack) =>
    stack.matching('aws_msk_cluster', 1, (c) => c.number_of_broker_nodes === r.brokers && c.broker_node_group_info?.instance_type === r.brokerType, `${r.brokers} × ${r.brokerType}`),
  fargate_task: (r, _plan, stack) => stack.fargateService(r.name.replace(/^service /, ''), r.vcpu, r.memoryGb, r.count ?? 1),
  cloudwatch_logs: (_r, plan, stack) =>
    stack.matching('aws_cloudwatch_log_group', 1, (g) => String(g.name).endsWith('/application') && g.retention_in_days === plan.storage.logs.retentionDays, `application logs kept ${plan.storage.logs.retentionDays} days`),
  data_transfer: () => ({ reason: NOT_PROVISIONED.dataTransfer }),
  route53_zone: () => ({ reason: NOT_PROVISIONED.route53 }),
  kms_key: () => ({ reason: NOT_PROVISIONED.kms }),
  secrets_manager: () => ({ reason: NOT_PROVISIONED.secrets }),
  github_actions: () => ({ reason: NOT_PROVISIONED.githubActions }),
  cloudfront_distribution: () => ({ reason: NOT_PROVISIONED.optionalParts }),
  waf_web_acl: () => ({ reason: NOT_PROVISIONED.optionalParts }),
  rds_backup: () => ({ reason: NOT_PROVISIONED.optionalParts }),
  vpc_endpoint: () => ({ reason: NOT_PROVISIONED.optionalParts }),
  support_plan: () => ({ reason: NOT_PROVISIONED.support }),
};

function account(r: BomResource, plan: LedgerPlan, stack: StackIndex): Outcome {
  // Plan files are read from JSON: a type this version does not know has no rule.
  const rule = (RULES as Record<string, ((r: BomResource, plan: LedgerPlan, stack: StackIndex) => Outcome) | undefined>)[r.type];
  return rule ? rule(r, plan, stack) : { surprise: `no rule for BOM type "${r.type}"` };
}

/** Lookups in synthesized Terraform JSON. */
class StackIndex {
  constructor(private readonly tf: TfJson) {}

  of(type: string): Record<string, any>[] {
    return Object.values((this.tf.resource?.[type] ?? {}) as Record<string, Record<string, any>>);
  }

  /** Billed hardening resources the plan has no line for, one entry per Terraform address. */
  builtNotPriced(): { terraform: string; reason: string }[] {
    const out: { terraform: string; reason: string }[] = [];
    for (const [type, reason] of Object.entries(BUILT_NOT_PRICED)) {
      for (const name of Object.keys(this.tf.resource?.[type] ?? {})) out.push({ terraform: `${type}.${name}`, reason });
    }
    // The application log group is priced (storage.logs); any other log group is the stack's own.
    for (const [name, group] of Object.entries((this.tf.resource?.aws_cloudwatch_log_group ?? {}) as Record<string, Record<string, any>>)) {
      if (!String(group.name ?? '').endsWith('/application')) out.push({ terraform: `aws_cloudwatch_log_group.${name}`, reason: INFRASTRUCTURE_LOGS });
    }
    return out;
  }

  /** The resource a `${type.name.attr}` reference points at. */
  ref(expression: unknown): Record<string, any> | undefined {
    const m = /^\$\{([a-z0-9_]+)\.([^.}]+)\.[a-z0-9_]+\}$/.exec(String(expression));
    return m ? this.tf.resource?.[m[1]!]?.[m[2]!] : undefined;
  }

  expectCount(type: string, expected: number, what = ''): Outcome {
    const found = this.of(type).length;
    const terraform = `${type} × ${expected}${what ? ` (${what})` : ''}`;
    return found === expected ? { terraform } : { terraform, problem: `the plan prices ${expected} ${type}, the stack has ${found}` };
  }

  matching(type: string, expected: number, test: (r: Record<string, any>) => boolean, what: string): Outcome {
    const found = this.of(type).filter(test).length;
    const terraform = `${type} × ${expected} (${what})`;
    return found === expected ? { terraform } : { terraform, problem: `the plan prices ${expected} ${type} of ${what}, the stack has ${found}` };
  }

  /** Node groups: EKS managed node groups, or Auto Scaling groups with their launch template's type. */
  private nodeGroups(plan: LedgerPlan): { type: string; name?: string; instanceType?: string; desired?: unknown; template?: Record<string, any> }[] {
    if (plan.profile.platform === 'eks') {
      return this.of('aws_eks_node_group').map((g) => ({ type: 'aws_eks_node_group', name: g.node_group_name, instanceType: g.instance_types?.[0], desired: g.scaling_config?.desired_size, template: this.ref(g.launch_template?.id) }));
    }
    return this.of('aws_autoscaling_group').map((g) => {
      const template = this.ref(g.launch_template?.id);
      return { type: 'aws_autoscaling_group', instanceType: template?.instance_type, desired: g.desired_capacity, template };
    });
  }

  nodeGroup(plan: LedgerPlan, name: string, instanceType: string, count: number): Outcome {
    const groups = this.nodeGroups(plan);
    const type = plan.profile.platform === 'eks' ? 'aws_eks_node_group' : 'aws_autoscaling_group';
    const terraform = `${type} "${name}" of ${count} × ${instanceType}`;
    const named = groups.filter((g) => g.name === undefined || g.name === name);
    const match = named.find((g) => g.instanceType === instanceType && g.desired === count);
    if (match) return { terraform };
    return { terraform, problem: `no ${type} runs ${count} × ${instanceType} (found ${groups.map((g) => `${String(g.desired)} × ${String(g.instanceType)}`).join(', ') || 'none'})` };
  }

  /** Node root volumes: every node launch template's gp3 root volume of the plan's size, on as many nodes. */
  rootVolumes(sizeGb: number, count: number): Outcome {
    const templates = this.of('aws_launch_template');
    const sizes = templates.map((t) => t.block_device_mappings?.[0]?.ebs);
    const desired = [...this.of('aws_eks_node_group').map((g) => g.scaling_config?.desired_size), ...this.of('aws_autoscaling_group').map((g) => g.desired_capacity)].reduce((a: number, b) => a + Number(b), 0);
    const terraform = `aws_launch_template root volumes (gp3, ${sizeGb} GB) on ${count} nodes`;
    const wrong = sizes.filter((ebs) => ebs?.volume_size !== sizeGb || ebs?.volume_type !== 'gp3');
    if (templates.length === 0 || wrong.length > 0) return { terraform, problem: `launch templates give ${sizes.map((e) => `${String(e?.volume_type)} ${String(e?.volume_size)} GB`).join(', ') || 'no root volume'}` };
    return desired === count ? { terraform } : { terraform, problem: `the plan prices ${count} root volumes, the node groups run ${desired} nodes` };
  }

  loadBalancers(kind: 'alb' | 'nlb', count: number): Outcome {
    const lbType = kind === 'alb' ? 'application' : 'network';
    return this.matching('aws_lb', count, (lb) => lb.load_balancer_type === lbType && lb.internal === false, `internet-facing ${lbType}`);
  }

  /** NAT gateways' Elastic IPs, and one address per subnet of each internet-facing load balancer. */
  publicAddresses(count: number): Outcome {
    const eips = this.of('aws_eip').length;
    const lbAddresses = this.of('aws_lb')
      .filter((lb) => lb.internal === false)
      .reduce((n, lb) => n + (Array.isArray(lb.subnets) ? lb.subnets.length : 0), 0);
    const terraform = `aws_eip × ${eips} + internet-facing aws_lb subnets × ${lbAddresses}`;
    const publicSubnets = this.of('aws_subnet').filter((s) => s.map_public_ip_on_launch !== false).length;
    if (publicSubnets > 0) return { terraform, problem: `${publicSubnets} subnets give instances public addresses the plan does not price` };
    return eips + lbAddresses === count ? { terraform } : { terraform, problem: `the plan prices ${count} public IPv4 addresses, the stack has ${eips + lbAddresses}` };
  }

  database(name: string, instanceClass: string, deployment: string, count: number): Outcome {
    const replicas = name.endsWith('read replicas');
    const multiAz = deployment === 'multi-az';
    return this.matching(
      'aws_db_instance',
      count,
      (db) => db.instance_class === instanceClass && Boolean(db.replicate_source_db) === replicas && (replicas || Boolean(db.multi_az) === multiAz),
      `${instanceClass}${replicas ? ', read replica' : `, ${deployment}`}`,
    );
  }

  fargateService(service: string, vcpu: number, memoryGb: number, count: number): Outcome {
    const terraform = `aws_ecs_service "${service}" of ${count} × ${vcpu} vCPU / ${memoryGb} GB`;
    const svc = this.of('aws_ecs_service').find((s) => s.name === service);
    if (!svc) return { terraform, problem: `no aws_ecs_service "${service}"` };
    const task = this.ref(svc.task_definition);
    if (Number(task?.cpu) !== Math.round(vcpu * 1024) || Number(task?.memory) !== Math.round(memoryGb * 1024)) return { terraform, problem: `its task definition has cpu ${String(task?.cpu)}, memory ${String(task?.memory)}` };
    return gatedTaskCount(svc.desired_count) === count ? { terraform } : { terraform, problem: `desired_count is ${String(svc.desired_count)}, not ${count} once an image tag is given` };
  }
}
