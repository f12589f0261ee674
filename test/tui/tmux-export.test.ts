// `e` in a real terminal at 40×12: the message fits the width with the whole file name readable,
// a second export never overwrites the first, and the files on disk say the same.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, startExplorer } from './tmux-session.js';

const NAME = 'tier-planner-plan-10000-eks-web-app';

/**
 * The message rows under the total, joined back into one line without the spaces: a row may end at
 * a word or in the middle of a long one (a path), and a word that fills a row exactly looks the same
 * either way. Every other character has to be there, in order.
 */
function message(screen: string): string {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => l.startsWith('exported') || l.startsWith('export failed'));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('['));
  return lines.slice(start, end).join('').replace(/ /g, '');
}
const squeezed = (text: string) => text.replace(/ /g, '');

describe.skipIf(!hasTmux)(hasTmux ? 'export in tmux' : 'export in tmux (skipped: tmux is not installed)', () => {
  it('e at 40×12: a readable message within the width, and a second e writes "-2" beside the first', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tmux-export-'));
    const tui = startExplorer({ columns: 40, rows: 12, args: ['--users', '10000'], cwd });
    try {
      await tui.waitForScreen('the first frame', (s) => s.includes('q quit'));
      tui.keys('e');
      const first = await tui.waitForScreen('the export message', (s) => message(s).endsWith('.md'));
      for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
      expect(message(first)).toBe(squeezed(`exported ${NAME}.json and .md`));
      const written = readFileSync(join(cwd, `${NAME}.json`), 'utf8');
      expect(JSON.parse(written).users).toBe(10_000);

      tui.keys('Up', 'Down', 'e');
      const second = await tui.waitForScreen('the second export message', (s) => message(s).includes('-2.json'));
      for (const line of second.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
      expect(message(second)).toBe(squeezed(`exported ${NAME}-2.json and .md (the earlier one is kept)`));
      expect(second).toContain('q quit');
      expect(readFileSync(join(cwd, `${NAME}.json`), 'utf8')).toBe(written);
      expect(readdirSync(cwd).sort()).toEqual([`${NAME}-2.json`, `${NAME}-2.md`, `${NAME}.json`, `${NAME}.md`]);
    } finally {
      tui.close();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('a file of the same name that is not an export is left as it was', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tmux-export-'));
    writeFileSync(join(cwd, `${NAME}.json`), 'not mine to replace\n');
    const tui = startExplorer({ columns: 80, rows: 24, args: ['--users', '10000'], cwd });
    try {
      await tui.waitForScreen('the first frame', (s) => s.includes('q quit'));
      tui.keys('e');
      const screen = await tui.waitForScreen('the export message', (s) => message(s).includes('kept'));
      expect(message(screen)).toContain(squeezed(`exported ${NAME}-2.json and .md`));
      expect(readFileSync(join(cwd, `${NAME}.json`), 'utf8')).toBe('not mine to replace\n');
      expect(readdirSync(cwd).sort()).toEqual([`${NAME}-2.json`, `${NAME}-2.md`, `${NAME}.json`]);
    } finally {
      tui.close();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
