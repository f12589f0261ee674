// calibrateProfile's output feeds explainVariance as it is: a service measured at 1.3× the profile's
// CPU per request is what the EC2 gap is blamed on first. Measurements here are made up.
import { describe, expect, it } from 'vitest';
import { calibrateProfile, dec, explainVariance, getProfile, loadPriceBook, planTier, type Measurement, type Measurements } from '@tier-planner/cost-model';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const measured = (value: number, query: string): Measurement => ({ value, query, samples: 40_320, confidence: 'high' });

describe('a calibration explains the variance it predicts', () => {
  it('CPU per request measured 1.3× the profile: the EC2 gap names it first, with that ratio', () => {
    const profile = getProfile('eks-web-app');
    const web = profile.services[0]!;
    const cores = web.cpuMillicores! / 1000;
    // The profile's CPU seconds per request at 100% of the request, times 1.3.
    const cpuPerRequest = (cores / web.rpsPerReplica) * 1.3;
    const m: Measurements = {
      window: { start: '2026-11-17T00:00:00Z', end: '2026-12-01T00:00:00Z', stepSeconds: 30 },
      services: [{ name: web.name, selector: `{container="${web.name}"}`, cpuSecondsPerRequest: measured(cpuPerRequest, 'test: cpu per request') }],
      missing: [],
    };
    const calibration = calibrateProfile(profile, m, { users: 1_000_000 });
    expect(calibration.changes.map((c) => c.assumption)).toContain(`services.${web.name}.rpsPerReplica`);
    const plan = planTier({ users: 1_000_000, profile }, book);
    const ec2 = plan.monthly.byService.get('EC2')!;
    const actual = Object.fromEntries([...plan.monthly.byService].map(([s, usd]) => [s, (s === 'EC2' ? usd.times('1.3') : usd).toString()]));
    const e = explainVariance(plan, actual, { calibration });
    const line = e.services.find((s) => s.service === 'EC2')!;
    expect(line.status).toBe('over');
    expect(line.actualUsd.minus(ec2.times('1.3')).abs().lt(dec('0.01'))).toBe(true);
    expect(line.drivers[0]!.measured?.path).toBe(`services.${web.name}.rpsPerReplica`);
    expect(line.drivers[0]!.measured!.ratio.toNumber()).toBeCloseTo(1.3, 9);
  });
});
