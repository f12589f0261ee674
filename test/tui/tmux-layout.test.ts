// The layout in a real terminal: at every size down to 40×12 the users, profile, total and quit key
// show, nothing wraps, the frame leaves the last row free, and a resize brings the full layout back.
import { describe, expect, it } from 'vitest';
import { hasTmux, startExplorer, type ExplorerSession } from './tmux-session.js';

const TOTAL = /Total \$[\d,]+\.\d\d \/ month/;

/** The rows the explorer drew: tmux pads the capture to the pane's height with empty rows. */
const drawn = (screen: string): string[] => screen.replace(/\n+$/, '').split('\n');

function expectUsable(screen: string, columns: number, rows: number, texts: readonly string[]) {
  const lines = drawn(screen);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const text of texts) expect(screen).toContain(text);
  expect(screen).toMatch(TOTAL);
  // One frame, not the remains of an earlier one beside it.
  expect(screen.match(/q quit/g)).toHaveLength(1);
  expect(screen.match(/Total \$/g)).toHaveLength(1);
}

// A frame counts once its last row (the keys, ending in "q quit") is drawn: a capture taken while the
// terminal is still writing a frame shows its top half only.
const waitForSize = (tui: ExplorerSession, what: string, probe: (lines: string[]) => boolean) => tui.waitForScreen(what, (s) => TOTAL.test(s) && s.includes('q quit') && probe(drawn(s)));

describe.skipIf(!hasTmux)(hasTmux ? 'the layout in tmux' : 'the layout in tmux (skipped: tmux is not installed)', () => {
  const sizes = [
    { columns: 40, rows: 12, full: false },
    { columns: 60, rows: 20, full: false },
    { columns: 80, rows: 24, full: false },
    { columns: 120, rows: 40, full: true },
    { columns: 200, rows: 60, full: true },
  ];
  for (const { columns, rows, full } of sizes) {
    it(`${columns}×${rows}`, async () => {
      const tui = startExplorer({ columns, rows, args: ['--users', '10000'] });
      try {
        const screen = await tui.waitForScreen('the first frame', (s) => TOTAL.test(s) && s.includes('q quit'));
        expectUsable(screen, columns, rows, ['10,000 users', 'eks-web-app', '? help · q quit', '[Line items]']);
        if (full) {
          for (const text of ['Node groups', 'Cost by service', 'workload: DAU/MAU', 'families profile', 'e export']) expect(screen).toContain(text);
          expect(screen).not.toContain('hidden:');
        } else if (columns === 40) {
          expect(screen).toContain('hidden: node groups, cost bars, workload');
        } else if (columns === 60) {
          expect(screen).toContain('Cost by service');
          expect(screen).toContain('hidden: node groups');
        }
      } finally {
        tui.close();
      }
    });
  }

  it('40×12 with the longest profile name and 10M users: both stay whole', async () => {
    const tui = startExplorer({ columns: 40, rows: 12, args: ['--users', '10000000', '--profile', 'trading-k8s-self-managed'] });
    try {
      const screen = await tui.waitForScreen('the first frame', (s) => TOTAL.test(s));
      expectUsable(screen, 40, 12, ['10,000,000 users', 'trading-k8s-self-managed', 'q quit']);
    } finally {
      tui.close();
    }
  });

  it('resizing down to 40×12 and back up redraws the whole layout each time', async () => {
    const tui = startExplorer({ columns: 120, rows: 40, args: ['--users', '10000'] });
    try {
      await tui.waitForScreen('the first frame', (s) => TOTAL.test(s) && s.includes('Node groups'));
      tui.resize(40, 12);
      const small = await waitForSize(tui, 'the 40×12 layout', (lines) => lines.some((l) => l.startsWith('hidden: node groups, cost bars')));
      expectUsable(small, 40, 12, ['10,000 users', 'eks-web-app', 'q quit']);
      expect(small).not.toContain('Node groups');

      tui.resize(60, 20);
      const mid = await waitForSize(tui, 'the 60×20 layout', (lines) => lines.some((l) => l === 'hidden: node groups'));
      expectUsable(mid, 60, 20, ['10,000 users', 'Cost by service', 'q quit']);

      tui.resize(200, 60);
      const big = await waitForSize(tui, 'the full layout again', (lines) => lines.some((l) => l.startsWith('Node groups')));
      expectUsable(big, 200, 60, ['10,000 users', 'Cost by service', 'workload: DAU/MAU', 'e export · ? help · q quit']);
      expect(big).not.toContain('hidden:');

      // A key after the resizes lands in the current layout.
      tui.keys('Up');
      expectUsable(await tui.waitForScreen('100,000 users', (s) => s.includes('100,000 users') && TOTAL.test(s) && s.includes('q quit')), 200, 60, ['Node groups']);
    } finally {
      tui.close();
    }
  });
});
