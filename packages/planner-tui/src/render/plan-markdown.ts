import type { Plan } from '@tier-planner/cost-model';
import { grouped, int, num, perUserUsd, qty, usd } from './format.js';
import { environmentLines } from './plan-text.js';
import { burstText, dailyLevelsText, floorText, peakText } from './over-the-day.js';
import { printable } from './printable.js';
import { headlineText } from './headline.js';
import { incompleteNote } from './unpriced.js';
import { adjustmentSummaryText, adjustmentText } from './adjustments.js';
import { purchaseLines, purchaseText } from './purchase-text.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const mdRow = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The plan as Markdown for a pull request or a wiki page. */
export function renderPlanMarkdown(plan: Plan): string {
  const out = [
    `## tier-planner: ${int(plan.users)} users, ${printable(plan.profile.name)}`,
    '',
    `${printable(plan.profile.title)} · ${plan.region} · ${purchaseText(plan)} · ${grouped(plan.hoursPerMonth)} h/month · ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'} · price snapshot ${plan.priceBook.generatedAt}`,
    '',
    `Peak ${num(plan.demand.peakRps)} req/s from ${int(plan.demand.dailyActiveUsers)} daily active users.`,
    '',
    `Over the day: ${dailyLevelsText(plan)}; ${peakText(plan)} at the peak. **Floor:** ${floorText(plan)} (what a commitment could cover). **Burst:** ${burstText(plan)}.`,
    '',
  ];
  if (plan.scenario) out.push(`Scenario \`${printable(plan.scenario.name)}\` (${printable(plan.scenario.title)}): ${plan.scenario.why}. Source: ${printable(plan.scenario.source)}.`, '');
  if (plan.resilience) {
    const r = plan.resilience;
    out.push(`**Survives:** ${r.survives} — ${r.why}`, '');
    if (r.datastores.length) out.push(...r.datastores.map((d) => `- ${d}`), '');
  }
  if (plan.nodes.length) {
    out.push(mdRow(['Node group', 'Type', 'Count', 'Floor', 'Min / max', 'Why']), mdRow(['---', '---', '---:', '---:', '---', '---']));
    for (const g of plan.nodes) out.push(mdRow([printable(g.name), g.instanceType, int(g.count), int(g.floor), `${int(g.min)} / ${int(g.max)}`, g.why]));
    out.push('');
  }
  if (plan.fargate.length) {
    out.push(mdRow(['Service', 'Tasks', 'Floor', 'vCPU', 'Memory GB']), mdRow(['---', '---:', '---:', '---:', '---:']));
    for (const t of plan.fargate) out.push(mdRow([printable(t.service), int(t.count), int(t.floor), grouped(t.vcpu), grouped(t.memoryGb)]));
    out.push('');
  }
  out.push(mdRow(['Service', 'Resource', 'Component', 'Quantity', 'Unit', 'Monthly']), mdRow(['---', '---', '---', '---:', '---', '---:']));
  for (const i of plan.lineItems) out.push(mdRow([printable(i.service), printable(i.resource), printable(i.component), qty(i.quantity), i.unit, i.monthly ? usd(i.monthly) : 'unpriced']));
  if (plan.priceAdjustments) {
    out.push('', `**Discounts and price overrides:** ${adjustmentSummaryText(plan.priceAdjustments)}`, '');
    for (const i of plan.lineItems) if (i.adjustment) out.push(`- ${printable(i.service)} · ${printable(i.resource)} · ${printable(i.component)}: ${adjustmentText(i)}`);
  }
  const purchase = purchaseLines(plan);
  if (purchase.length) out.push('', `**Purchase:** ${purchaseText(plan)}`, '', ...purchase.map((l) => `- ${l.trim()}`));
  out.push('', `**Total: ${headlineText(plan, '**')}${incompleteNote(plan)}`, '', `Per user: ${perUserUsd(plan.costPerUser)} per user per month`, '');
  const env = environmentLines(plan);
  if (env.length) out.push(...env.slice(1).map((l) => l.replace(/^  /, '- ')), '');
  if (plan.warnings.length) out.push(...plan.warnings.map((w) => `> ${w}`), '');
  return out.join('\n');
}
