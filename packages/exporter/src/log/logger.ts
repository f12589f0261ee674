/** Structured logs: one JSON object per line on stderr. Callers pass facts, never credentials. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export function jsonLogger(write: (line: string) => unknown, minLevel: Level = 'info', now: () => number = Date.now): Logger {
  const min = LEVELS.indexOf(minLevel);
  const log = (level: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) < min) return;
    write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
