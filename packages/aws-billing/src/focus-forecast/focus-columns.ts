// The columns a forecast file has, in order, with the types AWS's FOCUS 1.2 table dictionary gives
// them (costs double, periods timestamp in milliseconds, Tags a map), as DuckDB writes them to parquet.
// They include every column the actuals reader needs (REQUIRED_COLUMNS.focus), so a forecast file
// reads back like an export.

export const FOCUS_FORECAST_COLUMNS = [
  ['BillingAccountId', 'VARCHAR'],
  ['SubAccountId', 'VARCHAR'],
  ['ProviderName', 'VARCHAR'],
  ['PublisherName', 'VARCHAR'],
  ['InvoiceIssuerName', 'VARCHAR'],
  ['ServiceName', 'VARCHAR'],
  ['ServiceCategory', 'VARCHAR'],
  ['ChargeCategory', 'VARCHAR'],
  ['ChargeClass', 'VARCHAR'],
  ['CommitmentDiscountStatus', 'VARCHAR'],
  ['ChargeFrequency', 'VARCHAR'],
  ['ChargeDescription', 'VARCHAR'],
  ['ChargePeriodStart', 'TIMESTAMP_MS'],
  ['ChargePeriodEnd', 'TIMESTAMP_MS'],
  ['BillingPeriodStart', 'TIMESTAMP_MS'],
  ['BillingPeriodEnd', 'TIMESTAMP_MS'],
  ['BillingCurrency', 'VARCHAR'],
  ['ListCost', 'DOUBLE'],
  ['BilledCost', 'DOUBLE'],
  ['EffectiveCost', 'DOUBLE'],
  ['ContractedCost', 'DOUBLE'],
  ['PricingQuantity', 'DOUBLE'],
  ['PricingUnit', 'VARCHAR'],
  ['ConsumedQuantity', 'DOUBLE'],
  ['ConsumedUnit', 'VARCHAR'],
  ['SkuId', 'VARCHAR'],
  ['SkuMeter', 'VARCHAR'],
  ['RegionId', 'VARCHAR'],
  ['Tags', 'MAP(VARCHAR, VARCHAR)'],
  ['x_ServiceCode', 'VARCHAR'],
  ['x_TierPlannerPlan', 'VARCHAR'],
  ['x_TierPlannerService', 'VARCHAR'],
  ['x_TierPlannerLineItem', 'VARCHAR'],
  ['x_TierPlannerSource', 'VARCHAR'],
] as const;

export type FocusColumn = (typeof FOCUS_FORECAST_COLUMNS)[number][0];
