import { Decimal, type BomResource, type Plan } from '@tier-planner/cost-model';
import { InputError } from './input-error.js';

type ResourceType = BomResource['type'];

interface Visibility {
  /** Whether the cost of this resource carries the plan's cost-allocation tag; a function when it depends on which resource. */
  readonly tagged: boolean | ((r: BomResource, plan: Plan) => boolean);
  readonly why: string;
}

/**
 * Which of the plan's costs the plan tag can see in Billing, per bill-of-materials resource type:
 * only a resource this stack creates and tags, billed on that resource, can carry it. The Budget
 * filters on the tag, so its amount is the sum of these; the rest is reported beside it.
 * docs/infra.md ("Cost guardrails") explains each line.
 */
export const TAG_VISIBILITY: Readonly<Record<ResourceType, Visibility>> = {
  eks_cluster: { tagged: true, why: 'the aws_eks_cluster carries the tag; EKS bills the cluster-hour on it' },
  ec2_instance: {
    tagged: (r, plan) => plan.nodes.some((g) => r.name === `node group ${g.name}`),
    why: 'node groups: launch templates tag the instances; the Jenkins hosts are not created by this stack',
  },
  ebs_volume: {
    tagged: (r, plan) => r.name === plan.storage.nodeRootVolumes?.name,
    why: 'node root volumes: launch templates tag them; in-cluster volumes are made by the EBS CSI driver without the tag, the Jenkins home is not created here',
  },
  ebs_snapshot: { tagged: false, why: 'the stack makes no EBS snapshots' },
  s3_bucket: { tagged: true, why: 'storage and requests are billed on the tagged bucket' },
  ecr_repository: { tagged: true, why: 'image storage is billed on the tagged repository' },
  nat_gateway: { tagged: true, why: 'hours and GB processed are billed on the tagged NAT gateway' },
  load_balancer: { tagged: true, why: 'hours and LCUs are billed on the tagged aws_lb' },
  rds_instance: { tagged: true, why: 'instance hours and storage are billed on the tagged DB instance' },
  elasticache_cluster: { tagged: true, why: 'node hours are billed on the nodes of the tagged replication group' },
  msk_cluster: { tagged: true, why: 'broker hours and storage are billed on the tagged MSK cluster' },
  fargate_task: { tagged: true, why: 'ECS services propagate the tag to their tasks, which Fargate bills' },
  cloudwatch_logs: { tagged: true, why: 'ingestion and storage are billed on the tagged log group' },
  data_transfer: { tagged: false, why: 'transfer is billed per usage type across the account (the free 100 GB too), not to one tagged resource the plan can name' },
  github_actions: { tagged: false, why: 'billed by GitHub, not AWS: never in an AWS Budget' },
  secrets_manager: { tagged: false, why: 'the stack creates no Secrets Manager secret (RDS keeps its own, untagged by this stack)' },
  route53_zone: { tagged: false, why: 'the stack creates no hosted zone (bring your own)' },
  kms_key: { tagged: false, why: 'the stack creates no customer managed KMS key' },
  cloudfront_distribution: { tagged: false, why: 'the stack creates no CloudFront distribution' },
  waf_web_acl: { tagged: false, why: 'the stack creates no WAF web ACL' },
  rds_backup: { tagged: false, why: 'RDS backup storage is billed to the account per region, not to the tagged DB instance' },
  vpc_endpoint: { tagged: false, why: 'the stack creates no VPC endpoints' },
  support_plan: { tagged: false, why: 'AWS Support is billed to the account, not to any resource' },
  public_ipv4: { tagged: false, why: "the ALB's addresses belong to AWS and carry no tag of ours; no AWS source read says an Elastic IP's tag reaches its IPv4 charge" },
};

export interface UntaggedCost {
  readonly service: string;
  readonly resource: string;
  /** Exact monthly USD, as a decimal string. */
  readonly usd: string;
  readonly why: string;
}

/** The plan total split into what the plan tag can see (the Budget) and what it cannot. */
export interface BudgetSplit {
  /** The Budget: tagged line items, rounded half-up to the cent. */
  readonly taggedUsd: string;
  /** The rest of the plan's rounded total (so the two add up to it exactly). */
  readonly untaggedUsd: string;
  /** The plan's monthly.total rounded half-up to the cent. */
  readonly totalUsd: string;
  /** Untagged resources, largest first. */
  readonly untagged: readonly UntaggedCost[];
}

const cents = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);

/** Splits the plan's priced line items by TAG_VISIBILITY. Unpriced items count nowhere, as in the plan's total. */
export function splitBudget(plan: Plan): BudgetSplit {
  const byName = new Map<string, BomResource>();
  for (const r of plan.bom.resources) {
    if (byName.has(r.name)) throw new InputError(`the plan's bill of materials names two resources ${JSON.stringify(r.name)}: cannot tell which costs carry the plan tag`);
    byName.set(r.name, r);
  }
  let tagged = new Decimal(0);
  const untagged = new Map<string, { service: string; resource: string; usd: Decimal; why: string }>();
  for (const item of plan.lineItems) {
    if (item.monthly === undefined) continue;
    const r = byName.get(item.resource);
    if (!r) throw new InputError(`line item ${JSON.stringify(item.resource)} has no resource in the plan's bill of materials: write the plan again with tier-planner --json`);
    const rule = TAG_VISIBILITY[r.type];
    const visible = typeof rule.tagged === 'function' ? rule.tagged(r, plan) : rule.tagged;
    if (visible) {
      tagged = tagged.plus(item.monthly);
      continue;
    }
    const entry = untagged.get(r.name) ?? { service: item.service, resource: r.name, usd: new Decimal(0), why: rule.why };
    entry.usd = entry.usd.plus(item.monthly);
    untagged.set(r.name, entry);
  }
  const total = cents(new Decimal(plan.monthly.total));
  const taggedUsd = cents(tagged);
  return {
    taggedUsd,
    untaggedUsd: new Decimal(total).minus(taggedUsd).toFixed(2),
    totalUsd: total,
    untagged: [...untagged.values()].sort((a, b) => b.usd.comparedTo(a.usd)).map((u) => ({ ...u, usd: u.usd.toString() })),
  };
}

/** What `synth` prints about the Budget: its amount, and each cost left outside it with the reason. */
export function budgetReport(split: BudgetSplit): string[] {
  const lines = [`Budget: $${split.taggedUsd} a month, the plan costs that carry the plan tag (plan total $${split.totalUsd})`];
  if (split.untagged.length === 0) return lines;
  lines.push(`Outside the Budget, the tag cannot see them: $${split.untaggedUsd} a month`);
  for (const u of split.untagged) lines.push(`  ${u.service} / ${u.resource}: $${new Decimal(u.usd).toFixed(2, Decimal.ROUND_HALF_UP)} — ${u.why}`);
  return lines;
}
