import { compactCount, compactUsd, fit } from './text.js';

export interface CostPoint {
  readonly users: number;
  readonly monthly: number;
}

export interface CostChartInput {
  /** Known (users, monthly cost) points: the ladder tiers, both sides of each breakpoint, the current plan. */
  readonly points: readonly CostPoint[];
  /** User counts where the plan changes shape. */
  readonly breakpoints: readonly number[];
  readonly currentUsers: number;
  readonly width: number;
  /** Rows of bars (axis and labels come on top of these). */
  readonly height: number;
  readonly fromUsers?: number;
  readonly toUsers?: number;
  /** The costs leave unpriced items out: the axis labels say "$X+", a floor, not a price. */
  readonly floors?: boolean;
}

// Printable ASCII only: Ink measures every line of a frame, and a line with any other character
// takes string-width's grapheme-by-grapheme path (about 100× dearer), which made the chart the
// dearest part of a keystroke. The top cell of a bar shows its fraction as . or :.
const BLOCKS = [' ', '.', '.', '.', ':', ':', ':', '#', '#'];
const LABEL_WIDTH = 8;

/** Cost at `users`, interpolated linearly in log-log space between the nearest known points. */
export function costAt(points: readonly CostPoint[], users: number): number {
  const sorted = [...points].sort((a, b) => a.users - b.users);
  if (sorted.length === 0) return 0;
  if (users <= sorted[0]!.users) return sorted[0]!.monthly;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (users <= b.users) {
      if (b.users === a.users || a.monthly <= 0 || b.monthly <= 0) return b.monthly;
      const t = Math.log(users / a.users) / Math.log(b.users / a.users);
      return Math.exp(Math.log(a.monthly) + t * Math.log(b.monthly / a.monthly));
    }
  }
  return sorted[sorted.length - 1]!.monthly;
}

/** The column (0..plotWidth-1) of a user count on a log-scale x axis. */
export function usersToColumn(users: number, from: number, to: number, plotWidth: number): number {
  const t = Math.log(Math.max(from, Math.min(to, users)) / from) / Math.log(to / from);
  return Math.round(t * (plotWidth - 1));
}

/**
 * A block chart of monthly cost against users, both axes log scale (costs span four orders of
 * magnitude over the ladder). Under the bars: a marker row (+ breakpoints, ^ current users) and
 * decade labels. Every line is at most `width` columns.
 */
export function costChartLines(input: CostChartInput): string[] {
  const from = input.fromUsers ?? 1;
  const to = input.toUsers ?? 10_000_000;
  const plot = Math.max(10, input.width - LABEL_WIDTH);
  const height = Math.max(2, input.height);
  const costs = Array.from({ length: plot }, (_, c) => costAt(input.points, from * Math.pow(to / from, c / (plot - 1))));
  const positive = costs.filter((c) => c > 0);
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  const span = hi > lo ? Math.log(hi / lo) : 1;
  // Eighths of a row per column; the cheapest column still gets one eighth so it shows.
  const levels = costs.map((c) => (c > 0 ? Math.max(1, Math.round(((Math.log(c / lo) / span) * (height - 1) + 1) * 8)) : 0));
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const floor = (height - 1 - row) * 8;
    const bars = levels.map((l) => BLOCKS[Math.min(8, Math.max(0, l - floor))]!).join('');
    const label = row === 0 ? compactUsd(hi) : row === height - 1 ? compactUsd(lo) : '';
    const mark = label && input.floors ? '+' : '';
    lines.push(fit(`${(label + mark).padStart(LABEL_WIDTH - 2)} |${bars}`, input.width));
  }
  lines.push(chartMarkerRow(input));
  lines.push(fit(' '.repeat(LABEL_WIDTH) + decadeLabels(from, to, plot), input.width));
  return lines;
}

/**
 * The row under the bars: + at each breakpoint, ^ at the current users. A keystroke that moves the
 * users changes this row only, so the explorer redraws it alone.
 */
export function chartMarkerRow(input: Pick<CostChartInput, 'breakpoints' | 'currentUsers' | 'width' | 'fromUsers' | 'toUsers'>): string {
  const from = input.fromUsers ?? 1;
  const to = input.toUsers ?? 10_000_000;
  const plot = Math.max(10, input.width - LABEL_WIDTH);
  const markers = Array.from({ length: plot }, () => '-');
  for (const b of input.breakpoints) if (b >= from && b <= to) markers[usersToColumn(b, from, to, plot)] = '+';
  markers[usersToColumn(input.currentUsers, from, to, plot)] = '^';
  return fit(`${''.padStart(LABEL_WIDTH - 2)} +${markers.join('')}`, input.width);
}

/** "1", "10", … "10M" placed under their columns, skipping any that would overlap. */
function decadeLabels(from: number, to: number, plot: number): string {
  const row = Array.from({ length: plot + 4 }, () => ' ');
  let free = 0;
  for (let u = from; u <= to; u *= 10) {
    const label = compactCount(u);
    const col = Math.min(usersToColumn(u, from, to, plot), plot - label.length);
    if (col < free) continue;
    for (let i = 0; i < label.length; i++) row[col + i] = label[i]!;
    free = col + label.length + 1;
  }
  return row.join('').trimEnd();
}
