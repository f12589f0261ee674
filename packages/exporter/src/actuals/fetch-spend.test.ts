import type { GetCostAndUsageCommandOutput } from '@aws-sdk/client-cost-explorer';
import { describe, expect, it } from 'vitest';
import type { CostExplorerApi } from './cost-explorer-api.js';
import { fetchSpend, startProgress } from './fetch-spend.js';
import { RefreshError } from './refresh-error.js';
import { spendQueries } from './spend-queries.js';
import { testPlan } from '../testing/test-plans.js';

const query = spendQueries([testPlan('web')], false)[0]!;
const period = { Start: '2026-11-01', End: '2026-11-02' };
const api = (pages: unknown[]): CostExplorerApi => {
  let i = 0;
  return {
    getCostAndUsage: async () => pages[i++] as GetCostAndUsageCommandOutput,
    getCostForecast: async () => {
      throw new Error('not used');
    },
    destroy() {},
  };
};
const page = (amount: string, extra: object = {}) => ({
  ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [{ Keys: ['tier-planner:plan$web', 'Amazon Simple Storage Service'], Metrics: { UnblendedCost: { Amount: amount, Unit: 'USD' } } }] }],
  ...extra,
});

describe('fetchSpend', () => {
  it('sums pages exactly, ignores other tag values, and asks the gate once per page', async () => {
    const gate: string[] = [];
    const other = { ResultsByTime: [{ TimePeriod: { Start: '2026-11-01' }, Groups: [{ Keys: ['tier-planner:plan$', 'AWS Glue'], Metrics: { UnblendedCost: { Amount: '99', Unit: 'USD' } } }] }] };
    const r = await fetchSpend(query, period, api([page('0.1', { NextPageToken: 'a' }), page('0.2', { NextPageToken: 'b' }), other]), (op, send) => (gate.push(op), send(() => {})));
    expect(r.pages).toBe(3);
    expect(gate).toEqual(['GetCostAndUsage', 'GetCostAndUsage', 'GetCostAndUsage']);
    expect(r.perPlan.get('web')!.byService.get('S3')!.toString()).toBe('0.3');
    expect(r.perPlan.get('web')!.byService.has('Other')).toBe(false);
    expect(r.perPlan.get('web')!.byDay.get('2026-11-01')!.toString()).toBe('0.3');
  });

  it.each([
    ['an amount that is not a number', [page('lots')], /not a number/],
    ['no ResultsByTime', [{}], /without ResultsByTime/],
    ['the same NextPageToken twice', [page('1', { NextPageToken: 'x' }), page('1', { NextPageToken: 'x' })], /same NextPageToken twice/],
  ])('%s → invalid_response', async (_what, pages, message) => {
    const e = await fetchSpend(query, period, api(pages), (_op, send) => send(() => {})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RefreshError);
    expect((e as RefreshError).reason).toBe('invalid_response');
    expect((e as Error).message).toMatch(message);
  });

  it('stops before sending when the gate refuses (budget)', async () => {
    const refused = new RefreshError('budget_exhausted', 'spent');
    let sent = 0;
    const counting: CostExplorerApi = { ...api([page('1')]), getCostAndUsage: async () => (sent++, page('1') as unknown as GetCostAndUsageCommandOutput) };
    await expect(fetchSpend(query, period, counting, () => { throw refused; })).rejects.toBe(refused);
    expect(sent).toBe(0);
  });

  it('resumes from the progress of an attempt that stopped part-way, asking for no page twice', async () => {
    const pages = [page('0.1', { NextPageToken: 'a' }), page('0.2', { NextPageToken: 'b' }), page('0.4')];
    const tokens: (string | undefined)[] = [];
    let i = 0;
    const paging: CostExplorerApi = { ...api([]), getCostAndUsage: async (input) => (tokens.push(input.NextPageToken), pages[i++] as unknown as GetCostAndUsageCommandOutput) };
    let slots = 2;
    const gate = <T>(_op: string, send: (onSent: () => void) => Promise<T>) => {
      if (slots-- <= 0) throw new RefreshError('budget_exhausted', 'spent');
      return send(() => {});
    };
    const progress = startProgress(query);
    await expect(fetchSpend(query, period, paging, gate, progress)).rejects.toThrow('spent');
    expect([progress.pages, progress.token, progress.done]).toEqual([2, 'b', false]);
    slots = 5;
    const r = await fetchSpend(query, period, paging, gate, progress);
    expect(tokens).toEqual([undefined, 'a', 'b']);
    expect(r.pages).toBe(3);
    expect(r.perPlan.get('web')!.byService.get('S3')!.toString()).toBe('0.7');
  });

  it('a page that fails validation adds nothing to the sums', async () => {
    const bad = { ResultsByTime: [{ TimePeriod: { Start: '2026-11-01' }, Groups: [page('5').ResultsByTime[0]!.Groups[0], { Keys: ['tier-planner:plan$web', 'AWS Glue'], Metrics: { UnblendedCost: { Amount: 'NaN?' } } }] }] };
    const progress = startProgress(query);
    await expect(fetchSpend(query, period, api([bad]), (_op, send) => send(() => {}), progress)).rejects.toThrow(/not a number/);
    expect(progress.perPlan.get('web')!.byService.size).toBe(0);
    expect(progress.pages).toBe(0);
  });
});
