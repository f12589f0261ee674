// tier-planner explain-variance through the built bin: a plan written by the bin, a month's
// actuals and a calibration; bad files are one line and exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '@tier-planner/cost-model';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'tp-variance-'));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const planRun = runBin(['--users', '1000000', '--profile', 'eks-web-app', '--json']);
const planFile = write('plan.json', planRun.stdout);
const byService = JSON.parse(planRun.stdout).monthly.byService as Record<string, string>;
const onPlan = Object.fromEntries(Object.entries(byService).map(([s, v]) => [s, Number(dec(v).toFixed(2))]));
const ec2Over = { ...onPlan, EC2: dec(byService.EC2!).times('1.3').toFixed(2) };
const calibration = write('cal.json', {
  changes: [{ path: 'services.web-api.rpsPerReplica', oldValue: 50, newValue: 50 / 1.3, query: 'sum(rate(container_cpu_usage_seconds_total{container="web-api"}[5m]))', samples: 40320, confidence: 'high' }],
});

describe('tier-planner explain-variance', () => {
  it('puts every service on plan when the bill matches the forecast', () => {
    const r = runBin(['explain-variance', '--plan', planFile, '--actuals', write('same.json', onPlan)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Every service is on plan.');
    expect(r.stdout).toContain('No calibration');
  });

  it('names the measured assumption behind a gap, and says what to measure without a calibration', () => {
    const actuals = write('over.json', { byService: ec2Over });
    const r = runBin(['explain-variance', '--plan', planFile, '--actuals', actuals, '--calibration', calibration]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}EC2 \+30\.0% \(\+\$[\d,.]+\): CPU per request \(web-api\) measured 1\.3× the profile's \(≈ \+\d+\.\d%\)$/m);
    expect(r.stdout).toContain('40,320 samples, high');
    const bare = runBin(['explain-variance', '--plan', planFile, '--actuals', actuals]);
    expect(bare.stdout).toMatch(/^ {2}EC2 \+30\.0% \(\+\$[\d,.]+\): measure .*CPU per request \(web-api\)/m);
  });

  it('reads a calibration as tier-planner calibrate --json writes it (assumption, old, new)', () => {
    const asCalibrateWrites = write('calibrate-out.json', {
      kind: 'tier-planner-calibration',
      changes: [{ assumption: 'services.web-api.rpsPerReplica', old: 50, oldWasDefault: false, new: 50 / 1.3, query: 'test query', samples: 40320, confidence: 'high', why: 'test' }],
    });
    const r = runBin(['explain-variance', '--plan', planFile, '--actuals', write('over3.json', ec2Over), '--calibration', asCalibrateWrites]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}EC2 \+30\.0% \(\+\$[\d,.]+\): CPU per request \(web-api\) measured 1\.3× the profile's/m);
  });

  it('writes the explanation as JSON with exact decimals', () => {
    const r = runBin(['explain-variance', '--plan', planFile, '--actuals', write('over2.json', ec2Over), '--calibration', calibration, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe('tier-planner-variance');
    const ec2 = doc.services.find((s: { service: string }) => s.service === 'EC2');
    expect(ec2.status).toBe('over');
    expect(ec2.drivers[0].key).toBe('services.web-api.cpuSecondsPerRequest');
    expect(dec(ec2.drivers[0].measured.ratio).toNumber()).toBeCloseTo(1.3, 9);
    expect(dec(doc.forecastUsd).eq(dec(JSON.parse(planRun.stdout).monthly.total))).toBe(true);
  });

  it('has --help on stdout, exit 0', () => {
    const r = runBin(['explain-variance', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: tier-planner explain-variance --plan plan\.json --actuals actuals\.json/);
  });

  it.each([
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC2": 1}', '--format', 'csv'], /--format must be one of table, json, got "csv"/],
    [['--actuals', 'x.json'], /needs --plan FILE/],
    [['--plan', 'PLAN'], /needs --actuals FILE/],
    [['--plan', 'PLAN', '--actuals', 'ACT:[1,2]'], /must be a JSON object of service → USD/],
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC3": 1}'], /unknown service "EC3" \(known: EC2, /],
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC2": "lots"}'], /EC2 must be a number of USD, not "lots"/],
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC2": 1}', '--calibration', 'CAL:{"profile": {}}'], /has no "changes" list/],
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC2": 1}', '--calibration', 'CAL:{"changes": [{"path": 1}]}'], /changes\[0\] needs "assumption", "old" and "new" \(as tier-planner calibrate writes them\) or "path", "oldValue" and "newValue"/],
    [['--plan', 'ACT:{"EC2": 1}', '--actuals', 'ACT:{"EC2": 1}'], /is not a tier-planner plan/],
    [['--plan', 'PLAN', '--actuals', join(dir, 'missing.json')], /cannot read actuals file .*ENOENT/],
    [['--plan', 'PLAN', '--actuals', 'ACT:{"EC2": 1}', 'extra'], /takes no positional arguments/],
  ])('bad input %j is one line and exit 2', (args, message) => {
    let n = 0;
    const resolved = args.map((a) => (a === 'PLAN' ? planFile : a.startsWith('ACT:') || a.startsWith('CAL:') ? write(`in-${n++}-${Math.random().toString(36).slice(2)}.json`, a.slice(4)) : a));
    const r = runBin(['explain-variance', ...resolved]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
