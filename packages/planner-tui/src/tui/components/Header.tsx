import { Box, Text } from 'ink';
import { usd } from '../../render/format.js';
import { usePlanner } from '../state/planner-context.js';
import { WORKLOAD_KNOBS, familyPreset, workloadValue } from '../state/scenario.js';
import { fit } from '../utils/text.js';
import { totalLine } from '../utils/plan-summary-view.js';

/** Users, profile, region, purchase, HA, families, workload knobs, the total, and the last error or message. */
export function Header({ width }: { readonly width: number }) {
  const { state, book } = usePlanner();
  const s = state.scenario;
  const first = `tier-planner  ${s.users.toLocaleString('en-US')} users · ${s.profile} · ${book.region} · ${s.purchase} · HA ${s.ha} · families ${familyPreset(s.families).label}`;
  const knobs = WORKLOAD_KNOBS.map((k) => `${k.label} ${workloadValue(s, k.key)}${s.workload[k.key] !== undefined ? '*' : ''}`).join(' · ');
  const plan = state.plan;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">{fit(first, width)}</Text>
      <Text dimColor wrap="truncate">{fit(`workload: ${knobs}   (* changed; ? for keys)`, width)}</Text>
      {plan ? (
        <Text bold color={plan.monthly.complete ? 'green' : 'yellow'} wrap="truncate">
          {fit(totalLine(plan), width)}
        </Text>
      ) : (
        <Text color="red">no plan</Text>
      )}
      {state.error ? (
        <Text color="red" wrap="truncate">
          {fit(`! ${state.error}${plan ? ` (showing the last plan that worked: ${plan.users.toLocaleString('en-US')} users, ${usd(plan.monthly.total)})` : ''}`, width)}
        </Text>
      ) : state.message ? (
        <Text color="cyan" wrap="truncate">{fit(state.message, width)}</Text>
      ) : null}
    </Box>
  );
}

/** Rows the header takes, for the layout. */
export function headerRows(hasNotice: boolean): number {
  return hasNotice ? 4 : 3;
}
