// The Kubernetes ALB's listeners as real Terraform evaluates them: the synthesized expressions
// (HTTPS listener count, HTTP action, redirect block) applied with and without a certificate, and
// the ingress variables refused at plan time when out of range.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../packages/reference-infra/src/stacks/build-app.js';
import { plan, specOf } from '../../packages/reference-infra/src/testing/plans.js';
import { findMirror, TerraformWorkdir, whyNoTerraform } from './terraform.js';

const skipReason = whyNoTerraform();
const stack = () => synthesize(specOf(plan(10_000, 'eks-web-app')));
const inner = (expression: string) => /^\$\{([\s\S]*)\}$/.exec(expression)![1]!;
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0e3f0b4c-1111-2222-3333-444455556666';

let work: TerraformWorkdir;

describe.skipIf(skipReason !== undefined)(`ALB listeners under real Terraform${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(() => {
    work = new TerraformWorkdir(findMirror()!);
  });
  afterAll(() => work?.remove());

  it('no certificate: no HTTPS listener, HTTP forwards to the nodes; a certificate: HTTPS, and HTTP redirects', () => {
    const tf = stack();
    const listeners = Object.values(tf.resource.aws_lb_listener) as any[];
    const https = listeners.find((l) => l.port === 443);
    const http = listeners.find((l) => l.port === 80).default_action[0];
    const tg = Object.keys(tf.resource.aws_lb_target_group)[0]!;
    // The synthesized expressions, with the target group's ARN standing in as a string.
    const target = inner(http.target_group_arn).replace(`aws_lb_target_group.${tg}.arn`, '"target-group-arn"');
    const config = {
      variable: { certificate_arn: tf.variable.certificate_arn },
      output: {
        https_listeners: { value: https.count },
        http_action: { value: http.type },
        http_target: { value: `\${coalesce(${target}, "none")}` },
        redirect_blocks: { value: `\${length(${inner(http.dynamic.redirect.for_each)})}` },
      },
    };
    writeFileSync(join(work.dir, 'main.tf.json'), JSON.stringify(config));
    const evaluate = (cert: string) => {
      const apply = work.run(['apply', '-auto-approve', '-input=false', '-no-color', '-lock=false', `-var=certificate_arn=${cert}`]);
      expect(apply.status, apply.stdout + apply.stderr).toBe(0);
      const out = JSON.parse(work.run(['output', '-json']).stdout) as Record<string, { value: unknown }>;
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.value]));
    };
    expect(evaluate('')).toEqual({ https_listeners: 0, http_action: 'forward', http_target: 'target-group-arn', redirect_blocks: 0 });
    expect(evaluate(CERT)).toEqual({ https_listeners: 1, http_action: 'redirect', http_target: 'none', redirect_blocks: 1 });
  }, 60_000);

  it('refuses a NodePort outside 30000-32767 and a certificate that is not an ACM ARN, at plan time', () => {
    work.write(stack());
    work.init();
    const planWith = (...vars: string[]) =>
      work.run(['plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', '-var=api_allowed_cidrs=["203.0.113.0/24"]', '-var=budget_alert_emails=["ops@example.com"]', ...vars.map((v) => `-var=${v}`)]);
    for (const port of ['80', '29999', '32768']) expect(planWith(`ingress_node_port=${port}`).stderr, port).toMatch(/Invalid value for variable[\s\S]*A NodePort is in 30000-32767/);
    expect(planWith('certificate_arn=my-cert').stderr).toMatch(/Invalid value for variable[\s\S]*Give an ACM certificate ARN/);
    // No AWS credentials here, so plan still fails, but not on the variables.
    expect(planWith('ingress_node_port=30080', `certificate_arn=${CERT}`).stderr).not.toMatch(/Invalid value for variable/);
  }, 120_000);
});
