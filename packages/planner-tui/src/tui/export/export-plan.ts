import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { planToJson, type Plan } from '@tier-planner/cost-model';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { FileExistsError, writeNewFileAtomic } from './write-new-file.js';

/** Names tried before giving up: far more exports of one scenario than anyone keeps in a folder. */
const MAX_SUFFIX = 999;

export function exportFileBase(plan: Plan): string {
  return `tier-planner-plan-${plan.users}-${plan.profile.name}`;
}

export interface ExportedPlan {
  readonly json: string;
  readonly markdown: string;
  /** True when the plain name was taken and a numbered one ("…-2") was used instead. */
  readonly renamed: boolean;
}

/**
 * Writes the plan as JSON and Markdown into `cwd`, each atomically and never over an existing
 * file: when either name is taken, the pair gets the next free number, "…-2", "…-3".
 */
export function exportPlan(plan: Plan, cwd: string): ExportedPlan {
  const json = JSON.stringify(planToJson(plan), null, 2) + '\n';
  const markdown = renderPlanMarkdown(plan);
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const base = join(cwd, n === 1 ? exportFileBase(plan) : `${exportFileBase(plan)}-${n}`);
    const paths = { json: `${base}.json`, markdown: `${base}.md` };
    try {
      writeNewFileAtomic(paths.json, json);
    } catch (e) {
      if (e instanceof FileExistsError) continue;
      throw e;
    }
    try {
      writeNewFileAtomic(paths.markdown, markdown);
    } catch (e) {
      // The pair shares one name: the JSON just written gives way and the next number is tried.
      rmSync(paths.json, { force: true });
      if (e instanceof FileExistsError) continue;
      throw e;
    }
    return { ...paths, renamed: n > 1 };
  }
  throw new Error(`${exportFileBase(plan)} and ${MAX_SUFFIX - 1} numbered copies exist in ${cwd}`);
}
