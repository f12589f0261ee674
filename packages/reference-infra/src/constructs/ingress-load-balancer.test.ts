import { describe, expect, it } from 'vitest';
import { only, plan, resources, synthPlan, type TfJson } from '../testing/plans.js';

const eks = plan(10_000, 'microservices-mysql');
const selfManaged = plan(10_000, 'trading-k8s-self-managed');

const key = (tf: TfJson, type: string, test: (r: Record<string, any>) => boolean) => Object.entries(tf.resource[type] as Record<string, any>).find(([, r]) => test(r))![0];
const publicSubnets = (tf: TfJson) => Object.entries(tf.resource.aws_subnet as Record<string, any>).filter(([, s]) => / public /.test(s.tags.Name)).map(([k]) => `\${aws_subnet.${k}.id}`);
const https = 'startswith(var.certificate_arn, "arn:")';

describe('the Kubernetes ALB, with the AWS provider alone', () => {
  for (const [label, p, nodesGroupType] of [['EKS', eks, 'aws_eks_node_group'], ['self-managed Kubernetes', selfManaged, 'aws_autoscaling_group']] as const) {
    it(`${label}: an internet-facing ALB over every public subnet, forwarding to an instance target group on the NodePort`, () => {
      const tf = synthPlan(p);
      const alb = only(tf, 'aws_lb');
      expect([alb.load_balancer_type, alb.internal, alb.drop_invalid_header_fields]).toEqual(['application', false, true]);
      expect(alb.subnets).toEqual(publicSubnets(tf));
      const tg = only(tf, 'aws_lb_target_group');
      expect([tg.target_type, tg.protocol, tg.port]).toEqual(['instance', 'HTTP', '${var.ingress_node_port}']);
      expect(tg.health_check).toEqual({ path: '${var.ingress_health_check_path}', port: 'traffic-port', matcher: '200-399' });
      expect(tf.output.alb_dns_name.value).toMatch(/^\$\{aws_lb\.\w+\.dns_name\}$/);
    });

    it(`${label}: the target group is attached to each node group's Auto Scaling group`, () => {
      const tf = synthPlan(p);
      const tg = `\${aws_lb_target_group.${Object.keys(tf.resource.aws_lb_target_group)[0]}.arn}`;
      const groups = Object.keys(tf.resource[nodesGroupType]);
      const asgName = (g: string) => (nodesGroupType === 'aws_eks_node_group' ? `\${aws_eks_node_group.${g}.resources[0].autoscaling_groups[0].name}` : `\${aws_autoscaling_group.${g}.name}`);
      expect(resources(tf, 'aws_autoscaling_attachment')).toEqual(groups.map((g) => ({ autoscaling_group_name: asgName(g), lb_target_group_arn: tg })));
    });

    it(`${label}: the ALB takes 80 and 443 from the internet; the nodes take only the NodePort, only from the ALB`, () => {
      const tf = synthPlan(p);
      const albSg = `\${aws_security_group.${key(tf, 'aws_security_group', (sg) => /ALB/.test(sg.description))}.id}`;
      const ingress = resources(tf, 'aws_vpc_security_group_ingress_rule');
      expect(ingress.filter((r) => r.security_group_id === albSg).map((r) => [r.cidr_ipv4, r.from_port, r.to_port]).sort((a, b) => a[1] - b[1])).toEqual([['0.0.0.0/0', 80, 80], ['0.0.0.0/0', 443, 443]]);
      const toNodes = ingress.filter((r) => r.referenced_security_group_id === albSg);
      expect(toNodes.map((r) => [r.from_port, r.to_port, r.ip_protocol])).toEqual([['${var.ingress_node_port}', '${var.ingress_node_port}', 'tcp']]);
      const nodeSg = toNodes[0]!.security_group_id;
      expect(nodeSg).toBe(nodesGroupType === 'aws_eks_node_group' ? `\${aws_eks_cluster.${Object.keys(tf.resource.aws_eks_cluster)[0]}.vpc_config[0].cluster_security_group_id}` : `\${aws_security_group.${key(tf, 'aws_security_group', (sg) => /self-managed/.test(sg.description))}.id}`);
      // Nothing else opens the nodes to an address range.
      expect(ingress.filter((r) => r.security_group_id === nodeSg && r.cidr_ipv4)).toEqual([]);
      const egress = resources(tf, 'aws_vpc_security_group_egress_rule').filter((r) => r.security_group_id === albSg);
      expect(egress.map((r) => [r.referenced_security_group_id, r.from_port])).toEqual([[nodeSg, '${var.ingress_node_port}']]);
    });

    it(`${label}: HTTPS with the certificate when one is given, and HTTP then redirects; HTTP forwards otherwise`, () => {
      const tf = synthPlan(p);
      const listeners = resources(tf, 'aws_lb_listener');
      const secure = listeners.find((l) => l.port === 443)!;
      expect([secure.protocol, secure.certificate_arn, secure.count, secure.ssl_policy]).toEqual(['HTTPS', '${var.certificate_arn}', `\${${https} ? 1 : 0}`, 'ELBSecurityPolicy-TLS13-1-2-2021-06']);
      const http = listeners.find((l) => l.port === 80)!;
      expect(http.default_action).toHaveLength(1);
      expect(http.default_action[0].type).toBe(`\${${https} ? "redirect" : "forward"}`);
      expect(http.default_action[0].dynamic.redirect).toEqual({ for_each: `\${${https} ? ["https"] : []}`, content: { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' } });
    });
  }

  it('declares the NodePort, health check path and certificate with documented defaults and checks them', () => {
    const tf = synthPlan(eks);
    expect(tf.variable.ingress_node_port.default).toBe(30080);
    expect(tf.variable.ingress_node_port.validation[0].condition).toBe('${var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767}');
    expect(tf.variable.ingress_health_check_path.default).toBe('/healthz');
    expect(tf.variable.certificate_arn.default).toBe('');
    expect(tf.variable.certificate_arn.validation[0].condition).toMatch(/^\$\{var\.certificate_arn == "" \|\| can\(regex/);
  });

  it('self-managed groups leave their target groups to the attachment (as the provider requires)', () => {
    for (const g of resources(synthPlan(selfManaged), 'aws_autoscaling_group')) expect(g.lifecycle.ignore_changes).toEqual(['load_balancers', 'target_group_arns']);
  });

  it('Fargate plans keep their own ALB and get none of these variables', () => {
    const tf = synthPlan(plan(10_000, 'trading-fargate'));
    expect(resources(tf, 'aws_autoscaling_attachment')).toEqual([]);
    expect(Object.keys(tf.variable)).not.toContain('ingress_node_port');
    expect(only(tf, 'aws_lb_target_group').target_type).toBe('ip');
  });
});
