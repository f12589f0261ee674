import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { int, usd } from '../../render/format.js';
import { RANGE_FROM, RANGE_TO } from '../state/cost-range-cache.js';
import { usePlanner } from '../state/planner-context.js';
import { useCostRange } from '../state/use-cost-range.js';
import { costChartLines } from '../utils/cost-chart.js';
import { fit } from '../utils/text.js';
import { Lines } from './Lines.js';

/** Monthly cost over the ladder (log-log), current users ^, breakpoints +, and the nearest breakpoints in words. */
export function CostChartPane({ width, rows }: { readonly width: number; readonly rows: number }) {
  const { state } = usePlanner();
  const range = useCostRange();
  const users = state.scenario.users;
  const plan = state.plan;
  const height = Math.max(2, rows - 4);
  // The bars come from the ladder's known points only, so a keystroke that moves the current users
  // leaves their text unchanged and Ink measures it from its cache (measuring text is a large part
  // of a frame). The current plan is drawn only before the ladder is known.
  const current = range.points.length === 0 && plan && !state.error ? plan.monthly.total.toNumber() : undefined;
  const chart = useMemo(() => {
    const points = current === undefined ? range.points : [{ users, monthly: current }];
    if (points.length === 0) return [];
    return costChartLines({ points, breakpoints: range.breakpoints.map((b) => b.users), currentUsers: users, width, height, fromUsers: RANGE_FROM, toUsers: RANGE_TO });
  }, [range, current, users, width, height]);
  const below = [...range.breakpoints].reverse().find((b) => b.users <= users);
  const above = range.breakpoints.find((b) => b.users > users);
  const describe = (b: typeof below) => (b ? `${int(b.users)} users (${usd(b.monthlyBefore)} → ${usd(b.monthlyAfter)}: ${b.changes.join('; ')})` : 'none found');
  const progress = range.searched < range.segments ? ` · searching breakpoints ${Math.round((100 * range.searched) / range.segments)}%` : ` · ${range.breakpoints.length} breakpoint(s)`;
  return (
    <Box flexDirection="column">
      {chart.length ? (
        <>
          <Lines lines={chart.slice(0, height)} />
          <Lines lines={chart.slice(height)} />
        </>
      ) : (
        <Lines lines={['no tier of the ladder could be planned']} />
      )}
      <Text wrap="truncate">{fit(`^ ${int(users)} users · + breakpoint · log scales${progress}`, width)}</Text>
      <Text wrap="truncate" dimColor>{fit(`last breakpoint ≤ here: ${describe(below)}`, width)}</Text>
      <Text wrap="truncate" dimColor>{fit(range.error ? `! ${range.error}` : `next breakpoint: ${describe(above)}`, width)}</Text>
    </Box>
  );
}
