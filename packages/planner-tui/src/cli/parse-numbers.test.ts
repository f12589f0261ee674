import { describe, expect, it } from 'vitest';
import { parseNumber, parseUserList, parseUsers } from './parse-numbers.js';
import { UsageError } from './usage-error.js';

describe('parseUsers (--users)', () => {
  it('takes digits and the exact thousands forms', () => {
    expect(parseUsers('10000')).toBe(10_000);
    expect(parseUsers('10,000')).toBe(10_000);
    expect(parseUsers('10_000')).toBe(10_000);
    expect(parseUsers('1,000,000')).toBe(1_000_000);
    expect(parseUsers('10_000_000_000')).toBe(10_000_000_000);
  });

  it.each(['1,2', '10,,000', ',10000', '10000,', '1_0', '10,00', '1,0000', '1000,000', '10,000_000', '0x10', '1e3', ' 5', '5 ', '', '+5', '5.0'])('refuses %j', (text) => {
    expect(() => parseUsers(text)).toThrow(UsageError);
  });

  it('points a list at the ladder', () => {
    expect(() => parseUsers('1,2')).toThrow(/got "1,2"; for several user counts use tier-planner ladder/);
  });
});

describe('parseUserList (ladder --users)', () => {
  it('takes counts separated by commas, _ for thousands, sorted and without duplicates', () => {
    expect(parseUserList('100,1,10_000,1')).toEqual([1, 100, 10_000]);
  });
  it.each(['1,,2', ',1', '1,', '1_0', '1, 2', '0x10', '1e3', '1,0'])('refuses %j', (text) => {
    expect(() => parseUserList(text)).toThrow(UsageError);
  });
});

describe('parseNumber (--hours, --samples, --seed, --max-breakpoints)', () => {
  it('takes plain decimals only', () => {
    expect(parseNumber('--hours', '720', 1, 744)).toBe(720);
    expect(parseNumber('--hours', '730.5', 1, 744)).toBe(730.5);
    expect(parseNumber('--seed', '42', 0, 2 ** 32 - 1, true)).toBe(42);
  });
  it.each(['0x10', '0o7', '0b1', '1e3', '1E2', 'Infinity', '-Infinity', 'NaN', ' 5', '5 ', '', '.5', '5.', '+5', '-1', '1_0', '1,0'])('refuses %j', (text) => {
    expect(() => parseNumber('--hours', text, 0, 1e6)).toThrow(/--hours must be a decimal number from 0 to 1,000,000/);
  });
  it('refuses a fraction where a whole number is needed, and a value out of range', () => {
    expect(() => parseNumber('--samples', '1.5', 1, 5000, true)).toThrow(/--samples must be a whole number from 1 to 5,000, got "1.5"/);
    expect(() => parseNumber('--hours', '745', 1, 744)).toThrow(UsageError);
  });
});
