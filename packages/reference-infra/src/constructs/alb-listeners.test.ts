import { describe, expect, it } from 'vitest';
import { plan, resources, synthPlan } from '../testing/plans.js';

// The Fargate ALB, like the Kubernetes one (ingress-load-balancer.test.ts), serves HTTPS when
// certificate_arn is given and then only redirects on HTTP; routes to further services follow.
describe('HTTPS on the Fargate ALB', () => {
  const tf = synthPlan(plan(10_000, 'fintech-fargate-jenkins'));
  const listeners = resources(tf, 'aws_lb_listener');
  const https = listeners.find((l) => l.port === 443)!;
  const http = listeners.find((l) => l.port === 80)!;

  it('declares certificate_arn, refusing anything but an ACM ARN or nothing', () => {
    expect(tf.variable.certificate_arn.default).toBe('');
    expect(tf.variable.certificate_arn.validation[0].condition).toContain(':acm:');
  });

  it('has an HTTPS listener only with a certificate, on a TLS 1.2+ policy, and HTTP redirects then', () => {
    expect(https.count).toBe('${startswith(var.certificate_arn, "arn:") ? 1 : 0}');
    expect([https.protocol, https.ssl_policy, https.certificate_arn]).toEqual(['HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06', '${var.certificate_arn}']);
    expect(http.default_action[0].type).toBe('${startswith(var.certificate_arn, "arn:") ? "redirect" : "forward"}');
    expect(http.default_action[0].dynamic.redirect.content).toEqual({ port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' });
  });

  it('routes further services on the listener that serves: HTTPS when it exists, else HTTP', () => {
    const rules = resources(tf, 'aws_lb_listener_rule');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.listener_arn).toMatch(/^\$\{coalesce\(one\(aws_lb_listener\.\S+https\S*\[\*\]\.arn\), aws_lb_listener\.\S+\.arn\)\}$/);
  });

  it('opens 443 as well as 80 on the ALB', () => {
    const ports = resources(tf, 'aws_vpc_security_group_ingress_rule').filter((r) => r.cidr_ipv4 === '0.0.0.0/0').map((r) => r.from_port);
    expect(ports).toEqual(expect.arrayContaining([80, 443]));
  });
});
