import { MAX_USERS } from '@tier-planner/cost-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fineStepUsers, roundNice, scaleUsers, stepInList } from './nice-steps.js';

describe('users steps', () => {
  it('scales by ten within 1 and MAX_USERS', () => {
    expect(scaleUsers(10_000, 1)).toBe(100_000);
    expect(scaleUsers(10_000, -1)).toBe(1_000);
    expect(scaleUsers(3, -1)).toBe(1);
    expect(scaleUsers(MAX_USERS, 1)).toBe(MAX_USERS);
  });

  it('rounds to two significant digits', () => {
    expect(roundNice(12_345)).toBe(12_000);
    expect(roundNice(9_090.9)).toBe(9_100);
    expect(roundNice(7.4)).toBe(7);
  });

  it('fine steps are about 10% and nice', () => {
    expect(fineStepUsers(10_000, 1)).toBe(11_000);
    expect(fineStepUsers(10_000, -1)).toBe(9_100);
    expect(fineStepUsers(1, 1)).toBe(2);
    expect(fineStepUsers(1, -1)).toBe(1);
  });

  it('a fine step always moves (unless at a bound) and stays within about 10%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.constantFrom<1 | -1>(1, -1), (users, dir) => {
        const next = fineStepUsers(users, dir);
        if (users === 1 && dir < 0) return next === 1;
        if (dir > 0 ? next <= users : next >= users) return false;
        return users < 100 || Math.abs(next / users - 1) <= 0.2;
      }),
    );
  });
});

describe('stepInList', () => {
  const list = [1, 2, 5, 10];
  it('moves to the neighbour, from inside or between the steps', () => {
    expect(stepInList(list, 2, 1)).toBe(5);
    expect(stepInList(list, 3, 1)).toBe(5);
    expect(stepInList(list, 3, -1)).toBe(2);
    expect(stepInList(list, 10, 1)).toBe(10);
    expect(stepInList(list, 1, -1)).toBe(1);
  });
});
