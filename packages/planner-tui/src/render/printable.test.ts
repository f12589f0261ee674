import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, printable, printableLines, quoted } from './printable.js';

describe('printable (every echoed value)', () => {
  it('shows control characters escaped instead of sending them to the terminal', () => {
    expect(printable('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(printable('a\nb\rc\td\u007f\u009b')).toBe('a\\nb\\rc\\td\\x7f\\x9b');
    expect(printable('left\u202eright\u2028')).toBe('left\\u{202e}right\\u{2028}');
    expect(printable('plain text, café ✓')).toBe('plain text, café ✓');
  });

  it(`cuts a long value to ${ECHO_LIMIT} characters with an ellipsis, never inside a character`, () => {
    const cut = printable('x'.repeat(10_000));
    expect([...cut]).toHaveLength(ECHO_LIMIT);
    expect(cut.endsWith('…')).toBe(true);
    expect(printable('😀'.repeat(200), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(printable('x'.repeat(ECHO_LIMIT))).toBe('x'.repeat(ECHO_LIMIT));
  });

  it('quotes, and keeps line ends when making whole output safe', () => {
    expect(quoted('\u001b[2J')).toBe('"\\x1b[2J"');
    expect(printableLines('a\u001b\r\nb\n')).toBe('a\\x1b\r\nb\n');
    expect(printableLines('x'.repeat(500))).toHaveLength(500);
  });
});
