import { PlanningError } from '../capacity/capacity-types.js';
import { dec } from '../cost/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { KubernetesVersionRecord } from '../pricing/snapshot-types.js';

/** Days before the end of standard support from which a plan warns. */
export const SUPPORT_WARNING_DAYS = 90;

export type EksSupport = 'standard' | 'extended';

/** The Kubernetes version an EKS plan runs and the support tier it is billed in on the plan's date. */
export interface KubernetesPlan {
  readonly version: string;
  readonly support: EksSupport;
  /** YYYY-MM-DD the support tier is read for. */
  readonly planDate: string;
  readonly eksRelease: string;
  readonly endOfStandardSupport: string;
  readonly endOfExtendedSupport: string;
  /** Id into the price book's sources. */
  readonly source: string;
  /** How the version was chosen. */
  readonly why: string;
  readonly defaulted: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** A YYYY-MM-DD date that exists on the calendar, or a BAD_INPUT error naming `what`. */
export function checkPlanDate(date: string, what = 'plan date'): string {
  const ms = DAY.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new PlanningError('BAD_INPUT', `${what} must be a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return date;
}

/** The plan's date: the caller's, else the day the price book was written (the core never reads a clock). */
export function planDateOf(book: PriceBook, date?: string): string {
  return date === undefined ? new Date(book.generatedAt).toISOString().slice(0, 10) : checkPlanDate(date);
}

/** Support tier on `date` (UTC days: extended support bills from the start of its first day), or 'ended'. */
export function supportOn(v: KubernetesVersionRecord, date: string): EksSupport | 'ended' | 'unreleased' {
  if (date < v.eksRelease) return 'unreleased';
  if (date < v.endOfStandardSupport) return 'standard';
  if (date < v.endOfExtendedSupport) return 'extended';
  return 'ended';
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / MS_PER_DAY);

/**
 * The version an EKS plan runs and its support tier on `planDate`. An explicit version (caller or
 * profile) is kept if EKS offers it that day; otherwise the newest version released by then,
 * which has the longest standard support left. Warnings name a lapse, or one within 90 days.
 */
export function planKubernetes(
  book: PriceBook,
  planDate: string,
  hoursPerMonth: number,
  requested?: { readonly version: string; readonly why: string },
): { kubernetes?: KubernetesPlan; warnings: string[] } {
  const calendar = book.kubernetesVersions;
  if (calendar.length === 0) return { warnings: ['the price book has no EKS Kubernetes version calendar: the cluster is priced in standard support; rebuild or refresh the price book'] };
  const warnings: string[] = [];
  let chosen: KubernetesVersionRecord;
  let why: string;
  if (requested) {
    chosen = explicitVersion(book, requested.version, planDate);
    why = requested.why;
  } else {
    const released = calendar.filter((v) => v.eksRelease <= planDate);
    chosen = released[released.length - 1] ?? calendar[0]!;
    why = `the newest EKS version released by ${planDate} (longest standard support left)`;
  }
  let support = supportOn(chosen, planDate);
  if (support === 'ended') {
    // Only a default gets here: the calendar ends before the plan's date.
    warnings.push(`the price book's EKS calendar ends before ${planDate} (${chosen.version}: extended support ended ${chosen.endOfExtendedSupport}): priced as standard support on a newer version it does not list; rebuild the price book`);
    support = 'standard';
  } else if (support === 'unreleased') {
    warnings.push(`no version in the price book's EKS calendar was released by ${planDate}: priced ${chosen.version} in standard support`);
    support = 'standard';
  }
  const extra = extendedSurcharge(book, hoursPerMonth);
  if (support === 'extended') {
    warnings.push(`Kubernetes ${chosen.version} left EKS standard support on ${chosen.endOfStandardSupport}: the cluster bills extended support${extra} until it is upgraded (extended support ends ${chosen.endOfExtendedSupport})`);
  } else {
    const left = daysBetween(planDate, chosen.endOfStandardSupport);
    if (left >= 0 && left <= SUPPORT_WARNING_DAYS && supportOn(chosen, planDate) === 'standard') {
      warnings.push(
        `Kubernetes ${chosen.version} leaves EKS standard support on ${chosen.endOfStandardSupport}, ${left} day${left === 1 ? '' : 's'} after the plan's date: from then the cluster bills extended support${extra} unless it is upgraded (with upgrade policy STANDARD, EKS upgrades it instead)`,
      );
    }
  }
  const kubernetes: KubernetesPlan = {
    version: chosen.version,
    support,
    planDate,
    eksRelease: chosen.eksRelease,
    endOfStandardSupport: chosen.endOfStandardSupport,
    endOfExtendedSupport: chosen.endOfExtendedSupport,
    source: chosen.source,
    why,
    defaulted: requested === undefined,
  };
  return { kubernetes, warnings };
}

function explicitVersion(book: PriceBook, version: string, planDate: string): KubernetesVersionRecord {
  const v = book.kubernetesVersion(version);
  const known = book.kubernetesVersions.map((k) => k.version);
  if (!v) throw new PlanningError('BAD_INPUT', `Kubernetes version ${JSON.stringify(version)} is not in the price book's EKS calendar (${known.join(', ')})`);
  const support = supportOn(v, planDate);
  if (support === 'unreleased') throw new PlanningError('BAD_INPUT', `Kubernetes ${version} is not on EKS yet on ${planDate} (released ${v.eksRelease})`);
  if (support === 'ended') throw new PlanningError('BAD_INPUT', `EKS runs no cluster on Kubernetes ${version} on ${planDate}: its extended support ended ${v.endOfExtendedSupport}`);
  return v;
}

/** ", $0.60/h in total instead of $0.10/h (+$365.00 a month)", from the book; empty if it lacks either price. */
function extendedSurcharge(book: PriceBook, hoursPerMonth: number): string {
  const standard = book.price('eks/cluster/standard-support')?.usd;
  const extended = book.price('eks/cluster/extended-support')?.usd;
  if (standard === undefined || extended === undefined) return '';
  const more = dec(extended).minus(standard).times(hoursPerMonth).toFixed(2);
  return `, $${dec(extended).toFixed(2)}/h in total instead of $${dec(standard).toFixed(2)}/h (+$${more} a month)`;
}
