import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SystemPod } from '../profiles/profile-types.js';
import {
  activeSeries,
  corednsReplicas,
  haReplicas,
  prometheusBytesPerSeries,
  sizeElasticsearch,
  sizePrometheus,
  type AddOnDrivers,
} from './add-on-sizing.js';

const drivers = (over: Partial<AddOnDrivers> = {}): AddOnDrivers => ({ nodes: 10, vcpus: 20, servicePods: 50, ha: false, logGbPerDay: 1, logPeakToAverage: 3, ...over });
const scrape = { seriesPerNode: 1000, seriesPerPod: 200, scrapeIntervalSeconds: 30, bytesPerSample: 2 };
const prometheus: SystemPod = { name: 'prometheus', cpuMillicores: 0, memoryMiB: 400, replicas: 1, replicasWhenHa: 2, scaling: 'active-series' };
const elasticsearch: SystemPod = { name: 'elasticsearch', cpuMillicores: 1000, memoryMiB: 2048, replicas: 3, scaling: 'index-volume' };
const coredns: SystemPod = { name: 'coredns', cpuMillicores: 100, memoryMiB: 70, replicas: 2, scaling: 'cluster-proportional' };
const logs = { retentionDays: 14, indexOverhead: 1.5 };

describe('Prometheus sized by active series', () => {
  it('counts series per node and per pod', () => {
    expect(activeSeries(scrape, 10, 50)).toBe(10 * 1000 + 50 * 200);
  });

  it('holds 2 GiB per million series for cardinality plus 3 h of samples × 1.5 chunk overhead × 2 for GC', () => {
    // 2 GiB / 1e6 = 2,147.483648 B; (3 × 3600 / 30) samples × 2 B × 1.5 × 2 = 2,160 B.
    expect(prometheusBytesPerSeries(scrape)).toBeCloseTo(2147.483648 + 2160, 6);
  });

  it('adds memory and CPU per series to the base requests; 2 replicas when HA', () => {
    const sized = sizePrometheus(prometheus, scrape, drivers());
    expect(sized.series).toBe(20_000);
    // 20,000 × 4,307.483648 B = 82.16 MiB → 83; 666.7 samples/s at 100,000 per vCPU = 6.67m → 7.
    expect(sized.memoryMiB).toBe(400 + 83);
    expect(sized.cpuMillicores).toBe(7);
    expect(sized.replicas).toBe(1);
    expect(sizePrometheus(prometheus, scrape, drivers({ ha: true })).replicas).toBe(2);
  });

  it('301,000 series need far more than the 400 MiB base', () => {
    const sized = sizePrometheus(prometheus, scrape, drivers({ nodes: 151, servicePods: 750 }));
    expect(sized.series).toBe(301_000);
    expect(sized.memoryMiB).toBe(400 + Math.ceil((301_000 * (2147.483648 + 2160)) / 1024 ** 2));
    expect(sized.memoryMiB).toBeGreaterThan(1600);
  });
  it('splits the series over shards of at most 2M series, each with its own replicas', () => {
    // 4,000 nodes × 1,000 + 5,000 pods × 200 = 5,000,000 series → 3 shards of 1,666,667.
    const sized = sizePrometheus(prometheus, scrape, drivers({ nodes: 4000, servicePods: 5000, ha: true }));
    expect(sized.series).toBe(5_000_000);
    expect(sized.shards).toBe(3);
    expect(sized.replicas).toBe(3 * 2);
    expect(sized.memoryMiB).toBe(400 + Math.ceil(((5_000_000 / 3) * (2147.483648 + 2160)) / 1024 ** 2));
    expect(sizePrometheus(prometheus, scrape, drivers({ nodes: 2000, servicePods: 0 })).shards).toBe(1);
  });
});

describe('Elasticsearch sized by index volume and ingest rate', () => {
  it('keeps the chart default of 3 data nodes for a small index, volumes below the 85% watermark', () => {
    const sized = sizeElasticsearch(elasticsearch, logs, drivers({ logGbPerDay: 1 }));
    expect(sized.indexGb).toBeCloseTo(1 * 14 * 1.5, 9);
    expect(sized.replicas).toBe(3);
    expect(sized.memoryMiB).toBe(2048);
    expect(sized.cpuMillicores).toBe(1000);
    expect(sized.volumeGbPerNode).toBe(Math.ceil(21 / 3 / 0.85));
    expect(sized.replicaShards).toBe(0);
  });

  it('adds data nodes by volume (240 GB each at 8 GiB heap × 30 GB per GiB), heap by the data each holds', () => {
    const sized = sizeElasticsearch(elasticsearch, logs, drivers({ logGbPerDay: 100, ha: true }));
    // 100 GB/day × 14 days × 1.5 × 2 copies = 4,200 GB → ⌈4,200 / 240⌉ = 18 data nodes of 233.3 GB.
    expect(sized.replicaShards).toBe(1);
    expect(sized.indexGb).toBeCloseTo(4200, 9);
    expect(sized.replicas).toBe(18);
    // heap 233.3 / 30 = 7.78 GiB, memory twice that: 15,928.9 MiB → 15,929.
    expect(sized.memoryMiB).toBe(15_929);
    expect(sized.volumeGbPerNode).toBe(Math.ceil(4200 / 18 / 0.85));
    // Peak ingest 100 GB/day = 1.185 MB/s × 3 peak × 2 copies = 7.1 MB/s → 3.56 vCPU over 18 nodes: the 1 vCPU base holds.
    expect(sized.cpuMillicores).toBe(1000);
  });

  it('adds CPU, then data nodes, when the ingest rate outgrows the base', () => {
    // 2,000 GB/day, 1 day: 3,000 GB of index → 13 nodes by volume; ingest 23.7 MB/s × 3 = 71.1 MB/s → 35.6 vCPU → 9 nodes by CPU.
    const sized = sizeElasticsearch(elasticsearch, { retentionDays: 1, indexOverhead: 1.5 }, drivers({ logGbPerDay: 2000 }));
    expect(sized.replicas).toBe(13);
    const vcpus = ((2000 * 1024) / 86_400) * 3 / 2;
    expect(sized.cpuMillicores).toBe(Math.ceil((vcpus * 1000) / 13));
    const byCpu = sizeElasticsearch(elasticsearch, { retentionDays: 0.01, indexOverhead: 1.5 }, drivers({ logGbPerDay: 2000 }));
    expect(byCpu.replicas).toBe(Math.ceil((vcpus * 1000) / 4000));
  });
});

