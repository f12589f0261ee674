import type { Plan } from '@tier-planner/cost-model';
import { unitUsd, usd } from './format.js';
import { printable } from './printable.js';

/** The plan's purchase option, without the defaults' repetition: "reserved 1yr standard No Upfront". */
export function purchaseText(plan: Plan): string {
  // Plans read back from files written before the full option was kept carry the short name.
  return plan.purchaseOption ?? plan.purchase;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * What the purchase option did: the commitment (when the floor is committed), the upfront fees
 * (one-off and the monthly share in the total), and each line it could not apply to, with why.
 * Empty at on-demand.
 */
export function purchaseLines(plan: Plan): string[] {
  if (plan.purchase === 'on-demand' && !plan.commitment) return [];
  const out: string[] = [];
  const c = plan.commitment;
  if (c) {
    const breakEven = c.breakEvenMonth === undefined ? `never within the ${c.termMonths}-month term` : `month ${c.breakEvenMonth} of ${c.termMonths}`;
    out.push(
      `Commitment (${printable(c.option)}, ${c.scope === 'floor' ? 'the always-on floor' : 'all compute'}): ${unitUsd(c.hourlyUsd)}/hour committed, coverage ${pct(c.coverage)} of eligible spend, ` +
        `utilisation ${pct(c.utilisation)} over the day, saves ${usd(c.monthlySavingUsd)}/month against on-demand, break-even ${breakEven}` +
        (c.upfrontUsd.isZero() ? '' : `, ${usd(c.upfrontUsd)} upfront`),
    );
    out.push(`  ${c.why}`);
  }
  let oneOff = plan.lineItems.find((i) => i.upfront)?.upfront?.oneOffUsd.times(0);
  let monthly = oneOff;
  for (const i of plan.lineItems) {
    if (!i.upfront || !oneOff || !monthly) continue;
    oneOff = oneOff.plus(i.upfront.oneOffUsd);
    monthly = monthly.plus(i.upfront.monthlyUsd);
  }
  if (oneOff && monthly) out.push(`Upfront fees: ${usd(oneOff)} one-off for the term; ${usd(monthly)}/month of it is in the monthly total (spread over the term)`);
  // Each reason once, with the lines it applies to.
  const reasons = new Map<string, string[]>();
  for (const i of plan.lineItems) {
    if (!i.purchase?.includes(': ')) continue;
    const list = reasons.get(i.purchase) ?? [];
    list.push(`${printable(i.resource)} ${printable(i.component)}`);
    reasons.set(i.purchase, list);
  }
  for (const [why, lines] of reasons) out.push(`  ${printable(why)}: ${lines.join('; ')}`);
  return out;
}
