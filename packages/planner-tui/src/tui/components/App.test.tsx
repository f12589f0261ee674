import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listProfiles, loadPriceBook, planTier } from '@tier-planner/cost-model';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { usd } from '../../render/format.js';
import type { Scenario } from '../state/scenario.js';
import { App } from './App.js';

const book = loadPriceBook();
const scenario: Scenario = { users: 10_000, profile: 'eks-web-app', purchase: 'on-demand', ha: 'auto', families: 'auto', workload: {} };
const KEY = { up: '\u001B[A', tab: '\t' };
// ink-testing-library's stdin only reaches the app once its effects have subscribed.
const tick = () => new Promise((r) => setTimeout(r, 20));
const totalOf = (users: number, profile = 'eks-web-app') => usd(planTier({ users, profile }, book, {}).monthly.total);

async function start(cwd = tmpdir()) {
  const app = render(<App book={book} scenario={scenario} cwd={cwd} />);
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
    expect(f).toMatch(/^EC2\s+\$[\d,.]+\s+\$[\d,.]+\s+\+\$[\d,.]+/m);
  });

  it('Tab shows the cost-vs-users chart with the current users marked', async () => {
    const { frame, press } = await start();
    await press(KEY.tab);
    expect(frame()).toContain('[Cost vs users]');
    expect(frame()).toContain('^ 10,000 users');
    expect(frame()).toMatch(/1\s+10\s+100\s+1k\s+10k\s+100k\s+1M\s+10M/);
  });

  it('? shows the help and hides it again', async () => {
    const { frame, press } = await start();
    await press('?');
    expect(frame()).toContain('Keys  (? or Esc closes this help)');
    expect(frame()).toContain('pin the current scenario');
    await press('?');
    expect(frame()).not.toContain('Keys  (? or Esc');
  });

  it('e writes the plan as JSON and Markdown into the working folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tier-planner-tui-'));
    try {
      const { frame, press } = await start(cwd);
      await press('e');
      const base = join(cwd, 'tier-planner-plan-10000-eks-web-app');
      expect(frame()).toContain(`exported ${base}.json`);
      const json = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
      const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, book, {});
      expect(json.monthly.total).toBe(plan.monthly.total.toString());
      expect(json.users).toBe(10_000);
      expect(readFileSync(`${base}.md`, 'utf8')).toContain(`**Total: ${usd(plan.monthly.total)} per month**`);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
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
