import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { PlanningError, type ServiceReplicas } from './capacity-types.js';
import { FARGATE_SIZES, fargateRates, fargateTaskSize, planFargateTasks } from './fargate-size.js';

const book = loadPriceBook({ region: 'us-east-1' });
const x86 = fargateRates(book, 'x86_64')!;

describe('Fargate task sizes', () => {
  it('lists the ECS task-size table', () => {
    const memoryFor = (vcpu: number) => FARGATE_SIZES.filter((s) => s.vcpu === vcpu).map((s) => s.memoryGb);
    expect(memoryFor(0.25)).toEqual([0.5, 1, 2]);
    expect(memoryFor(0.5)).toEqual([1, 2, 3, 4]);
    expect(memoryFor(1)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(memoryFor(2)).toHaveLength(13);
    expect(memoryFor(4)).toEqual(Array.from({ length: 23 }, (_, i) => 8 + i));
    expect(memoryFor(8)).toEqual([16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60]);
    expect(memoryFor(16)).toEqual([32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120]);
  });

  it.each([
    [250, 512, 0.25, 0.5],
    [256, 512, 0.5, 1],
    [250, 3000, 0.5, 3],
    [1000, 9000, 2, 9],
    [3500, 4096, 4, 8],
    [16_000, 122_880, 16, 120],
  ])('%im / %i MiB → %f vCPU / %f GB', (cpu, mem, vcpu, gb) => {
    expect(fargateTaskSize('svc', { cpuMillicores: cpu, memoryMiB: mem }, x86)).toEqual({ vcpu, memoryGb: gb });
  });

  it('is a valid size, holds the requests, and is the cheapest that does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16_000 }), fc.integer({ min: 1, max: 120 * 1024 }), (cpu, mem) => {
        const size = fargateTaskSize('svc', { cpuMillicores: cpu, memoryMiB: mem }, x86);
        expect(FARGATE_SIZES).toContainEqual(size);
        expect(size.vcpu * 1000).toBeGreaterThanOrEqual(cpu);
        expect(size.memoryGb * 1024).toBeGreaterThanOrEqual(mem);
        const cost = (s: typeof size) => s.vcpu * x86.vcpuHourUsd + s.memoryGb * x86.gbHourUsd;
        for (const other of FARGATE_SIZES) {
          if (other.vcpu * 1000 >= cpu && other.memoryGb * 1024 >= mem) expect(cost(size)).toBeLessThanOrEqual(cost(other) + 1e-12);
        }
      }),
    );
  });

  it('rejects a pod larger than the largest task', () => {
    expect(() => fargateTaskSize('big', { cpuMillicores: 17_000, memoryMiB: 1024 }, x86)).toThrow(PlanningError);
    expect(() => fargateTaskSize('big', { cpuMillicores: 1000, memoryMiB: 121 * 1024 }, x86)).toThrow(/120 GB/);
  });

  it('runs one task per desired replica; Spot stays x86-only', () => {
    const replicas: ServiceReplicas[] = [
      { name: 'api', cpuMillicores: 500, memoryMiB: 1024, needed: 3, desired: 3, minReplicas: 2, maxReplicas: 10, rpsPerReplicaAtTarget: 70 },
    ];
    const onX86 = planFargateTasks(replicas, book, { spot: true });
    expect(onX86.tasks).toEqual([{ service: 'api', vcpu: 0.5, memoryGb: 1, count: 3, arch: 'x86_64', spot: true }]);
    const onArm = planFargateTasks(replicas, book, { arch: 'arm64', spot: true });
    expect(onArm.tasks[0]).toMatchObject({ arch: 'arm64', spot: false });
    expect(onArm.warnings).toEqual([expect.stringContaining('arm64')]);
  });
});
