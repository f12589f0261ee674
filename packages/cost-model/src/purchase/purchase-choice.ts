// What the plan buys compute under: the purchase option with its term, payment and plan. The CLI's
// short names (reserved-1yr, savings-plan, …) resolve to one full choice here, once per plan.
import { PlanningError } from '../capacity/capacity-types.js';
import type { Ec2Purchase } from '../cost/line-item.js';
import type { CommitmentTerm, PaymentOption } from '../pricing/snapshot-types.js';

export type PurchaseKind = 'on-demand' | 'spot' | 'reserved' | 'savings-plan';
export type OfferingClass = 'standard' | 'convertible';
export type SavingsPlanType = 'compute' | 'ec2-instance';

/** The parts of a purchase option `--purchase` alone does not name; absent ones take the defaults below. */
export interface PurchaseTerms {
  readonly term?: CommitmentTerm;
  readonly payment?: PaymentOption;
  readonly offeringClass?: OfferingClass;
  readonly savingsPlan?: SavingsPlanType;
}

export interface PurchaseChoice {
  readonly kind: PurchaseKind;
  readonly term: CommitmentTerm;
  readonly payment: PaymentOption;
  /** Reserved only. */
  readonly offeringClass: OfferingClass;
  /** Savings Plans only. */
  readonly savingsPlan: SavingsPlanType;
}

export const ON_DEMAND: PurchaseChoice = { kind: 'on-demand', term: '1yr', payment: 'No Upfront', offeringClass: 'standard', savingsPlan: 'compute' };

export const PAYMENT_OPTIONS: readonly PaymentOption[] = ['No Upfront', 'Partial Upfront', 'All Upfront'];

/** The full choice for a short name; a term that contradicts it (reserved-1yr with a 3yr term) is bad input. */
export function resolvePurchase(purchase: Ec2Purchase = 'on-demand', terms: PurchaseTerms = {}): PurchaseChoice {
  const named: CommitmentTerm | undefined = purchase === 'reserved-1yr' ? '1yr' : purchase === 'reserved-3yr' ? '3yr' : undefined;
  if (named && terms.term && terms.term !== named) throw new PlanningError('BAD_INPUT', `purchase ${purchase} has a ${named} term, but the term given is ${terms.term}`);
  const check = (what: string, value: string | undefined, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value)) throw new PlanningError('BAD_INPUT', `${what} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  };
  check('payment option', terms.payment, PAYMENT_OPTIONS);
  check('term', terms.term, ['1yr', '3yr']);
  check('offering class', terms.offeringClass, ['standard', 'convertible']);
  check('Savings Plan type', terms.savingsPlan, ['compute', 'ec2-instance']);
  const kind: PurchaseKind = named ? 'reserved' : purchase === 'spot' ? 'spot' : purchase === 'savings-plan' ? 'savings-plan' : 'on-demand';
  return {
    kind,
    term: named ?? terms.term ?? '1yr',
    payment: terms.payment ?? 'No Upfront',
    offeringClass: terms.offeringClass ?? 'standard',
    savingsPlan: terms.savingsPlan ?? 'compute',
  };
}

/** "reserved 1yr standard No Upfront", "compute savings plan 3yr All Upfront", "spot", "on-demand". */
export function purchaseLabel(c: PurchaseChoice): string {
  if (c.kind === 'reserved') return `reserved ${c.term} ${c.offeringClass} ${c.payment}`;
  if (c.kind === 'savings-plan') return `${c.savingsPlan === 'compute' ? 'Compute' : 'EC2 Instance'} Savings Plan ${c.term} ${c.payment}`;
  return c.kind;
}

/** Months the commitment runs: what its upfront fee is spread over. */
export function termMonths(term: CommitmentTerm): number {
  return term === '1yr' ? 12 : 36;
}

/**
 * A commitment (Reserved or a Savings Plan) on all of the compute, not just the floor, is paid every
 * hour of its term whether the capacity runs or not: scaling in saves nothing, so the plan keeps the
 * peak all month (and bills it). `--commit floor` is how to commit less.
 */
export function commitsPeak(i: { readonly purchase?: PurchaseChoice; readonly burstPurchase?: PurchaseChoice }): boolean {
  return i.purchase !== undefined && (i.purchase.kind === 'reserved' || i.purchase.kind === 'savings-plan') && i.burstPurchase === undefined;
}

/** Every level of the day at the peak count (see commitsPeak). */
export const atPeakAllDay = (byLevel: readonly number[], count: number): number[] => byLevel.map(() => count);
