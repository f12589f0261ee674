import { isAbsolute, relative } from 'node:path';
import { Box, useApp, useInput } from 'ink';
import { useMemo } from 'react';
import { exportPlan } from '../export/export-plan.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { CAPACITY_MIN_COLUMNS, screenLayout } from '../layout/screen-layout.js';
import { usePlanner } from '../state/planner-context.js';
import { footerLine } from '../utils/footer-view.js';
import { headerText } from '../utils/header-view.js';
import { keyToAction, scrollOffset, type KeyState } from '../utils/key-map.js';
import { scrollableContent } from '../utils/lower-pane-view.js';
import { fit } from '../utils/text.js';
import { CapacityAndCost, capacityAndCostRows } from './CapacityAndCost.js';
import { Header, noticeLines } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Lines } from './Lines.js';
import { LowerPane, scrollBodyRows } from './LowerPane.js';

/** A path as a person in `cwd`, the explorer's folder, would type it: relative when inside it, else absolute. */
function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The whole screen: lays the panes out to the terminal and turns keys into actions. */
export function Explorer() {
  const { state, dispatch, cwd, book } = usePlanner();
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize();
  const plan = state.plan;
  const text = useMemo(() => headerText(state.scenario, book.region, width), [state.scenario, book.region, width]);
  const notice = useMemo(() => noticeLines(state, width), [state.error, state.message, state.plan, width]);
  const capacity = width >= CAPACITY_MIN_COLUMNS;
  const layout = screenLayout({
    columns: width,
    rows,
    identityRows: text.identity.length,
    settingsRows: text.settings.length,
    noticeRows: notice.length,
    upperWanted: plan ? capacityAndCostRows(plan, width, capacity) : 0,
  });
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
        const kept = written.renamed ? ' (the earlier one is kept)' : '';
        dispatch({ type: 'message', text: `exported ${shownPath(written.json, cwd)} and .md${kept}` });
      } catch (e) {
        dispatch({ type: 'message', text: `export failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    } else if (action.type === 'scroll') {
      if (content) dispatch({ type: 'scroll-to', offset: scrollOffset(action.by, state.scroll, scrollBodyRows(layout.lowerRows, content), content.rows.length) });
    } else {
      dispatch(action);
    }
  };
  // Keys typed faster than a read (a held key, tmux send-keys) arrive as one string: take each.
  useInput((input, key) => (input.length > 1 && !key.ctrl && !key.meta ? [...input].forEach((c) => handle(c, c === '\t' ? { tab: true } : {})) : handle(input, key)));

  return (
    <Box flexDirection="column" width={width}>
      <Header
        width={width}
        state={state}
        text={text}
        settings={layout.settings}
        workload={layout.workload}
        notice={layout.noticeRows < notice.length ? noticeLines(state, width, layout.noticeRows) : notice}
      />
      {state.helpOpen ? (
        <HelpOverlay width={width} rows={layout.upperRows + 1 + layout.lowerRows} />
      ) : (
        <>
          {plan && layout.upperRows ? <CapacityAndCost plan={plan} width={width} rows={layout.upperRows} capacity={layout.capacity} /> : null}
          <LowerPane width={width} rows={layout.lowerRows} content={content} />
        </>
      )}
      {layout.hidden.length ? <Lines role="muted" lines={[fit(`hidden: ${layout.hidden.join(', ')}`, width)]} /> : null}
      <Lines role="muted" lines={[footerLine(width)]} />
    </Box>
  );
}
