import { getProfile, resolveWorkload, type ArchitectureChoice, type Ec2Purchase, type PlanOptions, type Profile, type WorkloadKey } from '@tier-planner/cost-model';

export const PURCHASES: readonly Ec2Purchase[] = ['on-demand', 'spot', 'reserved-1yr', 'reserved-3yr', 'savings-plan'];

export type HaMode = 'auto' | 'on' | 'off';

/** What the `a` key cycles through; "profile" keeps the profile's architectures. */
export type ArchMode = 'profile' | ArchitectureChoice;
export const ARCH_MODES: readonly ArchMode[] = ['profile', 'arm64', 'x86_64', 'any'];
export const HA_MODES: readonly HaMode[] = ['auto', 'on', 'off'];

/** Node family presets the `f` key cycles through; "auto" keeps the profile's own list. */
export interface FamilyPreset {
  readonly id: string;
  readonly label: string;
  readonly families?: readonly string[];
  readonly architectures?: readonly ('x86_64' | 'arm64')[];
}

export const FAMILY_PRESETS: readonly FamilyPreset[] = [
  { id: 'auto', label: "profile's" },
  { id: 'x86', label: 'general x86 (m5/m6i/m7i)', families: ['m5', 'm6i', 'm7i'], architectures: ['x86_64'] },
  // Graviton needs arm64 allowed too: the built-in profiles restrict architectures to x86_64.
  { id: 'graviton', label: 'Graviton arm64 (m6g/m7g/c7g)', families: ['m6g', 'm7g', 'c7g'], architectures: ['arm64'] },
  { id: 'burstable', label: 'burstable (t3/t3a/t4g)', families: ['t3', 't3a', 't4g'], architectures: ['x86_64', 'arm64'] },
  { id: 'compute', label: 'compute x86 (c6i/c7i)', families: ['c6i', 'c7i'], architectures: ['x86_64'] },
];

/** The workload assumptions the TUI lets you step, with the values each step lands on. */
export interface WorkloadKnob {
  readonly key: WorkloadKey;
  readonly label: string;
  readonly steps: readonly number[];
}

export const WORKLOAD_KNOBS: readonly WorkloadKnob[] = [
  { key: 'dauPerMau', label: 'DAU/MAU', steps: [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
  { key: 'requestsPerActiveUserPerDay', label: 'req/user/day', steps: [5, 10, 20, 50, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 5000, 10000] },
  { key: 'peakToAverage', label: 'peak/avg', steps: [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20] },
];

/** Everything that decides a plan: what the user is exploring. */
export interface Scenario {
  readonly users: number;
  readonly profile: string;
  readonly purchase: Ec2Purchase;
  readonly ha: HaMode;
  readonly families: string;
  readonly workload: Partial<Record<WorkloadKey, number>>;
  readonly hoursPerMonth?: number;
  /** The plan's date (YYYY-MM-DD): it decides the EKS version and its support tier. */
  readonly planDate?: string;
  /** Restrict node types, Fargate tasks and managed classes to one architecture (--arch); absent: the profile's. */
  readonly arch?: ArchMode;
}

export function familyPreset(id: string): FamilyPreset {
  return FAMILY_PRESETS.find((p) => p.id === id) ?? FAMILY_PRESETS[0]!;
}

/** The profile with the chosen family preset applied (the model's `families` option alone cannot allow arm64). */
export function scenarioProfile(s: Scenario): Profile {
  const base = getProfile(s.profile);
  const preset = familyPreset(s.families);
  if (!preset.families || base.platform === 'ecs-fargate') return base;
  return { ...base, nodes: { ...base.nodes, families: preset.families, ...(preset.architectures ? { architectures: preset.architectures } : {}) } };
}

/** Options for planTier / findBreakpoints, users aside. */
export function scenarioOptions(s: Scenario): PlanOptions {
  return {
    purchase: s.purchase,
    ...(s.hoursPerMonth !== undefined ? { hoursPerMonth: s.hoursPerMonth } : {}),
    ...(s.planDate !== undefined ? { planDate: s.planDate } : {}),
    ...(s.ha !== 'auto' ? { ha: s.ha === 'on' } : {}),
    ...(s.arch !== undefined && s.arch !== 'profile' ? { architecture: s.arch } : {}),
    ...(Object.keys(s.workload).length ? { workload: s.workload } : {}),
  };
}

/** The value a knob has now: the override, else the profile's, else the default. */
export function workloadValue(s: Scenario, key: WorkloadKey): number {
  return resolveWorkload(getProfile(s.profile).workload, s.workload).values[key];
}

/** Identifies everything but users: the ladder chart and breakpoints depend on exactly this. */
export function rangeKey(s: Scenario): string {
  return JSON.stringify([s.profile, s.purchase, s.ha, s.families, s.workload, s.hoursPerMonth ?? null, s.planDate ?? null, s.arch ?? 'profile']);
}

export function describeScenario(s: Scenario): string {
  return `${s.users.toLocaleString('en-US')} users · ${s.profile} · ${s.purchase} · HA ${s.ha}${s.arch !== undefined && s.arch !== 'profile' ? ` · arch ${s.arch}` : ''}`;
}
