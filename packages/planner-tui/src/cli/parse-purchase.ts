// The purchase flags: --purchase names the option, --term/--payment/--offering-class/--savings-plan
// complete it, --commit says what it covers. Each bad value is a one-line usage error (exit 2).
import type { CommitScope, Ec2Purchase, PaymentOption, PlanOptions, PurchaseTerms } from '@tier-planner/cost-model';
import { quoted } from '../render/printable.js';
import { UsageError } from './usage-error.js';

export const PURCHASES: readonly Ec2Purchase[] = ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'];

export const PURCHASE_OPTIONS = {
  purchase: { type: 'string', default: 'on-demand' },
  term: { type: 'string' },
  payment: { type: 'string' },
  'offering-class': { type: 'string' },
  'savings-plan': { type: 'string' },
  commit: { type: 'string' },
} as const;

export interface PurchaseValues {
  readonly purchase?: string;
  readonly term?: string;
  readonly payment?: string;
  readonly 'offering-class'?: string;
  readonly 'savings-plan'?: string;
  readonly commit?: string;
}

const PAYMENTS: Readonly<Record<string, PaymentOption>> = { 'no-upfront': 'No Upfront', 'partial-upfront': 'Partial Upfront', 'all-upfront': 'All Upfront' };

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${quoted(value)}`);
  return value as T;
}

/** purchase, purchaseTerms and commit for PlanOptions. `--purchase reserved` takes its term from --term (default 1yr). */
export function parsePurchaseFlags(values: PurchaseValues): Pick<PlanOptions, 'purchase' | 'purchaseTerms' | 'commit'> {
  const named = values.purchase ?? 'on-demand';
  const term = oneOf('--term', values.term, ['1yr', '3yr'] as const);
  const given = named === 'reserved' ? (term === '3yr' ? 'reserved-3yr' : 'reserved-1yr') : named;
  const purchase = oneOf('--purchase', given, [...PURCHASES, 'reserved'] as readonly string[]) as Ec2Purchase;
  const fixedTerm = purchase === 'reserved-1yr' ? '1yr' : purchase === 'reserved-3yr' ? '3yr' : undefined;
  if (fixedTerm && term && term !== fixedTerm) throw new UsageError(`--purchase ${named} has a ${fixedTerm} term; --term ${term} contradicts it (use --purchase reserved --term ${term})`);
  const committed = purchase !== 'on-demand' && purchase !== 'spot';
  const paymentFlag = oneOf('--payment', values.payment, Object.keys(PAYMENTS));
  const offeringClass = oneOf('--offering-class', values['offering-class'], ['standard', 'convertible'] as const);
  const savingsPlan = oneOf('--savings-plan', values['savings-plan'], ['compute', 'ec2-instance'] as const);
  const commit = oneOf<CommitScope>('--commit', values.commit, ['all', 'floor']);
  if (!committed && (term || paymentFlag || commit === 'floor')) throw new UsageError(`--term, --payment and --commit floor need a commitment: --purchase reserved-1yr, reserved-3yr, reserved or savings-plan (got ${quoted(named)})`);
  if (offeringClass && !purchase.startsWith('reserved')) throw new UsageError(`--offering-class applies to reserved purchases, not ${quoted(named)}`);
  if (savingsPlan && purchase !== 'savings-plan') throw new UsageError(`--savings-plan applies to --purchase savings-plan, not ${quoted(named)}`);
  const terms: PurchaseTerms = {
    ...(term && !fixedTerm ? { term } : {}),
    ...(paymentFlag ? { payment: PAYMENTS[paymentFlag]! } : {}),
    ...(offeringClass ? { offeringClass } : {}),
    ...(savingsPlan ? { savingsPlan } : {}),
  };
  return { purchase, ...(Object.keys(terms).length ? { purchaseTerms: terms } : {}), ...(commit ? { commit } : {}) };
}
