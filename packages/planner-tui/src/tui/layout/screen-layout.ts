// How the screen's rows are shared out. Users, profile, the total and the key line are always
// drawn; the notice and a minimal lower pane come next; then the optional parts, most useful first,
// while rows remain; what did not fit is named in a one-line hint. Pure, so every size is testable.

/** Narrower than this, the node-group column beside the cost bars has no room and is left out. */
export const CAPACITY_MIN_COLUMNS = 72;
/** Rows below the lower pane's tab bar it keeps before any optional part is drawn. */
export const LOWER_MIN_ROWS = 4;
/** What the lower pane shrinks to, on the smallest screens only, before the notice is cut. */
export const LOWER_FLOOR_ROWS = 2;
/** The cost-by-service section is worth drawing from a title and three bars. */
export const UPPER_MIN_ROWS = 4;

export interface LayoutInput {
  readonly columns: number;
  readonly rows: number;
  readonly identityRows: number;
  readonly settingsRows: number;
  /** Rows the notice (error or message) would take, already wrapped to the width. */
  readonly noticeRows: number;
  /** Rows the capacity and cost section would like, title included; 0 when there is no plan. */
  readonly upperWanted: number;
}

export interface ScreenLayout {
  readonly settings: boolean;
  readonly workload: boolean;
  /** Rows of the notice shown: all of it unless the screen is tiny. */
  readonly noticeRows: number;
  /** Rows of the capacity and cost section, 0 when it is left out. */
  readonly upperRows: number;
  /** Whether the node-group column shows beside the cost bars. */
  readonly capacity: boolean;
  /** Rows below the lower pane's tab bar. */
  readonly lowerRows: number;
  /** What was left out to fit, for the hint line; empty when everything shows (or the hint has no row). */
  readonly hidden: readonly string[];
}

export function screenLayout(input: LayoutInput): ScreenLayout {
  // One row short of the terminal: a frame as tall as the screen makes Ink clear it on every update.
  const height = input.rows - 1;
  const always = input.identityRows + 1 /* total */ + 1 /* keys */ + 1 /* tab bar */;
  let notice = input.noticeRows;
  let lower = LOWER_MIN_ROWS;
  let free = height - always - notice - lower;
  const capacityFits = input.columns >= CAPACITY_MIN_COLUMNS;
  const optional = [
    { part: 'settings' as const, rows: input.settingsRows, name: 'settings' },
    { part: 'upper' as const, rows: input.upperWanted ? UPPER_MIN_ROWS : 0, name: 'node groups, cost bars' },
    // The knobs line is cut short on a narrow screen anyway, and `?` lists the keys that step them.
    { part: 'workload' as const, rows: 1, name: 'workload' },
  ];
  const shown = { settings: false, upper: false, workload: false };
  const hidden: string[] = [];
  // The hint takes a row when anything is left out: when the parts do not all fit, or the node
  // groups have no room beside the cost bars.
  let hint = optional.reduce((n, o) => n + o.rows, 0) > free || (input.upperWanted > 0 && !capacityFits);
  if (hint) free -= 1;
  for (const o of optional) {
    if (o.rows === 0) continue;
    if (o.rows <= free) {
      shown[o.part] = true;
      free -= o.rows;
    } else {
      hidden.push(o.name);
    }
  }
  if (shown.upper && !capacityFits) hidden.push('node groups');
  // The smallest screens: the lower pane, then the notice (to one row), then the hint give way.
  while (free < 0) {
    if (lower > LOWER_FLOOR_ROWS) lower -= 1;
    else if (notice > 1) notice -= 1;
    else if (hint) hint = false;
    else break;
    free += 1;
  }
  // What is left goes to the panes: the upper one up to 45% of it (its old share), the lower the rest.
  const panes = Math.max(0, free) + lower + (shown.upper ? UPPER_MIN_ROWS : 0);
  const upperRows = shown.upper ? Math.min(input.upperWanted, Math.max(UPPER_MIN_ROWS, Math.floor((panes + 1) * 0.45)), panes - LOWER_MIN_ROWS) : 0;
  return {
    settings: shown.settings,
    workload: shown.workload,
    noticeRows: notice,
    upperRows,
    capacity: shown.upper && capacityFits,
    lowerRows: Math.max(1, panes - upperRows),
    hidden: hint ? hidden : [],
  };
}
