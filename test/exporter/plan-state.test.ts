// A plan replaced mid-month is expected to cost the old plan's rate until the replacement and the
// new one's after it. The exporter remembers when it saw each version in its state file (written
// atomically); a corrupt, missing or unwritable state file is logged, never fatal.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../packages/exporter/src/config/validate-config.js';
import { loadPlans } from '../../packages/exporter/src/plans/load-plans.js';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { sample, scrape, spendLines, startInProcess, tempDir, type LogLine } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const plan = (users: number, more: readonly string[] = []) => [{ name: 'web', profile: 'eks-web-app', users }, ...more.map((name) => ({ name, profile: 'eks-web-app', users: 1_000 }))];

/** The exporter on a clock the test sets, with its state in `stateFile` (and plans besides web). */
async function start(stateFile: string, users: number, at: string, more: readonly string[] = []) {
  let now = Date.parse(at);
  const fake = await startFakeCostExplorer({ spend: spendLines(['web', ...more]), today: () => new Date(now).toISOString().slice(0, 10) });
  cleanup.push(() => fake.close());
  const running = await startInProcess(fake.url, { refreshInterval: '1h' }, () => now, { plans: plan(users, more), root: { stateFile } });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await running.exporter.stop();
    stopped = true;
  };
  cleanup.push(stop);
  return { ...running, fake, stop, setNow: (iso: string) => (now = Date.parse(iso)) };
}

