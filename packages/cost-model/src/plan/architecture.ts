import { PlanningError } from '../capacity/capacity-types.js';
import type { Profile } from '../profiles/profile-types.js';

/** The CPU architecture a plan may run on: one, or either (the profile's choice). */
export type ArchitectureChoice = 'x86_64' | 'arm64' | 'any';

export const ARCHITECTURE_CHOICES: readonly ArchitectureChoice[] = ['x86_64', 'arm64', 'any'];

/** "db.m7g", "cache.r6gd", "kafka.m7g": AWS Graviton classes carry a "g" after the generation digit. */
const GRAVITON_CLASS = /^(db|cache|kafka)\.[a-z]+\d+[a-z]*g[a-z]*(\.|$)/;

/**
 * The profile restricted to one architecture: its node types (nodes.architectures), its Fargate
 * tasks, and its managed-service class families (Graviton "g" classes for arm64, the others for
 * x86_64). A class list with nothing of that architecture stays as the profile wrote it, with a
 * warning. "any" allows both node architectures and keeps the rest as the profile says.
 */
export function withArchitecture(profile: Profile, arch: ArchitectureChoice | undefined): { profile: Profile; warnings: string[] } {
  if (arch === undefined) return { profile, warnings: [] };
  if (!ARCHITECTURE_CHOICES.includes(arch)) throw new PlanningError('BAD_INPUT', `architecture must be one of ${ARCHITECTURE_CHOICES.join(', ')}, got ${String(arch)}`);
  if (arch === 'any') return { profile: { ...profile, nodes: { ...profile.nodes, architectures: ['x86_64', 'arm64'] } }, warnings: [] };
  const warnings: string[] = [];
  const classes = (what: string, families: readonly string[]) => {
    const kept = families.filter((f) => GRAVITON_CLASS.test(f) === (arch === 'arm64'));
    if (kept.length) return kept;
    warnings.push(`${what}: the profile allows no ${arch} classes (${families.join(', ')}); keeping them`);
    return families;
  };
  const out: Profile = {
    ...profile,
    nodes: { ...profile.nodes, architectures: [arch] },
    ...(profile.fargate || profile.platform === 'ecs-fargate' ? { fargate: { ...profile.fargate, arch } } : {}),
    ...(profile.rds ? { rds: { ...profile.rds, classFamilies: classes('RDS', profile.rds.classFamilies) } } : {}),
    ...(profile.cache ? { cache: { ...profile.cache, nodeFamilies: classes('ElastiCache', profile.cache.nodeFamilies) } } : {}),
    ...(profile.kafka ? { kafka: { ...profile.kafka, brokerFamilies: classes('MSK', profile.kafka.brokerFamilies) } } : {}),
  };
  return { profile: out, warnings };
}
