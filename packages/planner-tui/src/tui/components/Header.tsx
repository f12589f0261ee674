import { Box } from 'ink';
import { totalUsd } from '../utils/money.js';
import type { PlannerState } from '../state/planner-state.js';
import type { HeaderText } from '../utils/header-view.js';
import { totalLine } from '../utils/plan-summary-view.js';
import { fit, wrap } from '../utils/text.js';
import { Lines } from './Lines.js';

/** A notice takes at most this many rows; a longer one ends in "…". */
const NOTICE_MAX_ROWS = 3;

export interface HeaderProps {
  readonly width: number;
  readonly state: PlannerState;
  readonly text: HeaderText;
  readonly settings: boolean;
  readonly workload: boolean;
  readonly notice: readonly string[];
}

/** Users and profile (then region, purchase, HA, families), workload knobs, the total, and the last error or message. */
export function Header({ width, state, text, settings, workload, notice }: HeaderProps) {
  const plan = state.plan;
  return (
    <Box flexDirection="column">
      <Lines role="title" lines={settings ? [...text.identity, ...text.settings] : text.identity} />
      {workload ? <Lines role="muted" lines={[text.workload]} /> : null}
      {plan ? (
        <Lines role={plan.monthly.complete ? 'total' : 'total-incomplete'} lines={[totalLine(plan, width)]} />
      ) : (
        <Lines role="error" lines={[fit('no plan', width)]} />
      )}
      {notice.length ? <Lines role={state.error ? 'error' : 'notice'} lines={notice} /> : null}
    </Box>
  );
}

/** The last error (with the plan still shown) or message, wrapped to the width so none of it is cut. */
export function noticeLines(state: PlannerState, width: number, maxRows = NOTICE_MAX_ROWS): string[] {
  const plan = state.plan;
  if (state.error) return wrap(`! ${state.error}${plan ? ` (showing the last plan that worked: ${plan.users.toLocaleString('en-US')} users, ${totalUsd(plan.monthly)})` : ''}`, width, maxRows);
  return state.message ? wrap(state.message, width, maxRows) : [];
}
