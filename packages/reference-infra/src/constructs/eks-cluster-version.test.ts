import { planFromJson, planToJson } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { infraSpec } from '../plan-input/infra-spec.js';
import { InputError } from '../plan-input/input-error.js';
import { asPlanFile, only, plan, specOf, synthPlan } from '../testing/plans.js';

describe('the EKS cluster runs the version the plan priced', () => {
  it("kubernetes_version defaults to the plan's version: the newest in standard support on its date", () => {
    const p = plan(10_000, 'eks-web-app', { planDate: '2026-07-28' });
    expect(p.kubernetes!.version).toBe('1.36');
    const tf = synthPlan(p);
    expect(tf.variable.kubernetes_version.default).toBe('1.36');
    expect(tf.variable.kubernetes_version.description).toContain('standard support until 2027-08-02');
    expect(only(tf, 'aws_eks_cluster').version).toBe('${var.kubernetes_version}');
  });

  it('an explicit version reaches the stack, through a plan file too', () => {
    const p = plan(10_000, 'microservices-mysql', { kubernetesVersion: '1.34', planDate: '2026-09-03' });
    expect(synthPlan(p).variable.kubernetes_version.default).toBe('1.34');
    expect(synthPlan(asPlanFile(p)).variable.kubernetes_version.default).toBe('1.34');
    expect(specOf(asPlanFile(p)).kubernetes).toEqual({ version: '1.34', support: 'standard', planDate: '2026-09-03', endOfStandardSupport: '2026-12-02' });
  });

  it('sets upgrade_policy STANDARD by default, with an EXTENDED opt-out variable', () => {
    const tf = synthPlan(plan(10_000, 'eks-web-app'));
    expect(only(tf, 'aws_eks_cluster').upgrade_policy).toEqual({ support_type: '${var.kubernetes_support_type}' });
    const v = tf.variable.kubernetes_support_type;
    expect(v.default).toBe('STANDARD');
    expect(v.validation).toEqual([{ condition: '${contains(["STANDARD", "EXTENDED"], var.kubernetes_support_type)}', error_message: 'kubernetes_support_type must be STANDARD or EXTENDED.' }]);
  });

  it('a plan priced in extended support is built with upgrade policy EXTENDED, as priced', () => {
    const p = plan(10_000, 'eks-web-app', { kubernetesVersion: '1.33', planDate: '2026-07-30' });
    expect(p.kubernetes!.support).toBe('extended');
    const tf = synthPlan(p);
    expect(tf.variable.kubernetes_version.default).toBe('1.33');
    expect(tf.variable.kubernetes_support_type.default).toBe('EXTENDED');
  });

  it('other platforms declare neither variable', () => {
    for (const profile of ['trading-fargate', 'trading-k8s-self-managed']) {
      const tf = synthPlan(plan(10_000, profile));
      expect(tf.variable.kubernetes_version, profile).toBeUndefined();
      expect(tf.variable.kubernetes_support_type, profile).toBeUndefined();
    }
  });

  it('refuses an EKS plan file that does not say its Kubernetes version', () => {
    const json = planToJson(plan(10_000, 'eks-web-app')) as Record<string, unknown>;
    delete json.kubernetes;
    const old = planFromJson(json, 'old-plan.json');
    expect(() => infraSpec(old)).toThrow(InputError);
    expect(() => infraSpec(old)).toThrow('the plan has no Kubernetes version: write it again with tier-planner --json');
  });
});
