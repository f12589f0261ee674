import { Box } from 'ink';
import { useMemo } from 'react';
import { int, perUserUsd, usd } from '../../render/format.js';
import { RANGE_FROM, RANGE_TO, type PricedBreakpoint } from '../state/cost-range-cache.js';
import { usePlanner } from '../state/planner-context.js';
import { useCostRange } from '../state/use-cost-range.js';
import { chartMarkerRow, costChartLines } from '../utils/cost-chart.js';
import { fit } from '../utils/text.js';
import { Lines } from './Lines.js';

/** Rows of the chart without its bars: the marker row and the decade labels. */
const AXIS_ROWS = 2;
const MIN_BAR_ROWS = 2;

const floor = (amount: PricedBreakpoint['monthlyBefore'], complete: boolean): string => `${usd(amount)}${complete ? '' : '+'}`;

/**
 * Monthly cost over the ladder (log-log), current users ^, breakpoints +, and the nearest
 * breakpoints in words; within `rows`, the words drop out first when rows are short. Costs that leave
 * unpriced items out are floors: "$X+", and the legend says the chart is incomplete.
 */
export function CostChartPane({ width, rows }: { readonly width: number; readonly rows: number }) {
  const { state } = usePlanner();
  const range = useCostRange();
  const users = state.scenario.users;
  const plan = state.plan;
  const words = Math.min(3, Math.max(0, rows - AXIS_ROWS - MIN_BAR_ROWS - 1));
  const height = Math.max(MIN_BAR_ROWS, rows - AXIS_ROWS - words);
  // The bars come from the ladder's known points only, so a keystroke that moves the current users
  // leaves their text unchanged and Ink measures it from its cache (measuring text is a large part
  // of a frame). The current plan is drawn only before the ladder is known.
  const current = range.points.length === 0 && plan && !state.error ? plan.monthly.total.toNumber() : undefined;
  const incomplete = current === undefined ? range.incomplete : !plan!.monthly.complete;
  // The current users only move the ^ in the marker row: the bars are drawn again only when the
  // ladder, the size or (before the ladder is known) the plan changes.
  const pointsUsers = current === undefined ? undefined : users;
  const breakpoints = useMemo(() => range.breakpoints.map((b) => b.users), [range]);
  const bars = useMemo(() => {
    const points = pointsUsers === undefined ? range.points : [{ users: pointsUsers, monthly: current! }];
    if (points.length === 0) return [];
    return costChartLines({ points, breakpoints, currentUsers: pointsUsers ?? RANGE_FROM, width, height, fromUsers: RANGE_FROM, toUsers: RANGE_TO, floors: incomplete });
  }, [range, breakpoints, current, pointsUsers, width, height, incomplete]);
  const marker = chartMarkerRow({ breakpoints, currentUsers: users, width, fromUsers: RANGE_FROM, toUsers: RANGE_TO });
  const chart = bars.length ? [...bars.slice(0, height), marker, ...bars.slice(height + 1)] : bars;
  const below = [...range.breakpoints].reverse().find((b) => b.users <= users);
  const above = range.breakpoints.find((b) => b.users > users);
  const describe = (b: PricedBreakpoint | undefined) =>
    b ? `${int(b.users)} users (${floor(b.monthlyBefore, b.completeBefore)} → ${floor(b.monthlyAfter, b.completeAfter)}: ${b.changes.join('; ')})` : 'none found';
  const progress = range.searched < range.segments ? ` · searching breakpoints ${Math.round((100 * range.searched) / range.segments)}%` : ` · ${range.breakpoints.length} breakpoint(s)`;
  const perUser = plan && !state.error ? ` (${perUserUsd(plan.costPerUser)}${plan.monthly.complete ? '' : '+'} per user)` : '';
  const legend = `^ ${int(users)} users${perUser}${incomplete ? ' · $X+: incomplete, unpriced items left out' : ''} · + breakpoint · log scales${progress}`;
  const text = [
    fit(legend, width),
    fit(`last breakpoint ≤ here: ${describe(below)}`, width),
    fit(range.error ? `! ${range.error}` : `next breakpoint: ${describe(above)}`, width),
  ].slice(0, words);
  const drawn = chart.length ? chart.slice(0, height + AXIS_ROWS) : ['no tier of the ladder could be planned'];
  return (
    <Box flexDirection="column">
      <Lines lines={drawn.slice(0, height)} />
      <Lines lines={drawn.slice(height, rows - words)} />
      {text.length ? <Lines lines={text.slice(0, 1)} /> : null}
      {text.length > 1 ? <Lines role="muted" lines={text.slice(1)} /> : null}
    </Box>
  );
}
