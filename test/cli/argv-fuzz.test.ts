// Fuzzes the command line in-process (the same run() the bin calls): whatever the arguments, the
// answer is exit 0, or exit 2 with exactly one line on stderr, never a stack trace or an exit 1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

const words = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('--users', '--profile', '--region', '--purchase', '--hours', '--format', '--json', '--print', '--samples', '--seed', '--help', '--profile-file', '--max-breakpoints', '-h', '--version', '--') },
  { weight: 4, arbitrary: fc.constantFrom('10000', '1', '0', '-5', '1e9', '10,000', '10_000', 'NaN', '', ' ', 'eks-web-app', 'trading-fargate', 'nope', 'us-east-1', 'eu-west-1', 'mars', 'spot', 'reserved-1yr', 'table', 'json', 'markdown', 'csv', 'xml', '720', '744', '745', '/nonexistent.json', 'plan', 'compare', 'diff', 'price', 'profiles', 'pricing', 'info', 'seed-ladder-as-written') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
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
        if (status === 2 && argv.length > 0) {
          expect(c.err().trimEnd().split('\n'), JSON.stringify(argv)).toHaveLength(1);
          expect(c.err()).toMatch(/^tier-planner: /);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 10_000) },
    );
  }, 600_000);
});
