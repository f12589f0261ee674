import { ConfigError } from './config-error.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * "30s", "5m", "6h", "1d", "1h30m", "250ms" or a plain number of seconds (30 or "30") → milliseconds.
 * `where` names the field in the error message.
 */
export function parseDuration(value: unknown, where: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${where} must be a positive duration such as 30s, 5m, 6h or 1d, got ${value}`);
    return Math.round(value * 1_000);
  }
  if (typeof value !== 'string') throw new ConfigError(`${where} must be a duration such as 30s, 5m, 6h or 1d`);
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseDuration(Number(text), where);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new ConfigError(`${where} must be a duration such as 30s, 5m, 6h or 1d, got ${JSON.stringify(value)}`);
  }
  const ms = parts.reduce((total, p) => total + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
  if (ms <= 0) throw new ConfigError(`${where} must be longer than zero, got ${JSON.stringify(value)}`);
  return Math.round(ms);
}

/** 21600000 → "6h", 90000 → "1m30s": for logs and docs. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms}ms`;
  let rest = Math.round(ms / 1_000);
  const out: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      out.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return out.join('');
}
