// A ladder's memory from one tier to the next: the node type it runs and the types it has left.
import type { LadderContext } from '../capacity/capacity-types.js';
import type { Plan } from './plan-types.js';

export type { LadderContext };

/** The context for the tier after `plan`: its node type current, the previous one left if it changed. */
export function nextLadderContext(plan: Plan, before: LadderContext): LadderContext {
  return nextLadderContextOf(plan.nodes[0]?.instanceType, before);
}

/** nextLadderContext from the first node group's type alone (undefined: no node groups). */
export function nextLadderContextOf(nodeType: string | undefined, before: LadderContext): LadderContext {
  if (nodeType === undefined) return before;
  const left = new Set(before.leftTypes ?? []);
  if (before.nodeType !== undefined && before.nodeType !== nodeType) left.add(before.nodeType);
  left.delete(nodeType);
  return { nodeType, leftTypes: [...left].sort() };
}

/** A stable string for caching plans by context. */
export function ladderContextKey(c: LadderContext): string {
  return `${c.nodeType ?? ''}|${(c.leftTypes ?? []).join(',')}`;
}
