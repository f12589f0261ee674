// What an EKS node offers to pods. Facts, not tuning: the same arithmetic Karpenter uses to predict
// a node before launching it (aws/karpenter-provider-aws pkg/providers/instancetype/types.go:
// cpu/memory capacity, VM overhead, kubeReserved, eviction threshold) and that the EKS AMI bootstrap
// writes into the kubelet config (awslabs/amazon-eks-ami: kube-reserved from max pods and vCPUs).
import type { InstanceType } from '../pricing/price-book.js';
import type { Allocatable } from './capacity-types.js';

/** Karpenter's default VM_MEMORY_OVERHEAD_PERCENT: memory the hypervisor/firmware hides from the OS. */
const VM_MEMORY_OVERHEAD_PER_MILLE = 75;
/** arm64 instances report 64 MiB less than EC2 lists (firmware-reserved; Karpenter subtracts it). */
const ARM64_RESERVED_MIB = 64;
/** kubelet --eviction-hard memory.available default on EKS. */
export const EVICTION_THRESHOLD_MIB = 100;
/** Kubelet default and EKS managed node group cap below 30 vCPUs; 250 from 30 vCPUs on. */
const MNG_PODS_SMALL = 110;
const MNG_PODS_LARGE = 250;
const MNG_LARGE_FROM_VCPUS = 30;

export type MaxPodsPolicy = 'managed-node-group' | 'eni';

/** kube-reserved CPU bands: [first core, last core (exclusive), basis points of a core]. */
const CPU_RESERVED_BANDS: readonly (readonly [number, number, number])[] = [
  [0, 1, 600], // 6% of the first core
  [1, 2, 100], // 1% of the second
  [2, 4, 50], // 0.5% of cores 3–4
  [4, Infinity, 25], // 0.25% of every core above 4
];

/**
 * kube-reserved CPU, millicores: each band's share truncated to whole millicores, as Karpenter
 * does (int64 of the float). Integer basis points keep 1000 × 6% from landing on 59.999….
 */
export function kubeReservedCpuMillicores(vcpu: number): number {
  const totalMillicores = vcpu * 1000;
  let reserved = 0;
  for (const [startCore, endCore, basisPoints] of CPU_RESERVED_BANDS) {
    const start = startCore * 1000;
    if (totalMillicores < start) break;
    const inBand = Math.min(totalMillicores, endCore * 1000) - start;
    reserved += Math.floor((inBand * basisPoints) / 10_000);
  }
  return reserved;
}

/** kube-reserved memory, MiB: 11 MiB per ENI-limited pod plus 255 MiB (EKS AMI formula). */
export function kubeReservedMemoryMiB(eniMaxPods: number): number {
  return 11 * eniMaxPods + 255;
}

/** Memory the kubelet sees, MiB: EC2 memory (minus 64 MiB on arm64) minus ceil(7.5%) VM overhead. */
export function memoryCapacityMiB(memoryMiB: number, arch: 'x86_64' | 'arm64'): number {
  const reported = arch === 'arm64' ? memoryMiB - ARM64_RESERVED_MIB : memoryMiB;
  return reported - Math.ceil((reported * VM_MEMORY_OVERHEAD_PER_MILLE) / 1000);
}

/** Pods the kubelet admits: the ENI limit, capped by EKS managed node groups at 110 or 250. */
export function podCapacity(eniMaxPods: number, vcpu: number, policy: MaxPodsPolicy): number {
  if (policy === 'eni') return eniMaxPods;
  return Math.min(eniMaxPods, vcpu < MNG_LARGE_FROM_VCPUS ? MNG_PODS_SMALL : MNG_PODS_LARGE);
}

/**
 * Allocatable = capacity − kube-reserved − system-reserved (0 on EKS) − eviction threshold.
 * kube-reserved memory uses the ENI max pods even when the pod cap is lower: the AMI computes it
 * from the ENI figure. Undefined when max pods is unknown: such a type cannot be planned on EKS.
 */
export function nodeAllocatable(
  type: Pick<InstanceType, 'vcpu' | 'memoryMiB' | 'arch' | 'maxPods'>,
  policy: MaxPodsPolicy = 'managed-node-group',
): Allocatable | undefined {
  if (type.maxPods === null) return undefined;
  return {
    cpuMillicores: type.vcpu * 1000 - kubeReservedCpuMillicores(type.vcpu),
    memoryMiB: memoryCapacityMiB(type.memoryMiB, type.arch) - kubeReservedMemoryMiB(type.maxPods) - EVICTION_THRESHOLD_MIB,
    pods: podCapacity(type.maxPods, type.vcpu, policy),
  };
}
