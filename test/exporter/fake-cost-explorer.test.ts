// The fake Cost Explorer answers the real SDK client the way AWS does, and refuses what AWS refuses,
// so a wrong call in the exporter fails its tests instead of passing against a lenient fake.
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand, type GetCostAndUsageCommandInput } from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCostExplorer, type FakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { FAKE_AWS_ENV } from './helpers.js';

let fake: FakeCostExplorer;
let client: CostExplorerClient;
beforeAll(async () => {
  Object.assign(process.env, FAKE_AWS_ENV);
  fake = await startFakeCostExplorer({
    today: () => today,
    pageSize: 4,
    spend: [
      { service: 'Amazon Simple Storage Service', dailyUsd: '0.5', tags: { 'tier-planner:plan': 'a' } },
      { service: 'AmazonCloudWatch', dailyUsd: '0.25', tags: { 'tier-planner:plan': 'a' } },
      { service: 'Amazon Simple Storage Service', dailyUsd: '2', tags: { 'tier-planner:plan': 'b' } },
      { service: 'Amazon Simple Storage Service', dailyUsd: '7', linkedAccount: '222222222222' },
    ],
  });
  client = new CostExplorerClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});

// The fake's "today" is injected: the last day of a leap February, so the forecast spans one day.
const today = '2028-02-29';
const nextMonth = '2028-03-01';
const base: GetCostAndUsageCommandInput = { TimePeriod: { Start: '2026-11-01', End: '2026-11-04' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] };

describe('fake Cost Explorer + real SDK', () => {
  it('groups by tag and service in the real format, and pages with NextPageToken', async () => {
    const input = { ...base, GroupBy: [{ Type: 'TAG' as const, Key: 'tier-planner:plan' }, { Type: 'DIMENSION' as const, Key: 'SERVICE' }], Filter: { Tags: { Key: 'tier-planner:plan', Values: ['a', 'b'] } } };
    const first = await client.send(new GetCostAndUsageCommand(input));
    expect(first.GroupDefinitions).toEqual([{ Type: 'TAG', Key: 'tier-planner:plan' }, { Type: 'DIMENSION', Key: 'SERVICE' }]);
    expect(first.ResultsByTime![0]!.Groups![0]).toEqual({ Keys: ['tier-planner:plan$a', 'Amazon Simple Storage Service'], Metrics: { UnblendedCost: { Amount: '0.5', Unit: 'USD' } } });
    expect(first.NextPageToken).toBeTruthy();
    const pages = [first];
    while (pages.at(-1)!.NextPageToken) pages.push(await client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: pages.at(-1)!.NextPageToken })));
    // 3 days × 3 (plan, service) groups, 4 groups a page.
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.ResultsByTime!).flatMap((r) => r.Groups ?? [])).toHaveLength(3 * 3);
    expect(first.DimensionValueAttributes).toEqual([]);
  });

  it('linked accounts come with DimensionValueAttributes; untagged spend groups under "<key>$"', async () => {
    const r = await client.send(new GetCostAndUsageCommand({ ...base, GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }, { Type: 'DIMENSION', Key: 'SERVICE' }] }));
    expect(r.DimensionValueAttributes!.map((a) => a.Value).sort()).toEqual(['111111111111', '222222222222']);
    const tags = await client.send(new GetCostAndUsageCommand({ ...base, GroupBy: [{ Type: 'TAG', Key: 'tier-planner:plan' }] }));
    expect(tags.ResultsByTime![0]!.Groups!.map((g) => g.Keys![0])).toContain('tier-planner:plan$');
  });

  it('forecasts with Total and a prediction interval', async () => {
    const r = await client.send(new GetCostForecastCommand({ TimePeriod: { Start: today, End: nextMonth }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80, Filter: { Tags: { Key: 'tier-planner:plan', Values: ['b'] } } }));
    const days = (Date.parse(nextMonth) - Date.parse(today)) / 86_400_000;
    expect(r.Total).toEqual({ Amount: String(2 * days), Unit: 'USD' });
    expect(r.ForecastResultsByTime![0]).toMatchObject({ TimePeriod: { Start: today, End: nextMonth }, MeanValue: String(2 * days) });
    expect(Number(r.ForecastResultsByTime![0]!.PredictionIntervalLowerBound)).toBeLessThan(2 * days);
  });

  it.each([
    ['no TimePeriod', { Granularity: 'DAILY', Metrics: ['UnblendedCost'] }, /TimePeriod/],
    ['no Granularity', { TimePeriod: base.TimePeriod, Metrics: ['UnblendedCost'] }, /Granularity/],
    ['no Metrics', { TimePeriod: base.TimePeriod, Granularity: 'DAILY' }, /Metrics/],
    ['a bad metric', { ...base, Metrics: ['UNBLENDED_COST'] }, /Metrics contains an invalid value/],
    ['Start after End', { ...base, TimePeriod: { Start: '2026-11-05', End: '2026-11-01' } }, /before end date/],
    ['three groups', { ...base, GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }, { Type: 'DIMENSION', Key: 'AZ' }, { Type: 'DIMENSION', Key: 'REGION' }] }, /at most two/],
    ['a one-armed And', { ...base, Filter: { And: [{ Dimensions: { Key: 'SERVICE', Values: ['x'] } }] } }, /at least two/],
  ])('GetCostAndUsage with %s → ValidationException', async (_what, input, message) => {
    const e = (await client.send(new GetCostAndUsageCommand(input as GetCostAndUsageCommandInput)).catch((x: unknown) => x)) as Error & { $metadata: { httpStatusCode: number } };
    expect(e.name).toBe('ValidationException');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toMatch(message);
  });

  it('GetCostForecast starting in the past → ValidationException', async () => {
    const e = (await client.send(new GetCostForecastCommand({ TimePeriod: { Start: '2020-01-01', End: nextMonth }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' })).catch((x: unknown) => x)) as Error;
    expect(e.name).toBe('ValidationException');
  });

  it('behaviours: throttle N times, access denied, malformed, down, then normal again', async () => {
    const call = () => client.send(new GetCostAndUsageCommand(base)).then(() => 'ok', (e: Error) => e.name);
    fake.setBehaviour({ kind: 'throttle', times: 2 });
    expect([await call(), await call(), await call()]).toEqual(['LimitExceededException', 'LimitExceededException', 'ok']);
    fake.setBehaviour({ kind: 'accessDenied' });
    expect(await call()).toBe('AccessDeniedException');
    fake.setBehaviour({ kind: 'malformed' });
    expect(await call()).not.toBe('ok');
    fake.setBehaviour({ kind: 'down' });
    const down = await client.send(new GetCostAndUsageCommand(base)).catch((e: Error & { code?: string }) => e);
    expect((down as { code?: string }).code ?? (down as Error).message).toMatch(/ECONNRESET|socket hang up/);
    fake.setBehaviour({ kind: 'normal' });
    expect(await call()).toBe('ok');
    expect(fake.requests.at(-1)).toMatchObject({ operation: 'GetCostAndUsage', body: { Granularity: 'DAILY' } });
  });
});
