// NO_COLOR in a real terminal: capture-pane -e shows every cell's attributes as SGR escape
// sequences, so a screen without any is a screen without colour, bold or dim.
import { describe, expect, it } from 'vitest';
import { hasTmux, startExplorer } from './tmux-session.js';

const SGR = /\u001b\[[0-9;:]*m/g;
const TOTAL = /Total \$[\d,]+\.\d\d\+? \/ month/;

/** The screens of a tour that draws every kind of text: total, notice, chart, comparison, help, incomplete total. */
async function tour(env: NodeJS.ProcessEnv): Promise<string[]> {
  const tui = startExplorer({ columns: 120, rows: 40, args: ['--users', '10000'], env });
  try {
    const screens = [await tui.waitForScreen('the first frame', (s) => TOTAL.test(s)).then(() => tui.screenWithEscapes())];
    const step = async (what: string, keys: string[], probe: (s: string) => boolean) => {
      tui.keys(...keys);
      await tui.waitForScreen(what, probe);
      screens.push(tui.screenWithEscapes());
    };
    await step('the pin message', ['s'], (s) => s.includes('pinned; change something'));
    await step('an incomplete total', ['o'], (s) => s.includes('(incomplete'));
    await step('the line items', ['Tab'], (s) => s.includes('[Line items]'));
    await step('the chart', ['Tab'], (s) => s.includes('[Cost vs users]'));
    await step('the help', ['?'], (s) => s.includes('Keys  (? or Esc'));
    return screens;
  } finally {
    tui.close();
  }
}

describe.skipIf(!hasTmux)(hasTmux ? 'colour in tmux' : 'colour in tmux (skipped: tmux is not installed)', () => {
  it('NO_COLOR=1: no colour, bold or dim anywhere on screen', async () => {
    const screens = await tour({ NO_COLOR: '1' });
    expect(screens).toHaveLength(6);
    for (const screen of screens) {
      expect(screen).toContain('q quit');
      expect(screen.match(SGR) ?? []).toEqual([]);
    }
  });

  it('without NO_COLOR the same screens are in colour, so the check above can fail', async () => {
    const screens = await tour({});
    for (const screen of screens) expect(screen.match(SGR)?.length ?? 0).toBeGreaterThan(0);
    // Bold and green on the total, yellow once it is incomplete.
    const sgrBefore = (code: number, text: string) => new RegExp(`\u001b\\[${code}m(?:\u001b\\[[0-9;]*m)*${text}`);
    expect(screens[0]).toMatch(sgrBefore(32, 'Total \\$[\\d,.]+ /'));
    expect(screens[2]).toMatch(sgrBefore(33, 'Total \\$[\\d,.]+\\+ /'));
  });
});
