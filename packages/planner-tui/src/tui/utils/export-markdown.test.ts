import { loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { usd } from '../../render/format.js';
import { planToMarkdown } from './export-markdown.js';

describe('planToMarkdown', () => {
  const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, loadPriceBook(), {});
  const md = planToMarkdown(plan);

  it('has a table row per line item and the total', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(plan.lineItems.length + 2); // header and alignment rows
    expect(rows.every((r) => r.split(/(?<!\\)\|/).length === 9)).toBe(true);
    expect(md).toContain(`**Total: ${usd(plan.monthly.total)} per month**`);
    expect(md).toContain('# tier-planner plan: 10,000 users, eks-web-app');
  });
});
