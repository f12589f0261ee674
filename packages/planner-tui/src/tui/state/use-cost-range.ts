import { useEffect, useReducer } from 'react';
import type { CostRange } from './cost-range-cache.js';
import { usePlanner } from './planner-context.js';
import { rangeKey } from './scenario.js';

/**
 * The ladder and breakpoints for the current scenario's range. Breakpoints are searched a segment
 * at a time on timers after the frame is out, so keys stay responsive while the search runs;
 * results are cached per profile and options, so coming back is instant.
 */
export function useCostRange(): CostRange {
  const { state, costRanges } = usePlanner();
  const scenario = state.scenario;
  const key = rangeKey(scenario);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined;
    const step = () => {
      const more = costRanges.searchNext(scenario);
      refresh();
      if (more) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
    // The range depends on everything but users: `key` says exactly that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, costRanges]);
  return costRanges.get(scenario);
}
