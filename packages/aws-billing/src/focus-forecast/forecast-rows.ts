import { dec, defaultPlanName, PLAN_TAG_KEY, ZERO, type Decimal, type LineItem, type Plan } from '@tier-planner/cost-model';
import { BillingError } from '../billing-error.js';
import { focusService } from './focus-service-names.js';

/** One forecast row in FOCUS 1.2 columns: amounts exact (Decimal), absent values undefined (NULL). */
export interface FocusForecastRow {
  readonly BillingAccountId?: string;
  readonly SubAccountId?: string;
  readonly ProviderName: string;
  readonly PublisherName: string;
  readonly InvoiceIssuerName: string;
  readonly ServiceName: string;
  readonly ServiceCategory: string;
  readonly ChargeCategory: 'Usage' | 'Purchase';
  /** A forecast corrects nothing: always absent. */
  readonly ChargeClass?: string;
  /** A forecast does not know which commitment covers which hour: always absent. */
  readonly CommitmentDiscountStatus?: string;
  readonly ChargeFrequency: 'Usage-Based' | 'Recurring';
  readonly ChargeDescription: string;
  /** ISO instants, UTC: the billing month. */
  readonly ChargePeriodStart: string;
  readonly ChargePeriodEnd: string;
  readonly BillingPeriodStart: string;
  readonly BillingPeriodEnd: string;
  readonly BillingCurrency: 'USD';
  /** On-demand (the book's list price); absent when the line bills under a purchase option and its on-demand price is not on the line. */
  readonly ListCost?: Decimal;
  readonly BilledCost: Decimal;
  readonly EffectiveCost: Decimal;
  readonly ContractedCost: Decimal;
  readonly PricingQuantity?: Decimal;
  readonly PricingUnit?: string;
  readonly ConsumedQuantity?: Decimal;
  readonly ConsumedUnit?: string;
  readonly SkuId?: string;
  readonly RegionId: string;
  readonly Tags: Readonly<Record<string, string>>;
  readonly x_ServiceCode?: string;
  readonly x_TierPlannerPlan: string;
  /** The cost model's service name. */
  readonly x_TierPlannerService: string;
  /** "resource: component", as the plan names the line. */
  readonly x_TierPlannerLineItem: string;
  /** Where the price came from and its date: "<source id> <as of>". */
  readonly x_TierPlannerSource: string;
}

export interface ForecastRowsOptions {
  /** YYYY-MM: the billing month the rows forecast. */
  readonly month: string;
  /** The plan tag's value (default: the plan's default name, as the reference infrastructure tags it). */
  readonly planName?: string;
}

export interface FocusForecast {
  readonly rows: readonly FocusForecastRow[];
  /** Line items the plan could not price: left out, so the rows sum to the plan's (priced) total. */
  readonly unpriced: readonly LineItem[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's first instant and the next month's, ISO UTC. */
export function monthPeriod(month: string): { start: string; end: string } {
  const m = MONTH.exec(month);
  if (!m) throw new BillingError('bad_input', `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { start: new Date(Date.UTC(y, mo - 1, 1)).toISOString(), end: new Date(Date.UTC(y, mo, 1)).toISOString() };
}

/** The month a plan forecasts when none is given: the plan's date (EKS plans carry one), if any. */
export function planMonth(plan: Plan): string | undefined {
  return plan.kubernetes?.planDate.slice(0, 7);
}

/**
 * The plan's forecast as FOCUS 1.2 rows, one per priced line item. A line whose rate carries an
 * upfront fee becomes two rows: its usage at the recurring rate, and the month's share of the fee
 * as a Purchase. Pure: the rows sum exactly to the plan's monthly total.
 */
export function focusForecastRows(plan: Plan, o: ForecastRowsOptions): FocusForecast {
  const period = monthPeriod(o.month);
  const name = o.planName ?? defaultPlanName(plan);
  const rows: FocusForecastRow[] = [];
  const unpriced: LineItem[] = [];
  for (const line of plan.lineItems) {
    if (line.monthly === undefined) {
      unpriced.push(line);
      continue;
    }
    const service = focusService(line.service);
    const fee = line.upfront?.monthlyUsd ?? ZERO;
    const usage = line.monthly.minus(fee);
    const common = {
      ProviderName: service.provider,
      PublisherName: service.provider,
      InvoiceIssuerName: service.provider,
      ServiceName: service.serviceName,
      ServiceCategory: service.serviceCategory,
      ChargePeriodStart: period.start,
      ChargePeriodEnd: period.end,
      BillingPeriodStart: period.start,
      BillingPeriodEnd: period.end,
      BillingCurrency: 'USD' as const,
      ...(line.provenance?.sku ? { SkuId: line.provenance.sku } : {}),
      RegionId: plan.region,
      Tags: { [PLAN_TAG_KEY]: name },
      x_TierPlannerPlan: name,
      x_TierPlannerService: line.service,
      x_TierPlannerLineItem: `${line.resource}: ${line.component}`,
      x_TierPlannerSource: line.provenance ? `${line.provenance.sourceId} ${line.provenance.asOf}` : 'price override',
    };
    const list = listCost(line);
    rows.push({
      ...common,
      ChargeCategory: 'Usage',
      ChargeFrequency: 'Usage-Based',
      ChargeDescription: line.purchase ? `${line.component} (${line.purchase})` : line.component,
      ...(list !== undefined ? { ListCost: list } : {}),
      BilledCost: usage,
      EffectiveCost: usage,
      ContractedCost: usage,
      PricingQuantity: line.quantity,
      PricingUnit: line.unit,
      ConsumedQuantity: line.quantity,
      ConsumedUnit: line.unit,
    });
    if (!fee.isZero()) {
      rows.push({
        ...common,
        ChargeCategory: 'Purchase',
        ChargeFrequency: 'Recurring',
        ChargeDescription: `${line.component}: upfront fee, this month's share of ${line.upfront!.termMonths} months (${line.purchase ?? 'commitment'})`,
        BilledCost: fee,
        EffectiveCost: fee,
        ContractedCost: fee,
      });
    }
  }
  return { rows, unpriced };
}

/** The on-demand cost of a line billing on-demand: the book's price before overrides and discounts. */
function listCost(line: LineItem): Decimal | undefined {
  if (line.purchase !== undefined && !line.purchase.startsWith('on-demand')) return undefined;
  return line.adjustment ? line.adjustment.listMonthly : line.monthly;
}

/** Every row's EffectiveCost, per model service (what the plan forecasts per service). */
export function forecastByService(rows: readonly FocusForecastRow[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const r of rows) out.set(r.x_TierPlannerService, (out.get(r.x_TierPlannerService) ?? dec(0)).plus(r.EffectiveCost));
  return out;
}
