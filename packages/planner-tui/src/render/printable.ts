/** How many characters of an echoed value are shown before it is cut with "…". */
export const ECHO_LIMIT = 120;

// C0, DEL, C1, line/paragraph separators and bidirectional overrides: a terminal acts on these
// (sets its title, moves the cursor, reorders text) instead of showing them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const code = c.codePointAt(0)!;
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/**
 * A value from a file, a file name or a flag, safe to echo: control characters shown escaped
 * (ESC as \x1b) and cut to `limit` characters with "…". Every echo in errors and output goes
 * through here, so no input can drive the user's terminal.
 */
export function printable(value: unknown, limit = ECHO_LIMIT): string {
  const text = String(value).replace(CONTROL, escapeChar);
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** `printable` in double quotes, for naming a bad value in an error. */
export const quoted = (value: unknown, limit = ECHO_LIMIT): string => `"${printable(value, limit)}"`;

/** Whole output text made safe line by line: control characters escaped, line ends (\n, \r\n) kept, nothing cut. */
export function printableLines(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : printable(part, Infinity)))
    .join('');
}
