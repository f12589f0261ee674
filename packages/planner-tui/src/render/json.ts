import { decimalsAsStrings } from '@tier-planner/cost-model';

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, decimalsAsStrings, 2) + '\n';
}
