import type { Plan } from '@tier-planner/cost-model';

type NodeGroup = Plan['nodes'][number];

/** The parts 2 … n of a node group split at the managed node group quota, summed for one line. */
export interface SplitParts {
  readonly of: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly groups: number;
  readonly nodes: number;
  readonly instanceType: string;
  readonly fewest: number;
  readonly most: number;
}

export type NodeGroupRow = { readonly group: NodeGroup } | { readonly parts: SplitParts };

/** Node groups as printed: every group, except that the further parts of a split group fold into one row. */
export function nodeGroupRows(nodes: readonly NodeGroup[]): NodeGroupRow[] {
  const rows: NodeGroupRow[] = [];
  for (const g of nodes) {
    if (!g.split || g.split.part === 1) {
      rows.push({ group: g });
      continue;
    }
    if (g.split.part !== 2) continue;
    const parts = nodes.filter((n) => n.split?.group === g.split!.group && n.split.part > 1);
    const counts = parts.map((p) => p.count);
    rows.push({
      parts: {
        of: g.split.group,
        firstName: parts[0]!.name,
        lastName: parts[parts.length - 1]!.name,
        groups: parts.length,
        nodes: counts.reduce((a, b) => a + b, 0),
        instanceType: g.instanceType,
        fewest: Math.min(...counts),
        most: Math.max(...counts),
      },
    });
  }
  return rows;
}
