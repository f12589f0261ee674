import { Box, Text, useApp, useInput } from 'ink';
import { useMemo } from 'react';
import { exportPlan } from '../export-plan.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { usePlanner } from '../state/planner-context.js';
import { keyToAction, scrollOffset, type KeyState } from '../utils/key-map.js';
import { scrollableContent } from '../utils/lower-pane-view.js';
import { fit } from '../utils/text.js';
import { CapacityAndCost, capacityAndCostRows } from './CapacityAndCost.js';
import { Header, headerRows } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LowerPane, scrollBodyRows } from './LowerPane.js';

const FOOTER = '↑↓ users ×10 ÷10 · ←→ ±10% · p profile · o purchase · h HA · f families · Tab pane · s pin · e export · ? help · q quit';

/** The whole screen: lays the panes out to the terminal and turns keys into actions. */
export function Explorer() {
  const { state, dispatch, cwd } = usePlanner();
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize();
  // One row short of the terminal: a frame as tall as the screen makes Ink clear it on every update.
  const available = rows - 1 - headerRows(Boolean(state.error || state.message)) - 1;
  const plan = state.plan;
  const upperRows = plan ? capacityAndCostRows(plan, width, Math.max(4, Math.floor(available * 0.45))) : 0;
  const lowerRows = Math.max(4, available - upperRows - 1);
  const content = useMemo(() => scrollableContent(state, width), [state.plan, state.pane, state.pinned, state.scenario, width]);

  const handle = (input: string, key: KeyState) => {
    const action = keyToAction(input, key);
    if (!action) return;
    if (action.type === 'quit') {
      exit();
    } else if (action.type === 'export') {
      if (!plan || state.error) return dispatch({ type: 'message', text: 'nothing to export: the current scenario has no plan' });
      try {
        const written = exportPlan(plan, cwd);
        dispatch({ type: 'message', text: `exported ${written.json} and ${written.markdown}` });
      } catch (e) {
        dispatch({ type: 'message', text: `export failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    } else if (action.type === 'scroll') {
      if (content) dispatch({ type: 'scroll-to', offset: scrollOffset(action.by, state.scroll, scrollBodyRows(lowerRows, content), content.rows.length) });
    } else {
      dispatch(action);
    }
  };
  // Keys typed faster than a read (a held key, tmux send-keys) arrive as one string: take each.
  useInput((input, key) => (input.length > 1 && !key.ctrl && !key.meta ? [...input].forEach((c) => handle(c, {})) : handle(input, key)));

  return (
    <Box flexDirection="column" width={width}>
      <Header width={width} />
      {state.helpOpen ? (
        <HelpOverlay width={width} />
      ) : (
        <>
          {plan ? <CapacityAndCost plan={plan} width={width} rows={upperRows} /> : null}
          <LowerPane width={width} rows={lowerRows} content={content} />
        </>
      )}
      <Text dimColor wrap="truncate">{fit(FOOTER, width)}</Text>
    </Box>
  );
}
