import { ZERO, type Breakpoint, type Plan } from '@tier-planner/cost-model';
import { int, table, usd } from './format.js';

function compute(p: Plan): string {
  if (p.nodes.length) return p.nodes.map((g) => `${g.count}×${g.instanceType}`).join(' + ');
  return p.fargate.map((t) => `${t.count} tasks`).join(' + ') || '-';
}

/** The tier table: one column per tier, rows for the shape and for each service's cost. */
export function ladderRows(plans: readonly Plan[]): string[][] {
  const services = [...new Set(plans.flatMap((p) => [...p.monthly.byService.keys()]))];
  const rows: string[][] = [['users', ...plans.map((p) => int(p.users))]];
  rows.push(['availability', ...plans.map((p) => (p.ha ? `HA/${p.azs} AZ` : '1 AZ'))]);
  rows.push(['compute', ...plans.map(compute)]);
  rows.push(['database', ...plans.map((p) => (p.datastores.rds ? `${p.datastores.rds.instanceClass}${p.datastores.rds.readReplicas ? `+${p.datastores.rds.readReplicas}rr` : ''}` : '-'))]);
  for (const s of services) rows.push([s, ...plans.map((p) => usd(p.monthly.byService.get(s) ?? ZERO))]);
  rows.push(['total / month', ...plans.map((p) => `${usd(p.monthly.total)}${p.monthly.complete ? '' : '*'}`)]);
  return rows;
}

export function breakpointLines(breakpoints: readonly Breakpoint[], truncated: boolean): string[] {
  const lines = breakpoints.map((b) => `at ${int(b.users)} users: ${b.changes.join('; ')} (${usd(b.monthlyBefore)} → ${usd(b.monthlyAfter)})`);
  if (truncated) lines.push('… more breakpoints exist; narrow the range with --from/--to or raise --max-breakpoints');
  return lines;
}

export function renderLadderText(plans: readonly Plan[], breakpoints: readonly Breakpoint[], truncated: boolean): string {
  const p0 = plans[0]!;
  const out = [`tier-planner ladder: ${p0.profile.name} (${p0.profile.title}) · ${p0.region} · ${p0.purchase} · ${p0.hoursPerMonth} h/month`, ''];
  out.push(...table(ladderRows(plans), new Set(plans.map((_p, i) => i + 1))));
  if (plans.some((p) => !p.monthly.complete)) out.push('* incomplete: some line items have no price in this book');
  out.push('', 'Breakpoints (where the plan changes):', ...breakpointLines(breakpoints, truncated).map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

export function renderLadderMarkdown(plans: readonly Plan[], breakpoints: readonly Breakpoint[], truncated: boolean): string {
  const rows = ladderRows(plans);
  const md = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [
    `## tier-planner ladder: ${plans[0]!.profile.name}`,
    '',
    md(rows[0]!),
    md(rows[0]!.map((_c, i) => (i === 0 ? '---' : '---:'))),
    ...rows.slice(1).map(md),
    '',
    ...breakpointLines(breakpoints, truncated).map((l) => `- ${l}`),
    '',
  ].join('\n');
}

export function renderLadderCsv(plans: readonly Plan[]): string {
  const services = [...new Set(plans.flatMap((p) => [...p.monthly.byService.keys()]))];
  const rows = [['users', 'ha', 'azs', ...services.map((s) => `${s} usd`), 'total usd', 'complete']];
  for (const p of plans) rows.push([String(p.users), String(p.ha), String(p.azs), ...services.map((s) => p.monthly.byService.get(s)?.toString() ?? '0'), p.monthly.total.toString(), String(p.monthly.complete)]);
  return rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n') + '\r\n';
}
