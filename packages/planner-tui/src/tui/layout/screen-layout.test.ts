import { describe, expect, it } from 'vitest';
import { LOWER_FLOOR_ROWS, LOWER_MIN_ROWS, UPPER_MIN_ROWS, screenLayout, type LayoutInput } from './screen-layout.js';

/** Rows the frame takes for a layout, as the Explorer draws it. */
function frameRows(input: LayoutInput, layout: ReturnType<typeof screenLayout>): number {
  return (
    input.identityRows +
    (layout.settings ? input.settingsRows : 0) +
    (layout.workload ? 1 : 0) +
    1 + // total
    layout.noticeRows +
    layout.upperRows +
    1 + // tab bar
    layout.lowerRows +
    (layout.hidden.length ? 1 : 0) +
    1 // keys
  );
}

const at = (columns: number, rows: number, more: Partial<LayoutInput> = {}): LayoutInput => ({
  columns,
  rows,
  identityRows: columns < 60 ? 2 : 1,
  settingsRows: columns < 100 ? 1 : 0,
  noticeRows: 0,
  upperWanted: 12,
  ...more,
});

describe('screen layout', () => {
  for (const [columns, rows] of [[40, 12], [60, 20], [80, 24], [120, 40], [200, 60]] as const) {
    it(`${columns}×${rows}: one row short of the screen at most, with the whole notice and some of the lower pane`, () => {
      for (const noticeRows of [0, 1, 3]) {
        const input = at(columns, rows, { noticeRows });
        const layout = screenLayout(input);
        expect(frameRows(input, layout)).toBeLessThanOrEqual(rows - 1);
        expect(layout.noticeRows).toBe(noticeRows);
        expect(layout.lowerRows).toBeGreaterThanOrEqual(noticeRows ? LOWER_FLOOR_ROWS : LOWER_MIN_ROWS);
      }
    });
  }

  it('40×12 with two identity rows and a three-row notice: the lower pane shrinks to its floor', () => {
    const input = at(40, 12, { identityRows: 2, noticeRows: 3 });
    const layout = screenLayout(input);
    expect(frameRows(input, layout)).toBe(11);
    expect(layout).toMatchObject({ noticeRows: 3, lowerRows: LOWER_FLOOR_ROWS, hidden: ['settings', 'node groups, cost bars', 'workload'] });
  });

  it('a screen too small for even that cuts the notice, then the hint', () => {
    const input = at(40, 9, { identityRows: 2, noticeRows: 3 });
    const layout = screenLayout(input);
    expect(frameRows(input, layout)).toBe(8);
    expect(layout).toMatchObject({ noticeRows: 1, lowerRows: LOWER_FLOOR_ROWS, hidden: [] });
  });

  it('a big screen shows everything and hints at nothing', () => {
    for (const [columns, rows] of [[120, 40], [200, 60]]) {
      const layout = screenLayout(at(columns, rows));
      expect(layout).toMatchObject({ workload: true, capacity: true, upperRows: 12, hidden: [] });
    }
  });

  it('40×12: the cost bars and the workload line give way first, and the hint names them', () => {
    const layout = screenLayout(at(40, 12));
    expect(layout.settings).toBe(true);
    expect(layout.upperRows).toBe(0);
    expect(layout.workload).toBe(false);
    expect(layout.hidden).toEqual(['node groups, cost bars', 'workload']);
  });

  it('narrow but tall: the cost bars alone, and the hint says the node groups are out', () => {
    const layout = screenLayout(at(60, 40));
    expect(layout.upperRows).toBeGreaterThanOrEqual(UPPER_MIN_ROWS);
    expect(layout.capacity).toBe(false);
    expect(layout.hidden).toEqual(['node groups']);
  });

  it('a part that does not fit is skipped, and a smaller one after it still gets its row', () => {
    // Rows for identity, settings, total, keys, tab bar and the lower minimum, and three more: not
    // enough for the cost bars (four) beside the hint, enough for the workload line.
    const rows = 1 + 1 + 1 + 1 + 1 + LOWER_MIN_ROWS + 3 + 1;
    const input = at(100, rows, { settingsRows: 1 });
    const layout = screenLayout(input);
    expect(frameRows(input, layout)).toBeLessThanOrEqual(rows - 1);
    expect(layout).toMatchObject({ settings: true, upperRows: 0, workload: true, hidden: ['node groups, cost bars'] });
  });
});
