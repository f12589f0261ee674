// Fuzzes the command line in-process (the same run() the bin calls): whatever the arguments, the
// answer is exit 0, or exit 2 with exactly one line on stderr, never a stack trace or an exit 1.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../packages/planner-tui/src/cli/main.js';

function capture() {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => ((stdout += t), true), isTTY: false },
    stderr: { write: (t: string) => ((stderr += t), true) },
    env: { NO_COLOR: '1' } as NodeJS.ProcessEnv,
  };
  return { io, out: () => stdout, err: () => stderr };
}

// Terminal escape sequences (title, clear screen, CSI in its 8-bit form), bidi override, bell.
const ESCAPES = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u009b31m', '10\u001b[0m', 'a\u202eb', '\u0007', '\r10000', '10000\n'];
// List and separator forms: only 10,000 and 10_000 are numbers, and only for --users.
const LIST_FORMS = ['1,2', '10,,000', ',10000', '10000,', '1_0', '10,00', '1,0000', '10,000_000'];
// What Number() would take and a decimal flag must not.
const JS_NUMBER_FORMS = ['0x10', '1e3', '1E3', '0o7', '0b1', 'Infinity', '-Infinity', ' 5', '5 ', '+5', '.5', '5.', '1_000'];
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const words = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('--users', '--profile', '--region', '--purchase', '--hours', '--format', '--json', '--print', '--samples', '--seed', '--help', '--profile-file', '--max-breakpoints', '-h', '--version', '--') },
  { weight: 4, arbitrary: fc.constantFrom('10000', '1', '0', '-5', '1e9', '10,000', '10_000', 'NaN', '', ' ', 'eks-web-app', 'trading-fargate', 'nope', 'us-east-1', 'eu-west-1', 'mars', 'spot', 'reserved-1yr', 'table', 'json', 'markdown', 'csv', 'xml', '720', '744', '745', '/nonexistent.json', 'plan', 'compare', 'diff', 'price', 'profiles', 'pricing', 'info', 'seed-ladder-as-written') },
  { weight: 3, arbitrary: fc.constantFrom(...ESCAPES, ...LIST_FORMS, ...JS_NUMBER_FORMS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e12, max: 1e12 }).map(String) },
);

// Commands a run may start with; `pricing refresh` is left out (it would call the real AWS API) and
// `ladder` is rare (each one plans 8 tiers and searches breakpoints).
const heads = fc.oneof(
  { weight: 10, arbitrary: fc.constant<string[]>([]) },
  { weight: 3, arbitrary: fc.constantFrom(['plan'], ['compare'], ['diff'], ['price'], ['profiles'], ['pricing', 'info'], ['pricing']) },
  { weight: 1, arbitrary: fc.constant(['ladder', '--users', '1,100', '--max-breakpoints', '2']) },
);

