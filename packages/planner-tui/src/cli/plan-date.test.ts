// The plan's date comes from the CLI's injected clock (or --date): it decides the EKS support tier.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getProfile } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';

async function tierPlanner(argv: string[], now: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => ((stdout += t), true), isTTY: false },
    stderr: { write: (t: string) => ((stderr += t), true) },
    env: { NO_COLOR: '1' } as NodeJS.ProcessEnv,
    now: () => new Date(now),
  };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}

function profileFile(kubernetesVersion: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tp-k8s-')), 'profile.json');
  writeFileSync(path, JSON.stringify({ ...getProfile('eks-web-app'), kubernetesVersion }));
  return path;
}

describe("the plan's date", () => {
  it("is today's date on the injected clock, in the JSON plan", async () => {
    const r = await tierPlanner(['--users', '10000', '--json'], '2026-12-01T23:59:30Z');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).kubernetes).toMatchObject({ version: '1.36', support: 'standard', planDate: '2026-12-01' });
  });

  it('prices 1.33 in extended support once the clock passes 2026-07-29, and prints why', async () => {
    const file = profileFile('1.33');
    const before = await tierPlanner(['--users', '10000', '--profile-file', file, '--print'], '2026-07-28T12:00:00Z');
    const after = await tierPlanner(['--users', '10000', '--profile-file', file, '--print'], '2026-07-30T12:00:00Z');
    expect(before.stdout).toMatch(/EKS cluster \(standard support\)/);
    expect(after.stdout).toMatch(/EKS cluster \(extended support\)/);
    expect(after.stdout).toContain('! Kubernetes 1.33 left EKS standard support on 2026-07-29: the cluster bills extended support, $0.60/h in total instead of $0.10/h (+$365.00 a month)');
  });

  it('--date overrides the clock, and a warning 90 days ahead is printed', async () => {
    const r = await tierPlanner(['--users', '10000', '--profile-file', profileFile('1.34'), '--date', '2026-09-03', '--print'], '2030-01-01T00:00:00Z');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("! Kubernetes 1.34 leaves EKS standard support on 2026-12-02, 90 days after the plan's date");
  });

  it('a bad --date is one line and exit 2', async () => {
    const r = await tierPlanner(['--users', '10000', '--date', '2026-13-01'], '2026-12-01T00:00:00Z');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tier-planner: --date must be a date as YYYY-MM-DD (for example 2027-01-15), got "2026-13-01"\n');
  });

  it('a profile version EKS no longer runs on that date is one line and exit 2', async () => {
    const r = await tierPlanner(['--users', '10000', '--profile-file', profileFile('1.29'), '--print'], '2026-12-01T00:00:00Z');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tier-planner: EKS runs no cluster on Kubernetes 1.29 on 2026-12-01: its extended support ended 2026-03-23\n');
  });
});
