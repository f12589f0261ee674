// Under `npm test`'s faketime runs, proves the fake clock reached the test process (a run at the
// wrong date would otherwise pass silently); in ordinary runs there is nothing to prove.
import { describe, expect, it } from 'vitest';

const faked = process.env.FAKETIME?.startsWith('@') ? Date.parse(`${process.env.FAKETIME.slice(1).replace(' ', 'T')}Z`) : undefined;

describe('faketime', () => {
  it.skipIf(faked === undefined)('the clock of this process reads the instant the run was started at', () => {
    const drift = Date.now() - faked!;
    // The clock runs on from the instant. Under a faked outer run (the same instant, not reset for
    // child processes) it has run since that run began: well under an hour, whatever the real date.
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(60 * 60_000);
  });
});
