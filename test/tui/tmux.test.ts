// The explorer in a real terminal: tmux gives the built bin a 120×40 pty, we read the screen
// with capture-pane, type keys with send-keys, and check the process ends cleanly on q.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli/run-bin.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const TOTAL = /Total (\$[\d,]+\.\d\d) \/ month/;

/** The environment of a person's terminal: no CI markers (Ink prints only the last frame in CI), colour allowed. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_') || k === 'NO_COLOR' || k === 'TMUX') continue;
    env[k] = v;
  }
  return { ...env, TERM: 'xterm-256color' };
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

describe.skipIf(!hasTmux)(hasTmux ? 'the explorer in tmux' : 'the explorer in tmux (skipped: tmux is not installed)', () => {
  it('opens on the total, ↑ multiplies the users by ten, q exits with status 0', async () => {
    // A private server (-L) with no config (-f /dev/null): nothing of the user's tmux leaks in.
    const socket = `tier-planner-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    const session = 'explorer';
    const tmux = (...args: string[]) => execFileSync('tmux', ['-f', '/dev/null', '-L', socket, ...args], { encoding: 'utf8', env: terminalEnv() });
    const screen = () => tmux('capture-pane', '-p', '-t', session);
    // The shell reports the status and keeps the pane (and the screen the explorer left) for us to
    // read: tmux 3.3 may leave #{pane_dead_status} empty, and clears a dead pane's screen. The
    // sleep never delays the test: it polls for the line and kills the server when done.
    const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)} --users 10000; echo "tier-planner exited with status $?"; sleep 30`;
    try {
      tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', session, command);
      const first = await waitFor('the first frame with the total', () => (TOTAL.test(screen()) ? screen() : undefined));
      expect(first).toContain('10,000 users');
      const before = TOTAL.exec(first)![1];
      for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(120);

      tmux('send-keys', '-t', session, 'Up');
      const after = await waitFor('100,000 users on screen', () => (screen().includes('100,000 users') && TOTAL.test(screen()) ? screen() : undefined));
      expect(TOTAL.exec(after)![1]).not.toBe(before);

      tmux('send-keys', '-t', session, 'q');
      const status = await waitFor('the exit status', () => /tier-planner exited with status (\d+)/.exec(screen())?.[1]);
      expect(status).toBe('0');
      // The alternate screen is gone: the explorer's frame no longer shows.
      expect(screen()).not.toContain('Cost by service');
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    }
  });
});
