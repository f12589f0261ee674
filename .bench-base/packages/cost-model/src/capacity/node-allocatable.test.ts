import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../snapshot-io/load-price-book.js';
import { kubeReservedCpuMillicores, kubeReservedMemoryMiB, memoryCapacityMiB, nodeAllocatable, podCapacity } from './node-allocatable.js';

const book = loadPriceBook({ region: 'us-east-1' });
const type = (name: string) => {
  const t = book.instanceType(name);
  if (!t) throw new Error(`${name} not in the book`);
  return t;
};

describe('kube-reserved CPU (Karpenter/EKS AMI bands)', () => {
  it.each([
    [1, 60],
    [2, 70],
    [4, 80],
    [8, 90],
    [16, 110],
    [32, 150],
    [64, 230],
    [96, 310],
  ])('%i vCPU → %i m', (vcpu, millicores) => {
    expect(kubeReservedCpuMillicores(vcpu)).toBe(millicores);
  });

  it('truncates each band to whole millicores (3 vCPU: 60 + 10 + 5)', () => {
    expect(kubeReservedCpuMillicores(3)).toBe(75);
    expect(kubeReservedCpuMillicores(6)).toBe(85); // 80 + 2 × 2.5 = 5
    expect(kubeReservedCpuMillicores(5)).toBe(82); // 80 + 2.5 truncated
  });
});

describe('node allocatable', () => {
  it('m5.large → 1930m / 6903 MiB / 29 pods', () => {
    expect(nodeAllocatable(type('m5.large'))).toEqual({ cpuMillicores: 1930, memoryMiB: 6903, pods: 29 });
  });

  it('m5.xlarge kube-reserved is 80m / 893 MiB (58 ENI pods)', () => {
    const t = type('m5.xlarge');
    expect(t.maxPods).toBe(58);
    expect(kubeReservedCpuMillicores(t.vcpu)).toBe(80);
    expect(kubeReservedMemoryMiB(t.maxPods!)).toBe(893);
    const a = nodeAllocatable(t)!;
    expect(a.cpuMillicores).toBe(4000 - 80);
    expect(a.memoryMiB).toBe(memoryCapacityMiB(16384, 'x86_64') - 893 - 100);
  });

  it('t4g.small (arm64: 64 MiB less before the VM overhead) → 1930m / 1359 MiB / 11 pods', () => {
    expect(nodeAllocatable(type('t4g.small'))).toEqual({ cpuMillicores: 1930, memoryMiB: 1359, pods: 11 });
  });

  it('managed node groups cap pods at 110 below 30 vCPUs and 250 from 30 on; kube-reserved still uses the ENI figure', () => {
    expect(podCapacity(234, 16, 'managed-node-group')).toBe(110);
    expect(podCapacity(737, 48, 'managed-node-group')).toBe(250);
    expect(podCapacity(234, 16, 'eni')).toBe(234);
    const big = type('m5.4xlarge'); // 16 vCPU, 234 ENI pods
    const managed = nodeAllocatable(big, 'managed-node-group')!;
    const eni = nodeAllocatable(big, 'eni')!;
    expect(managed.pods).toBe(Math.min(big.maxPods!, 110));
    expect(eni.pods).toBe(big.maxPods);
    expect(managed.memoryMiB).toBe(eni.memoryMiB);
  });

  it('a type without a max-pods figure is unusable', () => {
    expect(nodeAllocatable({ vcpu: 2, memoryMiB: 4096, arch: 'x86_64', maxPods: null })).toBeUndefined();
  });

  it('every plannable type in the book has positive allocatable', () => {
    for (const t of book.instanceTypes) {
      const a = nodeAllocatable(t);
      if (!a) continue;
      expect(a.cpuMillicores).toBeGreaterThan(0);
      expect(a.pods).toBeGreaterThan(0);
      if (t.memoryMiB >= 1024) expect(a.memoryMiB).toBeGreaterThan(0);
    }
  });
});
