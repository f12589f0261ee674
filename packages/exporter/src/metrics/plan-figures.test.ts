import { dec, sum } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { monthElapsed } from '../actuals/calendar.js';
import { testPlan } from '../testing/test-plans.js';
import { planFigures } from './plan-figures.js';

const NOV_MS = 30 * 86_400_000;

describe('monthElapsed', () => {
  it('is UTC: 00:00 on 16 Nov is exactly half of November gone', () => {
    const { elapsedMs, monthMs } = monthElapsed(Date.UTC(2026, 10, 16, 0));
    expect(monthMs).toBe(NOV_MS);
    expect(elapsedMs / monthMs).toBe(0.5);
    expect(monthElapsed(Date.UTC(2027, 1, 15)).monthMs).toBe(28 * 86_400_000);
  });
});

describe('planFigures', () => {
  const p = testPlan('web-10k');
  const half = { byService: new Map([...p.plan.monthly.byService].map(([s, v]) => [s, v.div(2)])), varianceAllowed: true };
  const none = { failing: false, incomplete: false };

  it('before any actuals: forecast and expected per service, no actual, no variance', () => {
    const f = planFigures(p, none, half);
    expect(f.info).toEqual({ plan: 'web-10k', profile: 'eks-web-app', region: 'us-east-1', tier: '10k', platform: 'eks' });
    expect(f.budgetUsd.eq(p.plan.monthly.total)).toBe(true);
    for (const [service, v] of p.plan.monthly.byService) expect(f.expectedByService.get(service)!.eq(v.div(2))).toBe(true);
    expect(f.actualByService).toBeUndefined();
    expect(f.varianceRatio).toBeUndefined();
    expect(f.awsMonthEnd).toBeUndefined();
  });

  it('actuals: plan services AWS did not bill are zero, unknown spend is Other, variance is total actual ÷ total expected', () => {
    const spend = { byService: new Map([['EC2', dec('30')], ['Other', dec('5')]]), byDay: new Map([['2026-11-01', dec('20')], ['2026-11-02', dec('15')]]) };
    const f = planFigures(p, { ...none, spend }, half);
    expect(f.actualByService!.get('EC2')!.toString()).toBe('30');
    expect(f.actualByService!.get('EKS')!.isZero()).toBe(true);
    expect(f.actualByService!.get('Other')!.toString()).toBe('5');
    const expected = sum(f.expectedByService.values());
    expect(f.varianceRatio!.eq(dec(35).div(expected))).toBe(true);
    expect(expected.eq(p.plan.monthly.total.div(2))).toBe(true);
    // Per service: EC2's actual over its own expected; a service billed nothing is 0; Other was expected to cost nothing.
    expect(f.varianceRatioByService!.get('EC2')!.eq(dec(30).div(f.expectedByService.get('EC2')!))).toBe(true);
    expect(f.varianceRatioByService!.get('EKS')!.isZero()).toBe(true);
    expect(f.varianceRatioByService!.has('Other')).toBe(false);
    expect([...f.varianceRatioByService!.keys()].sort()).toEqual([...f.expectedByService].filter(([, v]) => v.gt(0)).map(([s]) => s).sort());
  });

  it('AWS month end = actual on the days before the forecast starts + the forecast', () => {
    const spend = { byService: new Map([['EC2', dec('35')]]), byDay: new Map([['2026-11-01', dec('20')], ['2026-11-02', dec('10')], ['2026-11-03', dec('5')]]) };
    const forecast = { start: '2026-11-03', mean: dec('300'), lower: dec('250.5'), upper: dec('351') };
    const f = planFigures(p, { ...none, spend, forecast }, half);
    expect(f.awsMonthEnd).toEqual({ mean: dec('330'), lower: dec('280.5'), upper: dec('381') });
  });

  it('no variance while nothing is expected yet, nor before enough of the month has gone', () => {
    const spend = { byService: new Map([['EC2', dec('1')]]), byDay: new Map() };
    expect(planFigures(p, { ...none, spend }, { byService: new Map(), varianceAllowed: true }).varianceRatio).toBeUndefined();
    expect(planFigures(p, { ...none, spend }, { ...half, varianceAllowed: false }).varianceRatio).toBeUndefined();
    expect(planFigures(p, { ...none, spend }, { ...half, varianceAllowed: false }).varianceRatioByService).toBeUndefined();
    expect(planFigures(p, { ...none, spend }, half).varianceRatio).toBeDefined();
  });

  it('a service only a replaced version of the plan had keeps its expected cost', () => {
    const f = planFigures(p, none, { byService: new Map([['MSK', dec('12.5')]]), varianceAllowed: true });
    expect(f.expectedByService.get('MSK')!.toString()).toBe('12.5');
    expect(f.expectedByService.get('EKS')!.isZero()).toBe(true);
  });
});
