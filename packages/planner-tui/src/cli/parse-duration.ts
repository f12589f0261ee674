import { quoted } from '../render/printable.js';
import { UsageError } from './usage-error.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const MAX_MS = 24 * 3_600_000;

/**
 * A flag's duration: "250ms", "30s", "10m", "1h", "1m30s", or a plain number of seconds → milliseconds
 * (at most 24 h). Like the number flags, nothing around it is taken, not even a space.
 */
export function parseDurationFlag(flag: string, text: string): number {
  const parts = /^\d+(\.\d+)?$/.test(text) ? [[text, text, 's'] as const] : [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new UsageError(`${flag} must be a duration such as 500ms, 30s or 10m, got ${quoted(text)}`);
  }
  const ms = Math.round(parts.reduce((total, p) => total + Number(p[1]) * UNIT_MS[p[2]!]!, 0));
  if (ms < 1 || ms > MAX_MS) throw new UsageError(`${flag} must be between 1ms and 24h, got ${quoted(text)}`);
  return ms;
}
