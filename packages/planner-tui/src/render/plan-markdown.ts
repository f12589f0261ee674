import type { Plan } from '@tier-planner/cost-model';
import { int, num, qty, usd } from './format.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const mdRow = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The plan as Markdown for a pull request or a wiki page. */
export function renderPlanMarkdown(plan: Plan): string {
  const out = [
    `## tier-planner: ${int(plan.users)} users, ${plan.profile.name}`,
    '',
    `${plan.profile.title} · ${plan.region} · ${plan.purchase} · ${plan.hoursPerMonth} h/month · ${plan.ha ? `HA over ${plan.azs} AZs` : 'single AZ'} · price snapshot ${plan.priceBook.generatedAt}`,
    '',
    `Peak ${num(plan.demand.peakRps)} req/s from ${int(plan.demand.dailyActiveUsers)} daily active users.`,
    '',
  ];
  if (plan.nodes.length) {
    out.push(mdRow(['Node group', 'Type', 'Count', 'Min / max', 'Why']), mdRow(['---', '---', '---:', '---', '---']));
    for (const g of plan.nodes) out.push(mdRow([g.name, g.instanceType, String(g.count), `${g.min} / ${g.max}`, g.why]));
    out.push('');
  }
  if (plan.fargate.length) {
    out.push(mdRow(['Service', 'Tasks', 'vCPU', 'Memory GB']), mdRow(['---', '---:', '---:', '---:']));
    for (const t of plan.fargate) out.push(mdRow([t.service, String(t.count), String(t.vcpu), String(t.memoryGb)]));
    out.push('');
  }
  out.push(mdRow(['Service', 'Resource', 'Component', 'Quantity', 'Unit', 'Monthly']), mdRow(['---', '---', '---', '---:', '---', '---:']));
  for (const i of plan.lineItems) out.push(mdRow([i.service, i.resource, i.component, qty(i.quantity), i.unit, i.monthly ? usd(i.monthly) : 'unpriced']));
  out.push('', `**Total: ${usd(plan.monthly.total)} per month**${plan.monthly.complete ? '' : ` (incomplete: ${plan.monthly.unpriced.length} item(s) unpriced)`}`, '');
  if (plan.warnings.length) out.push(...plan.warnings.map((w) => `> ${w}`), '');
  return out.join('\n');
}
