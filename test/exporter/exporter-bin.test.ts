// The built tier-planner-exporter bin in a child process (root `npm test` builds dist first).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadPriceBook, planTier, planToJson } from '../../packages/cost-model/src/index.js';
import { startFakeCostExplorer } from '../../packages/exporter/src/testing/fake-cost-explorer.js';
import { FAKE_AWS_ENV, sample, spendLines, until } from './helpers.js';

const BIN = fileURLToPath(new URL('../../packages/exporter/bin/tier-planner-exporter.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tp-exporter-bin-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The state file goes to the test's folder, never the user's ~/.local/state.
const ENV = { ...process.env, ...FAKE_AWS_ENV, XDG_STATE_HOME: dir };

function runSync(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |\.js:\d+:\d+/);

describe('tier-planner-exporter bin', () => {
  it('serves /metrics and /healthz, logs JSON lines, and exits 0 promptly on SIGTERM', async () => {
    const fake = await startFakeCostExplorer({ spend: spendLines(['web-10k']) });
    cleanup.push(() => fake.close());
    const config = write('serve.yaml', `listen: { host: 127.0.0.1, port: 0 }\ncostExplorer:\n  endpoint: ${fake.url}\n  refreshInterval: 1m\nplans:\n  - name: web-10k\n    profile: eks-web-app\n    users: 10000\n`);
    const child = spawn(process.execPath, [BIN, '--config', config], { env: { ...ENV, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanup.push(() => child.kill('SIGKILL'));
    const port = await until(() => /"msg":"listening".*?"port":(\d+)/.exec(stderr)?.[1], 'the listening log line');
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const text = await until(async () => {
      const t = await (await fetch(`${url}/metrics`)).text();
      return sample(t, 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}') !== undefined ? t : undefined;
    }, 'actuals in /metrics');
    expect(text).toMatch(/^# HELP tier_planner_plan_info /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const t0 = performance.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2_000);
    const lines = stderr.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(expect.arrayContaining(['listening', 'refreshed', 'stopping', 'stopped']));
    expect(stderr).not.toContain(FAKE_AWS_ENV.AWS_SECRET_ACCESS_KEY);
    // The SDK's own multi-line Node warning, said once as a log line, in the SDK's words for the date.
    const nodeNote = lines.map((l) => JSON.parse(l) as { msg: string }).filter((l) => /Node 22/.test(l.msg));
    expect(nodeNote.map((l) => l.msg)).toEqual(Number(process.versions.node.split('.')[0]) < 22 ? ['AWS SDK releases after the first week of January 2027 need Node 22 or later'] : []);
  });

  it('SIGHUP reloads config and plans; a bad config is logged and the old one kept; then SIGTERM still exits 0', async () => {
    const fake = await startFakeCostExplorer({ spend: spendLines(['web-10k', 'shop-100k']) });
    cleanup.push(() => fake.close());
    const yaml = (plans: string) => `listen: { host: 127.0.0.1, port: 0 }\nstateFile: ./reload-state.json\ncostExplorer:\n  endpoint: ${fake.url}\n  refreshInterval: 1m\nplans:\n${plans}`;
    const web = '  - name: web-10k\n    profile: eks-web-app\n    users: 10000\n';
    const shop = '  - name: shop-100k\n    profile: eks-web-app\n    users: 100000\n';
    const config = write('reload.yaml', yaml(web));
    const child = spawn(process.execPath, [BIN, '--config', config], { env: ENV });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanup.push(() => child.kill('SIGKILL'));
    const port = await until(() => /"msg":"listening".*?"port":(\d+)/.exec(stderr)?.[1], 'the listening log line');
    const metrics = async () => (await fetch(`http://127.0.0.1:${port}/metrics`).catch((e: Error) => { throw new Error(`${e.message}; exit ${child.exitCode} ${child.signalCode}; stderr:\n${stderr}`); })).text();
    const started = await until(async () => {
      const t = await metrics();
      return sample(t, 'tier_planner_actual_month_to_date_cost_usd{plan="web-10k",aws_service="EC2"}') !== undefined ? t : undefined;
    }, 'actuals');
    expect(sample(started, 'tier_planner_config_last_reload_successful')).toBe(1);
    const startedAt = sample(started, 'tier_planner_config_last_reload_success_timestamp_seconds')!;
    const requestsBefore = fake.requests.length;

    writeFileSync(config, yaml(web + shop));
    child.kill('SIGHUP');
    const reloaded = await until(async () => {
      const t = await metrics();
      return sample(t, 'tier_planner_plan_users{plan="shop-100k"}') !== undefined ? t : undefined;
    }, 'the new plan after SIGHUP');
    expect(sample(reloaded, 'tier_planner_config_last_reload_successful')).toBe(1);
    expect(sample(reloaded, 'tier_planner_config_last_reload_success_timestamp_seconds')).toBeGreaterThan(startedAt);
    await until(async () => sample(await metrics(), 'tier_planner_actual_month_to_date_cost_usd{plan="shop-100k",aws_service="EC2"}') !== undefined, 'actuals of the new plan');
    expect(fake.requests.length).toBeGreaterThan(requestsBefore);
    expect(JSON.parse(readFileSync(join(dir, 'reload-state.json'), 'utf8')).plans).toHaveProperty('shop-100k');

    writeFileSync(config, yaml('  - name: broken\n    profile: eks-web-app\n    users: -3\n'));
    child.kill('SIGHUP');
    const kept = await until(async () => {
      const t = await metrics();
      return sample(t, 'tier_planner_config_last_reload_successful') === 0 ? t : undefined;
    }, 'the failed reload');
    expect(sample(kept, 'tier_planner_plan_users{plan="shop-100k"}')).toBe(100_000);
    expect(sample(kept, 'tier_planner_plan_users{plan="web-10k"}')).toBe(10_000);
    expect(kept).not.toContain('plan="broken"');
    expect(sample(kept, 'tier_planner_config_last_reload_success_timestamp_seconds')).toBe(sample(reloaded, 'tier_planner_config_last_reload_success_timestamp_seconds'));
    const failed = stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: string; error?: string }).find((l) => l.msg === 'reload failed; keeping the config in use');
    expect(failed).toMatchObject({ level: 'error', error: expect.stringMatching(/plans\[0\]\.users must be a whole number/) });
    expect(child.exitCode).toBeNull();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const line of stderr.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('two exporters with different configs keep their plan histories apart (default state file per config)', async () => {
    const fake = await startFakeCostExplorer({ spend: spendLines(['web-10k', 'shop-100k']) });
    cleanup.push(() => fake.close());
    const stateHome = mkdtempSync(join(dir, 'state-home-'));
    const yaml = (name: string, users: number) => `listen: { host: 127.0.0.1, port: 0 }\ncostExplorer:\n  endpoint: ${fake.url}\n  refreshInterval: 1m\nplans:\n  - name: ${name}\n    profile: eks-web-app\n    users: ${users}\n`;
    const start = async (config: string) => {
      const child = spawn(process.execPath, [BIN, '--config', config], { env: { ...ENV, XDG_STATE_HOME: stateHome } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      cleanup.push(() => child.kill('SIGKILL'));
      const line = await until(() => stderr.split('\n').find((l) => l.includes('"msg":"listening"')), 'the listening log line');
      return { child, exited, stateFile: (JSON.parse(line) as { stateFile: string }).stateFile, stderr: () => stderr };
    };
    const a = await start(write('team-a.yaml', yaml('web-10k', 10_000)));
    const b = await start(write('team-b.yaml', yaml('shop-100k', 100_000)));
    expect(a.stateFile).not.toBe(b.stateFile);
    for (const e of [a, b]) {
      e.child.kill('SIGTERM');
      expect(await e.exited).toBe(0);
      expect(e.stderr()).not.toContain('in use by another exporter');
    }
    const files = readdirSync(join(stateHome, 'tier-planner-exporter')).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^state-[0-9a-f]{12}\.json$/.test(f))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(a.stateFile, 'utf8')).plans)).toEqual(['web-10k']);
    expect(Object.keys(JSON.parse(readFileSync(b.stateFile, 'utf8')).plans)).toEqual(['shop-100k']);
  });

  it('--check-config validates config and plans and exits 0', () => {
    const plan = write('plan.json', JSON.stringify(planToJson(planTier({ users: 100, profile: 'microservices-mysql' }, loadPriceBook({ embeddedOnly: true })))));
    const config = write('check.yaml', `plans:\n  - planFile: ./${plan.split('/').pop()}\n    match: { linkedAccount: "123456789012" }\n  - profile: trading-fargate\n    users: 1000\n`);
    const r = runSync(['--config', config, '--check-config']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok, 2 plan\(s\): microservices-mysql-100-users \(account 123456789012\), trading-fargate-1000-users \(tag tier-planner:plan=trading-fargate-1000-users\)/);
  });

  it.each([
    ['a corrupt JSON config', () => ['--config', write('bad.json', '{"plans": [{"profile": ')], /bad\.json: not valid JSON/],
    ['bad YAML', () => ['--config', write('bad.yaml', 'plans:\n  - profile: eks-web-app\n   users: 10\n')], /bad\.yaml: not valid YAML at line \d+/],
    ['an invalid config', () => ['--config', write('invalid.yaml', 'plans:\n  - profile: eks-web-app\n    users: -3\n')], /plans\[0\]\.users must be a whole number/],
    ['a missing plan file', () => ['--config', write('missing-plan.yaml', 'plans:\n  - planFile: ./nowhere/plan.json\n')], /planFile .*nowhere\/plan\.json does not exist/],
    ['a plan file that is not a plan', () => ['--config', write('notplan.yaml', `plans:\n  - planFile: ${write('notplan.json', '{"hello": 1}')}\n`)], /is not a tier-planner plan/],
    ['an unknown profile', () => ['--config', write('profile.yaml', 'plans:\n  - profile: no-such-profile\n    users: 10\n')], /plans\[0\]: .*no-such-profile/],
    ['a missing config file', () => ['--config', join(dir, 'absent.yaml')], /config file .*absent\.yaml does not exist/],
    ['no --config', () => [], /--config FILE is required/],
    ['an unknown flag', () => ['--config', 'x.yaml', '--verbose'], /unknown option '--verbose'/],
    ['a stray argument', () => ['serve'], /tier-planner-exporter: /],
  ])('%s → exit 2, one line on stderr, no stack trace', (_what, args, message) => {
    const r = runSync(args());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^tier-planner-exporter: /);
    noStack(r.stderr);
    expect(r.stdout).toBe('');
  });

  it('--help and --version exit 0; the version matches package.json', () => {
    const help = runSync(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('tier-planner-exporter --config FILE');
    const version = runSync(['--version']);
    const pkg = JSON.parse(readFileSync(new URL('../../packages/exporter/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('a port in use → exit 1 with one line', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as { port: number }).port;
    const r = runSync(['--config', write('busy.yaml', `listen: { host: 127.0.0.1, port: ${port} }\ncostExplorer: { endpoint: "http://127.0.0.1:9" }\nplans:\n  - profile: eks-web-app\n    users: 10\n`)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  });
});
