import { Decimal, RESOURCE_TYPES, sum, type Plan } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { InputError } from '../plan-input/input-error.js';
import { budgetReport, splitBudget, TAG_VISIBILITY } from '../plan-input/tag-visibility.js';
import { only, plan, specOf, synthPlan } from '../testing/plans.js';

/** The plan's line items of these resources, summed exactly: an independent count of what the tag cannot see. */
const costOf = (p: Plan, resources: readonly string[]) => sum(p.lineItems.filter((i) => resources.includes(i.resource)).map((i) => i.monthly!));
const cents = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);

describe('the Budget is what the plan tag can see', () => {
  // Per plan: the resources whose cost cannot carry the tag, named by hand from docs/infra.md.
  const cases: [string, Plan, string[], { tagged: string; untagged: string; total: string }][] = [
    ['eks-web-app, 10k users', plan(10_000, 'eks-web-app', { planDate: '2026-12-01' }), ['traffic', 'public addresses', 'dns', 'prometheus volume', 'ci linux_2_core'], { tagged: '247.81', untagged: '44.25', total: '292.06' }],
    ['fintech-fargate-jenkins, 10k users', plan(10_000, 'fintech-fargate-jenkins'), ['traffic', 'public addresses', 'dns', 'secrets', 'jenkins controller', 'jenkins agents', 'jenkins home'], { tagged: '253.70', untagged: '65.36', total: '319.06' }],
    ['trading-k8s-self-managed, 100 users', plan(100, 'trading-k8s-self-managed'), ['public addresses', 'dns', 'traffic', 'ci linux_2_core'], { tagged: '145.79', untagged: '15.11', total: '160.90' }],
  ];

  for (const [label, p, untaggedNames, expected] of cases) {
    it(`${label}: Budget = total − untagged, to the cent`, () => {
      const split = specOf(p).budget;
      const untaggedExact = costOf(p, untaggedNames);
      expect(split.taggedUsd).toBe(cents(new Decimal(p.monthly.total).minus(untaggedExact)));
      expect(new Decimal(split.taggedUsd).plus(split.untaggedUsd).toFixed(2)).toBe(cents(new Decimal(p.monthly.total)));
      expect(split.untagged.map((u) => u.resource).sort()).toEqual([...untaggedNames].sort());
      expect([split.taggedUsd, split.untaggedUsd, split.totalUsd]).toEqual([expected.tagged, expected.untagged, expected.total]);
    });
  }

  it('the self-managed profile: GitHub Actions and Route 53 stay outside, its node groups inside', () => {
    const p = plan(100, 'trading-k8s-self-managed');
    const split = splitBudget(p);
    const outside = new Set(split.untagged.map((u) => u.service));
    expect(outside.has('Route 53')).toBe(true);
    expect(outside.has('EC2')).toBe(false);
    expect(new Decimal(split.taggedUsd).gte(cents(costOf(p, p.nodes.map((g) => `node group ${g.name}`))))).toBe(true);
  });

  it('an extended-support cluster is inside the Budget: the lapse shows in tagged spend', () => {
    const standard = specOf(plan(10_000, 'eks-web-app', { kubernetesVersion: '1.33', planDate: '2026-07-28' })).budget;
    const extended = specOf(plan(10_000, 'eks-web-app', { kubernetesVersion: '1.33', planDate: '2026-07-30' })).budget;
    expect(new Decimal(extended.taggedUsd).minus(standard.taggedUsd).toFixed(2)).toBe('365.00');
    expect(extended.untaggedUsd).toBe(standard.untaggedUsd);
  });

  it('every resource type of the bill of materials is decided, with a reason', () => {
    expect(Object.keys(TAG_VISIBILITY).sort()).toEqual([...RESOURCE_TYPES.keys()].sort());
    for (const [type, v] of Object.entries(TAG_VISIBILITY)) expect(v.why.length, type).toBeGreaterThan(20);
  });

  it('refuses a plan whose line items do not match its bill of materials', () => {
    const p = plan(10_000, 'eks-web-app');
    const broken = { ...p, lineItems: [...p.lineItems, { ...p.lineItems[0]!, resource: 'nowhere' }] };
    expect(() => splitBudget(broken)).toThrow(InputError);
    expect(() => splitBudget(broken)).toThrow(/line item "nowhere" has no resource in the plan's bill of materials/);
  });

  it('synth prints the Budget and each untagged cost with its reason', () => {
    const lines = budgetReport(specOf(plan(10_000, 'eks-web-app', { planDate: '2026-12-01' })).budget);
    expect(lines[0]).toBe('Budget: $247.81 a month, the plan costs that carry the plan tag (plan total $292.06)');
    expect(lines[1]).toBe('Outside the Budget, the tag cannot see them: $44.25 a month');
    expect(lines[2]).toBe(`  Data Transfer / traffic: $32.34 — ${TAG_VISIBILITY.data_transfer.why}`);
  });
});

describe('aws_budgets_budget', () => {
  const p = plan(10_000, 'eks-web-app', { planDate: '2026-12-01' });
  const tf = synthPlan(p);
  const budget = only(tf, 'aws_budgets_budget');

  it('is the tagged amount, and the rest is a Terraform output beside it', () => {
    expect(budget.limit_amount).toBe('247.81');
    expect(tf.output.budget_monthly_usd.value).toBe('247.81');
    expect(tf.output.untagged_monthly_usd.value).toBe('44.25');
    expect(tf.output.untagged_monthly_usd.description).toContain('plan total 292.06');
  });

  it('mails at 80% of the forecast and at 100% of actual spend', () => {
    expect(budget.notification).toEqual([
      { comparison_operator: 'GREATER_THAN', notification_type: 'FORECASTED', threshold: 80, threshold_type: 'PERCENTAGE', subscriber_email_addresses: '${var.budget_alert_emails}' },
      { comparison_operator: 'GREATER_THAN', notification_type: 'ACTUAL', threshold: 100, threshold_type: 'PERCENTAGE', subscriber_email_addresses: '${var.budget_alert_emails}' },
    ]);
  });
});
