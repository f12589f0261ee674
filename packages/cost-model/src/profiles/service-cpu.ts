// CPU sizes are written in the platform's own unit, so a task definition's figure can be copied
// as it is: ECS CPU units on Fargate (1,024 units = 1 vCPU; Amazon ECS Developer Guide,
// https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html, and
// https://repost.aws/knowledge-center/ecs-cpu-allocation, read 2026-12-01), millicores on
// Kubernetes (1 CPU = 1,000m). The model plans in millicores.
import type { Profile, ServiceSpec } from './profile-types.js';

export const ECS_CPU_UNITS_PER_VCPU = 1024;
export const MILLICORES_PER_VCPU = 1000;

type Platform = Profile['platform'];

/** The CPU field a platform's services must use. */
export function cpuFieldFor(platform: Platform): 'cpuUnits' | 'cpuMillicores' {
  return platform === 'ecs-fargate' ? 'cpuUnits' : 'cpuMillicores';
}

/** A service's CPU request in millicores, whichever unit the profile wrote it in. */
export function serviceCpuMillicores(s: Pick<ServiceSpec, 'cpuUnits' | 'cpuMillicores'>): number {
  if (s.cpuUnits !== undefined) return (s.cpuUnits / ECS_CPU_UNITS_PER_VCPU) * MILLICORES_PER_VCPU;
  return s.cpuMillicores ?? Number.NaN;
}

/**
 * The problem with a service's CPU field on a platform ("field: message"), or undefined: the
 * platform's unit is required and the other unit is refused, so 512 ECS units can never be read as 512m.
 */
export function serviceCpuProblem(platform: Platform, s: ServiceSpec): string | undefined {
  const want = cpuFieldFor(platform);
  const other = want === 'cpuUnits' ? 'cpuMillicores' : 'cpuUnits';
  if (s[other] !== undefined) {
    return want === 'cpuUnits'
      ? `cpuMillicores: ${platform} sizes tasks in ECS CPU units (1 vCPU = 1024): write cpuUnits, not cpuMillicores (${s.cpuMillicores}m would be cpuUnits ${(s.cpuMillicores! * ECS_CPU_UNITS_PER_VCPU) / MILLICORES_PER_VCPU})`
      : `cpuUnits: ${platform} requests CPU in millicores (1 vCPU = 1000m): write cpuMillicores, not cpuUnits (${s.cpuUnits} units would be ${(s.cpuUnits! * MILLICORES_PER_VCPU) / ECS_CPU_UNITS_PER_VCPU}m)`;
  }
  if (s[want] === undefined) return `${want}: required on ${platform} (${want === 'cpuUnits' ? 'ECS CPU units, 1 vCPU = 1024' : 'millicores, 1 vCPU = 1000'})`;
  return undefined;
}
