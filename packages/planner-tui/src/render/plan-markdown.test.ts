import { loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { usd } from './format.js';
import { renderPlanMarkdown } from './plan-markdown.js';

describe('renderPlanMarkdown (--format markdown and the explorer export)', () => {
  const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, loadPriceBook({ embeddedOnly: true }), {});
  const md = renderPlanMarkdown(plan);

  it('has a table row per line item, every row with the same columns, and the total', () => {
    const itemRows = md.split('\n').filter((l) => l.startsWith('| ') && plan.lineItems.some((i) => l.startsWith(`| ${i.service} | ${i.resource} |`)));
    expect(itemRows).toHaveLength(plan.lineItems.length);
    expect(itemRows.every((r) => r.split(/(?<!\\)\|/).length === 8)).toBe(true);
    expect(md).toContain(`**Total: ${usd(plan.monthly.total)} per month**`);
    expect(md).toContain('## tier-planner: 10,000 users, eks-web-app');
  });
});
