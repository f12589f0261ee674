import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT } from '../render/printable.js';
import { parseDurationFlag } from './parse-duration.js';
import { UsageError } from './usage-error.js';

const message = (text: string): string => {
  try {
    parseDurationFlag('--deadline', text);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} was taken`);
};

describe('parseDurationFlag', () => {
  it('takes units, combinations and plain seconds', () => {
    expect(parseDurationFlag('--deadline', '250ms')).toBe(250);
    expect(parseDurationFlag('--deadline', '1m30s')).toBe(90_000);
    expect(parseDurationFlag('--deadline', '2.5')).toBe(2_500);
    expect(parseDurationFlag('--deadline', '24h')).toBe(86_400_000);
  });

  // The number flags refuse " 5" and "5 " too: a space is not quietly dropped from any flag.
  it.each([' 30s', '30s ', '\t30s', '30s\n', '1m 30s', ' 5', '5 '])('refuses %j, spaces and all', (text) => {
    expect(message(text)).toMatch(/^--deadline must be a duration such as 500ms, 30s or 10m, got "/);
  });

  it('echoes control characters in our escaped form, not as JSON escapes', () => {
    expect(message('30s\u001b]0;pwned\u0007')).toBe('--deadline must be a duration such as 500ms, 30s or 10m, got "30s\\x1b]0;pwned\\x07"');
    expect(message('0s\n')).toContain('got "0s\\n"');
    expect(message('a\u202eb')).toContain('got "a\\u{202e}b"');
  });

  it('cuts a long value to the echo limit, in both messages', () => {
    const long = message('x'.repeat(500));
    expect(long).toContain(`got "${'x'.repeat(ECHO_LIMIT - 1)}…"`);
    const huge = `${'9'.repeat(300)}s`;
    expect(message(huge)).toBe(`--deadline must be between 1ms and 24h, got "${'9'.repeat(ECHO_LIMIT - 1)}…"`);
  });
});
