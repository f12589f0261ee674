import type { PriceBook } from '@tier-planner/cost-model';
import { PlannerProvider } from '../state/planner-context.js';
import type { Scenario } from '../state/scenario.js';
import { Explorer } from './Explorer.js';

export interface AppProps {
  readonly book: PriceBook;
  readonly scenario: Scenario;
  /** Where `e` exports the plan. */
  readonly cwd: string;
}

/** The what-if explorer: state provider around the screen. */
export function App({ book, scenario, cwd }: AppProps) {
  return (
    <PlannerProvider book={book} initialScenario={scenario} cwd={cwd}>
      <Explorer />
    </PlannerProvider>
  );
}
