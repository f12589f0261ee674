import { join } from 'node:path';
import type { Allowance, PriceDimension, SourceRef } from '@tier-planner/cost-model';
import { readTsv, sourceLine } from '../read-tsv.js';
import { trimDecimal } from './ec2-catalog.js';

export interface CiPrices {
  readonly prices: PriceDimension[];
  readonly allowances: Allowance[];
  readonly sources: Record<string, SourceRef>;
}

/** GitHub Actions runner rates (2026-01-01 schedule and the one before) and included minutes per plan. */
export function buildGithubActions(ciDir: string): CiPrices {
  const tsv = readTsv(join(ciDir, 'github-actions.tsv'));
  const prices: PriceDimension[] = [];
  const allowances: Allowance[] = [];
  for (const row of tsv.rows) {
    if (row.kind === 'runner') {
      const base = { service: 'GitHub Actions', unit: 'minutes', purchaseOption: 'on-demand' as const };
      prices.push({ ...base, key: `github-actions/runner/${row.sku_or_plan}`, description: `${row.runner} runner`, usd: trimDecimal(row.usd_per_minute!), source: 'github-actions-2026' });
      prices.push({ ...base, key: `github-actions/runner-until-2026/${row.sku_or_plan}`, description: `${row.runner} runner (rate before 2026-01-01)`, usd: trimDecimal(row.usd_per_minute_until_2026!), source: 'github-actions-2025' });
    } else if (row.kind === 'plan') {
      allowances.push({ key: `github-actions/included-minutes/${row.sku_or_plan}`, description: `Included minutes a month, ${row.runner} (standard runners, private repositories)`, quantity: Number(row.included_minutes_per_month), unit: 'minutes', source: 'github-actions-plans' });
    } else {
      throw new Error(`github-actions.tsv: unknown kind ${row.kind}`);
    }
  }
  const selfHosted = tsv.comments.find((c) => c.startsWith('Self-hosted runners'));
  const announced = selfHosted ? /\$(0\.\d+)\/min/.exec(selfHosted) : null;
  if (!announced) throw new Error('github-actions.tsv: the self-hosted platform charge note has moved');
  prices.push({
    key: 'github-actions/self-hosted-platform-charge',
    service: 'GitHub Actions',
    description: 'Self-hosted runner platform charge (announced, postponed: off by default)',
    unit: 'minutes',
    usd: announced[1]!,
    purchaseOption: 'on-demand',
    source: 'github-actions-self-hosted',
    note: 'announced for 2026-03-01 and postponed; the model applies it only when asked',
  });
  const ref = sourceLine(tsv);
  const plansRef = tsv.comments.find((c) => c.startsWith('plan rows source:'))?.slice('plan rows source:'.length).trim() ?? ref;
  return {
    prices,
    allowances,
    sources: {
      'github-actions-2026': { title: 'GitHub Actions runner per-minute pricing, effective 2026-01-01', ref, asOf: '2026-01-01', confidence: 'vendor-data' },
      'github-actions-2025': { title: 'GitHub Actions runner per-minute pricing before 2026-01-01', ref, asOf: '2025-12-31', confidence: 'vendor-data' },
      'github-actions-plans': { title: 'GitHub Actions included minutes per plan', ref: plansRef, asOf: '2026-01', confidence: 'vendor-data' },
      'github-actions-self-hosted': { title: 'GitHub announcement of a self-hosted runner charge, postponed (Dec 2025)', ref, asOf: '2025-12', confidence: 'third-party-page' },
    },
  };
}
