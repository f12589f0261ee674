import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listProfiles, loadPriceBook, planTier, type PriceBook } from '@tier-planner/cost-model';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { usd } from '../../render/format.js';
import { PARTLY_PRICED_AT_ZERO, zeroRateSnapshotDir } from '../../render/testing/zero-rate-snapshot.js';
import type { Scenario } from '../state/scenario.js';
import { App } from './App.js';

const book = loadPriceBook();
const scenario: Scenario = { users: 10_000, profile: 'eks-web-app', purchase: 'on-demand', ha: 'auto', families: 'auto', workload: {} };
const KEY = { up: '\u001B[A', tab: '\t' };
// ink-testing-library's stdin only reaches the app once its effects have subscribed.
const tick = () => new Promise((r) => setTimeout(r, 20));
const totalOf = (users: number, profile = 'eks-web-app') => usd(planTier({ users, profile }, book, {}).monthly.total);

/**
 * The frame's text with wrapped lines joined again: a line that fills the width continues on the
 * next (mid-word for a path), and a word wrap leaves a space out.
 */
function unwrapped(frame: string, width = 100): string {
  return frame.split('\n').reduce((text, line, i, lines) => (i === 0 ? line : text + (lines[i - 1]!.length >= width ? '' : ' ') + line), '');
}

async function start(cwd = tmpdir(), size?: { columns: number; rows: number }, planned: { book: PriceBook; scenario: Scenario } = { book, scenario }) {
  const app = render(<App book={planned.book} scenario={planned.scenario} cwd={cwd} />);
  if (size) resize(app.stdout, size.columns, size.rows);
  await tick();
  const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick();
    }
  };
  return { app, frame, press };
}

/** ink-testing-library's stdout is 100 columns with no rows; a terminal of another size says so by a resize event. */
function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}

afterEach(() => cleanup());

