import { PLAN_TAG_KEY } from '@tier-planner/cost-model';
import { BudgetsBudget, Construct } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';

export interface CostGuardrailsProps {
  readonly spec: InfraSpec;
  /** Who gets the alerts (a Terraform variable). */
  readonly alertEmails: string[];
}

/**
 * A monthly AWS Budget of exactly the plan's forecast, scoped to the plan's cost-allocation tag,
 * that mails when the month is forecast to exceed it and when actual spend does.
 */
export class CostGuardrails extends Construct {
  readonly budget: BudgetsBudget;

  constructor(scope: Construct, id: string, props: CostGuardrailsProps) {
    super(scope, id);
    const { spec } = props;
    const alert = (notificationType: 'FORECASTED' | 'ACTUAL') => ({
      comparisonOperator: 'GREATER_THAN',
      notificationType,
      threshold: 100,
      thresholdType: 'PERCENTAGE',
      subscriberEmailAddresses: props.alertEmails,
    });
    this.budget = new BudgetsBudget(this, 'budget', {
      name: `tier-planner-${shortName(spec.planName, 80)}`,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limitAmount: spec.budgetUsd,
      limitUnit: 'USD',
      // Only what carries the plan's tag (activate it as a cost-allocation tag in Billing first).
      costFilter: [{ name: 'TagKeyValue', values: [`user:${PLAN_TAG_KEY}$${spec.planName}`] }],
      notification: [alert('FORECASTED'), alert('ACTUAL')],
    });
  }
}
