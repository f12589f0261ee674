import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['6h', 21_600_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    [30, 30_000],
    ['45', 45_000],
    [0.5, 500],
  ] as const)('%s → %i ms', (text, ms) => {
    expect(parseDuration(text, 'x')).toBe(ms);
  });

  it.each(['', '6 hours', 'h', '-5m', '5x', '1h 30m', '0s', 0, -1, Number.NaN, true, null, {}])('rejects %j with a ConfigError naming the field', (bad) => {
    expect(() => parseDuration(bad, 'costExplorer.refreshInterval')).toThrow(ConfigError);
    expect(() => parseDuration(bad, 'costExplorer.refreshInterval')).toThrow(/costExplorer\.refreshInterval/);
  });

  it('formats back', () => {
    expect(formatDuration(21_600_000)).toBe('6h');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(250)).toBe('250ms');
  });
});
