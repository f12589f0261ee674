import { formatUsd, listProfiles, ZERO, type BomResource, type Plan } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { asPlanFile, plan, synthPlan, type TfJson } from '../testing/plans.js';
import { formatLedger } from './format-ledger.js';
import { ledgerProblems, NOT_PROVISIONED, pricedVsBuilt } from './priced-vs-built.js';

const USERS = [100, 10_000, 1_000_000];
/** The only BOM types this stack may leave to you; any other priced type must be built. */
const MAY_BE_LEFT_OUT = new Set(['data_transfer', 'route53_zone', 'secrets_manager', 'github_actions', 'ebs_volume', 'ec2_instance', 'ebs_snapshot']);

const withBom = (p: Plan, resources: BomResource[]): Plan => ({ ...p, bom: { ...p.bom, resources } });
const without = (tf: TfJson, type: string): TfJson => ({ ...tf, resource: Object.fromEntries(Object.entries(tf.resource).filter(([t]) => t !== type)) });

describe('every priced resource is built, or listed with its reason', () => {
  for (const profile of listProfiles().map((p) => p.name)) {
    for (const users of USERS) {
      it(`${profile} at ${users.toLocaleString('en-US')} users: no surprises, every built item matches type and count`, () => {
        const p = plan(users, profile);
        const ledger = pricedVsBuilt(p, synthPlan(p));
        expect(ledgerProblems(ledger)).toEqual([]);
        expect(ledger.built.length + ledger.notProvisioned.length).toBe(p.bom.resources.length);
        for (const { item, reason } of ledger.notProvisioned) {
          expect(MAY_BE_LEFT_OUT.has(item.type), `${item.type} ${item.resource}`).toBe(true);
          expect(reason.length).toBeGreaterThan(20);
        }
        // Whatever the plan prices for the network and compute is built, never left out.
        const builtTypes = new Set(ledger.built.map((b) => b.item.type));
        for (const type of ['load_balancer', 'nat_gateway', 'public_ipv4', 'eks_cluster', 'fargate_task', 'rds_instance', 'elasticache_cluster', 'msk_cluster']) {
          if (p.bom.resources.some((r) => r.type === type)) expect(builtTypes.has(type), type).toBe(true);
        }
      });
    }
  }

  it('the ALB every EKS and self-managed plan prices is a built, internet-facing application load balancer', () => {
    for (const profile of ['eks-web-app', 'trading-k8s-self-managed']) {
      const p = plan(10_000, profile);
      const alb = pricedVsBuilt(p, synthPlan(p)).built.find((b) => b.item.type === 'load_balancer');
      expect(alb, profile).toMatchObject({ terraform: 'aws_lb × 1 (internet-facing application)' });
      expect(alb!.problem).toBeUndefined();
    }
  });

  it('optional parts the stack does not create are listed with their reason, not surprises', () => {
    const p = plan(100_000, 'nextjs-nestjs-postgres', { parts: { cdn: {}, waf: {}, backups: {}, vpcEndpoints: {}, support: 'business' } });
    const ledger = pricedVsBuilt(p, synthPlan(p));
    expect(ledgerProblems(ledger)).toEqual([]);
    const left = new Map(ledger.notProvisioned.map((n) => [n.item.type, n.reason]));
    for (const type of ['cloudfront_distribution', 'waf_web_acl', 'rds_backup', 'vpc_endpoint']) expect(left.get(type), type).toBe(NOT_PROVISIONED.optionalParts);
    expect(left.get('support_plan')).toBe(NOT_PROVISIONED.support);
  });

  it('reads a plan file as well as a plan computed in-process', () => {
    const p = plan(10_000, 'microservices-mysql');
    const tf = synthPlan(p);
    expect(pricedVsBuilt(asPlanFile(p), tf)).toEqual(pricedVsBuilt(p, tf));
  });
});

describe('the ledger catches what is priced but not built', () => {
  it('a stack without its ALB: the load balancer and its public addresses are flagged', () => {
    const p = plan(10_000, 'eks-web-app');
    const problems = ledgerProblems(pricedVsBuilt(p, without(synthPlan(p), 'aws_lb')));
    expect(problems).toEqual([
      expect.stringMatching(/^ELB \/ alb: the plan prices 1 aws_lb of internet-facing application, the stack has 0$/),
      expect.stringMatching(/^VPC \/ public addresses: the plan prices 3 public IPv4 addresses, the stack has 1$/),
    ]);
  });

  it('self-managed Kubernetes without its NAT gateway is flagged (no route out for the nodes)', () => {
    const p = plan(10_000, 'trading-k8s-self-managed');
    const problems = ledgerProblems(pricedVsBuilt(p, without(synthPlan(p), 'aws_nat_gateway')));
    expect(problems).toEqual([expect.stringMatching(/^VPC \/ nat: the plan prices 1 aws_nat_gateway, the stack has 0$/)]);
  });

  it('a node group of another size is flagged', () => {
    const p = plan(10_000, 'eks-web-app');
    const tf = synthPlan(p);
    const group = Object.values(tf.resource.aws_eks_node_group)[0] as any;
    group.scaling_config.desired_size += 1;
    expect(ledgerProblems(pricedVsBuilt(p, tf))).toEqual([
      expect.stringMatching(new RegExp(`^EC2 / node group workers: no aws_eks_node_group runs \\d+ × ${p.nodes[0]!.instanceType.replace('.', '\\.')}`)),
      expect.stringMatching(/^EBS \/ node root volumes: the plan prices \d+ root volumes, the node groups run \d+ nodes$/),
    ]);
  });

  it('an unknown BOM type is a surprise, not silently dropped', () => {
    const p = plan(10_000, 'eks-web-app');
    const odd = withBom(p, [...p.bom.resources, { type: 'vpn_gateway', name: 'vpn' } as unknown as BomResource]);
    const ledger = pricedVsBuilt(odd, synthPlan(p));
    expect(ledger.surprises.map((s) => s.problem)).toEqual(['no rule for BOM type "vpn_gateway"']);
    expect(ledgerProblems(ledger)).toHaveLength(1);
    expect(formatLedger(ledger)).toContain('NOT ACCOUNTED FOR vpn_gateway / vpn ($0.00 a month): no rule for BOM type "vpn_gateway"');
  });

  it('EC2 instances and EBS volumes the rules do not name are surprises too', () => {
    const p = plan(10_000, 'eks-web-app');
    const odd = withBom(p, [...p.bom.resources, { type: 'ec2_instance', name: 'bastion', instanceType: 't3.micro' }, { type: 'ebs_volume', name: 'scratch', sizeGb: 10 }]);
    expect(pricedVsBuilt(odd, synthPlan(p)).surprises.map((s) => s.problem)).toEqual(['no rule for EC2 instances named "bastion"', 'no rule for EBS volumes named "scratch"']);
  });

  it('EBS snapshots have a reason (no plan prices them yet, a BOM may)', () => {
    const p = plan(100, 'eks-web-app');
    const ledger = pricedVsBuilt(withBom(p, [{ type: 'ebs_snapshot', name: 'backups', sizeGb: 10 }]), synthPlan(p));
    expect(ledger.notProvisioned.map((n) => n.reason)).toEqual([NOT_PROVISIONED.snapshots]);
  });
});

