// What committing the floor buys: the hourly commitment, how much of the eligible spend it covers,
// how much of it the day's load uses, when its savings repay the upfront fee, and the saving a month.
import type { LineItem, LineItemDraft } from '../cost/line-item.js';
import { Decimal, dec, ZERO } from '../cost/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { CommitScope } from './apply-purchase.js';
import { purchaseLabel, termMonths, type PurchaseChoice } from './purchase-choice.js';
import { commitmentUsage } from './usage-classes.js';
import { numberText } from '../number-text.js';

export interface CommitmentSummary {
  /** "Compute Savings Plan 1yr No Upfront". */
  readonly option: string;
  readonly scope: CommitScope;
  /** USD per hour committed: the covered lines' monthly cost over the month's hours. */
  readonly hourlyUsd: Decimal;
  /** Share of the eligible compute spend (at on-demand prices) the commitment covers, 0..1. */
  readonly coverage: number;
  /** Share of the committed hours the day's load uses, 0..1. */
  readonly utilisation: number;
  /** One-off payment for the term (reserved upfront fees). */
  readonly upfrontUsd: Decimal;
  /** On-demand cost of the covered usage minus what it bills under the commitment (upfront spread over the term). */
  readonly monthlySavingUsd: Decimal;
  /** First month whose cumulative saving against on-demand repays the upfront fee; absent: never within the term. */
  readonly breakEvenMonth?: number;
  readonly termMonths: number;
  readonly why: string;
}

interface Usage {
  readonly line: LineItem;
  /** The same usage at on-demand prices. */
  readonly onDemand: Decimal;
}

/** The usage a commitment under `choice` could cover, each with its on-demand cost; undefined when it cannot. */
function eligibleUsage(draft: LineItemDraft, line: LineItem, choice: PurchaseChoice, book: PriceBook): Usage | undefined {
  if (draft.price.kind === 'ec2') {
    const type = book.instanceType(draft.price.instanceType);
    return type ? { line, onDemand: draft.quantity.times(dec(type.onDemandUsd)) } : undefined;
  }
  const usage = commitmentUsage(draft.price.key);
  if (!usage?.offers.has(choice.kind)) return undefined;
  if (choice.kind === 'savings-plan' && usage.computeSavingsPlanOnly && choice.savingsPlan !== 'compute') return undefined;
  const usd = book.price(draft.price.key)?.usd;
  return usd === undefined ? undefined : { line, onDemand: draft.quantity.times(dec(usd)) };
}

/** The summary for a plan whose reserved or Savings Plans commitment covers its floor; undefined for other options. */
export function commitmentSummary(drafts: readonly LineItemDraft[], lines: readonly LineItem[], choice: PurchaseChoice, scope: CommitScope, hoursPerMonth: number, book: PriceBook): CommitmentSummary | undefined {
  if (choice.kind !== 'reserved' && choice.kind !== 'savings-plan') return undefined;
  const label = purchaseLabel(choice);
  let eligible = ZERO;
  let coveredOnDemand = ZERO;
  let covered = ZERO;
  let upfront = ZERO;
  let upfrontMonthly = ZERO;
  let committedQty = ZERO;
  let usedQty = ZERO;
  let lacking = 0;
  // Usage per resource, to hold the committed quantity against what runs.
  const runs = new Map<string, Decimal>();
  const committed = new Map<string, Decimal>();
  lines.forEach((line, i) => {
    const u = eligibleUsage(drafts[i]!, line, choice, book);
    if (!u) return;
    eligible = eligible.plus(u.onDemand);
    const key = `${line.resource}|${line.unit}`;
    runs.set(key, (runs.get(key) ?? ZERO).plus(line.quantity));
    if (line.purchase !== label) return;
    if (line.monthly === undefined) {
      lacking++;
      return;
    }
    coveredOnDemand = coveredOnDemand.plus(u.onDemand);
    covered = covered.plus(line.monthly);
    committed.set(key, (committed.get(key) ?? ZERO).plus(line.quantity));
    if (line.upfront) {
      upfront = upfront.plus(line.upfront.oneOffUsd);
      upfrontMonthly = upfrontMonthly.plus(line.upfront.monthlyUsd);
    }
  });
  for (const [key, qty] of committed) {
    committedQty = committedQty.plus(qty);
    usedQty = usedQty.plus(smaller(qty, runs.get(key) ?? ZERO));
  }
  const months = termMonths(choice.term);
  const saving = coveredOnDemand.minus(covered);
  // Each month saves on-demand minus the recurring charge; the upfront fee is paid at the start.
  const perMonth = coveredOnDemand.minus(covered.minus(upfrontMonthly));
  const breakEven = !perMonth.gt(0) ? null : upfront.isZero() ? 1 : Math.max(1, Math.ceil(upfront.div(perMonth).toNumber()));
  const coverage = eligible.isZero() ? 0 : Math.min(1, coveredOnDemand.div(eligible).toNumber());
  const utilisation = committedQty.isZero() ? 0 : Math.min(1, usedQty.div(committedQty).toNumber());
  const what = scope === 'floor' ? 'the always-on floor (the quietest hour of the day)' : 'every hour of the compute usage';
  const why =
    `${label} covers ${what}; the rest bills on-demand` +
    (lacking ? `; ${numberText(lacking)} line(s) have no rate under it and stay unpriced (run tier-planner pricing refresh)` : '');
  return {
    option: label,
    scope,
    // Rounded down (never above what the floor bills); ten places keep plan files' decimals short.
    hourlyUsd: covered.div(hoursPerMonth).toDecimalPlaces(10, Decimal.ROUND_DOWN),
    coverage,
    utilisation,
    upfrontUsd: upfront,
    monthlySavingUsd: saving,
    ...(breakEven !== null && breakEven <= months ? { breakEvenMonth: breakEven } : {}),
    termMonths: months,
    why,
  };
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}
