import { dec } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { horizontalBar, serviceBars } from './bars.js';

describe('horizontalBar', () => {
  it('draws whole cells and an eighth remainder', () => {
    expect(horizontalBar(1, 4)).toBe('████');
    expect(horizontalBar(0.5, 4)).toBe('██');
    expect(horizontalBar(0.5 + 1 / 32, 4)).toBe('██▏');
    expect(horizontalBar(0, 4)).toBe('');
  });
});

describe('serviceBars', () => {
  it('sorts by cost, scales to the largest, keeps a sliver for small costs', () => {
    const bars = serviceBars(new Map([['S3', dec('1')], ['EC2', dec('100')], ['ELB', dec('50')], ['Free', dec('0')]]), 10);
    expect(bars.map((b) => b.service)).toEqual(['EC2', 'ELB', 'S3', 'Free']);
    expect(bars[0]!.bar).toBe('██████████');
    expect(bars[1]!.bar).toBe('█████');
    expect(bars[2]!.bar).toBe('▏');
    expect(bars[3]!.bar).toBe('');
    expect(bars.every((b) => b.bar.length <= 10)).toBe(true);
  });

  it('computes exact fractions from Decimals', () => {
    const [, b] = serviceBars(new Map([['a', dec('0.3')], ['b', dec('0.1')]]), 30);
    expect(b!.fraction).toBeCloseTo(1 / 3, 12);
  });
});
