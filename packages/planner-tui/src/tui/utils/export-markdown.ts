import type { Plan } from '@tier-planner/cost-model';
import { int, qty, usd } from '../../render/format.js';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The plan as Markdown: a summary, every line item in a table, the total, and any warnings. */
export function planToMarkdown(plan: Plan): string {
  const out = [
    `# tier-planner plan: ${int(plan.users)} users, ${plan.profile.name}`,
    '',
    `${plan.profile.title} · region ${plan.region} · ${plan.purchase} · ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'} · ${plan.hoursPerMonth} h/month`,
    `Price book: ${plan.priceBook.origin} snapshot generated ${plan.priceBook.generatedAt}.`,
    '',
    '| Service | Resource | Component | Quantity | Unit | Unit price | Monthly |',
    '| --- | --- | --- | ---: | --- | ---: | ---: |',
  ];
  for (const i of plan.lineItems) {
    const unitPrice = i.unitPrice ? `$${i.unitPrice.toDecimalPlaces(6).toString()}` : '-';
    out.push(`| ${[i.service, i.resource, i.component, qty(i.quantity), i.unit, unitPrice, i.monthly ? usd(i.monthly) : 'UNPRICED'].map(escapeCell).join(' | ')} |`);
  }
  out.push('', `**Total: ${usd(plan.monthly.total)} per month**${plan.monthly.complete ? '' : ` (incomplete: ${plan.monthly.unpriced.length} item(s) unpriced)`}`);
  if (plan.warnings.length) out.push('', '## Warnings', '', ...plan.warnings.map((w) => `- ${w}`));
  return out.join('\n') + '\n';
}
