import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { defaultStateFile, validateConfig } from './validate-config.js';

const minimal = { plans: [{ profile: 'eks-web-app', users: 10000 }] };

describe('validateConfig', () => {
  it('fills the documented defaults', () => {
    const c = validateConfig(minimal, '/etc/exporter.yaml');
    expect(c.listen).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(c.costExplorer).toMatchObject({ region: 'us-east-1', refreshIntervalMs: 21_600_000, forecastRefreshIntervalMs: 86_400_000, dailyRequestBudget: 30, splitEc2Other: true, predictionIntervalLevel: 80 });
    expect(c.costExplorer.pricePerRequestUsd.toString()).toBe('0.01');
    expect(c.plans[0]).toEqual({ source: { kind: 'model', profile: 'eks-web-app', users: 10000, region: 'us-east-1' } });
    expect(c.varianceMinElapsedMs).toBe(86_400_000);
    expect(c.stateFile).toBe(defaultStateFile('/etc/exporter.yaml'));
  });

  it('puts the state file under $XDG_STATE_HOME, else ~/.local/state; a relative stateFile is next to the config', () => {
    const name = /^state-[0-9a-f]{12}\.json$/;
    const file = defaultStateFile('/etc/exporter.yaml', { XDG_STATE_HOME: '/var/lib/state', HOME: '/home/u' });
    expect(file).toMatch(/^\/var\/lib\/state\/tier-planner-exporter\//);
    expect(file.split('/').at(-1)).toMatch(name);
    expect(defaultStateFile('/etc/exporter.yaml', { XDG_STATE_HOME: 'relative', HOME: '/home/u' })).toBe(file.replace('/var/lib/state/', '/home/u/.local/state/'));
    expect(defaultStateFile('/etc/exporter.yaml', { HOME: '/home/u' })).toBe(file.replace('/var/lib/state/', '/home/u/.local/state/'));
    expect(validateConfig({ ...minimal, stateFile: './state/exporter.json' }, '/srv/conf/exporter.yaml').stateFile).toBe('/srv/conf/state/exporter.json');
    expect(validateConfig({ ...minimal, varianceMinElapsed: '3d' }, 'x.yaml').varianceMinElapsedMs).toBe(3 * 86_400_000);
    expect(validateConfig({ ...minimal, varianceMinElapsed: 0 }, 'x.yaml').varianceMinElapsedMs).toBe(0);
  });

  it('gives each config file its own default state file: one name per absolute config path', () => {
    const env = { HOME: '/home/u' };
    const names = ['/srv/a/exporter.yaml', '/srv/b/exporter.yaml', '/srv/a/other.yaml'].map((f) => defaultStateFile(f, env));
    expect(new Set(names).size).toBe(3);
    // A relative path names the same file as its absolute form.
    expect(defaultStateFile('exporter.yaml', env)).toBe(defaultStateFile(join(process.cwd(), 'exporter.yaml'), env));
    expect(validateConfig(minimal, '/srv/a/exporter.yaml').stateFile).not.toBe(validateConfig(minimal, '/srv/b/exporter.yaml').stateFile);
  });

  it('reads every field of the documented shape', () => {
    const c = validateConfig(
      {
        listen: { host: '127.0.0.1', port: 0 },
        costExplorer: { region: 'us-east-1', profile: 'billing', endpoint: 'http://127.0.0.1:4566', refreshInterval: '1h', forecastRefreshInterval: '12h', dailyRequestBudget: 20, pricePerRequestUsd: 0.02, splitEc2Other: false, predictionIntervalLevel: 95, backoffInitial: '10s', backoffMax: '30m', requestTimeout: '5s' },
        plans: [
          { name: 'web-10k', planFile: './plan.json', match: { tag: { key: 'team', value: 'web' } }, budgetUsd: '1200.50' },
          { name: 'acct', profile: 'trading-fargate', users: '1,000', region: 'eu-west-1', match: { linkedAccount: '123456789012' } },
          { name: 'all', profile: 'eks-web-app', users: 1, match: { account: true } },
        ],
        logLevel: 'debug',
      },
      '/srv/conf/exporter.yaml',
    );
    expect(c.plans[0]!.source).toEqual({ kind: 'file', path: '/srv/conf/plan.json' });
    expect(c.plans[0]!.match).toEqual({ kind: 'tag', key: 'team', value: 'web' });
    expect(c.plans[0]!.budgetUsd!.toString()).toBe('1200.5');
    expect(c.plans[1]).toMatchObject({ source: { kind: 'model', users: 1000, region: 'eu-west-1' }, match: { kind: 'linkedAccount', accountId: '123456789012' } });
    expect(c.plans[2]!.match).toEqual({ kind: 'account' });
    expect(c.costExplorer).toMatchObject({ profile: 'billing', endpoint: 'http://127.0.0.1:4566', refreshIntervalMs: 3_600_000, backoffInitialMs: 10_000, requestTimeoutMs: 5_000 });
  });

  it('a tag match without a value uses the plan name (filled in when the plan is loaded)', () => {
    const c = validateConfig({ plans: [{ name: 'web', profile: 'eks-web-app', users: 10, match: { tag: { key: 'tier-planner:plan' } } }] }, 'c.yaml');
    expect(c.plans[0]!.match).toEqual({ kind: 'tag', key: 'tier-planner:plan', value: 'web' });
  });

  it.each([
    [null, /the config must be a mapping/],
    [[], /the config must be a mapping/],
    [{}, /plans must be a list with at least one plan/],
    [{ plans: [] }, /plans must be a list/],
    [{ plans: [{}] }, /plans\[0\] needs planFile, or profile and users/],
    [{ plans: [{ profile: 'eks-web-app', users: 0 }] }, /plans\[0\]\.users must be a whole number/],
    [{ plans: [{ profile: 'eks-web-app', users: 2.5 }] }, /plans\[0\]\.users/],
    [{ plans: [{ planFile: 'p.json', users: 5 }] }, /both planFile and users/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, region: 'mars-1' }] }, /plans\[0\]\.region must be an AWS region/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, match: {} }] }, /match needs exactly one of tag, linkedAccount, account/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, match: { account: true, linkedAccount: '123456789012' } }] }, /exactly one/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, match: { linkedAccount: '1234' } }] }, /12-digit AWS account id/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, match: { account: 'yes' } }] }, /account must be true/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, budgetUsd: -5 }] }, /budgetUsd must be a non-negative amount/],
    [{ plans: [{ profile: 'eks-web-app', users: 10, colour: 'red' }] }, /unknown setting plans\[0\]\.colour/],
    [{ plans: [{ name: 'a', profile: 'eks-web-app', users: 10 }, { name: 'a', profile: 'eks-web-app', users: 100 }] }, /plan name "a" is used twice/],
    [{ plans: [{ name: 'has space', profile: 'eks-web-app', users: 10 }] }, /plans\[0\]\.name may hold/],
    [{ ...minimal, listen: { port: 70000 } }, /listen\.port must be a whole number from 0 to 65535/],
    [{ ...minimal, listen: { port: '9464' } }, /listen\.port/],
    [{ ...minimal, listen: 9464 }, /listen must be a mapping/],
    [{ ...minimal, costExplorer: { refreshInterval: 'often' } }, /costExplorer\.refreshInterval must be a duration/],
    [{ ...minimal, costExplorer: { dailyRequestBudget: 0 } }, /dailyRequestBudget must be a whole number of at least 1/],
    [{ ...minimal, costExplorer: { pricePerRequestUsd: 'cheap' } }, /pricePerRequestUsd must be a non-negative amount/],
    [{ ...minimal, costExplorer: { predictionIntervalLevel: 50 } }, /predictionIntervalLevel must be a whole number from 51 to 99/],
    [{ ...minimal, costExplorer: { endpoint: 'localhost:4566' } }, /endpoint must be an http\(s\) URL/],
    [{ ...minimal, costExplorer: { backoffInitial: '1h', backoffMax: '1m' } }, /backoffMax must not be shorter/],
    [{ ...minimal, costExplorer: { refresh: '6h' } }, /unknown setting costExplorer\.refresh \(known:/],
    [{ ...minimal, logLevel: 'loud' }, /logLevel must be/],
    [{ ...minimal, varianceMinElapsed: 'a while' }, /varianceMinElapsed must be a duration/],
    [{ ...minimal, stateFile: '' }, /stateFile must be a non-empty string/],
  ])('rejects %j with one clear line', (doc, message) => {
    let error: unknown;
    try {
      validateConfig(doc, 'exporter.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^exporter\.yaml: /);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tp-exporter-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads YAML and JSON, resolving plan files against the config folder', () => {
    const yaml = loadConfig(write('a.yaml', 'listen: { port: 0 }\ncostExplorer:\n  refreshInterval: 30s\nplans:\n  - planFile: ./plans/web.json\n'));
    expect(yaml.plans[0]!.source).toEqual({ kind: 'file', path: join(dir, 'plans/web.json') });
    expect(yaml.costExplorer.refreshIntervalMs).toBe(30_000);
    const json = loadConfig(write('a.json', JSON.stringify(minimal)));
    expect(json.plans).toHaveLength(1);
  });

  it.each([
    ['bad.yaml', 'plans:\n  - profile: [unclosed\n', /not valid YAML/],
    ['dup.yaml', 'plans: []\nplans: []\n', /not valid YAML.*(duplicate|unique)/i],
    ['bad.json', '{"plans": [', /not valid JSON/],
    ['empty.yaml', '  \n', /the config file is empty/],
    ['scalar.yaml', 'just words\n', /the config must be a mapping/],
  ])('%s → one-line ConfigError', (name, text, message) => {
    expect(() => loadConfig(write(name, text))).toThrow(message);
  });

  it('a missing file is a ConfigError', () => {
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(/config file .*nope\.yaml does not exist/);
  });
});
