import type { PriceBook } from '@tier-planner/cost-model';
import { PlannerProvider } from '../state/planner-context.js';
import type { Scenario } from '../state/scenario.js';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext } from '../style/theme.js';
import { Explorer } from './Explorer.js';

export interface AppProps {
  readonly book: PriceBook;
  readonly scenario: Scenario;
  /** Where `e` exports the plan. */
  readonly cwd: string;
  /** False draws without colour, bold or dim (NO_COLOR). */
  readonly colour?: boolean;
}

/** The what-if explorer: theme and state providers around the screen. */
export function App({ book, scenario, cwd, colour = true }: AppProps) {
  return (
    <ThemeContext.Provider value={colour ? COLOUR_THEME : PLAIN_THEME}>
      <PlannerProvider book={book} initialScenario={scenario} cwd={cwd}>
        <Explorer />
      </PlannerProvider>
    </ThemeContext.Provider>
  );
}
