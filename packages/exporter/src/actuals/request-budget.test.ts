import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { RequestBudget } from './request-budget.js';

const H = 3_600_000;

describe('RequestBudget (rolling 24 h)', () => {
  it('gives out exactly perDay slots, then refuses until the oldest is a day old', () => {
    const b = new RequestBudget(3);
    expect([b.tryTake(0), b.tryTake(H), b.tryTake(2 * H), b.tryTake(3 * H)]).toEqual([true, true, true, false]);
    expect(b.remaining(3 * H)).toBe(0);
    expect(b.freeAt(3 * H)).toBe(24 * H);
    expect(b.freeAt(3 * H, 2)).toBe(25 * H);
    expect(b.tryTake(24 * H - 1)).toBe(false);
    expect(b.tryTake(24 * H)).toBe(true);
    expect(b.remaining(24 * H)).toBe(0);
    expect(b.remaining(26 * H)).toBe(2);
  });

  it('freeAt is now while slots are left', () => {
    const b = new RequestBudget(2);
    b.tryTake(5);
    expect(b.freeAt(10)).toBe(10);
  });
});

describe('backoffDelay', () => {
  const initial = 60_000;
  const max = 3_600_000;
  it('doubles from the initial delay, with equal jitter between half and all of it', () => {
    expect(backoffDelay(1, initial, max, () => 0)).toBe(30_000);
    expect(backoffDelay(1, initial, max, () => 1)).toBe(60_000);
    expect(backoffDelay(2, initial, max, () => 1)).toBe(120_000);
    expect(backoffDelay(4, initial, max, () => 0.5)).toBe(360_000);
  });

  it('is capped, even after very many failures', () => {
    expect(backoffDelay(7, initial, max, () => 1)).toBe(max);
    expect(backoffDelay(1000, initial, max, () => 1)).toBe(max);
    expect(backoffDelay(1000, initial, max, () => 0)).toBe(max / 2);
  });

  it('never goes below half the step, whatever the random source', () => {
    for (let i = 1; i < 20; i++) {
      const d = backoffDelay(i, initial, max, Math.random);
      const ceiling = Math.min(max, initial * 2 ** (i - 1));
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
  });
});
