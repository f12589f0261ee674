import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, diffPlans, findBreakpoints, loadPriceBook, planLadder, planShape, planTier, profiles } from '@tier-planner/cost-model';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

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
      const before = planShape(planTier({ users: b.users - 1, profile: 'eks-web-app' }, book, options));
      const after = planShape(planTier({ users: b.users, profile: 'eks-web-app' }, book, options));
      expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
      // The node type is chosen at the peak, but billed over the day: a new type that scales in
      // further can cost less over the month (docs/methodology.md, "Load over the day").
      if (!b.changes.some((c) => c.startsWith('node type'))) expect(b.monthlyAfter.gte(b.monthlyBefore)).toBe(true);
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
