import { PlanningError } from '../capacity/capacity-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { NodeConstraints, Profile } from '../profiles/profile-types.js';

/** The CPU architecture a plan may run on: one, or either (the profile's choice). */
export type ArchitectureChoice = 'x86_64' | 'arm64' | 'any';

export const ARCHITECTURE_CHOICES: readonly ArchitectureChoice[] = ['x86_64', 'arm64', 'any'];

/** "db.m7g", "cache.r6gd", "kafka.m7g": AWS Graviton classes carry a "g" after the generation digit. */
const GRAVITON_CLASS = /^(db|cache|kafka)\.[a-z]+\d+[a-z]*g[a-z]*(\.|$)/;
const BURSTABLE_FAMILY = /^t\d/;

/**
 * The profile restricted to one architecture: its node types (nodes.architectures, and its
 * nodes.families kept to that architecture's), its Fargate tasks, and its managed-service class
 * families (Graviton "g" classes for arm64, the others for x86_64). A list with nothing of that
 * architecture is lifted for node families (any family of the architecture, burstable as the
 * profile allowed) and kept as written for managed classes, with a warning each. A fixed node
 * group keeps its type, with a warning when it is of the other architecture. "any" allows both
 * node architectures and keeps the rest as the profile says.
 */
export function withArchitecture(profile: Profile, arch: ArchitectureChoice | undefined, book: PriceBook): { profile: Profile; warnings: string[] } {
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
  const fixed = profile.nodes?.fixed;
  const fixedArch = fixed ? book.instanceType(fixed.instanceType)?.arch : undefined;
  if (fixed && fixedArch && fixedArch !== arch) warnings.push(`the profile's fixed node group runs ${fixed.instanceType} (${fixedArch}); the architecture does not change a fixed node group`);
  const out: Profile = {
    ...profile,
    nodes: nodesOf(profile.nodes ?? {}, arch, book, warnings),
    ...(profile.fargate || profile.platform === 'ecs-fargate' ? { fargate: { ...profile.fargate, arch } } : {}),
    ...(profile.rds ? { rds: { ...profile.rds, classFamilies: classes('RDS', profile.rds.classFamilies) } } : {}),
    ...(profile.cache ? { cache: { ...profile.cache, nodeFamilies: classes('ElastiCache', profile.cache.nodeFamilies) } } : {}),
    ...(profile.kafka ? { kafka: { ...profile.kafka, brokerFamilies: classes('MSK', profile.kafka.brokerFamilies) } } : {}),
  };
  return { profile: out, warnings };
}

/** Node constraints of one architecture: families of others dropped; none left lifts the list. */
function nodesOf(nodes: NodeConstraints, arch: 'x86_64' | 'arm64', book: PriceBook, warnings: string[]): NodeConstraints {
  const families = nodes.families ?? [];
  const restricted = { ...nodes, architectures: [arch] };
  if (families.length === 0) return restricted;
  const archOf = familyArchitectures(book);
  const kept = families.filter((f) => archOf.get(f) === arch);
  if (kept.length) return { ...restricted, families: kept };
  warnings.push(`the profile's node families (${families.join(', ')}) have no ${arch} types: choosing among every current ${arch} family`);
  const { families: _families, ...rest } = restricted;
  return { ...rest, allowBurstable: nodes.allowBurstable ?? families.some((f) => BURSTABLE_FAMILY.test(f)) };
}

const familyCache = new WeakMap<PriceBook, ReadonlyMap<string, 'x86_64' | 'arm64'>>();

/** Each EC2 family's architecture, once per book. */
function familyArchitectures(book: PriceBook): ReadonlyMap<string, 'x86_64' | 'arm64'> {
  let map = familyCache.get(book);
  if (!map) familyCache.set(book, (map = new Map(book.instanceTypes.map((t) => [t.family, t.arch]))));
  return map;
}
