import { PLAN_TAG_KEY } from '@tier-planner/cost-model';
import { BudgetsBudget, Construct } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { shortName } from '../plan-input/names.js';

export interface CostGuardrailsProps {
  readonly spec: InfraSpec;
  /** Who gets the alerts (a Terraform variable). */
  readonly alertEmails: string[];
}

/** The Budget mails early on a forecast, and again when actual spend reaches the amount. */
export const FORECAST_ALERT_PERCENT = 80;
export const ACTUAL_ALERT_PERCENT = 100;

/**
 * A monthly AWS Budget scoped to the plan's cost-allocation tag, of exactly the plan costs that tag
 * can see (spec.budget; the rest is reported beside it), mailing at 80% of forecast and 100% of actual spend.
 */
export class CostGuardrails extends Construct {
  readonly budget: BudgetsBudget;

  constructor(scope: Construct, id: string, props: CostGuardrailsProps) {
    super(scope, id);
    const { spec } = props;
    const alert = (notificationType: 'FORECASTED' | 'ACTUAL', threshold: number) => ({
      comparisonOperator: 'GREATER_THAN',
      notificationType,
      threshold,
      thresholdType: 'PERCENTAGE',
      subscriberEmailAddresses: props.alertEmails,
    });
    this.budget = new BudgetsBudget(this, 'budget', {
      name: `tier-planner-${shortName(spec.planName, 80)}`,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      limitAmount: spec.budget.taggedUsd,
      limitUnit: 'USD',
      // Only what carries the plan's tag (activate it as a cost-allocation tag in Billing first).
      costFilter: [{ name: 'TagKeyValue', values: [`user:${PLAN_TAG_KEY}$${spec.planName}`] }],
      notification: [alert('FORECASTED', FORECAST_ALERT_PERCENT), alert('ACTUAL', ACTUAL_ALERT_PERCENT)],
    });
  }
}