describe('argument fuzzing', () => {
  it('never crashes: exit 0, or exit 2 with one line', async () => {
    await fc.assert(
      fc.asyncProperty(heads, fc.array(words, { maxLength: 7 }), async (head, rest) => {
        const argv = [...head, ...rest];
        const c = capture();
        const status = await run(argv, c.io);
        expect([0, 2], `argv ${JSON.stringify(argv)}: ${c.err()}`).toContain(status);
        expect(c.err()).not.toMatch(/\n\s+at .+:\d+:\d+/);
        expect(c.err(), JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
        expect(c.out(), JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
        if (status === 2 && argv.length > 0) {
          expect(c.err().trimEnd().split('\n'), JSON.stringify(argv)).toHaveLength(1);
          expect(c.err()).toMatch(/^tier-planner: /);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 10_000) },
    );
  }, 600_000);

  // Every number flag, given a list form, a JS number form or an escape sequence: refused.
  const numberFlags = fc.constantFrom<[string[], string, readonly string[]]>(
    [['--hours', '720'], '--users', [...LIST_FORMS, ...JS_NUMBER_FORMS.filter((f) => f !== '1_000')]],
    [['--users', '10'], '--hours', [...LIST_FORMS, ...JS_NUMBER_FORMS, 'NaN', '', '7e2']],
    [['--users', '10'], '--samples', [...LIST_FORMS, ...JS_NUMBER_FORMS, 'NaN', '']],
    [['--users', '10', '--samples', '5'], '--seed', [...LIST_FORMS, ...JS_NUMBER_FORMS, 'NaN', '']],
    [['ladder', '--users', '1,100'], '--max-breakpoints', [...LIST_FORMS, ...JS_NUMBER_FORMS, 'NaN', '']],
    [['ladder', '--users', '1,100'], '--type-change-margin', [...LIST_FORMS, ...JS_NUMBER_FORMS, 'NaN', '', '-0.1', '5e-2']],
    [['ladder'], '--users', ['10,,000', ',10000', '10000,', '1_0', '0x10', '1e3', '0o7', 'Infinity', ' 5', '5 ', '1, 2', '']],
  );

  it('refuses list forms, JS number forms and escape sequences in every number flag: exit 2, one line, escaped', async () => {
    await fc.assert(
      fc.asyncProperty(
        numberFlags.chain(([base, flag, bad]) => fc.tuple(fc.constant(base), fc.constant(flag), fc.oneof(fc.constantFrom(...bad), fc.constantFrom(...ESCAPES), fc.tuple(fc.constantFrom(...ESCAPES), fc.constantFrom(...bad)).map(([e, b]) => `${b}${e}`)))),
        async ([base, flag, value]) => {
          const argv = [...base, `${flag}=${value}`];
          const c = capture();
          const status = await run(argv, c.io);
          expect(status, `${JSON.stringify(argv)}: ${c.out().slice(0, 200)}`).toBe(2);
          expect(c.out()).toBe('');
          expect(c.err().trimEnd().split('\n'), JSON.stringify(argv)).toHaveLength(1);
          expect(c.err()).toMatch(/^tier-planner: /);
          expect(c.err()).not.toMatch(/\bat .+:\d+:\d+/);
          expect(c.err(), JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2_000) },
    );
  }, 600_000);

  describe('pricing refresh limits', () => {
    // Were a bad value taken, the refresh would start: it then goes to a closed loopback port with
    // test credentials (no instance-metadata lookup) and fails with exit 1, which the test catches.
    beforeAll(() => {
      for (const [k, v] of Object.entries({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true' })) vi.stubEnv(k, v);
    });
    afterAll(() => vi.unstubAllEnvs());

    const LONG = ['9'.repeat(300), `${'9'.repeat(300)}s`, 'x'.repeat(300), `${'1h'.repeat(30)}`];
    const SPACED = [' 30s', '30s ', ' 5', '5 ', '1m 30s', '\t3', ' ', '3\u00a0'];
    const limitFlags = fc.constantFrom<[string, readonly string[]]>(
      ['--request-timeout', [...LONG, ...SPACED, '0s', '25h', 'soon', '1e3', '-1s', '']],
      ['--deadline', [...LONG, ...SPACED, '0ms', '24h1ms', '10 m', '.5s', '']],
      ['--max-attempts', [...LONG, ...SPACED, ...JS_NUMBER_FORMS, '0', '21', '2.0', '']],
    );

    it('refuses escape sequences, long values and spaces in --request-timeout, --deadline and --max-attempts: exit 2, one line, escaped, cut', async () => {
      await fc.assert(
        fc.asyncProperty(
          limitFlags.chain(([flag, bad]) => fc.tuple(fc.constant(flag), fc.oneof(fc.constantFrom(...bad), fc.constantFrom(...ESCAPES), fc.tuple(fc.constantFrom(...ESCAPES), fc.constantFrom(...bad)).map(([e, b]) => `${b}${e}`)))),
          async ([flag, value]) => {
            const argv = ['pricing', 'refresh', '--region', 'us-east-1', '--endpoint', 'http://127.0.0.1:9', ...(flag === '--max-attempts' ? [] : ['--max-attempts', '1']), `${flag}=${value}`];
            const c = capture();
            const status = await run(argv, c.io);
            expect(status, `${JSON.stringify(argv)}: ${c.err()}`).toBe(2);
            expect(c.out()).toBe('');
            expect(c.err(), JSON.stringify(argv)).toMatch(new RegExp(`^tier-planner: ${flag} must be [^\n]*, got "[^\n]*"\n$`));
            expect(c.err(), JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
            // The value is echoed at most 120 characters long (one more for the "…").
            expect(/, got "(.*)"\n$/.exec(c.err())![1]!.length, JSON.stringify(argv)).toBeLessThanOrEqual(120);
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 1_000) },
      );
    }, 600_000);
  });
});
