import { dec, type Decimal } from '@tier-planner/cost-model';
import type { CostBasis, SpendLine } from '@tier-planner/aws-billing';
import type { SpendMatch } from '../../config/config-types.js';
import type { PlanSpend } from '../fetch-spend.js';

/** Whether a bill line is the plan's: the same rules as the Cost Explorer queries (tag value, linked account, whole bill). */
export function lineMatches(match: SpendMatch, line: SpendLine): boolean {
  if (match.kind === 'tag') return line.tagValue === match.value;
  if (match.kind === 'linkedAccount') return line.accountId === match.accountId;
  return true;
}

function add(map: Map<string, Decimal>, key: string, v: Decimal): void {
  map.set(key, (map.get(key) ?? dec(0)).plus(v));
}

/** The plan's month-to-date spend from an export's lines: the basis summed per model service and per day. */
export function planSpendOf(match: SpendMatch, lines: readonly SpendLine[], basis: CostBasis): PlanSpend {
  const byService = new Map<string, Decimal>();
  const byDay = new Map<string, Decimal>();
  for (const line of lines) {
    if (!lineMatches(match, line)) continue;
    const v = line[basis];
    add(byService, line.service, v);
    add(byDay, line.day, v);
  }
  return { byService, byDay };
}
