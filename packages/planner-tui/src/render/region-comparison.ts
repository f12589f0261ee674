import type { Plan } from '@tier-planner/cost-model';
import { int, perUserUsd, table, usd } from './format.js';
import { printable } from './printable.js';
import { serviceCells } from './unpriced.js';
import { adjustedPricesNote } from './adjustments.js';

/** One region of a comparison: planned from its snapshot, or why it could not be. */
export type RegionResult =
  | { readonly region: string; readonly plan: Plan; readonly snapshot: { readonly origin: string; readonly path: string; readonly generatedAt: string; readonly digest: string } }
  | { readonly region: string; readonly missing: string };

export type PlannedRegion = Extract<RegionResult, { plan: Plan }>;

const planned = (results: readonly RegionResult[]) => results.filter((r): r is PlannedRegion => 'plan' in r);

/** "app: 3×m5.large" per node group, or the Fargate tasks. */
function compute(p: Plan): string {
  if (p.nodes.length) return p.nodes.map((g) => `${printable(g.name)}: ${int(g.count)}×${g.instanceType}`).join(', ');
  return p.fargate.map((t) => `${printable(t.service)}: ${int(t.count)} tasks (${t.arch})`).join(', ') || '-';
}

/** Rows: one column per planned region; services as the union over regions, each cell rounded to add up to its total. */
export function regionRows(results: readonly RegionResult[]): string[][] {
  const regions = planned(results);
  const services = [...new Set(regions.flatMap((r) => [...r.plan.monthly.byService.keys()]))];
  const cells = regions.map((r) => new Map(serviceCells(r.plan)));
  const rows: string[][] = [['region', ...regions.map((r) => r.region)]];
  rows.push(['snapshot', ...regions.map((r) => `${r.snapshot.origin === 'user' ? 'refreshed' : r.snapshot.origin} ${r.snapshot.generatedAt.slice(0, 10)}`)]);
  rows.push(['compute', ...regions.map((r) => compute(r.plan))]);
  rows.push(['database', ...regions.map((r) => r.plan.datastores.rds?.instanceClass ?? '-')]);
  rows.push(['cache', ...regions.map((r) => (r.plan.datastores.cache ? `${int(r.plan.datastores.cache.nodes)}×${r.plan.datastores.cache.nodeType}` : '-'))]);
  for (const s of services) rows.push([printable(s), ...cells.map((c) => c.get(s) ?? '-')]);
  rows.push(['unpriced lines', ...regions.map((r) => int(r.plan.monthly.unpriced.length))]);
  rows.push(['total / month', ...regions.map((r) => `${usd(r.plan.monthly.total)}${r.plan.monthly.complete ? '' : '*'}`)]);
  rows.push(['per user', ...regions.map((r) => `${perUserUsd(r.plan.costPerUser)}${r.plan.monthly.complete ? '' : '*'}`)]);
  return rows;
}

function missingLines(results: readonly RegionResult[]): string[] {
  return results.flatMap((r) => ('missing' in r ? [`${r.region}: ${printable(r.missing, 400)}`] : []));
}

function heading(results: readonly RegionResult[]): string {
  const p = planned(results)[0]?.plan;
  return p ? `tier-planner: ${int(p.users)} users · ${printable(p.profile.name)} · ${p.purchase} · by region` : 'tier-planner: by region';
}

const footnote = (results: readonly RegionResult[]) => (planned(results).some((r) => !r.plan.monthly.complete) ? ['* incomplete: some line items have no price in that region\'s snapshot (see "unpriced lines")'] : []);

export function renderRegionsText(results: readonly RegionResult[]): string {
  const rows = regionRows(results);
  const body = planned(results).length ? table(rows, new Set(rows[0]!.map((_, i) => i).filter((i) => i > 0))) : [];
  const missing = missingLines(results);
  const note = adjustedPricesNote(planned(results)[0]?.plan.priceAdjustments);
  return [heading(results), ...(body.length ? ['', ...body] : []), ...footnote(results), ...note, ...(missing.length ? ['', ...missing] : [])].join('\n') + '\n';
}

export function renderRegionsMarkdown(results: readonly RegionResult[]): string {
  const rows = regionRows(results);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const md = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const body = planned(results).length ? [md(rows[0]!), md(rows[0]!.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.slice(1).map(md)] : [];
  const missing = missingLines(results).map((l) => `- ${l}`);
  const note = adjustedPricesNote(planned(results)[0]?.plan.priceAdjustments);
  return [`## ${heading(results).replace(/^tier-planner: /, '')}`, '', ...body, ...footnote(results), ...(note.length ? ['', ...note] : []), ...(missing.length ? ['', ...missing] : []), ''].join('\n');
}

/** The comparison as plain JSON: per region its snapshot, totals, node types and unpriced count, or why it is missing. */
export function regionsJson(results: readonly RegionResult[]): unknown {
  const first = planned(results)[0]?.plan;
  return {
    kind: 'tier-planner-region-comparison',
    schemaVersion: 1,
    ...(first ? { users: first.users, profile: first.profile.name, purchase: first.purchase } : {}),
    regions: results.map((r) =>
      'missing' in r
        ? { region: r.region, planned: false, missing: r.missing }
        : {
            region: r.region,
            planned: true,
            snapshot: r.snapshot,
            monthly: { total: r.plan.monthly.total, byService: r.plan.monthly.byService, complete: r.plan.monthly.complete, unpriced: r.plan.monthly.unpriced.length },
            costPerUser: r.plan.costPerUser,
            nodes: r.plan.nodes.map((g) => ({ name: g.name, instanceType: g.instanceType, count: g.count, arch: g.arch })),
            fargate: r.plan.fargate.map((t) => ({ service: t.service, count: t.count, vcpu: t.vcpu, memoryGb: t.memoryGb, arch: t.arch })),
            datastores: { ...(r.plan.datastores.rds ? { rds: r.plan.datastores.rds.instanceClass } : {}), ...(r.plan.datastores.cache ? { cache: r.plan.datastores.cache.nodeType } : {}), ...(r.plan.datastores.kafka ? { kafka: r.plan.datastores.kafka.brokerType } : {}) },
            warnings: r.plan.warnings,
          },
    ),
  };
}
