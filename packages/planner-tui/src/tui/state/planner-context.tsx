import type { PriceBook } from '@tier-planner/cost-model';
import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
import { CostRangeCache } from './cost-range-cache.js';
import { createPlannerReducer, initialPlannerState, type PlannerAction, type PlannerState } from './planner-state.js';
import type { Scenario } from './scenario.js';

export interface PlannerContextValue {
  readonly state: PlannerState;
  readonly dispatch: Dispatch<PlannerAction>;
  readonly book: PriceBook;
  readonly costRanges: CostRangeCache;
  /** Where `e` writes its files. */
  readonly cwd: string;
}

const PlannerContext = createContext<PlannerContextValue | undefined>(undefined);

export interface PlannerProviderProps {
  readonly book: PriceBook;
  readonly initialScenario: Scenario;
  readonly cwd: string;
  readonly children: ReactNode;
}

export function PlannerProvider({ book, initialScenario, cwd, children }: PlannerProviderProps) {
  const reducer = useMemo(() => createPlannerReducer(book), [book]);
  const [state, dispatch] = useReducer(reducer, initialScenario, (s) => initialPlannerState(s, book));
  const costRanges = useMemo(() => new CostRangeCache(book), [book]);
  const value = useMemo(() => ({ state, dispatch, book, costRanges, cwd }), [state, book, costRanges, cwd]);
  return <PlannerContext.Provider value={value}>{children}</PlannerContext.Provider>;
}

/** The explorer's state; throws outside <PlannerProvider> so a wiring mistake fails loudly. */
export function usePlanner(): PlannerContextValue {
  const value = useContext(PlannerContext);
  if (!value) throw new Error('usePlanner() must be used inside <PlannerProvider>');
  return value;
}
