// Fuzzes actuals and export-focus in-process: whatever the arguments, exit 0, or exit 2 with one
// line on stderr, never a stack trace, never a raw control character (paths are echoed back).
// Nothing here reaches AWS: no Athena source and no well-formed s3:// path is among the words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../packages/planner-tui/src/cli/main.js';

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const words = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('--source', '--path', '--format', '--month', '--plan', '--tag-key', '--tag-value', '--basis', '--json', '--workgroup', '--database', '--table', '--catalog', '--output-location', '--partition-column', '--region', '--athena-endpoint', '--timeout', '--out', '--help', '--') },
  { weight: 4, arbitrary: fc.constantFrom('data-export', 'cost-explorer', 'cur2', 'focus', 'csv', 'parquet', '2026-11', '2026-13', '26-11', 'unblended', 'amortized', 's3://', 's3://-bad', '/nonexistent', '/nonexistent.json', 'us-east-1', 'Mars', '10m', 'soon', 'http://127.0.0.1:1', '') },
  { weight: 2, arbitrary: fc.constantFrom('\u001b]0;pwned\u0007', '\u001b[2J', '\u009b31m', 'a\u202eb', '10000\n') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

describe('actuals and export-focus argument fuzzing', () => {
  it('exit 0, or exit 2 with one printable line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('actuals', 'export-focus'), fc.array(words, { maxLength: 8 }), async (head, rest) => {
        let stdout = '';
        let stderr = '';
        const io = { stdout: { write: (t: string) => ((stdout += t), true), isTTY: false }, stderr: { write: (t: string) => ((stderr += t), true) }, env: { NO_COLOR: '1' } as NodeJS.ProcessEnv };
        const argv = [head, ...rest];
        const status = await run(argv, io);
        expect([0, 2], `argv ${JSON.stringify(argv)}: ${stderr}`).toContain(status);
        expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        expect(stderr, JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
        expect(stdout, JSON.stringify(argv)).not.toMatch(RAW_CONTROL);
        if (status === 2) expect(stderr.trimEnd().split('\n'), JSON.stringify(argv)).toHaveLength(1);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1_000) },
    );
  });
});
