import { describe, expect, it } from 'vitest';
import { getProfile } from './index.js';
import { parseProfile, ProfileError } from './parse-profile.js';

/** A deep copy of a built-in profile to break. */
const base = (name = 'eks-web-app'): any => JSON.parse(JSON.stringify(getProfile(name)));

function problemsOf(value: unknown): string[] {
  try {
    parseProfile(value, 'my.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return [...(e as ProfileError).problems];
  }
  throw new Error('expected a ProfileError');
}

describe('parseProfile', () => {
  it('rejects what is not an object', () => {
    expect(problemsOf(null)).toEqual(['$: must be an object, got null']);
    expect(problemsOf([])).toEqual(['$: must be an object, got []']);
  });

  it('lists every problem at once, in a one-line message', () => {
    const p = base();
    p.colour = 'blue';
    delete p.ha;
    p.targetUtilization = 1.5;
    p.services[0].requestShare = 11;
    p.services[0].cpuMillicores = -250;
    p.services[0].memoryMiB = Number.NaN;
    p.daemonSets[0].when = 'always';
    p.network.nat = 'two';
    p.ci.developers = 2.5;
    p.storage.logs = { sink: 'cloudwatch', retentionDays: 30, extra: true };
    const problems = problemsOf(p);
    expect(problems).toEqual([
      expect.stringMatching(/^\$\.colour: unknown field \(known: name, title, description, /),
      '$.targetUtilization: must be above 0 and at most 1, got 1.5',
      '$.services[0].cpuMillicores: must be above 0 and at most 256000, got -250',
      '$.services[0].memoryMiB: must be a finite number, got NaN',
      '$.services[0].requestShare: must be at least 0 and at most 10, got 11',
      '$.daemonSets[0].when: must be one of monitoring-in-cluster, logging-in-cluster, got "always"',
      '$.ha: required',
      '$.network.nat: must be one of none, one, per-az-when-ha, got "two"',
      expect.stringMatching(/^\$\.storage\.logs\.extra: unknown field \(known: sink, retentionDays\)$/),
      '$.ci.developers: must be a whole number, got 2.5',
    ]);
    expect(() => parseProfile(p, 'my.json')).toThrow(/^invalid profile my\.json: 10 problems: \$\.colour: unknown field .*; \$\.targetUtilization: must be above 0/);
    expect(() => parseProfile(p, 'my.json')).not.toThrow(/\n/);
  });

  it('checks workload assumptions in both forms', () => {
    const p = base();
    p.workload = {
      dauPerMau: -0.2,
      peakToAverage: { value: 3, min: 4 },
      sessionSeconds: { value: 300, max: 200, why: '' },
      egressKiBPerRequest: '20',
      requestsPerDay: 10,
    };
    expect(problemsOf(p)).toEqual([
      expect.stringMatching(/^\$\.workload\.requestsPerDay: unknown field \(known: dauPerMau, requestsPerActiveUserPerDay, /),
      '$.workload.dauPerMau: must be at least 0, got -0.2',
      '$.workload.peakToAverage.min: 4 is above the value 3',
      '$.workload.egressKiBPerRequest: must be a number or { value, min?, max?, why?, source? }, got "20"',
      '$.workload.sessionSeconds.why: must be a non-empty string, got ""',
    ]);
  });

  it('checks lists, enums and whole numbers', () => {
    const p = base();
    p.services = [];
    p.features = ['tracing'];
    p.nodes.architectures = 'x86_64';
    p.nodes.fixed = { instanceType: 't3.medium', count: 0 };
    p.ha.azs = 7;
    expect(problemsOf(p)).toEqual([
      '$.services: must not be empty',
      '$.features[0]: must be one of monitoring-in-cluster, logging-in-cluster, got "tracing"',
      '$.nodes.architectures: must be a list, got "x86_64"',
      '$.nodes.fixed.count: must be at least 1 and at most 10000, got 0',
      '$.ha.azs: must be at least 1 and at most 6, got 7',
    ]);
  });

  it('checks rules that span fields once the shape is right', () => {
    const p = base('fintech-fargate-jenkins');
    p.services.push({ ...p.services[0], minReplicas: 5, maxReplicas: 2 });
    p.nodes = { families: ['t3'] };
    delete p.ci.jenkins;
    p.storage.logs.sink = 'in-cluster';
    p.why['rds.engineSize'] = 'no such field';
    expect(problemsOf(p)).toEqual([
      '$.services[2].name: duplicate service name "frontend"',
      '$.services[2]: minReplicas 5 is above maxReplicas 2',
      '$.platform: ecs-fargate runs tasks, not nodes: remove nodes, systemPods and daemonSets',
      '$.ci.jenkins: required when the provider is jenkins (controllerType, agentType, executorsPerAgent)',
      '$.storage.logs.sink: "in-cluster" needs the feature logging-in-cluster',
      '$.why.ci.jenkins.controllerType: names no field of this profile',
      '$.why.ci.jenkins.agentType: names no field of this profile',
      '$.why.ci.jenkins.executorsPerAgent: names no field of this profile',
      '$.why.rds.engineSize: names no field of this profile',
    ]);
  });

  it('takes a Kubernetes version on EKS only, as a minor version', () => {
    const eks = base();
    eks.kubernetesVersion = '1.34';
    expect(parseProfile(eks, 'inline').kubernetesVersion).toBe('1.34');
    eks.kubernetesVersion = '1.34.2';
    expect(problemsOf(eks)).toEqual(['$.kubernetesVersion: a minor version such as "1.34", got "1.34.2"']);
    const fargate = base('fintech-fargate-jenkins');
    fargate.kubernetesVersion = '1.34';
    expect(problemsOf(fargate)).toEqual(['$.kubernetesVersion: only for platform eks, not ecs-fargate']);
  });

  it('needs Prometheus storage settings with in-cluster monitoring', () => {
    const p = base();
    delete p.storage.prometheus;
    for (const key of Object.keys(p.why)) if (key.startsWith('storage.prometheus.')) delete p.why[key];
    expect(problemsOf(p)).toEqual(['$.storage.prometheus: required with the feature monitoring-in-cluster']);
  });

  it('accepts a minimal valid profile', () => {
    const minimal = {
      name: 'mine',
      title: 'Mine',
      description: 'One service on Fargate',
      platform: 'ecs-fargate',
      workload: {},
      services: [{ name: 'api', cpuMillicores: 256, memoryMiB: 512, rpsPerReplica: 20, requestShare: 1 }],
      ha: { fromUsers: 1000, azs: 2 },
      network: { loadBalancer: 'alb', nat: 'one' },
      storage: { ecrRetainedImages: 5, s3Lifecycle: { toStandardIaDays: 30, toGlacierIrDays: 90 }, logs: { sink: 'cloudwatch', retentionDays: 7 } },
      ci: { provider: 'github-actions', developers: 1, pushesPerDeveloperPerDay: 1, workingDaysPerMonth: 20, jobs: [] },
    };
    expect(parseProfile(minimal, 'inline').name).toBe('mine');
  });
});