describe('the explorer', () => {
  it('first shows the users and the total, within 100 columns', async () => {
    const { frame } = await start();
    expect(frame()).toContain('10,000 users');
    expect(frame()).toContain(`Total ${totalOf(10_000)} / month`);
    expect(frame()).toContain('Cost by service');
    for (const line of frame().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('↑ multiplies the users by ten and changes the total', async () => {
    const { frame, press } = await start();
    await press(KEY.up);
    expect(frame()).toContain('100,000 users');
    expect(frame()).toContain(`Total ${totalOf(100_000)} / month`);
    expect(totalOf(100_000)).not.toBe(totalOf(10_000));
  });

  it('p moves to the next profile', async () => {
    const { frame, press } = await start();
    const next = listProfiles()[1]!.name;
    await press('p');
    expect(frame()).toContain(`· ${next} ·`);
    expect(frame()).toContain(`Total ${totalOf(10_000, next)} / month`);
  });

  it('s pins; after a change the comparison shows the difference per service', async () => {
    const { frame, press } = await start();
    await press('s', KEY.up);
    const f = frame();
    expect(f).toContain('[Comparison]');
    expect(f).toContain('pinned:  10,000 users');
    expect(f).toContain('current: 100,000 users');
    expect(f).toMatch(new RegExp(`Total \\${totalOf(10_000)} → \\${totalOf(100_000)}`));
    expect(f).toMatch(/^[A-Z][\w ]+?\s+\$[\d,.]+\s+\$[\d,.]+\s+\+\$[\d,.]+\s+\+\d+%$/m);
  });

  it('Tab shows the cost-vs-users chart with the current users marked', async () => {
    const { frame, press } = await start();
    await press(KEY.tab);
    expect(frame()).toContain('[Cost vs users]');
    expect(frame()).toContain('^ 10,000 users');
    expect(frame()).toMatch(/1\s+10\s+100\s+1k\s+10k\s+100k\s+1M\s+10M/);
  });

  it('a switches the architecture: the header says so and the total is the arm64 plan', async () => {
    const { frame, press } = await start();
    expect(frame()).not.toContain('arch arm64');
    await press('a');
    expect(frame()).toContain('arch arm64');
    expect(frame()).toContain(`Total ${usd(planTier({ users: 10_000, profile: 'eks-web-app' }, book, { architecture: 'arm64' }).monthly.total)} / month`);
    await press('?');
    expect(frame()).toContain("architecture: profile's → arm64 → x86_64 → any");
  });

  it('? shows the help and hides it again', async () => {
    const { frame, press } = await start();
    await press('?');
    expect(frame()).toContain('Keys  (? or Esc closes this help)');
    expect(frame()).toContain('pin the current scenario');
    await press('?');
    expect(frame()).not.toContain('Keys  (? or Esc');
  });

  it('e writes the plan as JSON and Markdown into the working folder, and names them as seen from there', async () => {
    // The explorer's folder, not this process's: the message names the files where they were written.
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tui-'));
    expect(cwd).not.toBe(process.cwd());
    try {
      const { frame, press } = await start(cwd);
      await press('e');
      const base = join(cwd, 'tier-planner-plan-10000-eks-web-app');
      expect(unwrapped(frame())).toContain('exported tier-planner-plan-10000-eks-web-app.json and .md');
      const json = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
      const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book, {});
      expect(json.monthly.total).toBe(plan.monthly.total.toString());
      expect(json.users).toBe(10_000);
      expect(readFileSync(`${base}.md`, 'utf8')).toContain(`**Total: ${usd(plan.monthly.total)} per month**`);
      // Written through a temp file each: nothing else is left in the folder.
      expect(readdirSync(cwd).sort()).toEqual(['tier-planner-plan-10000-eks-web-app.json', 'tier-planner-plan-10000-eks-web-app.md']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('e never overwrites: an existing export keeps its bytes and the new one gets the next number, and says so', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tui-'));
    try {
      const base = join(cwd, 'tier-planner-plan-10000-eks-web-app');
      // Only the Markdown name is taken: the pair still moves on together.
      writeFileSync(`${base}.md`, 'my notes\n');
      const { frame, press } = await start(cwd);
      await press('e');
      expect(unwrapped(frame())).toContain('exported tier-planner-plan-10000-eks-web-app-2.json and .md (the earlier one is kept)');
      expect(readFileSync(`${base}.md`, 'utf8')).toBe('my notes\n');
      expect(JSON.parse(readFileSync(`${base}-2.json`, 'utf8')).users).toBe(10_000);
      await press('e');
      expect(unwrapped(frame())).toContain('exported tier-planner-plan-10000-eks-web-app-3.json and .md');
      expect(readdirSync(cwd).sort()).toEqual([2, 3].flatMap((n) => [`tier-planner-plan-10000-eks-web-app-${n}.json`, `tier-planner-plan-10000-eks-web-app-${n}.md`]).concat('tier-planner-plan-10000-eks-web-app.md').sort());
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('the export message wraps to a 40-column terminal and keeps the whole name', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tui-'));
    try {
      const { frame, press } = await start(cwd, { columns: 40, rows: 12 });
      await press('e');
      for (const line of frame().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
      expect(frame().split('\n').length).toBeLessThanOrEqual(11);
      // The 40-character name fills a line of its own: wrapped at the spaces around it, not cut.
      expect(frame().replace(/\s+/g, ' ')).toContain('exported tier-planner-plan-10000-eks-web-app.json and .md');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('o to spot leaves EC2 unpriced: the total is a floor marked incomplete, and the comparison says unpriced, not -100%', async () => {
    const { frame, press } = await start();
    await press('s', 'o');
    const f = frame();
    expect(f).toContain('· spot ·');
    expect(f).toMatch(/Total \$[\d,]+\.\d\d\+ \/ month \(incomplete: 1 unpriced item left out\)/);
    expect(f).toMatch(/^EC2\s+\$[\d,]+\.\d\d\s+unpriced\s+unknown\s+n\/a$/m);
    expect(f).toMatch(/^Total \$[\d,.]+ → \$[\d,.]+\+ {2}-\$[\d,.]+ \(priced items only\)$/m);
    expect(f).not.toContain('-100%');
    // The cost bars beside it say so too.
    expect(f).toMatch(/EC2 +unpriced/);
  });

  it('a service priced in part at $0.00 reads "$0.00+" in the cost bars, not "unpriced"', async () => {
    const zeroBook = loadPriceBook({ dir: zeroRateSnapshotDir() });
    const { frame } = await start(tmpdir(), undefined, { book: zeroBook, scenario: { ...scenario, ...PARTLY_PRICED_AT_ZERO } });
    expect(frame()).toContain('· reserved-1yr ·');
    expect(frame()).toMatch(/EC2 +\$0\.00\+$/m);
    expect(frame()).not.toMatch(/EC2 +unpriced/);
  });

  it('the chart pane marks totals that leave unpriced items out', async () => {
    const { frame, press } = await start();
    await press('o', KEY.tab);
    expect(frame()).toContain('[Cost vs users]');
    expect(frame()).toContain('$X+: incomplete, unpriced items left out');
    expect(frame()).toMatch(/^ *\$[\d.]+k?\+ \|/m);
    await press('o', 'o', 'o', 'o');
    expect(frame()).toContain('· on-demand ·');
    expect(frame()).not.toContain('incomplete');
  });

  it('at 40×12 users, profile, total and q quit show and the hint names what is hidden; a resize brings the rest back', async () => {
    const { app, frame } = await start(tmpdir(), { columns: 40, rows: 12 });
    const small = frame();
    for (const line of small.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(small.split('\n').length).toBeLessThanOrEqual(11);
    for (const text of ['10,000 users', 'eks-web-app', `Total ${totalOf(10_000)} / month`, 'q quit', 'hidden: node groups, cost bars, workload']) expect(small).toContain(text);
    expect(small).not.toContain('Cost by service');
    resize(app.stdout, 120, 40);
    await tick();
    const big = frame();
    for (const text of ['Node groups', 'Cost by service', 'workload: DAU/MAU', 'e export · ? help · q quit']) expect(big).toContain(text);
    expect(big).not.toContain('hidden:');
    expect(big.split('\n').length).toBeLessThanOrEqual(39);
  });

  it('Tab typed ahead with other keys still switches the pane', async () => {
    const { frame, press } = await start();
    await press('\t\t');
    expect(frame()).toContain('[Comparison]');
  });

  it('q exits: the app stops reading keys', async () => {
    const { app, press } = await start();
    expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0);
    await press('q');
    expect(app.stdin.listenerCount('readable')).toBe(0);
    // After exit a key draws nothing more (what the last frame holds depends on Ink's CI mode).
    const framesAfterExit = app.frames.length;
    await press(KEY.up);
    expect(app.frames.length).toBe(framesAfterExit);
    expect(app.frames.map(stripVTControlCharacters).join('\n')).not.toContain('100,000 users');
  });
});
