import type { Breakpoint, Plan } from '@tier-planner/cost-model';
import { grouped, int, perUserUsd, table, usd } from './format.js';
import { printable } from './printable.js';
import { serviceCells, servicePricing, unpricedSummary } from './unpriced.js';
import { adjustedPricesNote } from './adjustments.js';
import { purchaseText } from './purchase-text.js';

function compute(p: Plan): string {
  if (p.nodes.length) return p.nodes.map((g) => `${int(g.count)}×${g.instanceType}`).join(' + ');
  return p.fargate.map((t) => `${int(t.count)} tasks`).join(' + ') || '-';
}

/** The tier table: one column per tier, rows for the shape and for each service's cost (cells add up to the total). */
export function ladderRows(plans: readonly Plan[]): string[][] {
  const services = [...new Set(plans.flatMap((p) => [...p.monthly.byService.keys()]))];
  const cells = plans.map((p) => new Map(serviceCells(p)));
  const rows: string[][] = [['users', ...plans.map((p) => int(p.users))]];
  rows.push(['availability', ...plans.map((p) => (p.ha ? `HA/${p.azs} AZ` : '1 AZ'))]);
  rows.push(['compute', ...plans.map(compute)]);
  rows.push(['database', ...plans.map((p) => (p.datastores.rds ? `${p.datastores.rds.instanceClass}${p.datastores.rds.readReplicas ? `+${p.datastores.rds.readReplicas}rr` : ''}` : '-'))]);
  for (const s of services) rows.push([printable(s), ...cells.map((c) => c.get(s) ?? '-')]);
  rows.push(['total / month', ...plans.map((p) => `${usd(p.monthly.total)}${p.monthly.complete ? '' : '*'}`)]);
  rows.push(['per user', ...plans.map((p) => `${perUserUsd(p.costPerUser)}${p.monthly.complete ? '' : '*'}`)]);
  return rows;
}

/** "* incomplete: EC2 unpriced — why", one line per distinct note (naming the tiers when they differ). */
export function incompleteLines(plans: readonly Plan[]): string[] {
  const notes = new Map<string, number[]>();
  for (const p of plans) if (!p.monthly.complete) notes.set(unpricedSummary(p), [...(notes.get(unpricedSummary(p)) ?? []), p.users]);
  const all = [...notes.values()].reduce((n, users) => n + users.length, 0) === plans.length && notes.size === 1;
  return [...notes].map(([note, users]) => `* incomplete${all ? '' : ` at ${users.map(int).join(', ')} users`}: ${note}`);
}

export function breakpointLines(breakpoints: readonly Breakpoint[], truncated: boolean): string[] {
  const lines = breakpoints.map((b) => `at ${int(b.users)} users: ${b.changes.join('; ')} (${usd(b.monthlyBefore)} → ${usd(b.monthlyAfter)})`);
  if (truncated) lines.push('… more breakpoints exist; narrow the range of --users (the first and last tier bound the search) or raise --max-breakpoints');
  return lines;
}

export function renderLadderText(plans: readonly Plan[], breakpoints: readonly Breakpoint[], truncated: boolean): string {
  const p0 = plans[0]!;
  const out = [`tier-planner ladder: ${printable(p0.profile.name)} (${printable(p0.profile.title)}) · ${p0.region} · ${purchaseText(p0)} · ${grouped(p0.hoursPerMonth)} h/month`, ''];
  out.push(...table(ladderRows(plans), new Set(plans.map((_p, i) => i + 1))));
  out.push(...incompleteLines(plans));
  out.push(...adjustedPricesNote(p0.priceAdjustments));
  out.push('', 'Breakpoints (where the plan changes):', ...breakpointLines(breakpoints, truncated).map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

export function renderLadderMarkdown(plans: readonly Plan[], breakpoints: readonly Breakpoint[], truncated: boolean): string {
  const rows = ladderRows(plans);
  const md = (r: readonly string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const incomplete = incompleteLines(plans);
  return [
    `## tier-planner ladder: ${printable(plans[0]!.profile.name)}`,
    '',
    md(rows[0]!),
    md(rows[0]!.map((_c, i) => (i === 0 ? '---' : '---:'))),
    ...rows.slice(1).map(md),
    '',
    ...(incomplete.length ? [...incomplete.map((l) => `\\${l}`), ''] : []),
    ...adjustedPricesNote(plans[0]!.priceAdjustments).flatMap((l) => [l, '']),
    ...breakpointLines(breakpoints, truncated).map((l) => `- ${l}`),
    '',
  ].join('\n');
}

/** Exact figures; an unpriced service's cell is empty (not 0), and `unpriced` says what is missing. */
export function renderLadderCsv(plans: readonly Plan[]): string {
  const services = [...new Set(plans.flatMap((p) => [...p.monthly.byService.keys()]))];
  const rows = [['users', 'ha', 'azs', ...services.map((s) => `${s} usd`), 'total usd', 'complete', 'unpriced', 'per user usd']];
  for (const p of plans) {
    const cell = (s: string) => (servicePricing(p.lineItems, s) === 'unpriced' ? '' : (p.monthly.byService.get(s)?.toString() ?? '0'));
    rows.push([String(p.users), String(p.ha), String(p.azs), ...services.map(cell), p.monthly.total.toString(), String(p.monthly.complete), unpricedSummary(p), p.costPerUser.toString()]);
  }
  return rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n') + '\r\n';
}
