import { Decimal, ZERO, dec } from '../../cost/money.js';
import type { ResourceType } from '../resource-type.js';

export interface GithubActionsResource {
  /** Billable minutes a month (already rounded up per job). */
  readonly minutes: number;
  /** Runner SKU, e.g. linux_2_core, windows_2_core, macos, linux_4_core. */
  readonly runner?: string;
  /** Plan whose included minutes apply: free_user, pro, free_org, team, enterprise_cloud. */
  readonly plan?: string;
  /** Included minutes; overrides what the price book lists for `plan`. */
  readonly includedMinutes?: number;
  readonly repository?: 'private' | 'public';
  /** Price list: the 2026-01-01 schedule (default) or the one before it. */
  readonly schedule?: '2026' | 'until-2026';
}

/** Standard runners get the plan's included minutes and are free for public repositories; larger runners never are. */
export function isStandardRunner(runner: string): boolean {
  return runner === 'linux_2_core' || runner === 'windows_2_core' || runner === 'macos';
}

export const githubActions: ResourceType<GithubActionsResource> = {
  type: 'github_actions',
  description: 'GitHub Actions hosted-runner minutes',
  fields: {
    minutes: { kind: 'number', required: true },
    runner: { kind: 'string' },
    plan: { kind: 'enum', values: ['free_user', 'pro', 'free_org', 'team', 'enterprise_cloud'] },
    includedMinutes: { kind: 'count' },
    repository: { kind: 'enum', values: ['private', 'public'] },
    schedule: { kind: 'enum', values: ['2026', 'until-2026'] },
  },
  withBook(r, book) {
    if (!r.plan || r.includedMinutes !== undefined) return r;
    const allowance = book.allowance(`github-actions/included-minutes/${r.plan}`);
    return allowance ? { ...r, includedMinutes: allowance.quantity } : r;
  },
  toDrafts(r) {
    const runner = r.runner ?? 'linux_2_core';
    const standard = isStandardRunner(runner);
    const used = dec(r.minutes);
    let billed = used;
    let note: string | undefined;
    if (standard && r.repository === 'public') {
      billed = ZERO;
      note = 'standard runners are free for public repositories';
    } else if (standard && r.includedMinutes) {
      billed = Decimal.max(ZERO, used.minus(r.includedMinutes));
      note = `${used} minutes less ${r.includedMinutes} included in ${r.plan ?? 'the plan'}`;
    } else if (!standard) {
      note = 'larger runners are always billed (no included minutes)';
    }
    const prefix = r.schedule === 'until-2026' ? 'github-actions/runner-until-2026' : 'github-actions/runner';
    return [{ service: 'GitHub Actions', resource: r.name, component: `Runner minutes (${runner})`, quantity: billed, unit: 'minutes', price: { kind: 'dimension', key: `${prefix}/${runner}` }, ...(note ? { note } : {}) }];
  },
};