describe('CoreDNS cluster-proportional', () => {
  it('runs max(base, ⌈cores / 256⌉, ⌈nodes / 16⌉, 2 once there are 2 nodes)', () => {
    expect(corednsReplicas(coredns, drivers({ nodes: 40, vcpus: 160 }))).toBe(3);
    expect(corednsReplicas(coredns, drivers({ nodes: 1000, vcpus: 64_000 }))).toBe(250);
    expect(corednsReplicas({ ...coredns, replicas: 1 }, drivers({ nodes: 1, vcpus: 2 }))).toBe(1);
    expect(corednsReplicas({ ...coredns, replicas: 1 }, drivers({ nodes: 2, vcpus: 4 }))).toBe(2);
  });
});

describe('HA replicas', () => {
  it('raises an HA add-on to replicasWhenHa only when HA; others keep their count', () => {
    const alertmanager: SystemPod = { name: 'alertmanager', cpuMillicores: 4, memoryMiB: 100, replicas: 1, replicasWhenHa: 3 };
    expect(haReplicas(alertmanager, true)).toBe(3);
    expect(haReplicas(alertmanager, false)).toBe(1);
    expect(haReplicas({ name: 'metrics-server', cpuMillicores: 100, memoryMiB: 200 }, true)).toBe(1);
  });
});

describe('add-on requests are monotone in their drivers', () => {
  const driverArb = fc.record({
    nodes: fc.integer({ min: 0, max: 20_000 }),
    vcpus: fc.integer({ min: 0, max: 400_000 }),
    servicePods: fc.integer({ min: 0, max: 200_000 }),
    ha: fc.boolean(),
    logGbPerDay: fc.double({ min: 0, max: 50_000, noNaN: true }),
    logPeakToAverage: fc.double({ min: 1, max: 10, noNaN: true }),
  });
  const grow = fc.record({ nodes: fc.nat(5000), vcpus: fc.nat(100_000), servicePods: fc.nat(50_000), logGbPerDay: fc.double({ min: 0, max: 10_000, noNaN: true }) });
  const total = (s: { cpuMillicores: number; memoryMiB: number; replicas: number }) => [s.cpuMillicores * s.replicas, s.memoryMiB * s.replicas, s.replicas];

  it('more nodes, cores, pods or logs never lower an add-on\'s total requests, and HA never lowers them', () => {
    fc.assert(
      fc.property(driverArb, grow, (d, g) => {
        const bigger: AddOnDrivers = { ...d, nodes: d.nodes + g.nodes, vcpus: d.vcpus + g.vcpus, servicePods: d.servicePods + g.servicePods, logGbPerDay: d.logGbPerDay + g.logGbPerDay };
        for (const size of [
          (x: AddOnDrivers) => sizePrometheus(prometheus, scrape, x),
          (x: AddOnDrivers) => sizeElasticsearch(elasticsearch, logs, x),
          (x: AddOnDrivers) => ({ ...coredns, replicas: corednsReplicas(coredns, x) }),
        ]) {
          const [cpuA, memA, repA] = total(size(d));
          const [cpuB, memB, repB] = total(size(bigger));
          // Per-node requests round up to whole millicores and MiB: a total may lose at most 1 per replica when re-spread.
          expect(cpuB).toBeGreaterThanOrEqual(cpuA! - repA!);
          expect(memB).toBeGreaterThanOrEqual(memA! - repA!);
          expect(repB).toBeGreaterThanOrEqual(repA!);
          const [cpuHa, memHa, repHa] = total(size({ ...d, ha: true }));
          const [cpuNo, memNo, repNo] = total(size({ ...d, ha: false }));
          expect(cpuHa).toBeGreaterThanOrEqual(cpuNo! - repNo!);
          expect(memHa).toBeGreaterThanOrEqual(memNo! - repNo!);
          expect(repHa).toBeGreaterThanOrEqual(repNo!);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
