/** The two AWS Data Exports tables the actuals can come from. */
export type ExportFormat = 'cur2' | 'focus';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['cur2', 'focus'];

/** What a line of the bill is, whichever format it came from. */
export type ChargeKind =
  /** Usage at on-demand or discounted rates, including usage covered by Savings Plans or RIs. */
  | 'usage'
  /** Savings Plans and reservation fees (recurring and upfront). */
  | 'commitment_fee'
  | 'credit'
  | 'refund'
  | 'tax'
  /** Negotiated and bundled discounts (EDP, private rates). */
  | 'discount'
  /** FOCUS Adjustment, or a CUR line type this reader does not know. */
  | 'other';

export const CHARGE_KINDS: readonly ChargeKind[] = ['usage', 'commitment_fee', 'credit', 'refund', 'tax', 'discount', 'other'];

/** Columns a format must have for the spend query; a file without one of them is refused by name. */
export const REQUIRED_COLUMNS: Readonly<Record<ExportFormat, readonly string[]>> = {
  cur2: [
    'bill_billing_period_start_date',
    'line_item_usage_start_date',
    'line_item_line_item_type',
    'line_item_product_code',
    'line_item_usage_type',
    'line_item_usage_account_id',
    'line_item_unblended_cost',
    'savings_plan_savings_plan_effective_cost',
    'savings_plan_total_commitment_to_date',
    'savings_plan_used_commitment',
    'reservation_effective_cost',
    'reservation_unused_amortized_upfront_fee_for_billing_period',
    'reservation_unused_recurring_fee',
    'reservation_reservation_a_r_n',
    'resource_tags',
  ],
  focus: ['BillingPeriodStart', 'ChargePeriodStart', 'ChargeCategory', 'ChargeClass', 'CommitmentDiscountStatus', 'ServiceName', 'SubAccountId', 'BilledCost', 'EffectiveCost', 'Tags', 'x_ServiceCode', 'SkuMeter'],
};
