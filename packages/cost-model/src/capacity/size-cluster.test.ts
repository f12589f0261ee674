import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTier } from '../plan/plan-tier.js';
import { getProfile, profiles } from '../profiles/index.js';
import type { Profile } from '../profiles/profile-types.js';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { activeSeries } from './add-on-sizing.js';
import { activeDaemonSets, activeSystemPods } from './cluster-add-ons.js';
import { MAX_SIZING_PASSES } from './size-cluster.js';

const book = loadPriceBook({ region: 'us-east-1' });
const clusterProfiles = Object.values(profiles).filter((p) => p.platform !== 'ecs-fargate');
const users = fc.integer({ min: 0, max: 7 * 8 }).map((e) => Math.max(1, Math.round(10 ** (e / 8))));

describe('the add-ons are sized for the plan\'s own final cluster', () => {
  it('sized-for nodes and vCPUs cover the final node group, Prometheus holds the series of the final node count', () => {
    fc.assert(
      fc.property(fc.constantFrom(...clusterProfiles.map((p) => p.name)), users, fc.boolean(), (name, n, ha) => {
        const profile = getProfile(name);
        const plan = planTier({ users: n, profile: name }, book, { ha });
        const addOns = plan.capacity.addOns!;
        const nodes = plan.nodes.reduce((s, g) => s + g.count, 0);
        const vcpus = plan.nodes.reduce((s, g) => s + g.count * book.instanceType(g.instanceType)!.vcpu, 0);
        expect(addOns.sizedForNodes).toBeGreaterThanOrEqual(nodes);
        expect(addOns.sizedForVcpus).toBeGreaterThanOrEqual(vcpus);
        expect(addOns.passes).toBeLessThanOrEqual(MAX_SIZING_PASSES);
        expect(plan.warnings.some((w) => w.includes('cluster add-ons were sized for'))).toBe(false);
        const prom = profile.storage.prometheus;
        if (prom && profile.features?.includes('monitoring-in-cluster')) {
          const pods = plan.replicas.reduce((s, r) => s + r.desired, 0);
          expect(addOns.prometheus!.series).toBeGreaterThanOrEqual(activeSeries(prom, nodes, pods));
        }
      }),
      { seed: 13, numRuns: 60 },
    );
  });

  it('HA add-ons run at least 2 replicas when HA', () => {
    fc.assert(
      fc.property(fc.constantFrom(...clusterProfiles.map((p) => p.name)), users, (name, n) => {
        const profile = getProfile(name);
        const plan = planTier({ users: n, profile: name }, book, { ha: true });
        for (const pod of activeSystemPods(profile)) {
          const sized = plan.capacity.addOns!.pods.find((p) => p.name === pod.name)!;
          if (pod.replicasWhenHa !== undefined || pod.scaling === 'cluster-proportional') expect(sized.replicas, pod.name).toBeGreaterThanOrEqual(2);
          if (pod.replicasWhenHa !== undefined) expect(sized.replicas, pod.name).toBeGreaterThanOrEqual(pod.replicasWhenHa);
        }
      }),
      { seed: 13, numRuns: 40 },
    );
  });

  it('Prometheus at 10M users (eks-web-app) is sized for its series, not the 400 MiB default', () => {
    const plan = planTier({ users: 10_000_000, profile: 'eks-web-app' }, book);
    const prometheus = plan.capacity.addOns!.pods.find((p) => p.name === 'prometheus')!;
    expect(plan.capacity.addOns!.prometheus!.series).toBeGreaterThan(250_000);
    expect(prometheus.memoryMiB).toBeGreaterThan(400 + 1000);
    expect(prometheus.replicas).toBe(2);
    const coredns = plan.capacity.addOns!.pods.find((p) => p.name === 'coredns')!;
    const nodes = plan.nodes[0]!.count;
    expect(coredns.replicas).toBeGreaterThanOrEqual(Math.ceil(nodes / 16));
  });
});