describe('synth prints the ledger', () => {
  it('one line per item not provisioned: service, resource, monthly cost and reason; then the total', () => {
    const p = plan(1_000_000, 'fintech-fargate-jenkins');
    const ledger = pricedVsBuilt(p, synthPlan(p));
    const text = formatLedger(ledger);
    const monthly = (resource: string) => p.lineItems.filter((li) => li.resource === resource).reduce((s, li) => s.plus(li.monthly ?? 0), ZERO);
    for (const [service, resource, reason] of [
      ['Data Transfer', 'traffic', NOT_PROVISIONED.dataTransfer],
      ['Route 53', 'dns', NOT_PROVISIONED.route53],
      ['Secrets Manager', 'secrets', NOT_PROVISIONED.secrets],
      ['EC2', 'jenkins controller', NOT_PROVISIONED.jenkins],
      ['EC2', 'jenkins agents', NOT_PROVISIONED.jenkins],
      ['EBS', 'jenkins home', NOT_PROVISIONED.jenkins],
    ] as const) {
      expect(text).toContain(`  ${service} / ${resource}: ${formatUsd(monthly(resource))} a month — ${reason}\n`);
    }
    const total = ['traffic', 'dns', 'secrets', 'jenkins controller', 'jenkins agents', 'jenkins home'].reduce((s, r) => s.plus(monthly(r)), ZERO);
    expect(ledger.notProvisionedMonthly.toString()).toBe(total.toString());
    expect(text).toContain(`not provisioned, total: ${formatUsd(total)} a month\n`);
    expect(text.split('\n')[0]).toBe(`priced = built: ${p.bom.resources.length - 6} of ${p.bom.resources.length} priced resources are created by this stack`);
  });
});

describe('what the stack builds beyond the plan', () => {
  const typesOf = (ledger: ReturnType<typeof pricedVsBuilt>) => ledger.builtNotPriced.map((b) => b.terraform.split('.')[0]).sort();

  it('lists the EKS secrets key, the flow log and the infrastructure log groups, with no invented amount', () => {
    const p = plan(10_000, 'eks-web-app');
    const ledger = pricedVsBuilt(p, synthPlan(p));
    expect(typesOf(ledger)).toEqual(['aws_cloudwatch_log_group', 'aws_cloudwatch_log_group', 'aws_flow_log', 'aws_kms_key']);
    const text = formatLedger(ledger);
    expect(text).toMatch(/^built, not priced by the plan \(billed by use; see docs\/infra\.md, "Hardening"\):$/m);
    expect(text).toMatch(/^ {2}aws_kms_key\.\S+: a customer-managed KMS key/m);
    // The application log group is priced by the plan, so it is not listed here.
    expect(ledger.builtNotPriced.some((b) => /application/.test(b.terraform))).toBe(false);
    expect(text.split('built, not priced')[1]).not.toMatch(/\$\d/);
  });

  it('a Fargate stack has no EKS key or control-plane logs: only the flow log and its group', () => {
    const p = plan(10_000, 'trading-fargate');
    expect(typesOf(pricedVsBuilt(p, synthPlan(p)))).toEqual(['aws_cloudwatch_log_group', 'aws_flow_log']);
  });
});

describe('a plan split over many managed node groups', () => {
  it('at 100 million users builds every node group and NAT gateway the plan prices', () => {
    const p = plan(100_000_000, 'eks-web-app');
    expect(p.nodes.length).toBeGreaterThan(1);
    const ledger = pricedVsBuilt(p, synthPlan(p));
    expect(ledgerProblems(ledger)).toEqual([]);
    const groups = ledger.built.filter((b) => b.item.type === 'ec2_instance');
    expect(groups.map((b) => b.item.resource)).toEqual(p.nodes.map((g) => `node group ${g.name}`));
    expect(ledger.built.find((b) => b.item.type === 'nat_gateway')!.terraform).toBe(`aws_nat_gateway × ${p.capacity.natGateways.count}`);
  }, 60_000);
});
