import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, PLAN_DEFAULTS, diffPlans, findBreakpoints, loadPriceBook, planLadder, planShape, planTier, profiles } from '@tier-planner/cost-model';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const margin = PLAN_DEFAULTS.typeChangeMargin.value;

describe('planLadder', () => {
  it('plans the default ladder 1 … 10M with non-decreasing totals', () => {
    const ladder = planLadder(profiles['eks-web-app']!, book);
    expect(ladder.map((p) => p.users)).toEqual([...DEFAULT_LADDER]);
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]!.monthly.total.gte(ladder[i - 1]!.monthly.total)).toBe(true);
  });
});

describe('findBreakpoints', () => {
  const search = findBreakpoints('eks-web-app', 1, 200_000, book);

  it('finds the HA switch exactly at the profile threshold', () => {
    const ha = search.breakpoints.find((b) => b.changes.some((c) => c.startsWith('ha:')))!;
    expect(ha.users).toBe(profiles['eks-web-app']!.ha.fromUsers);
  });

  it('puts every breakpoint where the plan just below differs from the plan at it (in the same ladder state)', () => {
    expect(search.breakpoints.length).toBeGreaterThan(1);
    for (const b of search.breakpoints) {
      const options = { ladderContext: b.ladderContext };
      const before = planTier({ users: b.users - 1, profile: 'eks-web-app' }, book, options);
      const after = planTier({ users: b.users, profile: 'eks-web-app' }, book, options);
      expect(JSON.stringify(planShape(before))).not.toBe(JSON.stringify(planShape(after)));
      // Types are ranked by what they bill over the day, so the month never gets cheaper, a change of
      // type included; the one bounded exception is leaving a kept type, which cost at most
      // margin/(1 + margin) of the plan to keep (docs/methodology.md, "Choosing the instance type").
      const keptBefore = /is kept from the previous tier/.test(before.nodes[0]?.why ?? '');
      const allowance = keptBefore ? b.monthlyBefore.times(margin).div(1 + margin) : 0;
      expect(b.monthlyAfter.gte(b.monthlyBefore.minus(allowance)), `${b.users}: ${b.changes.join(', ')}`).toBe(true);
    }
  });

  it('stops at max and says it was truncated', () => {
    const few = findBreakpoints('eks-web-app', 1, 10_000_000, book, { max: 2 });
    expect(few.breakpoints).toHaveLength(2);
    expect(few.truncated).toBe(true);
  });
});

describe('diffPlans', () => {
  it('explains what changed and what it costs, exactly', () => {
    const a = planTier({ users: 100, profile: 'microservices-mysql' }, book);
    const b = planTier({ users: 100_000, profile: 'microservices-mysql' }, book);
    const d = diffPlans(a, b);
    expect(d.total.delta.equals(b.monthly.total.minus(a.monthly.total))).toBe(true);
    expect(d.changes).toContain('cache: none → ' + `${b.datastores.cache!.nodes} × ${b.datastores.cache!.nodeType}`);
    const sumServices = d.byService.reduce((t, s) => t.plus(s.delta), d.total.delta.minus(d.total.delta));
    expect(sumServices.equals(d.total.delta)).toBe(true);
    expect(diffPlans(a, a).changes).toEqual([]);
  });
});
