// A plan replaced mid-month is expected to cost the old plan's rate until the replacement and the
// new one's after it. The exporter remembers when it saw each version in its state file (written
// atomically); a corrupt, missing or unwritable state file is logged, never fatal.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { sample, scrape, spendLines, startInProcess, tempDir, type LogLine } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const plan = (users: number) => [{ name: 'web', profile: 'eks-web-app', users }];

/** The exporter on a clock the test sets, with its state in `stateFile`. */
async function start(stateFile: string, users: number, at: string) {
  let now = Date.parse(at);
  const fake = await startFakeCostExplorer({ spend: spendLines(['web']), today: () => new Date(now).toISOString().slice(0, 10) });
  cleanup.push(() => fake.close());
  const running = await startInProcess(fake.url, { refreshInterval: '1h' }, () => now, { plans: plan(users), root: { stateFile } });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await running.exporter.stop();
    stopped = true;
  };
  cleanup.push(stop);
  return { ...running, stop, setNow: (iso: string) => (now = Date.parse(iso)) };
}

const total = (text: string, metric: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${metric}{plan="web"`))
    .reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);

describe('plan history across restarts', () => {
  it('pro-rates expected spend by the hours each version of the plan was in force', async () => {
    const stateFile = join(tempDir(), 'state', 'state.json');
    const first = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    const small = total(await scrape(first.url), 'tier_planner_forecast_monthly_cost_usd');
    await first.stop();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).plans.web).toHaveLength(1);

    // Ten days in, the plan is replaced by a ten times larger one.
    const second = await start(stateFile, 100_000, '2026-11-11T00:00:00Z');
    const big = total(await scrape(second.url), 'tier_planner_forecast_monthly_cost_usd');
    await second.stop();
    expect(big).toBeGreaterThan(2 * small);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state.plans.web.map((p: { since: string | null }) => p.since)).toEqual([null, '2026-11-11T00:00:00.000Z']);

    // A restart with the same plan five days later: history is read back, nothing new recorded.
    const third = await start(stateFile, 100_000, '2026-11-16T00:00:00Z');
    const text = await scrape(third.url);
    // 240 h of the small plan, then 120 h of the big one, over 730 h plan months.
    expect(total(text, 'tier_planner_expected_month_to_date_cost_usd')).toBeCloseTo((small * 240 + big * 120) / 730, 6);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual(state);
    // Next month, only the plan in force counts.
    third.setNow('2026-12-02T00:00:00Z');
    expect(total(await scrape(third.url), 'tier_planner_expected_month_to_date_cost_usd')).toBeCloseTo((big * 24) / 730, 6);
  });

  it('writes the state file by rename (a new file, never half-written) and leaves no temp file behind', async () => {
    const dir = tempDir();
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify({ version: 1, plans: { web: [{ since: null, hoursPerMonth: 730, monthlyUsd: { EC2: '1' } }] } }));
    const before = statSync(stateFile).ino;
    const exporter = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    await exporter.stop();
    expect(statSync(stateFile).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).plans.web).toHaveLength(2);
  });

  it.each([
    ['corrupt', (file: string) => writeFileSync(file, '{"version": 1, "plans": {"web": [{"since": "soon"'), 'the state file is corrupt; starting with no plan history'],
    ['future-version', (file: string) => writeFileSync(file, '{"version": 7}'), 'the state file is corrupt; starting with no plan history'],
    ['missing', () => {}, 'no state file yet; starting with no plan history'],
  ])('a %s state file: logged, started afresh, serving, and a good file written', async (_what, prepare, message) => {
    const stateFile = join(tempDir(), 'state.json');
    prepare(stateFile);
    const corrupt = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined;
    const { url, logs } = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    expect(logs.some((l: LogLine) => l.msg === message)).toBe(true);
    expect(sample(await scrape(url), 'tier_planner_plan_users{plan="web"}')).toBe(10_000);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).plans.web).toHaveLength(1);
    if (corrupt !== undefined) expect(readFileSync(`${stateFile}.corrupt`, 'utf8')).toBe(corrupt);
  });

  it('a state file that cannot be written: logged, and the exporter serves with its history in memory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'blocked'));
    writeFileSync(join(dir, 'blocked', 'not-a-dir'), '');
    const { url, logs } = await start(join(dir, 'blocked', 'not-a-dir', 'state.json'), 10_000, '2026-11-11T00:00:00Z');
    expect(logs.find((l) => l.msg === 'cannot write the state file; plan history is kept in memory only')).toMatchObject({ level: 'warn', error: expect.stringMatching(/^E(NOTDIR|EXIST)$/) });
    expect(sample(await scrape(url), 'tier_planner_plan_users{plan="web"}')).toBe(10_000);
  });
});
