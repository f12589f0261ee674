// --arch through the built bin: plan, ladder (with its breakpoints) and the error for a bad value.
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

type Group = { instanceType: string; arch: string };

describe('--arch', () => {
  it('arm64 overrides the profile (eks-web-app allows x86_64 only) and says so', () => {
    const base = JSON.parse(runBin(['--users', '100000', '--json']).stdout);
    expect(base.nodes.every((g: Group) => g.arch === 'x86_64')).toBe(true);
    const arm = JSON.parse(runBin(['--users', '100000', '--json', '--arch', 'arm64']).stdout);
    expect(arm.nodes.length).toBeGreaterThan(0);
    expect(arm.nodes.every((g: Group) => g.arch === 'arm64')).toBe(true);
    expect(arm.warnings.join('\n')).toContain('have no arm64 types');
  });

  it('puts Fargate tasks on the architecture too', () => {
    const arm = JSON.parse(runBin(['--users', '10000', '--profile', 'fintech-fargate-jenkins', '--json', '--arch', 'arm64']).stdout);
    expect(arm.fargate.every((t: { arch: string }) => t.arch === 'arm64')).toBe(true);
    expect(arm.lineItems.some((i: { component: string }) => i.component.includes('Linux/Arm'))).toBe(true);
  });

  it('holds for every tier of a ladder and its breakpoint search', () => {
    const r = runBin(['ladder', '--users', '1000,10000,1000000', '--arch', 'arm64', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const tier of doc.tiers) for (const g of tier.nodes) expect(g.arch).toBe('arm64');
    expect(doc.breakpoints.flatMap((b: { changes: string[] }) => b.changes).join(' ')).not.toMatch(/\b(t3|t3a|m5|m6i|m7i)\./);
  });

  it('a value other than arm64, x86_64 or any is one line, exit 2', () => {
    const r = runBin(['--users', '10', '--arch', 'arm']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['tier-planner: --arch must be one of x86_64, arm64, any, got "arm"']);
  });
});
