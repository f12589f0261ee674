import { formatUsd, formatUsdPerUser, loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { costBarLines } from '../components/CapacityAndCost.js';
import type { Scenario } from '../state/scenario.js';
import { comparisonLines } from './comparison-view.js';
import { footerLine } from './footer-view.js';
import { headerText } from './header-view.js';
import { lineItemLines } from './line-items-view.js';
import { paneTabs } from './lower-pane-view.js';
import { capacityLines, totalLine } from './plan-summary-view.js';
import { compactCount, fit, joinWhileFits, wrap } from './text.js';
import { PARTLY_PRICED_AT_ZERO, zeroRateSnapshotDir } from '../../render/testing/zero-rate-snapshot.js';

const book = loadPriceBook();
const small = planTier({ users: 10_000, profile: 'eks-web-app' }, book, {});
const large = planTier({ users: 10_000_000, profile: 'eks-web-app' }, book, {});
// Spot prices are not in the book: the node group's EC2 line item comes back unpriced.
const spot = planTier({ users: 10_000, profile: 'eks-web-app' }, book, { purchase: 'spot' });
const money = /\$[\d,]+\.\d\d/;

describe('view models fit the width', () => {
  for (const width of [40, 60, 80, 100, 160]) {
    it(`at ${width} columns`, () => {
      const items = lineItemLines(large.lineItems, width);
      const comparison = comparisonLines(small, large, 'a', 'b', width);
      for (const l of [items.header, ...items.rows, ...comparison, ...capacityLines(large, width), totalLine(spot, width), footerLine(width), paneTabs('comparison', width)]) {
        expect(l.length).toBeLessThanOrEqual(width);
      }
      expect(items.rows).toHaveLength(large.lineItems.length);
      // The money column is never the part that is cut.
      for (const row of items.rows) expect(row).toMatch(/\$[\d,]+\.\d\d$/);
      expect(comparison.find((l) => l.startsWith('EC2'))).toMatch(/[+-]\$[\d,]+\.\d\d/);
    });
  }

  it('the comparison lists a difference per service, largest first', () => {
    const lines = comparisonLines(small, large, 'pinned', 'current', 120);
    expect(lines[2]).toMatch(/^Total \$[\d,.]+ → \$[\d,.]+ {2}\+\$/);
    expect(lines.some((l) => /^EC2\s+\$[\d,.]+\s+\$[\d,.]+\s+\+\$/.test(l))).toBe(true);
  });
});

describe('unpriced line items are never shown as a price', () => {
  it('the comparison says "unpriced" and "unknown", not -100%, and the total is a floor', () => {
    const lines = comparisonLines(small, spot, 'on-demand', 'spot', 120);
    const ec2 = lines.find((l) => l.startsWith('EC2'))!;
    expect(ec2).toMatch(/^EC2\s+\$[\d,]+\.\d\d\s+unpriced\s+unknown\s+n\/a$/);
    expect(lines.join('\n')).not.toContain('-100%');
    expect(lines[2]).toMatch(/^Total \$[\d,.]+ → \$[\d,.]+\+ {2}-\$[\d,.]+ \(priced items only\)$/);
  });

  it('a service unpriced on both sides stays listed', () => {
    const spotLarger = planTier({ users: 20_000, profile: 'eks-web-app' }, book, { purchase: 'spot' });
    const ec2 = comparisonLines(spot, spotLarger, 'a', 'b', 120).find((l) => l.startsWith('EC2'));
    expect(ec2).toMatch(/^EC2\s+unpriced\s+unpriced\s+unknown\s+n\/a$/);
  });

  it('the line items, the cost bars and the total line mark it', () => {
    const ec2Row = lineItemLines(spot.lineItems, 120).rows.find((r) => r.startsWith('EC2'));
    expect(ec2Row).toMatch(/ unpriced$/);
    expect(costBarLines(spot, 50).find((l) => l.startsWith('EC2'))).toMatch(/ unpriced$/);
    expect(costBarLines(small, 50).find((l) => l.startsWith('EC2'))).toMatch(money);
    expect(totalLine(spot, 120)).toMatch(/^Total \$[\d,]+\.\d\d\+ \/ month \(incomplete: 1 unpriced item left out\) {2}\(/);
    expect(totalLine(spot, 40)).toMatch(/^Total \$[\d,]+\.\d\d\+ \/ month \(incomplete\)$/);
    expect(totalLine(small, 120)).toMatch(/^Total \$[\d,]+\.\d\d \/ month at point values {2}\(26 req\/s peak/);
    expect(totalLine(small, 30)).toMatch(/^Total \$[\d,]+\.\d\d \/ month$/);
  });

  it('the total line ends with the cost per user, dropped first when the screen is narrow', () => {
    expect(totalLine(small, 120).endsWith(`)  ${formatUsdPerUser(small.costPerUser)} per user`)).toBe(true);
    expect(totalLine(spot, 120).endsWith(`)  ${formatUsdPerUser(spot.costPerUser)}+ per user`)).toBe(true);
    const narrow = totalLine(small, totalLine(small, 200).length - 1);
    expect(narrow).not.toContain('per user');
    expect(narrow).toContain('req/s peak');
  });

  it('a service whose priced part is $0.00 is a floor, "$0.00+", not "unpriced"', () => {
    const { users, profile, purchase } = PARTLY_PRICED_AT_ZERO;
    const zeroBook = loadPriceBook({ dir: zeroRateSnapshotDir() });
    const partly = planTier({ users, profile }, zeroBook, { purchase });
    const onDemand = planTier({ users, profile }, zeroBook, {});
    expect(costBarLines(partly, 60).find((l) => l.startsWith('EC2'))).toMatch(/ \$0\.00\+$/);
    expect(comparisonLines(onDemand, partly, 'on-demand', 'reserved-1yr', 120).find((l) => l.startsWith('EC2'))).toMatch(/^EC2\s+\$[\d,]+\.\d\d\s+\$0\.00\+\s+unknown\s+n\/a$/);
  });
});

describe('capacity lines', () => {
  it('fold the further parts of a node group split at the managed node group quota into one line', () => {
    const plan = planTier({ users: 1_000_000_000, profile: 'eks-web-app' }, book, {});
    const lines = capacityLines(plan, 200);
    const parts = plan.nodes.slice(1);
    expect(parts.length).toBeGreaterThan(1);
    expect(lines.filter((l) => /^workers-\d+:/.test(l))).toHaveLength(1);
    const folded = lines.find((l) => l.startsWith(`workers-2 … workers-${plan.nodes.length}: `))!;
    expect(folded).toContain(`${parts.length} more groups, ${parts.reduce((n, g) => n + g.count, 0).toLocaleString('en-US')} × ${plan.nodes[0]!.instanceType}`);
  });

  it('count read replicas in words: "+ 1 replica", "+ 2 replicas"', () => {
    const db = (users: number) => capacityLines(planTier({ users, profile: 'microservices-mysql' }, book, {}), 120).find((l) => l.startsWith('db: '));
    expect(db(100_000)).toMatch(/^db: db\.\S+ multi-az \+ 1 replica · /);
    expect(db(1_000_000)).toMatch(/^db: db\.\S+ multi-az \+ 2 replicas · /);
  });

  it('name the RDS driver that binds, and say when one writer cannot carry the load', () => {
    const db = (users: number) => capacityLines(planTier({ users, profile: 'microservices-mysql' }, book, {}), 120).find((l) => l.startsWith('db: '));
    const at1 = planTier({ users: 1, profile: 'microservices-mysql' }, book).datastores.rds!;
    expect(db(1)).toBe(`db: ${at1.instanceClass} single-az · ${at1.binding} binds`);
    expect(db(20_000_000)).toMatch(/ binds, one writer cannot carry it$/);
  });

  it('show the floor and the burst beside the peak, with their monthly cost', () => {
    const plan = planTier({ users: 1_000_000, profile: 'eks-web-app' }, book, {});
    const lines = capacityLines(plan, 200);
    const g = plan.nodes[0]!;
    expect(g.floor).toBeLessThan(g.count);
    expect(lines[0]).toContain(`min ${g.min} · floor ${g.floor} · desired ${g.desired} (peak)`);
    expect(lines).toContain(`floor: ${g.floor} nodes always on, ${formatUsd(plan.floor.monthlyUsd)}/month`);
    expect(lines).toContain(`burst: ${Math.round(plan.burst.nodeHours).toLocaleString('en-US')} node-hours above the floor, ${formatUsd(plan.burst.monthlyUsd)}/month`);
    const fargate = planTier({ users: 1_000_000, profile: 'trading-fargate' }, book, {});
    const tasks = capacityLines(fargate, 200);
    expect(tasks).toContain(`floor: ${fargate.floor.tasks} tasks always on, ${formatUsd(fargate.floor.monthlyUsd)}/month`);
    expect(tasks.find((l) => l.startsWith('burst: '))).toMatch(/^burst: [\d,]+ task-hours above the floor, \$[\d,.]+\/month$/);
  });
});

describe('header and key line on a narrow screen', () => {
  const scenario: Scenario = { users: 10_000_000, profile: 'trading-k8s-self-managed', purchase: 'reserved-3yr', ha: 'auto', families: 'graviton', workload: {} };

  it('users and profile stay whole at 40 columns; the rest of the settings wrap below', () => {
    const text = headerText(scenario, 'us-east-1', 40);
    expect(text.identity.join('\n')).toContain('10,000,000 users');
    expect(text.identity.join('\n')).toContain('trading-k8s-self-managed');
    expect(text.settings.join(' ')).toContain('reserved-3yr');
    for (const l of [...text.identity, ...text.settings, text.workload]) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('one line with the title when it fits', () => {
    const text = headerText({ ...scenario, users: 10_000, profile: 'eks-web-app', families: 'auto' }, 'us-east-1', 120);
    expect(text.identity).toEqual(["tier-planner  10,000 users · eks-web-app · us-east-1 · reserved-3yr · HA auto · families profile's"]);
    expect(text.settings).toEqual([]);
  });

  it('the key line always ends with help and quit', () => {
    for (let width = 20; width <= 200; width++) {
      expect(footerLine(width).length).toBeLessThanOrEqual(width);
      expect(footerLine(width)).toMatch(/\? help · q quit$/);
    }
    expect(footerLine(200)).toContain('e export');
    expect(footerLine(40)).toContain('↑↓ users');
  });
});

describe('text helpers', () => {
  it('fit, compactCount', () => {
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('abc', 4)).toBe('abc');
    expect(compactCount(10_000_000)).toBe('10M');
    expect(compactCount(1_500)).toBe('1.5k');
  });

  it('wrap keeps every character of a long path and stops at maxLines', () => {
    const path = '/tmp/some-folder/tier-planner-plan-10000-eks-web-app.json';
    const lines = wrap(`exported ${path} and .md`, 20);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines.join('')).toContain(path);
    expect(wrap('one two three four five', 9, 2)).toEqual(['one two', 'three fo…']);
  });

  it('joinWhileFits keeps the first part and the later ones that fit', () => {
    expect(joinWhileFits(['Total $1.00', 'a long tail that does not fit', 'short'], 25)).toBe('Total $1.00 · short');
  });
});
