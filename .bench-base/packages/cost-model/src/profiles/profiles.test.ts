import { describe, expect, it } from 'vitest';
import { getProfile, listProfiles, profiles } from './index.js';
import { parseProfile, ProfileError } from './parse-profile.js';
import type { Profile } from './profile-types.js';

const NAMES = ['eks-web-app', 'nextjs-nestjs-postgres', 'microservices-mysql', 'fintech-fargate-jenkins', 'trading-fargate', 'trading-k8s-self-managed'];

describe('built-in profiles', () => {
  it('has one profile per seed architecture', () => {
    expect(Object.keys(profiles)).toEqual(NAMES);
    expect(listProfiles().map((p) => [p.name, p.seed?.slice(0, 3), p.platform])).toEqual([
      ['eks-web-app', '000', 'eks'],
      ['nextjs-nestjs-postgres', '001', 'eks'],
      ['microservices-mysql', '002', 'eks'],
      ['fintech-fargate-jenkins', '003', 'ecs-fargate'],
      ['trading-fargate', '004', 'ecs-fargate'],
      ['trading-k8s-self-managed', '004', 'kubernetes-ec2'],
    ]);
  });

  it.each(NAMES)('%s parses and round-trips through JSON', (name) => {
    const p = getProfile(name);
    const again = parseProfile(JSON.parse(JSON.stringify(p)), 'round-trip');
    expect(again).toEqual(p);
    expect(p.description).toMatch(/seed 00\d/);
  });

  it.each(NAMES)('%s explains every number it sets', (name) => {
    expect(unexplainedNumbers(getProfile(name))).toEqual([]);
  });

  it('models what each seed asks for', () => {
    const seed001 = getProfile('nextjs-nestjs-postgres');
    expect(seed001.features).toEqual(['monitoring-in-cluster', 'logging-in-cluster']);
    expect(seed001.rds?.engine).toBe('postgresql');
    expect(seed001.secrets).toBeGreaterThan(0);
    expect(getProfile('microservices-mysql').services.map((s) => s.name)).toEqual(['frontend', 'auth', 'payment', 'user', 'inventory']);
    expect(getProfile('microservices-mysql').rds?.readReplicas?.length).toBeGreaterThan(0);
    expect(getProfile('fintech-fargate-jenkins').ci.provider).toBe('jenkins');
    const trading = getProfile('trading-fargate');
    expect([trading.rds?.engine, trading.cache?.engine, trading.kafka?.replicationFactor, trading.ha.fromUsers]).toEqual(['postgresql', 'redis', 3, 1]);
    expect(getProfile('trading-k8s-self-managed').nodes?.fixed).toEqual({ instanceType: 't3.medium', count: 3 });
    expect(getProfile('eks-web-app').nodes?.families).toContain('t3');
  });

  it('throws a ProfileError naming the known profiles for an unknown name', () => {
    expect(() => getProfile('nope')).toThrow(ProfileError);
    expect(() => getProfile('nope')).toThrow(/known: eks-web-app, nextjs-nestjs-postgres/);
    expect(() => getProfile('toString')).toThrow(ProfileError);
  });
});

/** Paths of numbers with no `why`: inline on a workload value, service or pod, or a key of profile.why (or of a parent). */
function unexplainedNumbers(p: Profile): string[] {
  const out: string[] = [];
  const keys = new Set(Object.keys(p.why ?? {}));
  const walk = (v: unknown, path: string, explained: boolean): void => {
    if (typeof v === 'number') {
      const parents = path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.').replace(/\[\d+\]$/, ''));
      if (!explained && !parents.some((k) => keys.has(k))) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, explained));
    else if (typeof v === 'object' && v !== null) {
      const hasWhy = typeof (v as { why?: unknown }).why === 'string';
      for (const [k, x] of Object.entries(v)) if (k !== 'why') walk(x, path ? `${path}.${k}` : k, explained || hasWhy);
    }
  };
  walk(p, '', false);
  return out;
}
