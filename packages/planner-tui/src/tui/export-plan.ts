import { join } from 'node:path';
import { planToJson, writeFileAtomic, type Plan } from '@tier-planner/cost-model';
import { renderPlanMarkdown } from '../render/plan-markdown.js';

export function exportFileBase(plan: Plan): string {
  return `tier-planner-plan-${plan.users}-${plan.profile.name}`;
}

/** Writes the plan as JSON and Markdown into `cwd` (temp file + rename each); returns both paths. */
export function exportPlan(plan: Plan, cwd: string): { json: string; markdown: string } {
  const base = join(cwd, exportFileBase(plan));
  const json = `${base}.json`;
  const markdown = `${base}.md`;
  writeFileAtomic(json, JSON.stringify(planToJson(plan), null, 2) + '\n');
  writeFileAtomic(markdown, renderPlanMarkdown(plan));
  return { json, markdown };
}