const total = (text: string, metric: string, name = 'web') =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${metric}{plan="${name}"`))
    .reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);
const EXPECTED = 'tier_planner_expected_month_to_date_cost_usd';
const sinces = (stateFile: string, name: string) => (JSON.parse(readFileSync(stateFile, 'utf8')).plans[name] as { since: string | null }[]).map((p) => p.since);

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
    ['overlapping', (file: string) => writeFileSync(file, JSON.stringify({ version: 1, plans: { web: [{ since: '2026-11-09T00:00:00Z', hoursPerMonth: 730, monthlyUsd: { EC2: '1' } }, { since: '2026-11-05T00:00:00Z', hoursPerMonth: 730, monthlyUsd: { EC2: '2' } }] } })), 'the state file is corrupt; starting with no plan history'],
    ['null-not-first', (file: string) => writeFileSync(file, JSON.stringify({ version: 1, plans: { web: [{ since: '2026-11-09T00:00:00Z', hoursPerMonth: 730, monthlyUsd: { EC2: '1' } }, { since: null, hoursPerMonth: 730, monthlyUsd: { EC2: '2' } }] } })), 'the state file is corrupt; starting with no plan history'],
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

  it('a plan added after the first start counts from when it was added, at a restart or a reload', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    await first.stop();
    expect(sinces(stateFile, 'web')).toEqual([null]);

    // Restarted five days later with a second plan: it was not there before.
    const second = await start(stateFile, 10_000, '2026-11-16T00:00:00Z', ['shop']);
    expect(sinces(stateFile, 'shop')).toEqual(['2026-11-16T00:00:00.000Z']);
    const atStart = await scrape(second.url);
    expect(total(atStart, EXPECTED, 'shop')).toBe(0);
    expect(total(atStart, EXPECTED)).toBeGreaterThan(0);
    second.setNow('2026-11-16T10:00:00Z');
    const shopMonthly = total(atStart, 'tier_planner_forecast_monthly_cost_usd', 'shop');
    expect(total(await scrape(second.url), EXPECTED, 'shop')).toBeCloseTo((shopMonthly * 10) / 730, 6);

    // A reload adds a third.
    const doc = { listen: { host: '127.0.0.1', port: 0 }, costExplorer: { endpoint: second.fake.url, refreshInterval: '1h' }, plans: plan(10_000, ['shop', 'api']), stateFile };
    const config = validateConfig(doc, 'test.yaml');
    await second.exporter.reload(config, loadPlans(config));
    expect(sinces(stateFile, 'api')).toEqual(['2026-11-16T10:00:00.000Z']);
    expect(sinces(stateFile, 'web')).toEqual([null]);
    expect(total(await scrape(second.url), EXPECTED, 'api')).toBe(0);
  });

  it('a state file that cannot be read is logged and left as it is; the history is kept in memory only', async () => {
    const dir = tempDir();
    const stateFile = join(dir, 'state.json');
    // Not a file one can read (EISDIR; root reads past file modes, so no EACCES case here).
    mkdirSync(stateFile);
    writeFileSync(join(stateFile, 'keep'), 'x');
    const running = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    expect(running.logs.find((l) => l.msg === 'cannot read the state file; plan history is kept in memory only and the file is left as it is')).toMatchObject({ level: 'warn', error: 'EISDIR' });
    expect(sample(await scrape(running.url), 'tier_planner_plan_users{plan="web"}')).toBe(10_000);
    expect(running.exporter.history.periodsOf('web')).toHaveLength(1);
    await running.stop();
    // Nothing written next to it: no temporary file, no lock left.
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(readdirSync(stateFile)).toEqual(['keep']);
    expect(running.logs.some((l) => l.msg.startsWith('cannot write'))).toBe(false);
  });

  it('a write that fails leaves no temporary file behind and is logged', async () => {
    const dir = tempDir();
    const stateFile = join(dir, 'state.json');
    const running = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    // The file is replaced by a folder while the exporter runs; the next write cannot rename over it.
    rmSync(stateFile);
    mkdirSync(stateFile);
    writeFileSync(join(stateFile, 'keep'), 'x');
    const doc = { listen: { host: '127.0.0.1', port: 0 }, costExplorer: { endpoint: running.fake.url, refreshInterval: '1h' }, plans: plan(100_000), stateFile };
    const config = validateConfig(doc, 'test.yaml');
    await running.exporter.reload(config, loadPlans(config));
    expect(running.logs.find((l) => l.msg === 'cannot write the state file; plan history is kept in memory only')).toMatchObject({ level: 'warn', error: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/) });
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.lock']);
    expect(running.exporter.history.periodsOf('web')).toHaveLength(2);
  });
});

describe('one exporter per state file', () => {
  const IN_USE = 'the state file is in use by another exporter; plan history is kept in memory only';
  const lockOf = (stateFile: string) => JSON.parse(readFileSync(`${stateFile}.lock`, 'utf8')) as { pid: number; host: string };

  it('a second exporter on the same state file says so and leaves the file to the first', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    expect(lockOf(stateFile)).toEqual({ pid: process.pid, host: hostname() });
    const written = readFileSync(stateFile, 'utf8');
    const second = await start(stateFile, 100_000, '2026-11-12T00:00:00Z', ['shop']);
    expect(second.logs.find((l) => l.msg === IN_USE)).toMatchObject({ level: 'error', stateFile, heldBy: { pid: process.pid, host: hostname() } });
    // It serves with its history in memory; the first's history is untouched.
    expect(sample(await scrape(second.url), 'tier_planner_plan_users{plan="shop"}')).toBe(1_000);
    expect(second.exporter.history.periodsOf('shop')).toHaveLength(1);
    await second.stop();
    expect(readFileSync(stateFile, 'utf8')).toBe(written);
    expect(existsSync(`${stateFile}.lock`)).toBe(true);
    await first.stop();
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
  });

  it('a lock held by another live process is respected', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    cleanup.push(async () => void other.kill('SIGKILL'));
    writeFileSync(`${stateFile}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));
    const running = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    expect(running.logs.find((l) => l.msg === IN_USE)).toMatchObject({ heldBy: { pid: other.pid } });
    expect(existsSync(stateFile)).toBe(false);
    await running.stop();
    expect(lockOf(stateFile).pid).toBe(other.pid);
  });

  it.each([
    ['a process that has exited', () => spawnSync(process.execPath, ['-e', '']).pid],
    // In a container every life of the exporter is pid 1.
    ['this pid, left by an earlier life', () => process.pid],
  ])('a lock left by %s is taken over', async (_what, pidOf) => {
    const stateFile = join(tempDir(), 'state.json');
    writeFileSync(`${stateFile}.lock`, JSON.stringify({ pid: pidOf(), host: hostname() }));
    const running = await start(stateFile, 10_000, '2026-11-11T00:00:00Z');
    expect(running.logs.some((l) => l.msg === IN_USE)).toBe(false);
    expect(lockOf(stateFile)).toEqual({ pid: process.pid, host: hostname() });
    expect(sinces(stateFile, 'web')).toEqual([null]);
    await running.stop();
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
  });
});
