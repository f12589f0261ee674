import { Box } from 'ink';
import { usePlanner } from '../state/planner-context.js';
import { paneTabs } from '../utils/lower-pane-view.js';
import { fit } from '../utils/text.js';
import { CostChartPane } from './CostChartPane.js';
import { Lines } from './Lines.js';

export interface LowerPaneProps {
  readonly width: number;
  /** Rows below the tab bar. */
  readonly rows: number;
  readonly content: { header?: string; rows: string[] } | undefined;
}

/** The tabbed lower pane: scrollable line items or comparison, or the cost chart. */
export function LowerPane({ width, rows, content }: LowerPaneProps) {
  const { state } = usePlanner();
  const tabs = <Lines role="title" lines={[paneTabs(state.pane, width)]} />;
  if (!content) {
    return (
      <Box flexDirection="column">
        {tabs}
        <CostChartPane width={width} rows={rows} />
      </Box>
    );
  }
  const bodyRows = scrollBodyRows(rows, content);
  const offset = Math.min(state.scroll, Math.max(0, content.rows.length - bodyRows));
  const shown = content.rows.slice(offset, offset + bodyRows);
  const more = content.rows.length > bodyRows ? `rows ${offset + 1}–${offset + shown.length} of ${content.rows.length} · PgDn/] PgUp/[ to scroll` : '';
  return (
    <Box flexDirection="column">
      {tabs}
      {content.header ? <Lines role="muted" lines={[content.header]} /> : null}
      <Lines lines={shown} />
      <Lines role="muted" lines={[fit(more, width)]} />
    </Box>
  );
}

/** Rows of the scrollable body, so the App can turn PgDn into an offset. */
export function scrollBodyRows(rows: number, content: { header?: string } | undefined): number {
  return Math.max(1, rows - (content?.header ? 1 : 0) - 1);
}
