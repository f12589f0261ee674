import { loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { createPlannerReducer, initialPlannerState } from './planner-state.js';
import type { Scenario } from './scenario.js';

const book = loadPriceBook();
const reduce = createPlannerReducer(book);
const scenario: Scenario = { users: 10_000, profile: 'eks-web-app', purchase: 'on-demand', ha: 'auto', families: 'auto', workload: {} };

describe('planner reducer', () => {
  it("plans on the scenario's date, as the printed plan does: the EKS version it defaults to follows it", () => {
    const mid2025 = initialPlannerState({ ...scenario, planDate: '2025-06-01' }, book).plan!.kubernetes!;
    const today = initialPlannerState({ ...scenario, planDate: '2026-12-01' }, book).plan!.kubernetes!;
    // 1.33 was the newest EKS version on 2025-06-01 (released 2025-05-29); later versions came after.
    expect(mid2025.version).toBe('1.33');
    expect(today.version).not.toBe('1.33');
    // Still true after any keystroke: the date stays in the scenario.
    expect(reduce(initialPlannerState({ ...scenario, planDate: '2025-06-01' }, book), { type: 'scale-users', direction: 1 }).plan!.kubernetes!.version).toBe('1.33');
  });

  it("a cycles the architecture profile's → arm64 → x86_64 → any, re-plans on it, and x resets it", () => {
    const s0 = initialPlannerState(scenario, book);
    const seen = [s0];
    for (let i = 0; i < 4; i++) seen.push(reduce(seen[seen.length - 1]!, { type: 'cycle-arch' }));
    expect(seen.slice(1).map((s) => s.scenario.arch)).toEqual(['arm64', 'x86_64', 'any', 'profile']);
    // eks-web-app allows x86_64 only; arm64 overrides it, as --arch does.
    expect(s0.plan!.nodes.every((g) => g.arch === 'x86_64')).toBe(true);
    expect(seen[1]!.plan!.nodes.every((g) => g.arch === 'arm64')).toBe(true);
    expect(seen[1]!.plan!.monthly.total.eq(planTier({ users: 10_000, profile: 'eks-web-app' }, book, { architecture: 'arm64' }).monthly.total)).toBe(true);
    expect(reduce(seen[1]!, { type: 'reset-assumptions' }).scenario.arch).toBe('profile');
  });

  it('re-plans on every scenario change', () => {
    const s0 = initialPlannerState(scenario, book);
    const s1 = reduce(s0, { type: 'scale-users', direction: 1 });
    expect(s1.scenario.users).toBe(100_000);
    expect(s1.plan!.users).toBe(100_000);
    expect(s1.plan!.monthly.total.gt(s0.plan!.monthly.total)).toBe(true);
  });

  it('steps a workload assumption from the profile value and plans with it', () => {
    const s0 = initialPlannerState(scenario, book);
    const s1 = reduce(s0, { type: 'step-workload', key: 'dauPerMau', direction: 1 });
    expect(s1.scenario.workload.dauPerMau).toBe(0.3); // eks-web-app says 0.25
    expect(s1.plan!.assumptions.find((a) => a.name === 'dauPerMau')!.value).toBe(0.3);
    expect(reduce(s1, { type: 'reset-assumptions' }).scenario.workload).toEqual({});
  });

  it('keeps the last plan and shows the error when a scenario cannot be planned', () => {
    // A book without Single-AZ RDS prices: below the profile's HA threshold (1,000 users) no database
    // class can be priced, a PlanningError, not a crash.
    const noSingleAz = { ...book, dimensions: book.dimensions.filter((d) => !/^rds\/[a-z]+\/db\.[^/]+\/single-az$/.test(d.key)) };
    const reduceNoSingleAz = createPlannerReducer(noSingleAz);
    const s0 = initialPlannerState({ ...scenario, profile: 'nextjs-nestjs-postgres', users: 1000 }, noSingleAz);
    expect(s0.error).toBeUndefined();
    const s1 = reduceNoSingleAz(s0, { type: 'scale-users', direction: -1 });
    expect(s1.scenario.users).toBe(100);
    expect(s1.error).toMatch(/^PlanningError: the price book has no RDS postgresql single-az class/);
    expect(s1.plan).toBe(s0.plan);
    const s2 = reduceNoSingleAz(s1, { type: 'scale-users', direction: 1 });
    expect(s2.error).toBeUndefined();
    expect(s2.plan!.users).toBe(1000);
  });

  it('pins the current plan and switches to the comparison', () => {
    const s = reduce(initialPlannerState(scenario, book), { type: 'pin' });
    expect(s.pinned?.plan.users).toBe(10_000);
    expect(s.pane).toBe('comparison');
  });
});
