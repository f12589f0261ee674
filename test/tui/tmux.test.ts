// The explorer in a real terminal at 120×40: first frame, a key, and a clean exit on q.
import { describe, expect, it } from 'vitest';
import { hasTmux, startExplorer, waitFor } from './tmux-session.js';

const TOTAL = /Total (\$[\d,]+\.\d\d) \/ month/;

describe.skipIf(!hasTmux)(hasTmux ? 'the explorer in tmux' : 'the explorer in tmux (skipped: tmux is not installed)', () => {
  it('opens on the total, ↑ multiplies the users by ten, q exits with status 0', async () => {
    const tui = startExplorer({ columns: 120, rows: 40, args: ['--users', '10000'] });
    try {
      const first = await tui.waitForScreen('the first frame with the total', (s) => TOTAL.test(s));
      expect(first).toContain('10,000 users');
      const before = TOTAL.exec(first)![1];
      for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(120);

      tui.keys('Up');
      const after = await tui.waitForScreen('100,000 users on screen', (s) => s.includes('100,000 users') && TOTAL.test(s));
      expect(TOTAL.exec(after)![1]).not.toBe(before);

      tui.keys('q');
      const status = await waitFor('the exit status', () => /tier-planner exited with status (\d+)/.exec(tui.screen())?.[1]);
      expect(status).toBe('0');
      // The alternate screen is gone: the explorer's frame no longer shows.
      expect(tui.screen()).not.toContain('Cost by service');
    } finally {
      tui.close();
    }
  });
});

describe.skipIf(!hasTmux)(hasTmux ? '--arch in the explorer in tmux' : '--arch in the explorer in tmux (skipped: tmux is not installed)', () => {
  it('starts on the --arch given, shown in the header, and a cycles it', async () => {
    const tui = startExplorer({ columns: 120, rows: 40, args: ['--users', '10000', '--arch', 'arm64'] });
    try {
      const first = await tui.waitForScreen('the first frame with the total', (s) => TOTAL.test(s));
      expect(first).toContain('arch arm64');
      tui.keys('a');
      const next = await tui.waitForScreen('arch x86_64 in the header', (s) => s.includes('arch x86_64') && TOTAL.test(s));
      expect(TOTAL.exec(next)![1]).not.toBe(TOTAL.exec(first)![1]);
      tui.keys('q');
      expect(await waitFor('the exit status', () => /tier-planner exited with status (\d+)/.exec(tui.screen())?.[1])).toBe('0');
    } finally {
      tui.close();
    }
  });
});
