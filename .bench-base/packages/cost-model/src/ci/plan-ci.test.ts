import { describe, expect, it } from 'vitest';
import type { CiSpec } from '../profiles/profile-types.js';
import { planCi } from './plan-ci.js';

const spec = (developers: number, jobs: number): CiSpec => ({
  provider: 'github-actions',
  developers,
  pushesPerDeveloperPerDay: 2,
  workingDaysPerMonth: 20,
  jobs: Array.from({ length: jobs }, (_, i) => ({ name: `job ${i + 1}`, minutes: 3 })),
});

describe('planCi explains its minutes with counts in words', () => {
  it('one developer and one job are singular', () => {
    expect(planCi(spec(1, 1)).why).toBe('1 developer × 2 pushes/day × 20 days = 40 pipeline runs of 1 job');
  });

  it('more are plural', () => {
    expect(planCi(spec(4, 2)).why).toBe('4 developers × 2 pushes/day × 20 days = 160 pipeline runs of 2 jobs');
  });
});