describe('the storage stage reads the same sizing', () => {
  it('Elasticsearch volumes are one per data node at the sized volume; Prometheus one per replica', () => {
    for (const n of [10, 100_000, 10_000_000]) {
      const plan = planTier({ users: n, profile: 'nextjs-nestjs-postgres' }, book);
      const es = plan.capacity.addOns!.elasticsearch!;
      const esPod = plan.capacity.addOns!.pods.find((p) => p.name === 'elasticsearch')!;
      const volume = plan.storage.persistentVolumes.find((v) => v.name === 'elasticsearch')!;
      expect(volume.count).toBe(es.dataNodes);
      expect(esPod.replicas).toBe(es.dataNodes);
      expect(volume.sizeGb).toBe(es.volumeGbPerNode);
      // The volumes hold the whole index below the 85% disk watermark.
      expect(volume.sizeGb * volume.count * 0.85).toBeGreaterThanOrEqual(es.indexGb);
      const prometheus = plan.capacity.addOns!.pods.find((p) => p.name === 'prometheus')!;
      expect(plan.storage.persistentVolumes.find((v) => v.name === 'prometheus')!.count).toBe(prometheus.replicas);
    }
  });

  it('the rules\' unsourced figures are named assumptions in the plan, only where the add-on runs', () => {
    const names = (profile: string) => planTier({ users: 1000, profile }, book).assumptions.filter((a) => a.why.startsWith('tier-planner assumption')).map((a) => a.name);
    expect(names('nextjs-nestjs-postgres')).toEqual(expect.arrayContaining(['prometheusSamplesPerSecondPerVcpu', 'elasticsearchIndexGbPerHeapGib', 'elasticsearchMaxHeapGib', 'elasticsearchIngestMbPerSecondPerVcpu', 'elasticsearchMaxCpuMillicores']));
    expect(names('eks-web-app')).toContain('prometheusSamplesPerSecondPerVcpu');
    expect(names('eks-web-app')).not.toContain('elasticsearchMaxHeapGib');
    expect(names('trading-k8s-self-managed')).not.toContain('prometheusSamplesPerSecondPerVcpu');
  });

  it('at 10M users in-cluster logging needs more than the chart\'s 3 data nodes', () => {
    const plan = planTier({ users: 10_000_000, profile: 'nextjs-nestjs-postgres' }, book);
    expect(plan.capacity.addOns!.elasticsearch!.dataNodes).toBeGreaterThan(3);
  });
});

describe('what a real cluster runs', () => {
  const runs = (p: Profile, name: string) => [...activeSystemPods(p), ...activeDaemonSets(p)].some((x) => x.name === name);

  it('every cluster profile that logs to CloudWatch runs a log shipper DaemonSet on every node', () => {
    const cloudwatch = clusterProfiles.filter((p) => p.storage.logs.sink === 'cloudwatch');
    expect(cloudwatch.length).toBeGreaterThan(0);
    for (const p of cloudwatch) {
      expect(activeDaemonSets(p).map((d) => d.name), p.name).toContain('aws-for-fluent-bit');
      const plan = planTier({ users: 100_000, profile: p.name }, book);
      const group = plan.nodes[0]!;
      // Every node carries one shipper pod: the group's requested pods include one per node.
      const ds = activeDaemonSets(p).length;
      const addOnPods = plan.capacity.addOns!.pods.reduce((s, x) => s + x.replicas, 0);
      const servicePods = plan.replicas.reduce((s, r) => s + r.desired, 0);
      expect(group.requested.pods).toBe(servicePods + addOnPods + ds * group.count);
    }
    for (const p of clusterProfiles.filter((x) => x.storage.logs.sink !== 'cloudwatch')) expect(runs(p, 'aws-for-fluent-bit'), p.name).toBe(false);
  });

  it('cluster profiles with an ALB run the AWS Load Balancer Controller (2 replicas); monitoring profiles run Alertmanager', () => {
    for (const p of clusterProfiles) {
      expect(runs(p, 'aws-load-balancer-controller'), p.name).toBe(p.network.loadBalancer === 'alb');
      if (p.network.loadBalancer === 'alb') {
        const plan = planTier({ users: 10, profile: p.name }, book, { ha: false });
        expect(plan.capacity.addOns!.pods.find((x) => x.name === 'aws-load-balancer-controller')!.replicas).toBe(2);
      }
      expect(runs(p, 'alertmanager'), p.name).toBe(p.features?.includes('monitoring-in-cluster') ?? false);
    }
  });

  it('ingress-nginx runs 2 replicas when HA', () => {
    const plan = planTier({ users: 10, profile: 'nextjs-nestjs-postgres' }, book, { ha: true });
    expect(plan.capacity.addOns!.pods.find((x) => x.name === 'ingress-nginx-controller')!.replicas).toBe(2);
    const single = planTier({ users: 10, profile: 'nextjs-nestjs-postgres' }, book, { ha: false });
    expect(single.capacity.addOns!.pods.find((x) => x.name === 'ingress-nginx-controller')!.replicas).toBe(1);
  });
});
